//! What `--help` prints: usage, options, examples and exit statuses, per command.

/// The help text of `command`, if there is such a command.
pub fn of(command: &str) -> Option<&'static str> {
    match command {
        "-h" | "--help" | "help" => Some(MAIN),
        "parse" => Some(PARSE),
        "validate" => Some(VALIDATE),
        "convert" => Some(CONVERT),
        "corpus" => Some(CORPUS),
        "stats" => Some(STATS),
        "split" => Some(SPLIT),
        "suggest" => Some(SUGGEST),
        "eval" => Some(EVAL),
        "agree" => Some(AGREE),
        _ => None,
    }
}

pub const MAIN: &str = "\
stancemark: annotate who said what in the news (quotes, claims, speakers, stance)

USAGE:
    stancemark parse ARTICLE [--schema SCHEMA.json] [--id ID] [-o OUT.json]
    stancemark validate FILE...
    stancemark convert FILE... [--dataset OUT.jsonl] [--rows OUT.jsonl]
    stancemark corpus DIR|FILE... [-o DATASET.jsonl] [--skip-bad] [--schema SCHEMA.json]
    stancemark stats DATASET... [--json]
    stancemark split DATASET... (-o OUTDIR | --prefix PREFIX) [--ratios 80/10/10] [--seed N]
                     [--done-only] [--rows]
    stancemark suggest ARTICLE|ARTICLES.jsonl... [-o PRE.jsonl] [--min-confidence X]
    stancemark eval [--gold DIR] [--half dev|test|all] [--json]
    stancemark agree FILE FILE... [--json] [--overlap X] [--bootstrap N] [--seed S]
    stancemark help [COMMAND]

COMMANDS:
    parse      Read an article (text or JSON record) and write an empty document JSON
    validate   Check document JSON and dataset JSONL files; exit 1 if any is invalid
    convert    Turn document JSON files into a dataset JSONL and/or flat training rows
    corpus     Bring many articles (a folder, a JSONL of records) into one dataset JSONL
    stats      Count articles, quotes, claims, speakers, stance per target, annotators
    split      Split a dataset by article into train, dev and test, deterministically
    suggest    Pre-annotate articles with suggested quotes, cues and speakers
    eval       Score the suggestions against a gold set of quotes (dev and test halves)
    agree      Agreement between annotators: span F1, kappa, alpha, alpha_U, intervals

EXAMPLES:
    stancemark parse static/ceasefire-2025-03-16.txt -o ceasefire.json
    stancemark validate ceasefire.json corpus.jsonl
    stancemark convert annotated/*.json --dataset corpus.jsonl --rows rows.jsonl
    stancemark corpus articles/ -o corpus.jsonl
    stancemark split corpus.jsonl --ratios 80/10/10 --seed 42 --done-only -o splits/
    stancemark suggest articles.jsonl --min-confidence 0.9 -o pre.jsonl
    stancemark eval --half dev
    stancemark agree ana.jsonl ben.jsonl --json > agreement.json

Offsets are Unicode code points into the document's canonical text, so in Python
text[start:end] is the span. The format is described in docs/format.md.

Output files are written whole or not at all: each is written to a temporary file in
the same directory and renamed over its target only when the run has succeeded.

EXIT STATUS:
    0   success, also when the reader of standard output stops early (`| head`)
    1   invalid input: a file is not a valid article, schema, document or dataset
        (agree: also when the inputs do not pair)
    2   wrong usage, or a file that cannot be read or written
";

pub const PARSE: &str = "\
stancemark parse: read an article and write a document JSON with no annotations yet

USAGE:
    stancemark parse ARTICLE [--schema SCHEMA.json] [--id ID] [-o OUT.json]

ARTICLE is a text file (title line, blank line, date line, blank line, `Abstract: ...`,
blank line, paragraphs separated by blank lines; or just paragraphs) or a JSON record
{\"id\"?, \"title\"?, \"published\"?, \"abstract\"?, \"text\"}. Use - to read standard input.
CRLF, a BOM, trailing spaces and runs of blank lines are normalised; text becomes NFC.

OPTIONS:
    --schema FILE   Stance values, targets and hotkeys to use (default: the built-in
                    news-stance schema: favor/against/neutral/unclear)
    --id ID         Article id to record (default: the JSON record's id, if any)
    -o FILE         Write here instead of standard output (whole or not at all)

EXIT STATUS: 0 written, 1 the article or schema is invalid, 2 wrong usage or I/O error.

EXAMPLES:
    stancemark parse article.txt -o article.json
    curl -s https://example.org/record.json | stancemark parse - --id story-17
";

pub const VALIDATE: &str = "\
stancemark validate: check document JSON and dataset JSONL files

USAGE:
    stancemark validate FILE...

A file ending in .jsonl is read as a dataset (one document per line); any other file as
one document JSON. Every problem is printed as FILE:LINE: FIELD: MESSAGE, e.g.
    doc.json:57: annotations[3].fragments[0].end: 5120 is past the end of the text (3921 code points)
Every line of a dataset is checked, even after a bad one; a line that is not UTF-8 is
reported with the byte and its column (in characters), e.g.
    corpus.jsonl:812: not UTF-8 (byte 0xE9 at column 4410)

EXIT STATUS: 0 every file is valid, 1 any is not, 2 wrong usage or a file that cannot be read.

EXAMPLE:
    stancemark validate corpus.jsonl annotated/*.json
";

pub const CONVERT: &str = "\
stancemark convert: turn documents into training data

USAGE:
    stancemark convert FILE... [--dataset OUT.jsonl] [--rows OUT.jsonl]

Reads document JSON files (and .jsonl datasets) and writes, all or nothing:
    --dataset FILE  one document per line, same format as the document JSON
    --rows FILE     one line per quote or claim: document_id, annotation_id, kind,
                    quote_type, text, start, end, fragments, speaker_id, speaker_name,
                    stance, stance_label, target_id, target_label, cue_text, ...
Use - as FILE to write to standard output. Nothing is written if any input is invalid,
and a file that exists is only replaced once its new content is complete.

EXIT STATUS: 0 written, 1 an input is invalid, 2 wrong usage or I/O error.

EXAMPLE:
    stancemark convert annotated/*.json --dataset corpus.jsonl --rows rows.jsonl
    python3 -c 'import json; print(sum(1 for _ in open(\"rows.jsonl\")))'
";

pub const CORPUS: &str = "\
stancemark corpus: bring many articles into one dataset JSONL, ready to annotate

USAGE:
    stancemark corpus DIR|FILE... [-o DATASET.jsonl] [--skip-bad] [--schema SCHEMA.json]

Reads, in order:
    DIR            every .txt, .json and .jsonl file in it and its subdirectories, sorted
                   by path (hidden files and directories are left out)
    FILE.txt       one article in the text format (as `stancemark parse` reads it)
    FILE.json      one JSON article record {\"id\"?, \"title\"?, \"published\"?, \"abstract\"?,
                   \"text\"}, or one Stancemark document (\"format\": \"stancemark-document\")
    FILE.jsonl     one article record or Stancemark dataset line per line (blank lines
                   are skipped)
and writes one dataset line per article: the document with its \"corpus\" object
({\"status\": \"new\", ...} for an article; a document keeps its own).

Each article gets an id: its record's or document's id, else its file's name without
the extension (not for JSONL lines), else the first 12 hex digits of the SHA-256 of
its text; a clash with another text gets -2, -3, ... An article whose canonical text is
already in the dataset is reported on standard error and added only once.

OPTIONS:
    -o FILE         Write here instead of standard output (whole or not at all)
    --skip-bad      Write the good articles and skip the bad ones (listed on standard
                    error) instead of writing nothing
    --schema FILE   The schema new articles get (default: the built-in news-stance schema)

Any bad input is listed as FILE:LINE: MESSAGE, and then nothing is written unless
--skip-bad is given.

EXIT STATUS: 0 written, 1 an input is invalid, 2 wrong usage or I/O error.

EXAMPLES:
    stancemark corpus articles/ -o corpus.jsonl
    stancemark corpus scraped.jsonl extra/*.txt -o corpus.jsonl --skip-bad
";

pub const STATS: &str = "\
stancemark stats: what a dataset holds

USAGE:
    stancemark stats DATASET... [--json]

Reads dataset JSONL files (and document JSON files) and prints: articles by status
(new, in progress, done, skipped), annotations, quotes by type (direct, indirect,
mixed), claims, speakers (distinct per article, summed), the stance distribution per
target (target label -> stance label -> annotations) and the annotators (created_by ->
annotations made). A line without a corpus object counts as new when it has no
annotations, else as in progress.

OPTIONS:
    --json          Print the same numbers as one JSON object

EXIT STATUS: 0 printed, 1 an input is invalid, 2 wrong usage or a file cannot be read.

EXAMPLES:
    stancemark stats corpus.jsonl
    stancemark stats corpus.jsonl --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"statuses\"])'
";

pub const SPLIT: &str = "\
stancemark split: split a dataset by article into train, dev and test

USAGE:
    stancemark split DATASET... (-o OUTDIR | --prefix PREFIX) [--ratios 80/10/10]
                     [--seed N] [--done-only] [--rows]

Writes OUTDIR/train.jsonl, dev.jsonl and test.jsonl (or PREFIXtrain.jsonl, ...), each a
dataset with corpus.split set on every line, and prints how many articles each holds.
The split is the app's: for each article id, u = the first 8 bytes (big-endian) of
SHA-256(\"SEED\\nID\") / 2^64; train if u < train ratio, dev if u < train + dev, else
test. An article's split depends only on its id and the seed: adding articles never
moves one already split.

OPTIONS:
    -o OUTDIR       Write the files into this directory (made if missing)
    --prefix P      Write P + train.jsonl, ... instead
    --ratios R      Shares of train, dev and test: 80/10/10 (default) or 0.8,0.1,0.1
    --seed N        A whole number (default 0); the same seed gives the same split
    --done-only     Leave out articles whose status is not done
    --rows          Also write train.rows.jsonl, ...: flat rows with article_id and split

Nothing is written if any input line is invalid.

EXIT STATUS: 0 written, 1 an input is invalid, 2 wrong usage or I/O error.

EXAMPLE:
    stancemark split corpus.jsonl --ratios 80/10/10 --seed 42 --done-only --rows -o splits/
";

pub const SUGGEST: &str = "\
stancemark suggest: pre-annotate articles with suggested quotes, cues and speakers

USAGE:
    stancemark suggest ARTICLE|ARTICLES.jsonl... [-o PRE.jsonl] [--min-confidence X] [--at TIME]

Reads articles as `corpus` does (text files, JSON records, JSONL of records or dataset
lines), runs the offline suggestion rules on each, accepts every suggestion with a
confidence of at least X (default 0), and writes one dataset JSONL: each accepted
suggestion is an ordinary quote with origin \"suggestion\" and its rule, with its cue,
source mention and speaker (speakers are created once per person, with aliases).

OPTIONS:
    -o PRE.jsonl          Write here instead of standard output
    --min-confidence X    Accept only suggestions at or above X (0 to 1); 0.9 keeps
                          quotes with a cue beside them, 0.6 adds quotes that stand alone
    --at TIME             The created_at time stamp (RFC 3339); a fixed one by default,
                          so that the same input gives the same output

Nothing is written if any input is invalid.

EXIT STATUS: 0 written, 1 an input is invalid, 2 wrong usage or I/O error.

EXAMPLE:
    stancemark suggest static/ceasefire-2025-03-16.txt -o pre.jsonl
";

pub const EVAL: &str = "\
stancemark eval: score the suggestions against a gold set of quotes

USAGE:
    stancemark eval [--gold DIR] [--half dev|test|all] [--json]

DIR holds articles/<id>.txt and gold_quotes.jsonl, laid out like ../shared/eval/quotes
(the default, relative to the current directory). Articles are sorted by id: the first
half is the development half (rules are tuned on it), the second the test half (reported
only). Each half gets a table per quote type and overall. A gold quote's type comes from
its quotation marks: enclosed in them direct, containing some mixed, none indirect.

COLUMNS:
    GGT >0.3, >0.8   The Gender Gap Tracker's metric: a prediction matches a gold quote
                     when it covers more than 0.3 (0.8) of it, one to one, greedily
    exact            Same span after trimming quotation marks, spaces and punctuation
    spk              Speaker accuracy over matched quotes: mention overlaps the gold's,
                     or both have none
    name             Resolved speaker name equals the gold's resolved name
    e2e              Correct speakers over all gold quotes
    cue              Cue span exactly the gold's (over matched quotes)
    An interrupted quote counts as one prediction per fragment.

OPTIONS:
    --gold DIR       The gold set (default ../shared/eval/quotes)
    --half H         dev, test or all (default all)
    --json           Print the numbers as JSON

EXIT STATUS: 0 printed, 1 the gold set is empty, 2 wrong usage or I/O error.
";

pub const AGREE: &str = "\
stancemark agree: how far annotators agree on the same articles

USAGE:
    stancemark agree FILE FILE... [--json] [--overlap X] [--bootstrap N] [--seed S]

Each FILE is one annotator's work: a document JSON (one article) or a dataset JSONL
(many). The annotator is named by the created_by of its annotations when they all agree,
else by the file's name without its extension. Articles pair by the SHA-256 of their
text; an article missing from an input, or in one input twice, is listed by name and
left out, and the run exits 1.

FIGURES (per article and over the corpus):
    F1          2|M| / (|A| + |B|) per pair of annotators, mean over pairs, for all
                annotations, quotes, claims and each quote type. exact: same kind and
                same fragments. lenient: same kind and overlap >= X, where overlap is
                the characters both cover / the characters either covers. Matching is
                one to one, greedy by best overlap. Over a corpus, pooled per pair.
    kappa       Cohen's kappa (two annotators) on leniently matched spans, for quote
                type, speaker (same person: a name or alias in common ignoring case, or
                the same Wikidata id), stance, target and cue presence
    alpha       Krippendorff's alpha (nominal, any number of annotators) on the same;
                a span an annotator lacks, or a label left empty, is a missing value
    alpha_U     Krippendorff's unitizing alpha per category (quote, claim) over the
                characters, as DKPro Statistics and INCEpTION compute it
    unmatched   spans with no lenient match in the other annotator's, counted and listed
With two or more articles, each corpus figure gets a 95% interval from a bootstrap over
articles. docs/format.md (Agreement) defines every figure and field of --json.

OPTIONS:
    --json          Print the report as JSON instead of tables
    --overlap X     Least overlap for a lenient match, above 0 and at most 1 (default 0.5)
    --bootstrap N   Resamples for the intervals (default 1000; 0 for none)
    --seed S        Seed of the resampling (default 0); the same seed, the same intervals

EXIT STATUS: 0 printed, 1 an input is invalid or the inputs do not pair (the figures of
what did pair are still printed), 2 wrong usage or a file that cannot be read.

EXAMPLES:
    stancemark agree ana/ceasefire.json ben/ceasefire.json
    stancemark agree ana.jsonl ben.jsonl cleo.jsonl --overlap 0.8 --json > agreement.json
";

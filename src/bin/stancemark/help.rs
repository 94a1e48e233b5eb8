//! What `--help` prints: usage, options, examples and exit statuses, per command.

/// The help text of `command`, if there is such a command.
pub fn of(command: &str) -> Option<&'static str> {
    match command {
        "-h" | "--help" | "help" => Some(MAIN),
        "parse" => Some(PARSE),
        "validate" => Some(VALIDATE),
        "convert" => Some(CONVERT),
        _ => None,
    }
}

pub const MAIN: &str = "\
stancemark: annotate who said what in the news (quotes, claims, speakers, stance)

USAGE:
    stancemark parse ARTICLE [--schema SCHEMA.json] [--id ID] [-o OUT.json]
    stancemark validate FILE...
    stancemark convert FILE... [--dataset OUT.jsonl] [--rows OUT.jsonl]
    stancemark help [COMMAND]

COMMANDS:
    parse      Read an article (text or JSON record) and write an empty document JSON
    validate   Check document JSON and dataset JSONL files; exit 1 if any is invalid
    convert    Turn document JSON files into a dataset JSONL and/or flat training rows

EXAMPLES:
    stancemark parse static/ceasefire-2025-03-16.txt -o ceasefire.json
    stancemark validate ceasefire.json corpus.jsonl
    stancemark convert annotated/*.json --dataset corpus.jsonl --rows rows.jsonl

Offsets are Unicode code points into the document's canonical text, so in Python
text[start:end] is the span. The format is described in docs/format.md.

Output files are written whole or not at all: each is written to a temporary file in
the same directory and renamed over its target only when the run has succeeded.

EXIT STATUS:
    0   success, also when the reader of standard output stops early (`| head`)
    1   invalid input: a file is not a valid article, schema, document or dataset
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

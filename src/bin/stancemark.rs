//! `stancemark`: the annotation model on the command line, for scripts and pipelines.
//! Cargo builds every binary for every target, so the tool compiles to an empty program on
//! wasm32, where it has no use.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(cli::run(&args));
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::fs;
    use std::io::{Read, Write};

    use stancemark::model::article::Article;
    use stancemark::model::dataset;
    use stancemark::model::document::Document;
    use stancemark::model::export;
    use stancemark::model::import::{self, ImportError};
    use stancemark::model::locate::line_of_error;
    use stancemark::model::schema::Schema;

    const OK: i32 = 0;
    const INVALID: i32 = 1;
    const USAGE: i32 = 2;

    const HELP: &str = "\
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
Exit status: 0 success, 1 invalid input, 2 wrong usage.
";

    const PARSE_HELP: &str = "\
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
    -o FILE         Write here instead of standard output

EXAMPLES:
    stancemark parse article.txt -o article.json
    curl -s https://example.org/record.json | stancemark parse - --id story-17
";

    const VALIDATE_HELP: &str = "\
stancemark validate: check document JSON and dataset JSONL files

USAGE:
    stancemark validate FILE...

A file ending in .jsonl is read as a dataset (one document per line); any other file as
one document JSON. Every problem is printed as FILE:LINE: FIELD: MESSAGE, e.g.
    doc.json:57: annotations[3].fragments[0].end: 5120 is past the end of the text (3921 code points)
Exit status: 0 if every file is valid, 1 if any is not, 2 on wrong usage.

EXAMPLE:
    stancemark validate corpus.jsonl annotated/*.json
";

    const CONVERT_HELP: &str = "\
stancemark convert: turn documents into training data

USAGE:
    stancemark convert FILE... [--dataset OUT.jsonl] [--rows OUT.jsonl]

Reads document JSON files (and .jsonl datasets) and writes, all or nothing:
    --dataset FILE  one document per line, same format as the document JSON
    --rows FILE     one line per quote or claim: document_id, annotation_id, kind,
                    quote_type, text, start, end, fragments, speaker_id, speaker_name,
                    stance, stance_label, target_id, target_label, cue_text, ...
Use - as FILE to write to standard output. Nothing is written if any input is invalid.

EXAMPLE:
    stancemark convert annotated/*.json --dataset corpus.jsonl --rows rows.jsonl
    python3 -c 'import json; print(sum(1 for _ in open(\"rows.jsonl\")))'
";

    pub fn run(args: &[String]) -> i32 {
        let Some((command, rest)) = args.split_first() else {
            eprint!("{HELP}");
            return USAGE;
        };
        let wants_help = rest.iter().any(|a| a == "--help" || a == "-h");
        match command.as_str() {
            "-h" | "--help" => print_ok(HELP),
            "help" => match rest.first().map(String::as_str) {
                None => print_ok(HELP),
                Some("parse") => print_ok(PARSE_HELP),
                Some("validate") => print_ok(VALIDATE_HELP),
                Some("convert") => print_ok(CONVERT_HELP),
                Some(other) => usage(&format!("there is no command {other:?}")),
            },
            "parse" if wants_help => print_ok(PARSE_HELP),
            "validate" if wants_help => print_ok(VALIDATE_HELP),
            "convert" if wants_help => print_ok(CONVERT_HELP),
            "parse" => parse(rest),
            "validate" => validate(rest),
            "convert" => convert(rest),
            other => usage(&format!("unknown command {other:?}")),
        }
    }

    fn print_ok(text: &str) -> i32 {
        print!("{text}");
        OK
    }

    fn usage(problem: &str) -> i32 {
        eprintln!("stancemark: {problem}\nRun `stancemark --help` for usage and examples.");
        USAGE
    }

    /// Positional arguments, and `(flag, value)` pairs.
    type Parsed<'a> = (Vec<&'a str>, Vec<(&'a str, &'a str)>);

    /// Splits arguments into positional ones and `--flag VALUE` pairs from `flags`.
    fn split_args<'a>(args: &'a [String], flags: &[&str]) -> Result<Parsed<'a>, String> {
        let mut positional = Vec::new();
        let mut options = Vec::new();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            if flags.contains(&a.as_str()) {
                let value = it.next().ok_or_else(|| format!("{a} needs a value"))?;
                options.push((a.as_str(), value.as_str()));
            } else if a.starts_with('-') && a != "-" {
                return Err(format!("unknown option {a:?}"));
            } else {
                positional.push(a.as_str());
            }
        }
        Ok((positional, options))
    }

    fn option<'a>(options: &[(&str, &'a str)], name: &str) -> Option<&'a str> {
        options.iter().rev().find(|(k, _)| *k == name).map(|(_, v)| *v)
    }

    fn read_input(path: &str) -> Result<Vec<u8>, String> {
        if path == "-" {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).map_err(|e| format!("-: cannot read standard input: {e}"))?;
            return Ok(buf);
        }
        fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))
    }

    fn write_output(path: Option<&str>, content: &str) -> Result<(), String> {
        match path {
            None | Some("-") => std::io::stdout().write_all(content.as_bytes()).map_err(|e| format!("cannot write to standard output: {e}")),
            Some(p) => fs::write(p, content).map_err(|e| format!("{p}: cannot write: {e}")),
        }
    }

    fn parse(args: &[String]) -> i32 {
        let (files, options) = match split_args(args, &["--schema", "--id", "-o"]) {
            Ok(x) => x,
            Err(e) => return usage(&e),
        };
        let [file] = files[..] else {
            return usage("parse takes exactly one ARTICLE file (or - for standard input)");
        };
        let result = (|| {
            let bytes = read_input(file)?;
            let mut article = Article::parse_bytes(&bytes).map_err(|e| format!("{file}: {e}"))?;
            if let Some(id) = option(&options, "--id") {
                article.id = Some(id.to_owned());
            }
            let schema = match option(&options, "--schema") {
                None => Schema::default(),
                Some(p) => {
                    let text = String::from_utf8(read_input(p)?).map_err(|_| format!("{p}: the schema file is not UTF-8"))?;
                    Schema::from_json(&text).map_err(|e| format!("{p}: {e}"))?
                }
            };
            let mut json = export::document_json(&Document::new(article, schema));
            json.push('\n');
            write_output(option(&options, "-o"), &json)
        })();
        report(result)
    }

    fn report(result: Result<(), String>) -> i32 {
        match result {
            Ok(()) => OK,
            Err(e) => {
                eprintln!("{e}");
                INVALID
            }
        }
    }

    /// Reads a file's documents, or prints every problem as `file:line: path: message`.
    fn load(path: &str) -> Result<Vec<Document>, ()> {
        let fail = |message: String| {
            eprintln!("{message}");
        };
        let bytes = read_input(path).map_err(fail)?;
        let Ok(text) = String::from_utf8(bytes) else {
            fail(format!("{path}: the file is not UTF-8"));
            return Err(());
        };
        if path.ends_with(".jsonl") {
            let mut docs = Vec::new();
            let mut ok = true;
            for (line, result) in dataset::read_jsonl(&text) {
                match result {
                    Ok(d) => docs.push(d),
                    Err(e) => {
                        ok = false;
                        fail(format!("{path}:{line}: {}", hint(&e, text.lines().nth(line - 1).unwrap_or(""))));
                    }
                }
            }
            return if ok { Ok(docs) } else { Err(()) };
        }
        match import::document_from_json(&text) {
            Ok(doc) => Ok(vec![doc]),
            Err(e) => {
                let line = line_of_error(&text, &e).map_or(String::new(), |l| format!(":{l}"));
                fail(format!("{path}{line}: {}", hint(&e, &text)));
                Err(())
            }
        }
    }

    /// The error, plus a pointer for the common mistake of validating flat rows.
    fn hint(e: &ImportError, source: &str) -> String {
        if e.path == "format" && source.contains("\"annotation_id\"") {
            return format!("{e} (this looks like a flat rows file from `convert --rows`; validate the documents it came from)");
        }
        e.to_string()
    }

    fn validate(args: &[String]) -> i32 {
        let (files, _) = match split_args(args, &[]) {
            Ok(x) => x,
            Err(e) => return usage(&e),
        };
        if files.is_empty() {
            return usage("validate needs at least one FILE");
        }
        let mut status = OK;
        for file in files {
            match load(file) {
                Ok(docs) => {
                    let annotations: usize = docs.iter().map(|d| d.annotations.len()).sum();
                    println!("{file}: ok ({} document{}, {annotations} annotations)", docs.len(), plural(docs.len()));
                }
                Err(()) => status = INVALID,
            }
        }
        status
    }

    fn plural(n: usize) -> &'static str {
        if n == 1 {
            ""
        } else {
            "s"
        }
    }

    fn convert(args: &[String]) -> i32 {
        let (files, options) = match split_args(args, &["--dataset", "--rows"]) {
            Ok(x) => x,
            Err(e) => return usage(&e),
        };
        let (dataset_out, rows_out) = (option(&options, "--dataset"), option(&options, "--rows"));
        if files.is_empty() {
            return usage("convert needs at least one input FILE");
        }
        if dataset_out.is_none() && rows_out.is_none() {
            return usage("convert needs --dataset OUT.jsonl, --rows OUT.jsonl, or both");
        }
        let mut docs = Vec::new();
        let mut ok = true;
        for file in files {
            match load(file) {
                Ok(d) => docs.extend(d),
                Err(()) => ok = false,
            }
        }
        if !ok {
            eprintln!("nothing written: fix the files above first");
            return INVALID;
        }
        let result = (|| {
            if let Some(out) = dataset_out {
                write_output(Some(out), &dataset::to_jsonl(&docs))?;
            }
            if let Some(out) = rows_out {
                let rows: String = docs.iter().map(export::flat_rows_jsonl).collect();
                write_output(Some(out), &rows)?;
            }
            Ok(())
        })();
        report(result)
    }
}

//! The command-line tool as a script would use it: exit codes, outputs, and error lines of
//! the form `file:line: path: message`; outputs written whole or not at all; a reader that
//! closes the pipe early.

#[path = "fixtures/cli.rs"]
mod cli;
#[path = "fixtures/common.rs"]
mod common;

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Command, Stdio};

use cli::{stancemark, stderr, TempDir};
use stancemark::model::export::document_json;
use stancemark::model::import::document_from_json;

fn sample_path() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("static/ceasefire-2025-03-16.txt").to_string_lossy().into_owned()
}

#[test]
fn parse_writes_a_document_for_the_sample() {
    let o = stancemark(&["parse", &sample_path()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc = document_from_json(&String::from_utf8(o.stdout).unwrap()).unwrap();
    assert_eq!(doc.article, common::sample_article());
    assert!(doc.annotations.is_empty());

    let dir = TempDir::new("parse");
    let out = dir.path("doc.json");
    let o = stancemark(&["parse", &sample_path(), "--id", "reuters-2025-03-16", "-o", &out]);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc = document_from_json(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(doc.article.id.as_deref(), Some("reuters-2025-03-16"));
}

#[test]
fn parse_reports_unreadable_articles_and_schemas() {
    let dir = TempDir::new("parse-bad");
    let bad = dir.0.join("latin1.txt");
    std::fs::write(&bad, b"Caf\xe9 talks").unwrap();
    let o = stancemark(&["parse", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("the file is not UTF-8: invalid byte 0xE9 at byte 3 (line 1)"), "{}", stderr(&o));
    let schema = dir.file("schema.json", r#"{"name": "s", "stances": [], "targets": []}"#);
    let o = stancemark(&["parse", &sample_path(), "--schema", &schema]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("schema.json: stances: needs at least one stance value"), "{}", stderr(&o));
}

#[test]
fn validate_accepts_good_files_and_points_at_the_bad_line() {
    let dir = TempDir::new("validate");
    let json = document_json(&common::annotated_sample());
    let good = dir.file("good.json", &json);
    let o = stancemark(&["validate", &good]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("ok (1 document, 5 annotations)"));

    // Put the first fragment's end past the end of the text, on a line we know.
    let mut lines: Vec<String> = json.lines().map(str::to_owned).collect();
    let annotations = lines.iter().position(|l| l.contains("\"annotations\": [")).unwrap();
    let end = annotations + lines[annotations..].iter().position(|l| l.trim_start().starts_with("\"end\":")).unwrap();
    lines[end] = lines[end].split(':').next().unwrap().to_owned() + ": 99999,";
    let bad = dir.file("bad.json", lines.join("\n"));
    let o = stancemark(&["validate", &good, &bad]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o).trim(),
        format!(
            "{bad}:{}: annotations[0].fragments[0].end: 99999 is past the end of the text (3921 code points)",
            end + 1
        )
    );
}

#[test]
fn validate_reads_jsonl_datasets_line_by_line() {
    let dir = TempDir::new("jsonl");
    let good = dir.file("doc.json", document_json(&common::annotated_sample()));
    let data = dir.path("data.jsonl");
    let o = stancemark(&["convert", &good, &good, "--dataset", &data]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut text = std::fs::read_to_string(&data).unwrap();
    let o = stancemark(&["validate", &data]);
    assert!(o.status.success() && String::from_utf8_lossy(&o.stdout).contains("ok (2 documents, 10 annotations)"));
    text = text.replacen("\"version\":1", "\"version\":3", 2).replacen("\"version\":3", "\"version\":1", 1);
    let bad = dir.file("bad.jsonl", &text);
    let o = stancemark(&["validate", &bad]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o).trim(), format!("{bad}:2: version: unknown version 3: this Stancemark reads version 1"));
}

#[test]
fn validate_explains_truncated_json_and_flat_rows() {
    let dir = TempDir::new("trunc");
    let json = document_json(&common::annotated_sample());
    let cut = dir.file("cut.json", &json[..200]);
    let o = stancemark(&["validate", &cut]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cut.json:") && stderr(&o).contains("truncated"), "{}", stderr(&o));

    let rows = dir.path("rows.jsonl");
    let doc = dir.file("doc.json", &json);
    assert!(stancemark(&["convert", &doc, "--rows", &rows]).status.success());
    let o = stancemark(&["validate", &rows]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("looks like a flat rows file"), "{}", stderr(&o));
}

#[test]
fn convert_writes_rows_and_writes_nothing_for_bad_input() {
    let dir = TempDir::new("convert");
    let good = dir.file("doc.json", document_json(&common::annotated_sample()));
    let rows = dir.path("rows.jsonl");
    let o = stancemark(&["convert", &good, "--rows", &rows]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&rows).unwrap().lines().count(), 5);

    let bad = dir.file("bad.json", "{\"format\": \"stancemark-document\"}");
    let rows2 = dir.path("rows2.jsonl");
    let o = stancemark(&["convert", &good, &bad, "--rows", &rows2]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("nothing written"));
    assert!(!Path::new(&rows2).exists());
}

#[test]
fn usage_errors_exit_2_and_help_teaches() {
    assert_eq!(stancemark(&[]).status.code(), Some(2));
    assert_eq!(stancemark(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(stancemark(&["validate"]).status.code(), Some(2));
    assert_eq!(stancemark(&["convert", "x.json"]).status.code(), Some(2), "needs --dataset or --rows");
    assert_eq!(stancemark(&["parse", "a.txt", "--bogus"]).status.code(), Some(2));
    let o = stancemark(&["--help"]);
    assert!(o.status.success());
    let help = String::from_utf8_lossy(&o.stdout);
    assert!(help.contains("EXAMPLES:") && help.contains("stancemark parse"));
    for cmd in ["parse", "validate", "convert"] {
        let o = stancemark(&[cmd, "--help"]);
        assert!(o.status.success() && String::from_utf8_lossy(&o.stdout).contains("EXAMPLE"), "{cmd}");
        assert_eq!(stancemark(&["help", cmd]).stdout, o.stdout);
    }
}

#[test]
fn exit_codes_say_valid_invalid_or_usage_and_io() {
    let dir = TempDir::new("exit");
    let good = dir.file("good.json", document_json(&common::annotated_sample()));
    let bad = dir.file("bad.json", "{\"format\": \"stancemark-document\"}");
    let missing = dir.path("missing.json");
    assert_eq!(stancemark(&["validate", &good]).status.code(), Some(0));
    assert_eq!(stancemark(&["validate", &good, &bad]).status.code(), Some(1));
    assert_eq!(stancemark(&["validate", "--strict", &good]).status.code(), Some(2), "unknown option");

    // A file that cannot be read is an I/O error (2), which outranks invalid input, and the
    // other files are still checked.
    let o = stancemark(&["validate", &missing, &bad]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(&format!("{missing}: cannot read:")), "{}", stderr(&o));
    assert!(stderr(&o).contains(&format!("{bad}:1: version: is missing")), "{}", stderr(&o));
    let o = stancemark(&["convert", &good, "--rows", &dir.path("no-such-dir/rows.jsonl")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no-such-dir/rows.jsonl: cannot write:"), "{}", stderr(&o));

    let help = String::from_utf8(stancemark(&["--help"]).stdout).unwrap();
    assert!(help.contains("EXIT STATUS:") && help.contains("1   invalid input") && help.contains("2   wrong usage"));
}

#[test]
fn a_reader_closing_the_pipe_early_ends_the_run_quietly_with_0() {
    let dir = TempDir::new("pipe");
    let doc = dir.file("doc.json", document_json(&common::annotated_sample()));
    // Far more than a pipe holds, so the tool is still writing when the reader goes away.
    let inputs = vec![doc.as_str(); 200];
    let mut child = Command::new(env!("CARGO_BIN_EXE_stancemark"))
        .arg("convert")
        .args(&inputs)
        .args(["--dataset", "-"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert!(first.starts_with("{\"format\":\"stancemark-document\""), "{first:.80}");
    // The reader is dropped here, closing the pipe as `| head -1` would.
    let mut errors = String::new();
    child.stderr.take().unwrap().read_to_string(&mut errors).unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(0));
    assert_eq!(errors, "");
}

#[test]
fn a_failed_convert_leaves_existing_outputs_untouched_and_no_temporary_file() {
    let dir = TempDir::new("atomic");
    let good = dir.file("doc.json", document_json(&common::annotated_sample()));
    let bad = dir.file("bad.json", "{\"format\": \"stancemark-document\"}");
    let dataset = dir.file("dataset.jsonl", "old dataset\n");
    let before = dir.listing();

    // Invalid input: nothing is written.
    let o = stancemark(&["convert", &good, &bad, "--dataset", &dataset, "--rows", &dir.path("rows.jsonl")]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&dataset).unwrap(), "old dataset\n");
    assert_eq!(dir.listing(), before);

    // The second output cannot be written: the first, already complete, is not put in place.
    let o = stancemark(&["convert", &good, "--dataset", &dataset, "--rows", &dir.path("gone/rows.jsonl")]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&dataset).unwrap(), "old dataset\n");
    assert_eq!(dir.listing(), before);

    // The target is a directory: the content is written, the rename fails, the temporary
    // file is removed.
    std::fs::create_dir(dir.0.join("rows-dir")).unwrap();
    let before = dir.listing();
    let o = stancemark(&["convert", &good, "--rows", &dir.path("rows-dir")]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(dir.listing(), before);

    // A run that succeeds replaces the file whole.
    let o = stancemark(&["convert", &good, "--dataset", &dataset]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        document_from_json(std::fs::read_to_string(&dataset).unwrap().trim_end()).unwrap(),
        common::annotated_sample()
    );
    assert_eq!(dir.listing(), before);
}

#[test]
fn a_dataset_line_that_is_not_utf8_is_reported_and_the_other_lines_still_checked() {
    let dir = TempDir::new("utf8");
    let good = dir.file("doc.json", document_json(&common::annotated_sample()));
    let data = dir.path("data.jsonl");
    assert!(stancemark(&["convert", &good, &good, &good, &good, &good, "--dataset", &data]).status.success());
    let mut lines: Vec<Vec<u8>> = std::fs::read(&data).unwrap().split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
    // Line 2: a Latin-1 "é" in the note of the first annotation (a different fault follows on line 4).
    let note = lines[1].windows(9).position(|w| w == b"\"note\":\"\"").unwrap() + 8;
    lines[1].insert(note, 0xE9);
    let column = 1 + String::from_utf8_lossy(&lines[1][..note]).chars().count();
    let line4 = String::from_utf8(lines[3].clone()).unwrap().replacen("\"version\":1", "\"version\":3", 1);
    lines[3] = line4.into_bytes();
    let bad = dir.path("bad.jsonl");
    std::fs::write(&bad, lines.join(&b'\n')).unwrap();

    let o = stancemark(&["validate", &bad]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o).lines().collect::<Vec<_>>(),
        vec![
            format!("{bad}:2: not UTF-8 (byte 0xE9 at column {column})"),
            format!("{bad}:4: version: unknown version 3: this Stancemark reads version 1"),
        ]
    );
}

#[test]
fn a_document_json_that_is_not_utf8_names_the_line_and_column() {
    let dir = TempDir::new("utf8-doc");
    let json = document_json(&common::annotated_sample());
    // A byte 0xFF inside the first note's quotes, on a line and column we compute here.
    let at = json.find("\"note\": \"\"").unwrap() + "\"note\": \"".len();
    let (line, column) =
        (1 + json[..at].matches('\n').count(), 1 + json[..at].rsplit('\n').next().unwrap().chars().count());
    let mut bytes = json.into_bytes();
    bytes.insert(at, 0xFF);
    let bad = dir.0.join("bad.json");
    std::fs::write(&bad, &bytes).unwrap();
    let o = stancemark(&["validate", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o).trim(), format!("{}:{line}: not UTF-8 (byte 0xFF at column {column})", bad.display()));
}

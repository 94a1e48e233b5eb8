//! The command-line tool as a script would use it: exit codes, outputs, and error lines of
//! the form `file:line: path: message`.

#[path = "fixtures/common.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use stancemark::model::export::document_json;
use stancemark::model::import::document_from_json;

fn stancemark(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stancemark")).args(args).output().expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh directory per test, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let p = std::env::temp_dir().join(format!("stancemark-cli-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
    fn file(&self, name: &str, content: &str) -> String {
        let p = self.0.join(name);
        std::fs::write(&p, content).unwrap();
        p.to_string_lossy().into_owned()
    }
    fn path(&self, name: &str) -> String {
        self.0.join(name).to_string_lossy().into_owned()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

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
    let bad = dir.file("bad.json", &lines.join("\n"));
    let o = stancemark(&["validate", &good, &bad]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o).trim(),
        format!("{bad}:{}: annotations[0].fragments[0].end: 99999 is past the end of the text (3921 code points)", end + 1)
    );
}

#[test]
fn validate_reads_jsonl_datasets_line_by_line() {
    let dir = TempDir::new("jsonl");
    let good = dir.file("doc.json", &document_json(&common::annotated_sample()));
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
    let good = dir.file("doc.json", &document_json(&common::annotated_sample()));
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

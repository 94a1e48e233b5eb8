//! The corpus commands as a script would use them: `corpus` (articles to a dataset, bad
//! inputs refused or skipped on request, duplicates added once), `stats` (table and JSON) and
//! `split` (deterministic, stable as the corpus grows, written all or nothing).

#[path = "fixtures/cli.rs"]
mod cli;
#[path = "fixtures/common.rs"]
mod common;

use std::path::Path;
use std::process::Command;

use cli::{stancemark, stderr, stdout, TempDir};
use stancemark::corpus::meta::{dataset_line, read_document, CorpusMeta};
use stancemark::corpus::split::{Ratios, Split};
use stancemark::corpus::status::Status;

/// Each line of a dataset file: the article id and the corpus object.
fn read_dataset(path: &str) -> Vec<(String, CorpusMeta)> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|line| {
            let (doc, meta) = read_document(line).unwrap();
            (doc.article.id.unwrap(), meta)
        })
        .collect()
}

fn ids(dataset: &[(String, CorpusMeta)]) -> Vec<&str> {
    dataset.iter().map(|(id, _)| id.as_str()).collect()
}

fn record(id: &str, text: &str) -> String {
    serde_json::json!({ "id": id, "text": text }).to_string()
}

#[test]
fn corpus_reads_a_directory_recursively_in_path_order_and_adds_each_text_once() {
    let dir = TempDir::new("dir");
    dir.file("in/b-second.txt", "Second article.\n\nIts body.");
    dir.file("in/a-first.txt", common::SAMPLE);
    dir.file("in/sub/c-third.json", r#"{"title": "Third", "text": "Third body."}"#);
    dir.file(
        "in/records.jsonl",
        format!("{}\r\n\r\n{}", record("r1", "Record one."), record("r2", "Second article.\n\nIts body.")),
    );
    dir.file("in/notes.md", "not an article");
    dir.file("in/.hidden/x.txt", "hidden");
    let out = dir.path("in/dataset.jsonl");
    let o = stancemark(&["corpus", &dir.path("in"), "-o", &out]);
    assert!(o.status.success(), "{}", stderr(&o));
    let dataset = read_dataset(&out);
    // a-first.txt, b-second.txt, records.jsonl (r2 repeats b-second), sub/c-third.json.
    assert_eq!(ids(&dataset), vec!["a-first", "b-second", "r1", "c-third"]);
    assert!(dataset
        .iter()
        .all(|(_, meta)| *meta == CorpusMeta { status: Status::New, edited_at: None, edited_by: None, split: None }));
    assert_eq!(
        stderr(&o).lines().collect::<Vec<_>>(),
        vec![
            format!("{}:3: the same text as article \"b-second\"; not added again", dir.path("in/records.jsonl")),
            format!("4 articles written to {out}; 1 duplicate not added; 0 bad inputs skipped"),
        ]
    );
    // Run again with the output inside the directory: it is not read as an input.
    let o = stancemark(&["corpus", &dir.path("in"), "-o", &out]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(read_dataset(&out).len(), 4);
}

#[test]
fn corpus_refuses_bad_lines_and_writes_nothing_unless_asked_to_skip_them() {
    let dir = TempDir::new("bad");
    let jsonl = [
        record("a", "First."),
        r#"{"id": "b", "text": ""}"#.to_owned(),
        record("c", "Third."),
        r#"{"id": "d", "title": "no text"}"#.to_owned(),
    ]
    .join("\n");
    let input = dir.file("articles.jsonl", jsonl);
    let out = dir.path("dataset.jsonl");
    let o = stancemark(&["corpus", &input, "-o", &out]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o).lines().collect::<Vec<_>>(),
        vec![
            format!("{input}:2: the JSON record's `text` field is empty"),
            format!("{input}:4: the JSON record has no `text` field (expected {{\"id\"?, \"title\"?, \"published\"?, \"abstract\"?, \"text\"}})"),
            "nothing written; --skip-bad writes the 2 good articles and skips 2".to_owned(),
        ]
    );
    assert!(!Path::new(&out).exists());

    let o = stancemark(&["corpus", &input, "-o", &out, "--skip-bad"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(ids(&read_dataset(&out)), vec!["a", "c"]);
    assert_eq!(
        stderr(&o).lines().collect::<Vec<_>>(),
        vec![
            format!("{input}:2: the JSON record's `text` field is empty (skipped)"),
            format!("{input}:4: the JSON record has no `text` field (expected {{\"id\"?, \"title\"?, \"published\"?, \"abstract\"?, \"text\"}}) (skipped)"),
            format!("2 articles written to {out}; 0 duplicates not added; 2 bad inputs skipped"),
        ]
    );
}

#[test]
fn corpus_keeps_the_annotations_and_status_of_documents_and_writes_to_stdout() {
    let dir = TempDir::new("docs");
    let doc = common::annotated_sample();
    let meta = CorpusMeta {
        status: Status::Done,
        edited_at: Some("2025-03-18T10:00:00Z".into()),
        edited_by: Some("ana".into()),
        split: None,
    };
    let input = dir.file("annotated.jsonl", dataset_line(&doc, &meta) + "\n");
    let o = stancemark(&["corpus", &input]);
    assert!(o.status.success(), "{}", stderr(&o));
    let (back, back_meta) = read_document(stdout(&o).trim_end()).unwrap();
    assert_eq!((back.annotations, back_meta), (doc.annotations, meta));
    assert!(
        stderr(&o).ends_with("1 article written to standard output; 0 duplicates not added; 0 bad inputs skipped\n")
    );
}

/// A dataset of the annotated sample (done) and `n` plain articles (new), ids `a0`, `a1`, ….
fn dataset(dir: &TempDir, name: &str, n: usize) -> String {
    let doc = common::annotated_sample();
    let meta = CorpusMeta { status: Status::Done, ..CorpusMeta::default_for(&doc) };
    let mut lines = vec![dataset_line(&doc, &meta)];
    lines.extend((0..n).map(|i| record(&format!("a{i}"), &format!("Article {i}."))));
    let records = dir.file(&format!("{name}.in.jsonl"), lines.join("\n"));
    let out = dir.path(name);
    let o = stancemark(&["corpus", &records, "-o", &out]);
    assert!(o.status.success(), "{}", stderr(&o));
    out
}

#[test]
fn stats_prints_a_table_and_json() {
    let dir = TempDir::new("stats");
    let data = dataset(&dir, "data.jsonl", 2);
    let o = stancemark(&["stats", &data]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "\
articles           3   new 2, in progress 0, done 1, skipped 0
annotations        5
quotes             3   direct 2, indirect 1, mixed 0
claims             2
speakers           2   distinct per article, summed

stance by target
  ending the war in Ukraine       favor 1
  the 30-day ceasefire proposal   favor 1

annotators (annotations made)
  tester   5
"
    );
    let o = stancemark(&["stats", &data, "--json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(json["statuses"], serde_json::json!({"new": 2, "in_progress": 0, "done": 1, "skipped": 0}));
    assert_eq!(json["quotes"]["indirect"], 1);

    let bad = dir.file(
        "bad.jsonl",
        std::fs::read_to_string(&data).unwrap().replacen("\"status\":\"new\"", "\"status\":\"finished\"", 1),
    );
    let o = stancemark(&["stats", &bad]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o).lines().collect::<Vec<_>>(),
        vec![
            format!("{bad}:2: corpus.status: \"finished\" is not one of: new, in_progress, done, skipped"),
            "no statistics: fix the lines above first".to_owned(),
        ]
    );
}

#[test]
fn split_writes_three_files_the_library_would_and_stays_stable_as_the_corpus_grows() {
    let dir = TempDir::new("split");
    let data = dataset(&dir, "data.jsonl", 40);
    let out = dir.path("splits");
    let o = stancemark(&["split", &data, "--ratios", "60/20/20", "--seed", "42", "-o", &out, "--rows"]);
    assert!(o.status.success(), "{}", stderr(&o));

    let ratios = Ratios::parse("60/20/20").unwrap();
    let mut expected_counts = [0; 3];
    let all = read_dataset(&data);
    for (id, _) in &all {
        expected_counts[ratios.split_of(42, id) as usize] += 1;
    }
    assert_eq!(
        stdout(&o),
        format!(
            "train {}, dev {}, test {} (41 articles; ratios 60/20/20, seed 42)\n",
            expected_counts[0], expected_counts[1], expected_counts[2]
        )
    );
    let mut seen = 0;
    let mut first_run = Vec::new();
    for split in Split::ALL {
        let file = format!("{out}/{}.jsonl", split.as_str());
        let lines = read_dataset(&file);
        assert_eq!(lines.len(), expected_counts[split as usize]);
        for (id, meta) in &lines {
            assert_eq!((meta.split, ratios.split_of(42, id)), (Some(split), split), "{id}");
        }
        seen += lines.len();
        let rows = std::fs::read_to_string(format!("{out}/{}.rows.jsonl", split.as_str())).unwrap();
        for row in rows.lines() {
            let row: serde_json::Value = serde_json::from_str(row).unwrap();
            assert_eq!(row["split"], split.as_str());
            assert_eq!(ratios.split_of(42, row["article_id"].as_str().unwrap()), split);
        }
        first_run.push(lines);
    }
    assert_eq!(seen, all.len());

    // Twenty more articles: every article keeps its split.
    let bigger = dataset(&dir, "bigger.jsonl", 60);
    let out2 = dir.path("splits2");
    assert!(stancemark(&["split", &bigger, "--ratios", "0.6,0.2,0.2", "--seed", "42", "-o", &out2]).status.success());
    for (split, before) in Split::ALL.into_iter().zip(first_run) {
        let after = read_dataset(&format!("{out2}/{}.jsonl", split.as_str()));
        let after_ids = ids(&after);
        assert!(ids(&before).iter().all(|id| after_ids.contains(id)), "{split:?}");
    }
}

#[test]
fn split_done_only_and_prefix() {
    let dir = TempDir::new("done");
    let data = dataset(&dir, "data.jsonl", 5);
    let prefix = dir.path("corpus-");
    let o = stancemark(&["split", &data, "--done-only", "--prefix", &prefix, "--ratios", "100/0/0"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "train 1, dev 0, test 0 (1 articles; ratios 100/0/0, seed 0; 5 not done, left out)\n");
    assert_eq!(read_dataset(&format!("{prefix}train.jsonl")).len(), 1);
    assert_eq!(std::fs::read_to_string(format!("{prefix}test.jsonl")).unwrap(), "");
    assert!(!Path::new(&format!("{prefix}train.rows.jsonl")).exists(), "rows only with --rows");
}

#[test]
fn usage_errors_exit_2_with_a_reason() {
    let dir = TempDir::new("usage");
    let data = dataset(&dir, "data.jsonl", 1);
    let cases: [(&[&str], &str); 6] = [
        (&["corpus"], "corpus needs a DIR, a JSONL file of articles, or article FILEs"),
        (&["split", &data], "split needs where to write: -o OUTDIR or --prefix PREFIX (one of them)"),
        (
            &["split", &data, "-o", "x", "--ratios", "80/15/10"],
            "--ratios: the ratios must sum to 1 (or to 100 as percentages), they sum to 105",
        ),
        (
            &["split", &data, "-o", "x", "--seed", "-1"],
            "--seed: \"-1\" is not a whole number from 0 to 18446744073709551615",
        ),
        (
            &["split", &data, "-o", "x", "--seed", "forty"],
            "--seed: \"forty\" is not a whole number from 0 to 18446744073709551615",
        ),
        (&["stats"], "stats needs at least one dataset FILE"),
    ];
    for (args, message) in cases {
        let o = stancemark(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).starts_with(&format!("stancemark: {message}\n")), "{args:?}: {}", stderr(&o));
    }
    assert!(!Path::new("x").exists());
    for cmd in ["corpus", "stats", "split"] {
        let o = stancemark(&[cmd, "--help"]);
        assert!(o.status.success() && stdout(&o).contains("EXAMPLE"), "{cmd}");
        assert!(stdout(&stancemark(&["--help"])).contains(&format!("stancemark {cmd} ")), "{cmd} in the main help");
    }
}

/// The Python `split_of` of docs/format.md §8.3, run on the tool's output: the documented rule
/// is the rule the tool follows.
#[test]
fn the_documented_python_split_agrees_with_the_tool() {
    let md = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/format.md")).unwrap();
    let start =
        md.find("```python\nimport hashlib\n\ndef split_of").expect("§8.3 has the Python rule") + "```python\n".len();
    let function = &md[start..start + md[start..].find("```").unwrap()];
    let dir = TempDir::new("python");
    let data = dataset(&dir, "data.jsonl", 200);
    let out = dir.path("splits");
    let o = stancemark(&["split", &data, "--ratios", "70/20/10", "--seed", "1234", "-o", &out]);
    assert!(o.status.success(), "{}", stderr(&o));
    let check = format!(
        "{function}
import json, sys
checked = 0
for split in ('train', 'dev', 'test'):
    for line in open(f'{{sys.argv[1]}}/{{split}}.jsonl', encoding='utf-8'):
        doc = json.loads(line)
        assert split_of(doc['article']['id'], 1234, 0.7, 0.2) == split == doc['corpus']['split'], doc['article']['id']
        checked += 1
print(checked)
"
    );
    let o = Command::new("python3").arg("-c").arg(&check).arg(&out).output().expect("python3 runs");
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "201\n");
}

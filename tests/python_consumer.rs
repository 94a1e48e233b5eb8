//! A real consumer reads our exports: Python, whose `text[start:end]` indexes code points.
//! The text is full of what breaks offset code (skin tones, ZWJ families, flags, CJK,
//! combining marks, RTL) and arrives with CRLF line ends, so it is normalised first.

use std::path::PathBuf;
use std::process::Command;

use stancemark::model::action::Action;
use stancemark::model::annotation::{AnnotationKind, Origin, QuoteType};
use stancemark::model::article::Article;
use stancemark::model::document::Document;
use stancemark::model::export::{document_json, flat_rows_jsonl};
use stancemark::model::schema::Schema;
use stancemark::model::speaker::SpeakerKind;
use stancemark::model::text::Span;

const SOURCE: &str = "Talks 👍🏽 in Riyadh 🇺🇦\r\n\r\n2025-03-16 03:31:00\r\n\r\nAbstract: The family 👨\u{200D}👩\u{200D}👧\u{200D}👦 waits; cafe\u{301} owners \
                      say \"not yet\".\r\n\r\n\"We are 🙏🏿 hopeful,\" said Zelensky\u{2019}s aide. 北京 officials said 会谈 continues.\r\n\
                      Another line of the same paragraph with Ame\u{301}lie and Zoë.\r\n\r\n\r\n\
                      שלום said the envoy: \u{201C}peace 🕊\u{FE0F} now\u{201D}, according to 한국 media 😀😀.";

fn build() -> Document {
    let article = Article::parse_bytes(SOURCE.as_bytes()).expect("parses");
    assert!(!article.text.contains('\r'));
    let mut doc = Document::new(article, Schema::default());
    let speaker = doc
        .apply(Action::AddSpeaker { name: "Zelensky's aide".into(), kind: SpeakerKind::UnnamedSource, role: None })
        .unwrap()
        .created_speaker;
    let ix = doc.text_index().clone();
    // A claim on every word, a direct quote on every pair of neighbouring words, each with a
    // cue and source mention on other words: hundreds of spans starting and ending next to
    // every kind of character.
    let words: Vec<Span> = (0..ix.cp_len())
        .filter(|&cp| ix.is_word_boundary(cp))
        .map(|cp| ix.snap_to_words(Span::new(cp, cp + 1)))
        .filter(|s| !s.is_empty())
        .collect();
    let mut words: Vec<Span> = words.into_iter().filter(|s| doc.article.block_containing(*s).is_some()).collect();
    words.dedup();
    for (i, w) in words.iter().enumerate() {
        let claim = Action::CreateAnnotation {
            kind: AnnotationKind::Claim,
            quote_type: None,
            span: *w,
            author: "py".into(),
            at: "2025-03-17T10:00:00Z".into(),
            origin: Origin::Manual,
            rule: None,
        };
        doc.apply(claim).unwrap();
        let Some(next) = words.get(i + 1) else { continue };
        let pair = Span::new(w.start, next.end);
        let quote = Action::CreateAnnotation {
            kind: AnnotationKind::Quote,
            quote_type: Some(QuoteType::Mixed),
            span: pair,
            author: "py".into(),
            at: "2025-03-17T10:00:00Z".into(),
            origin: Origin::Suggestion,
            rule: None,
        };
        let Ok(out) = doc.apply(quote) else { continue }; // pairs across blocks are refused
        let id = out.created_annotation.unwrap();
        let far = words[(i + 3) % words.len()];
        doc.apply(Action::SetCue { id: id.clone(), span: Some(far) }).unwrap();
        doc.apply(Action::SetSourceMention { id: id.clone(), span: Some(words[(i + 5) % words.len()]) }).unwrap();
        doc.apply(Action::SetSpeaker { id, speaker: speaker.clone() }).unwrap();
    }
    doc.check_invariants().unwrap();
    doc
}

const CHECK: &str = r#"
import hashlib, json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
text = doc["text"]
assert doc["offset_unit"] == "unicode_code_point"
assert hashlib.sha256(text.encode("utf-8")).hexdigest() == doc["text_sha256"], "sha256"
checked = 0
for b in doc["article"]["blocks"]:
    if b["kind"] == "title":
        assert text[b["start"]:b["end"]] == doc["article"]["title"], (b, doc["article"]["title"])
def check(span, where):
    global checked
    s, e = span["start"], span["end"]
    assert text[s:e] == span["text"], (where, text[s:e], span["text"])
    if "context_before" in span:
        assert text[max(0, s - 32):s] == span["context_before"], (where, "before")
        assert text[e:e + 32] == span["context_after"], (where, "after")
    checked += 1
for a in doc["annotations"]:
    for i, f in enumerate(a["fragments"]):
        check(f, (a["id"], i))
    for key in ("cue", "source_mention"):
        if a[key] is not None:
            check(a[key], (a["id"], key))
rows = [json.loads(line) for line in open(sys.argv[2], encoding="utf-8")]
assert len(rows) == len(doc["annotations"])
for r in rows:
    for f in r["fragments"]:
        check(f, (r["annotation_id"], "row"))
    assert r["text"] == " \u2026 ".join(f["text"] for f in r["fragments"])
    assert text[r["start"]:r["end"]].startswith(r["fragments"][0]["text"])
    if r["cue"] is not None:
        check(r["cue"], (r["annotation_id"], "row cue"))
        assert r["cue_text"] == r["cue"]["text"]
print(checked)
"#;

#[test]
fn python_slices_match_every_exported_span() {
    let doc = build();
    let dir: PathBuf = std::env::temp_dir().join(format!("stancemark-py-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (doc_path, rows_path) = (dir.join("doc.json"), dir.join("rows.jsonl"));
    std::fs::write(&doc_path, document_json(&doc)).unwrap();
    std::fs::write(&rows_path, flat_rows_jsonl(&doc)).unwrap();

    let out =
        Command::new("python3").arg("-c").arg(CHECK).arg(&doc_path).arg(&rows_path).output().expect("python3 runs");
    std::fs::remove_dir_all(&dir).ok();
    assert!(out.status.success(), "python failed:\n{}", String::from_utf8_lossy(&out.stderr));

    // Python must have checked every span we wrote, twice (document and rows), not nothing.
    let spans: usize = doc.annotations.iter().map(|a| a.named_spans().len()).sum();
    let cues = doc.annotations.iter().filter(|a| a.cue.is_some()).count();
    let fragments: usize = doc.annotations.iter().map(|a| a.fragments.len()).sum();
    let checked: usize = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
    assert!(doc.annotations.len() > 100, "only {} annotations", doc.annotations.len());
    assert_eq!(checked, spans + fragments + cues);
}

//! Export → import gives the identical document; every malformed file is rejected with a
//! message naming the field; re-anchoring moves spans onto a changed text.

#[path = "fixtures/common.rs"]
mod common;

use common::annotated_sample;
use serde_json::{json, Value};
use stancemark::model::action::Action;
use stancemark::model::annotation::{AnnotationId, AnnotationKind, Origin};
use stancemark::model::article::Article;
use stancemark::model::dataset;
use stancemark::model::document::Document;
use stancemark::model::export::{dataset_document_line, document_json, flat_rows_jsonl};
use stancemark::model::history::Editor;
use stancemark::model::import::{document_from_json, reanchor};
use stancemark::model::schema::Schema;
use stancemark::model::text::Span;

#[test]
fn export_then_import_is_the_identity() {
    let doc = annotated_sample();
    let json = document_json(&doc);
    let back = document_from_json(&json).unwrap();
    assert_eq!(back, doc);
    assert_eq!(document_json(&back), json, "re-export is byte-identical");
    assert_eq!(document_from_json(&dataset_document_line(&doc)).unwrap(), doc);
}

#[test]
fn import_restores_the_id_counters() {
    let mut doc = annotated_sample();
    doc.apply(Action::DeleteAnnotation { id: AnnotationId("a5".into()) }).unwrap();
    let mut back = document_from_json(&document_json(&doc)).unwrap();
    let span = common::span_of(&back, "Marco Rubio");
    let out = back
        .apply(Action::CreateAnnotation {
            kind: AnnotationKind::Claim,
            quote_type: None,
            span,
            author: "x".into(),
            at: common::AT.into(),
            origin: Origin::Manual,
            rule: None,
        })
        .unwrap();
    assert_eq!(out.created_annotation, Some(AnnotationId("a6".into())), "a5 was used once and is not reused");
}

#[test]
fn export_has_the_documented_header_and_span_shape() {
    let doc = annotated_sample();
    let v: Value = serde_json::from_str(&document_json(&doc)).unwrap();
    assert_eq!(v["format"], "stancemark-document");
    assert_eq!(v["version"], 1);
    assert_eq!(v["offset_unit"], "unicode_code_point");
    assert_eq!(v["text_sha256"].as_str().unwrap().len(), 64);
    // Annotations are in text order: a2 ("Putin asked Witkoff ...") comes before a1.
    assert_eq!(v["annotations"][0]["id"], "a2");
    let f = &v["annotations"][1]["fragments"][0];
    assert_eq!(f["context_before"].as_str().unwrap().chars().count(), 32);
    assert!(f["context_after"].as_str().unwrap().starts_with(",\" Trump posted"));
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys.len(), 10);
}

#[test]
fn flat_rows_have_one_line_per_annotation_with_names_and_labels() {
    let doc = annotated_sample();
    let rows = flat_rows_jsonl(&doc);
    let rows: Vec<Value> = rows.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), doc.annotations.len());
    let a3 = rows.iter().find(|r| r["annotation_id"] == "a3").unwrap();
    assert_eq!(a3["speaker_name"], "Dmitry Peskov");
    assert_eq!(a3["target_label"], "the 30-day ceasefire proposal");
    assert_eq!(a3["stance_label"], "favor");
    assert!(a3["text"].as_str().unwrap().contains(" … "));
    assert_eq!(a3["fragments"].as_array().unwrap().len(), 2);
    assert_eq!(rows[0]["document_id"].as_str().unwrap().len(), 12, "no article id: sha prefix");
}

#[test]
fn dataset_jsonl_round_trips_several_documents() {
    let a = annotated_sample();
    let b = Document::new(Article::parse_text("Another story.\n\nWith two paragraphs.").unwrap(), Schema::default());
    let jsonl = dataset::to_jsonl([&a, &b]);
    assert_eq!(jsonl.lines().count(), 2);
    assert_eq!(dataset::documents_from_jsonl(&jsonl).unwrap(), vec![a, b]);
    let broken = jsonl.replacen("\"version\":1", "\"version\":9", 1);
    let (line, e) = dataset::documents_from_jsonl(&broken).unwrap_err();
    assert_eq!(line, 1);
    assert_eq!(e.path, "version");
}

/// Exports the annotated sample, edits the JSON with `edit`, imports it, and returns the
/// error as "path: message". Also checks that an editor holding a document is untouched by
/// the failed import (import is pure: the UI only replaces the document on success).
fn rejected(edit: impl FnOnce(&mut Value)) -> String {
    let doc = annotated_sample();
    let mut v: Value = serde_json::from_str(&document_json(&doc)).unwrap();
    edit(&mut v);
    let editor = Editor::new(doc.clone());
    let result = document_from_json(&serde_json::to_string_pretty(&v).unwrap());
    assert_eq!(*editor.document(), doc);
    result.expect_err("should be rejected").to_string()
}

#[test]
fn wrong_format_and_unknown_version() {
    assert_eq!(rejected(|v| v["format"] = json!("brat")), "format: expected \"stancemark-document\", found \"brat\"");
    assert_eq!(rejected(|v| v["version"] = json!(2)), "version: unknown version 2: this Stancemark reads version 1");
    assert_eq!(
        rejected(|v| v["offset_unit"] = json!("utf16")),
        "offset_unit: expected \"unicode_code_point\", found \"utf16\""
    );
    assert_eq!(
        rejected(|v| {
            v.as_object_mut().unwrap().remove("format");
        }),
        "format: is missing: this is not a stancemark-document file"
    );
}

#[test]
fn offsets_past_the_end_and_reversed() {
    assert_eq!(
        rejected(|v| v["annotations"][3]["fragments"][0]["end"] = json!(5120)),
        "annotations[3].fragments[0].end: 5120 is past the end of the text (3921 code points)"
    );
    let msg = rejected(|v| {
        let end = v["annotations"][0]["fragments"][0]["end"].clone();
        v["annotations"][0]["fragments"][0]["start"] = json!(end.as_u64().unwrap() + 1);
    });
    assert!(msg.starts_with("annotations[0].fragments[0].start:") && msg.contains("is after the end"), "{msg}");
}

#[test]
fn text_that_does_not_match_the_offsets() {
    // The message quoted in docs/format.md.
    let msg = rejected(|v| v["annotations"][1]["fragments"][0]["text"] = json!("There is a very good chance"));
    assert_eq!(
        msg,
        "annotations[1].fragments[0].text: \"There is a very good chance\" does not match the text at 1152..1227, \
         which is \"There is a very good chance that this horrible, bloody wa...\""
    );
    let msg = rejected(|v| v["annotations"][0]["cue"]["context_before"] = json!("nothing like this"));
    assert_eq!(msg, "annotations[0].cue.context_before: does not match the text before the span");
}

#[test]
fn dangling_references() {
    assert_eq!(
        rejected(|v| v["annotations"][0]["speaker"] = json!("s9")),
        "annotations[0].speaker: no speaker has id \"s9\""
    );
    assert_eq!(
        rejected(|v| v["annotations"][0]["stance"] = json!("love")),
        "annotations[0].stance: \"love\" is not a stance value of the schema"
    );
    assert_eq!(
        rejected(|v| v["annotations"][0]["target"] = json!("mars")),
        "annotations[0].target: \"mars\" is not a target of the schema"
    );
}

#[test]
fn duplicate_ids() {
    assert_eq!(
        rejected(|v| v["annotations"][2]["id"] = json!("a1")),
        "annotations[2].id: duplicate id \"a1\" (also used by annotations[1])"
    );
    assert_eq!(
        rejected(|v| v["speakers"][1]["id"] = json!("s1")),
        "speakers[1].id: duplicate id \"s1\" (also used by speakers[0])"
    );
    assert_eq!(
        rejected(|v| v["schema"]["targets"][1]["id"] = json!("ceasefire-30day")),
        "schema.targets[1].id: duplicate target id \"ceasefire-30day\""
    );
}

#[test]
fn wrong_types() {
    assert_eq!(
        rejected(|v| v["annotations"][1]["fragments"][0]["start"] = json!("12")),
        "annotations[1].fragments[0].start: must be a non-negative integer, found \"12\""
    );
    assert_eq!(
        rejected(|v| v["annotations"][1]["note"] = json!(5)),
        "annotations[1].note: must be a string, found a number"
    );
    assert_eq!(rejected(|v| v["annotations"] = json!({})), "annotations: must be an array, found an object");
    assert_eq!(
        rejected(|v| v["annotations"][0]["kind"] = json!("rumour")),
        "annotations[0].kind: \"rumour\" is not one of: quote, claim"
    );
    assert_eq!(
        rejected(|v| v["speakers"][0]["aliases"] = json!([1])),
        "speakers[0].aliases[0]: must be a string, found 1"
    );
    assert_eq!(
        rejected(|v| {
            v["annotations"][0].as_object_mut().unwrap().remove("created_by");
        }),
        "annotations[0].created_by: is missing"
    );
}

#[test]
fn annotation_rules() {
    assert_eq!(
        rejected(|v| v["annotations"][0]["quote_type"] = Value::Null),
        "annotations[0].quote_type: a quote needs a quote type: direct, indirect or mixed"
    );
    assert_eq!(
        rejected(|v| v["annotations"][0]["fragments"] = json!([])),
        "annotations[0].fragments: an annotation needs at least one fragment"
    );
    let msg = rejected(|v| {
        let f = v["annotations"][4]["fragments"][1].clone();
        v["annotations"][4]["fragments"][1] = v["annotations"][4]["fragments"][0].clone();
        v["annotations"][4]["fragments"][0] = f;
    });
    assert!(msg.contains("out of order"), "{msg}");
    assert_eq!(
        rejected(|v| v["speakers"][0]["wikidata"] = json!("Trump")),
        "speakers[0].wikidata: \"Trump\" is not a Wikidata item id (Q followed by digits, e.g. Q7747)"
    );
    assert_eq!(
        rejected(|v| v["schema"]["stances"][1]["key"] = json!("1")),
        "schema.stances[1].key: key \"1\" is already bound to stance \"favor\""
    );
}

#[test]
fn spans_crossing_blocks_or_splitting_characters() {
    let msg = rejected(|v| {
        let text = v["text"].as_str().unwrap().to_owned();
        let span: String = text.chars().skip(90).take(20).collect();
        v["annotations"][0]["fragments"][0] = json!({"start": 90, "end": 110, "text": span});
    });
    assert!(
        msg.starts_with("annotations[0].fragments[0]: the span 90..110 crosses from the title into the dateline"),
        "{msg}"
    );

    let mut doc = Document::new(Article::parse_text("Great 👍🏽 news").unwrap(), Schema::default());
    doc.apply(Action::CreateAnnotation {
        kind: AnnotationKind::Claim,
        quote_type: None,
        span: Span::new(6, 8),
        author: "x".into(),
        at: "t".into(),
        origin: Origin::Manual,
        rule: None,
    })
    .unwrap();
    let json = document_json(&doc)
        .replace("\"end\": 8,\n          \"text\": \"👍🏽\"", "\"end\": 7,\n          \"text\": \"👍\"");
    let e = document_from_json(&json).unwrap_err();
    assert!(e.message.contains("inside a character"), "{e}");
}

#[test]
fn utf16_offsets_from_another_tool_are_caught() {
    // Offsets counted in UTF-16 units land one unit late after an astral character.
    let text = "😀 Peskov said \"yes\".";
    let mut doc = Document::new(Article::parse_text(text).unwrap(), Schema::default());
    doc.apply(Action::CreateAnnotation {
        kind: AnnotationKind::Quote,
        quote_type: None,
        span: Span::new(15, 18),
        author: "x".into(),
        at: "t".into(),
        origin: Origin::Manual,
        rule: None,
    })
    .unwrap();
    let json =
        document_json(&doc).replace("\"start\": 15,\n          \"end\": 18", "\"start\": 16,\n          \"end\": 19");
    let e = document_from_json(&json).unwrap_err();
    assert_eq!(e.path, "annotations[0].fragments[0].text", "{e}");
}

#[test]
fn truncated_json_and_sha_mismatch() {
    let json = document_json(&annotated_sample());
    let e = document_from_json(&json[..json.len() / 2]).unwrap_err();
    assert_eq!(e.path, "");
    assert!(e.message.contains("truncated") && e.message.contains("line"), "{e}");
    let e = document_from_json("{\"format\": nope}").unwrap_err();
    assert!(e.message.starts_with("invalid JSON at line 1, column"), "{e}");
    let msg = rejected(|v| v["text"] = json!(v["text"].as_str().unwrap().replace("Peskov", "Peskow")));
    assert!(msg.starts_with("text_sha256: does not match the text"), "{msg}");
}

#[test]
fn article_metadata_must_match_its_blocks() {
    assert_eq!(
        rejected(|v| v["article"]["title"] = json!("Another title")),
        "article.title: does not match the text of the title block"
    );
    assert_eq!(
        rejected(|v| v["article"]["blocks"][1]["end"] = json!(9999)),
        "article.blocks[1]: end 9999 is past the end of the text (3921 code points)"
    );
    assert_eq!(
        rejected(|v| v["article"]["blocks"][0]["kind"] = json!("heading")),
        "article.blocks[0].kind: \"heading\" is not one of: title, dateline, abstract, paragraph"
    );
}

#[test]
fn a_missing_next_ids_is_derived_from_the_ids_in_use() {
    let doc = annotated_sample();
    let mut v: Value = serde_json::from_str(&document_json(&doc)).unwrap();
    v.as_object_mut().unwrap().remove("next_ids");
    let back = document_from_json(&v.to_string()).unwrap();
    assert_eq!(back.next_ids, doc.next_ids);
}

#[test]
fn reanchoring_moves_spans_onto_an_edited_text() {
    let doc = annotated_sample();
    let json = document_json(&doc);
    // A new sentence at the start of the body shifts every later offset; a typo fix inside a
    // paragraph changes nothing annotated.
    let edited = common::SAMPLE
        .replace(
            "Kremlin spokesman Dmitry Peskov said on Friday",
            "(Updated with Rubio's comments.)\n\nKremlin spokesman Dmitry Peskov said on Friday",
        )
        .replace("amidst", "amid");
    let article = Article::parse_text(&edited).unwrap();
    let (moved, report) = reanchor(&json, &article).unwrap();
    moved.check_invariants().unwrap();
    assert!(report.is_clean(), "{report:?}");
    assert_eq!(moved.annotations.len(), doc.annotations.len());
    for (old, new) in doc.annotations.iter().zip(&moved.annotations) {
        assert_eq!(old.id, new.id);
        for (f_old, f_new) in old.fragments.iter().zip(&new.fragments) {
            assert_eq!(doc.span_text(*f_old), moved.span_text(*f_new));
            assert_eq!(f_new.start, f_old.start + "(Updated with Rubio's comments.)\n\n".chars().count());
        }
    }
    assert!(report.moved > 0);
}

#[test]
fn reanchoring_reports_what_it_cannot_place() {
    let mut doc = annotated_sample();
    // "Peskov said" appears several times; annotate the last one and then make the
    // surroundings of every occurrence identical so the context cannot tell them apart.
    let said = common::span_of_nth(&doc, "Peskov said", 3);
    doc.apply(Action::CreateAnnotation {
        kind: AnnotationKind::Claim,
        quote_type: None,
        span: said,
        author: "x".into(),
        at: "t".into(),
        origin: Origin::Manual,
        rule: None,
    })
    .unwrap();
    let json = document_json(&doc);
    let edited = common::SAMPLE
        .replace("bloody war", "brutal war")
        .replace("\"Of course, there are some reasons for cautious optimism,\" Peskov said", "Peskov said");
    let article = Article::parse_text(&edited).unwrap();
    let (moved, report) = reanchor(&json, &article).unwrap();
    moved.check_invariants().unwrap();
    let dropped: Vec<&str> = report.dropped.iter().map(|u| u.annotation.0.as_str()).collect();
    assert!(dropped.contains(&"a1") && dropped.contains(&"a5"), "quotes with the edited words are dropped: {report:?}");
    assert!(report.dropped.iter().any(|u| u.reason.contains("not in the new text")));
    assert!(moved.annotation(&AnnotationId("a2".into())).is_some(), "unchanged quote kept");
}

#[test]
fn invalid_json_is_worded_the_same_for_documents_schemas_and_records() {
    let cut = "{\"text\": \"abc\",\n";
    let expected = "the JSON ends too early at line 2, column 0: the file looks truncated";
    assert_eq!(document_from_json(cut).unwrap_err().to_string(), expected);
    assert_eq!(Schema::from_json(cut).unwrap_err().to_string(), expected);
    let record = Article::parse_bytes(cut.as_bytes()).unwrap_err().to_string();
    assert_eq!(record, format!("the file starts with `{{`, so it was read as a JSON record: {expected}"));

    let bad = "{\"text\": nope}";
    let expected = "invalid JSON at line 1, column 11: expected ident";
    assert_eq!(document_from_json(bad).unwrap_err().to_string(), expected);
    assert_eq!(Schema::from_json(bad).unwrap_err().to_string(), expected);
    assert!(Article::parse_bytes(bad.as_bytes()).unwrap_err().to_string().ends_with(expected));
}

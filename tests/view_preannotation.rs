//! "Suggest in new articles", natively: a stored new article gets its sure suggestions as
//! annotations (origin and rule kept), stays new, and its list row counts them; running it
//! again adds nothing; articles an editor holds, or that are not new, are left alone.

use stancemark::corpus::meta::{dataset_line, read_document, CorpusMeta};
use stancemark::corpus::project::Project;
use stancemark::corpus::status::Status;
use stancemark::corpus::summary::ArticleSummary;
use stancemark::model::annotation::Origin;
use stancemark::model::article::Article;
use stancemark::model::document::Document;
use stancemark::model::schema::Schema;
use stancemark::view::preannotation::{candidates, preannotate_stored, AUTHOR};

const ARTICLE: &str = "Harbour talks stall\n\n2026-05-04 10:00:00\n\n\
\"We will not sign anything this week,\" said Mayor Ana Lopes on Monday.\n\n\
\"Nobody wants a long winter,\" Lopes told reporters.";

fn stored() -> (String, ArticleSummary) {
    let mut doc = Document::new(Article::parse_text(ARTICLE).unwrap(), Schema::default());
    doc.article.id = Some("harbour".into());
    let meta = CorpusMeta::default_for(&doc);
    (dataset_line(&doc, &meta), ArticleSummary::of(&doc, &meta))
}

#[test]
fn a_new_article_gets_its_sure_suggestions_and_stays_new() {
    let (base, summary) = stored();
    let done = preannotate_stored(&base, &[], &summary, "2026-05-04T12:00:00Z").unwrap().expect("suggestions");
    assert_eq!(done.accepted, 2);
    let (doc, meta) = read_document(&done.base).unwrap();
    assert_eq!(doc.annotations.len(), 2);
    assert!(doc
        .annotations
        .iter()
        .all(|a| a.origin == Origin::Suggestion && a.rule.is_some() && a.created_by == AUTHOR));
    assert_eq!(doc.speakers.len(), 1, "Ana Lopes and Lopes are one speaker: {:#?}", doc.speakers);
    assert_eq!(meta.status, Status::New);
    assert_eq!(done.summary.status, Status::New, "nobody has looked at it yet");
    assert_eq!(done.summary.quotes, 2);
    assert_eq!(done.summary.edited_by.as_deref(), Some(AUTHOR));

    let again = preannotate_stored(&done.base, &[], &done.summary, "2026-05-04T12:01:00Z").unwrap();
    assert_eq!(again, None, "its quotes are annotated already: nothing more to accept");
}

#[test]
fn articles_an_editor_holds_or_not_new_are_not_candidates() {
    let (_, summary) = stored();
    let mut project = Project::new("p", "P", Schema::default());
    let mut open = summary.clone();
    open.id = "open".into();
    let mut done = summary.clone();
    done.id = "done".into();
    done.status = Status::Done;
    project.restore([summary, open, done]);
    let (chosen, held) = candidates(&project, |id| id == "open");
    let ids: Vec<String> = chosen.into_iter().map(|a| a.id).collect();
    assert_eq!(ids, ["harbour"]);
    assert_eq!(held, 1);
}

#[test]
fn a_stored_article_that_cannot_be_read_is_named() {
    let (_, summary) = stored();
    let error = preannotate_stored("{not json", &[], &summary, "2026-05-04T12:00:00Z").unwrap_err();
    assert!(error.contains("harbour"), "{error}");
}

//! The rules every document obeys after every action and every import. The reducer uses the
//! same span and fragment checks to refuse an action before it changes anything.

use std::collections::HashSet;

use super::annotation::{Annotation, AnnotationKind};
use super::document::Document;
use super::json::FieldPath;
use super::text::Span;

/// Why `span` cannot be annotated in `doc`, in words for the user; `None` if it can.
pub fn span_problem(doc: &Document, span: Span) -> Option<String> {
    let n = doc.text_index().cp_len();
    if span.start > span.end {
        return Some(format!("the span {span} is reversed: its start is after its end"));
    }
    if span.end > n {
        return Some(format!("the span {span} ends past the end of the text ({n} code points)"));
    }
    if span.is_empty() {
        return Some("the span is empty: select some text first".into());
    }
    let ix = doc.text_index();
    for (end, at) in [("starts", span.start), ("ends", span.end)] {
        if !ix.is_grapheme_boundary(at) {
            return Some(format!(
                "the span {span} {end} inside a character (between a letter and its accent, or inside an emoji); widen it to whole characters"
            ));
        }
    }
    if doc.article.block_containing(span).is_some() {
        return None;
    }
    let block_at = |cp: usize| doc.article.blocks.iter().find(|b| b.span.start <= cp && cp < b.span.end);
    Some(match (block_at(span.start), block_at(span.end - 1)) {
        (Some(a), Some(b)) if a != b => format!(
            "the span {span} crosses from the {} into the {}; a span must stay inside one block",
            a.kind.as_str(),
            b.kind.as_str()
        ),
        _ => format!(
            "the span {span} is not inside a block of the article (it covers a blank line or the `Abstract:` label)"
        ),
    })
}

/// Why a fragment list is not usable: it must be non-empty, sorted and non-overlapping.
pub fn fragments_problem(fragments: &[Span]) -> Option<String> {
    if fragments.is_empty() {
        return Some("an annotation needs at least one fragment".into());
    }
    for w in fragments.windows(2) {
        if w[1].start < w[0].end {
            return Some(format!("fragments {} and {} overlap or are out of order", w[0], w[1]));
        }
    }
    None
}

/// The first broken rule in `doc`, as a message naming the object and field.
pub fn check(doc: &Document) -> Result<(), String> {
    doc.article.check(doc.text_index()).map_err(|e| e.under(&FieldPath::root().key("article")).to_string())?;
    doc.schema.validate().map_err(|e| e.under(&FieldPath::root().key("schema")).to_string())?;
    let mut speaker_ids = HashSet::new();
    for s in &doc.speakers {
        if !speaker_ids.insert(&s.id) {
            return Err(format!("speaker {}: duplicate id", s.id));
        }
        s.check().map_err(|(field, m)| format!("speaker {}: {field}: {m}", s.id))?;
    }
    let mut ids = HashSet::new();
    for (i, a) in doc.annotations.iter().enumerate() {
        if !ids.insert(&a.id) {
            return Err(format!("annotation {}: duplicate id", a.id));
        }
        if i > 0 && doc.annotations[i - 1].order_key() > a.order_key() {
            return Err(format!("annotation {}: annotations are not in text order", a.id));
        }
        annotation_problem(doc, a).map_err(|m| format!("annotation {}: {m}", a.id))?;
    }
    for (i, r) in doc.rejected_suggestions.iter().enumerate() {
        let problem = fragments_problem(&r.fragments)
            .or_else(|| r.fragments.iter().find_map(|f| span_problem(doc, *f)))
            .or_else(|| {
                doc.rejected_suggestions[..i]
                    .iter()
                    .any(|o| o.fragments == r.fragments)
                    .then(|| "rejected twice".into())
            });
        if let Some(m) = problem {
            return Err(format!("rejected_suggestions[{i}]: {m}"));
        }
    }
    Ok(())
}

/// The first broken rule of one annotation within `doc`.
pub fn annotation_problem(doc: &Document, a: &Annotation) -> Result<(), String> {
    match (a.kind, a.quote_type) {
        (AnnotationKind::Quote, None) => return Err("quote_type: a quote needs a quote type".into()),
        (AnnotationKind::Claim, Some(_)) => return Err("quote_type: a claim has no quote type".into()),
        _ => {}
    }
    if let Some(m) = fragments_problem(&a.fragments) {
        return Err(format!("fragments: {m}"));
    }
    for (name, span) in a.named_spans() {
        if let Some(m) = span_problem(doc, span) {
            return Err(format!("{name}: {m}"));
        }
    }
    if let Some(s) = &a.speaker {
        if doc.speaker(s).is_none() {
            return Err(format!("speaker: no speaker has id {:?}", s.0));
        }
    }
    if let Some(s) = &a.stance {
        if doc.schema.stance(s).is_none() {
            return Err(format!("stance: {s:?} is not a stance value of the schema"));
        }
    }
    if let Some(t) = &a.target {
        if doc.schema.target(t).is_none() {
            return Err(format!("target: {t:?} is not a target of the schema"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::article::Article;
    use crate::model::schema::Schema;

    fn doc() -> Document {
        Document::new(
            Article::parse_text("Title\n\n2025-01-01\n\nAbstract: Sum.\n\nBody 👍🏽 text.").unwrap(),
            Schema::default(),
        )
    }

    #[test]
    fn span_problems_name_the_rule() {
        let d = doc();
        let body = d.article.blocks[3].span;
        assert_eq!(span_problem(&d, Span::new(body.start, body.start + 4)), None);
        let says = |s: Span, words: &str| {
            let m = span_problem(&d, s).unwrap_or_default();
            assert!(m.contains(words), "{s}: {m:?} should say {words:?}");
        };
        says(Span::new(3, 9), "crosses from the title into the dateline");
        says(Span::new(5, 7), "not inside a block");
        says(Span::new(body.start + 6, body.start + 7), "inside a character");
        says(Span::new(4, 2), "reversed");
        says(Span::new(3, 3), "empty");
        says(Span::new(3, 999), "past the end");
    }

    #[test]
    fn fragments_must_be_sorted_and_disjoint() {
        assert!(fragments_problem(&[]).is_some());
        assert_eq!(fragments_problem(&[Span::new(0, 3), Span::new(3, 5)]), None, "touching is fine");
        assert!(fragments_problem(&[Span::new(0, 4), Span::new(3, 5)]).unwrap().contains("overlap"));
        assert!(fragments_problem(&[Span::new(6, 8), Span::new(0, 2)]).is_some());
    }

    #[test]
    fn check_reports_a_dangling_reference() {
        let mut d = doc();
        let body = d.article.blocks[3].span;
        d.apply(crate::model::action::Action::CreateAnnotation {
            kind: AnnotationKind::Claim,
            quote_type: None,
            span: Span::new(body.start, body.start + 4),
            author: "t".into(),
            at: "t".into(),
            origin: crate::model::annotation::Origin::Manual,
            rule: None,
        })
        .unwrap();
        assert_eq!(check(&d), Ok(()));
        d.annotations[0].stance = Some("love".into());
        assert_eq!(check(&d), Err("annotation a1: stance: \"love\" is not a stance value of the schema".into()));
    }
}

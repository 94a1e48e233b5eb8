//! Property tests: offsets and snapping on random Unicode, parsing idempotence, random action
//! sequences that keep every invariant with undo/redo as exact inverses, export → import
//! identity, and corrupted imports always rejected.

use proptest::prelude::*;
use stancemark::model::action::Action;
use stancemark::model::annotation::{AnnotationId, AnnotationKind, Origin, QuoteType};
use stancemark::model::article::Article;
use stancemark::model::document::Document;
use stancemark::model::export::document_json;
use stancemark::model::history::Editor;
use stancemark::model::import::document_from_json;
use stancemark::model::schema::Schema;
use stancemark::model::speaker::{SpeakerId, SpeakerKind};
use stancemark::model::text::{cp_to_utf16_in, utf16_to_cp_in, Span, TextIndex};
use unicode_segmentation::UnicodeSegmentation;

/// Pieces of text that break naive offset code: astral characters, skin tones, ZWJ
/// sequences, flags, combining marks (precomposed and not), RTL scripts with marks, CJK.
const ATOMS: &[&str] = &[
    "Peskov",
    "said",
    "the",
    " ",
    " ",
    "  ",
    "\t",
    ",",
    ".",
    "\"",
    "—",
    "😀",
    "👍🏽",
    "👨\u{200D}👩\u{200D}👧\u{200D}👦",
    "🏳\u{FE0F}\u{200D}🌈",
    "🇺🇦",
    "e\u{301}",
    "a\u{308}\u{301}",
    "\u{e9}",
    "שָׁלוֹם",
    "مرحبا",
    "\u{200F}",
    "漢字",
    "かな",
    "한국",
    "𝔘𝔫𝔦",
    "\u{301}",
    "x",
    "1",
];

fn text_of(max_atoms: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ATOMS), 0..max_atoms).prop_map(|v| v.concat())
}

/// An article text: paragraphs of atoms, optionally behind a full header, with CRLF or
/// runs of blank lines thrown in.
fn article_source() -> impl Strategy<Value = String> {
    let para = text_of(30).prop_map(|p| format!("x{p}x"));
    (prop::collection::vec(para, 1..5), any::<bool>(), prop::sample::select(vec!["\n\n", "\r\n\r\n", "\n \n\n\n"]))
        .prop_map(|(paras, header, sep)| {
            let body = paras.join(sep);
            if header {
                format!("Title 👍🏽\n\n2025-03-16 03:31:00\n\nAbstract: e\u{301}t\u{e9} 漢字\n\n{body}")
            } else {
                body
            }
        })
}

fn config(cases: u32) -> ProptestConfig {
    // Failures are reported with their minimal input; no regression files in the tree.
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn offset_conversions_are_exact(s in text_of(40)) {
        let ix = TextIndex::new(&s);
        let chars: Vec<char> = s.chars().collect();
        prop_assert_eq!(ix.cp_len(), chars.len());
        let mut utf16 = 0;
        let mut bytes = 0;
        for cp in 0..=chars.len() {
            prop_assert_eq!(ix.cp_to_utf16(cp), utf16);
            prop_assert_eq!(ix.cp_to_byte(cp), bytes);
            prop_assert_eq!(ix.utf16_to_cp(utf16), Some(cp));
            prop_assert_eq!(ix.byte_to_cp(bytes), Some(cp));
            prop_assert_eq!(utf16_to_cp_in(&s, utf16), cp);
            prop_assert_eq!(cp_to_utf16_in(&s, cp), utf16);
            if let Some(c) = chars.get(cp) {
                if c.len_utf16() == 2 {
                    // The middle of a surrogate pair is no code point; the per-node helper
                    // rounds down to the character.
                    prop_assert_eq!(ix.utf16_to_cp(utf16 + 1), None);
                    prop_assert_eq!(utf16_to_cp_in(&s, utf16 + 1), cp);
                }
                utf16 += c.len_utf16();
                bytes += c.len_utf8();
            }
        }
        prop_assert_eq!(ix.slice(Span::new(0, chars.len())), s.as_str());
    }

    /// Boundaries are found on demand, line by line; they must be exactly those of segmenting
    /// the whole text at once, line feeds (and a CR before one) included.
    #[test]
    fn on_demand_boundaries_equal_whole_text_segmentation(
        parts in prop::collection::vec((text_of(8), prop::sample::select(vec!["", "\n", "\r\n", "\n\n", "\r"])), 0..6)
    ) {
        let s: String = parts.into_iter().map(|(text, end)| text + end).collect();
        let ix = TextIndex::new(&s);
        let n = ix.cp_len();
        let cp_of = |b: usize| ix.byte_to_cp(b).unwrap();
        let graphemes: Vec<usize> = s.grapheme_indices(true).map(|(b, _)| cp_of(b)).chain([n]).collect();
        let words: Vec<usize> = [0].into_iter().chain(s.split_word_bound_indices().map(|(b, _)| cp_of(b))).chain([n]).collect();
        for cp in 0..=n + 1 {
            prop_assert_eq!(ix.is_grapheme_boundary(cp), graphemes.contains(&cp), "grapheme boundary at {} in {:?}", cp, s);
            prop_assert_eq!(ix.is_word_boundary(cp), words.contains(&cp), "word boundary at {} in {:?}", cp, s);
        }
    }

    #[test]
    fn snapping_never_splits_a_grapheme(s in text_of(40), a in 0usize..200, b in 0usize..200) {
        let ix = TextIndex::new(&s);
        let n = ix.cp_len();
        let boundaries: Vec<usize> = s.grapheme_indices(true).map(|(i, _)| ix.byte_to_cp(i).unwrap()).chain([n]).collect();
        let span = Span::ordered(a.min(n), b.min(n));
        let g = ix.snap_to_graphemes(span);
        prop_assert!(boundaries.contains(&g.start) && boundaries.contains(&g.end), "{:?} -> {:?}", span, g);
        prop_assert!(g.contains(&span));
        prop_assert_eq!(ix.snap_to_graphemes(g), g);
        let w = ix.snap_to_words(span);
        prop_assert!(boundaries.contains(&w.start) && boundaries.contains(&w.end), "{:?} -> {:?}", span, w);
        if !w.is_empty() {
            let text = ix.slice(w);
            let first = text.graphemes(true).next().unwrap();
            let last = text.graphemes(true).next_back().unwrap();
            prop_assert!(!first.chars().all(char::is_whitespace) && !last.chars().all(char::is_whitespace), "{:?}", text);
        }
    }

    #[test]
    fn parsing_is_canonical_and_idempotent(src in article_source()) {
        let a = Article::parse_text(&src).unwrap();
        prop_assert!(!a.text.contains('\r'));
        prop_assert!(a.text.lines().all(|l| !l.ends_with(' ') && !l.ends_with('\t')));
        prop_assert!(!a.text.contains("\n\n\n"));
        let again = Article::parse_text(&a.text).unwrap();
        prop_assert_eq!(&again, &a);
        let ix = TextIndex::new(&a.text);
        prop_assert!(a.check(&ix).is_ok());
    }
}

/// An edit described by numbers; it is turned into a concrete action against the current
/// document, so that most generated actions name real annotations and speakers.
#[derive(Clone, Debug)]
enum Op {
    Create { claim: bool, a: usize, b: usize, snap: bool },
    AddFragment { which: usize, a: usize, b: usize },
    RemoveFragment { which: usize, index: usize },
    SetFragment { which: usize, index: usize, a: usize, b: usize },
    SetCue { which: usize, a: usize, b: usize, clear: bool },
    SetMention { which: usize, a: usize, b: usize },
    SetKind { which: usize, claim: bool },
    SetQuoteType { which: usize, t: usize },
    SetSpeaker { which: usize, speaker: usize },
    SetStance { which: usize, stance: usize },
    SetTarget { which: usize, target: usize },
    Note { which: usize },
    Delete { which: usize },
    AddSpeaker { name: usize },
    Alias { speaker: usize, name: usize },
    Merge { keep: usize, absorb: usize },
    RemoveSpeaker { speaker: usize },
    AddTarget { name: usize },
    RemoveTarget { target: usize },
    Batch { ops: Vec<(usize, usize, usize)> },
}

fn op() -> impl Strategy<Value = Op> {
    let n = 0usize..400;
    let w = 0usize..12;
    prop_oneof![
        6 => (any::<bool>(), n.clone(), n.clone(), any::<bool>()).prop_map(|(claim, a, b, snap)| Op::Create { claim, a, b, snap }),
        1 => (w.clone(), n.clone(), n.clone()).prop_map(|(which, a, b)| Op::AddFragment { which, a, b }),
        1 => (w.clone(), 0usize..3).prop_map(|(which, index)| Op::RemoveFragment { which, index }),
        1 => (w.clone(), 0usize..3, n.clone(), n.clone()).prop_map(|(which, index, a, b)| Op::SetFragment { which, index, a, b }),
        1 => (w.clone(), n.clone(), n.clone(), any::<bool>()).prop_map(|(which, a, b, clear)| Op::SetCue { which, a, b, clear }),
        1 => (w.clone(), n.clone(), n.clone()).prop_map(|(which, a, b)| Op::SetMention { which, a, b }),
        1 => (w.clone(), any::<bool>()).prop_map(|(which, claim)| Op::SetKind { which, claim }),
        1 => (w.clone(), 0usize..3).prop_map(|(which, t)| Op::SetQuoteType { which, t }),
        2 => (w.clone(), 0usize..5).prop_map(|(which, speaker)| Op::SetSpeaker { which, speaker }),
        1 => (w.clone(), 0usize..6).prop_map(|(which, stance)| Op::SetStance { which, stance }),
        1 => (w.clone(), 0usize..6).prop_map(|(which, target)| Op::SetTarget { which, target }),
        1 => w.clone().prop_map(|which| Op::Note { which }),
        1 => w.clone().prop_map(|which| Op::Delete { which }),
        2 => (0usize..6).prop_map(|name| Op::AddSpeaker { name }),
        1 => (0usize..5, 0usize..6).prop_map(|(speaker, name)| Op::Alias { speaker, name }),
        1 => (0usize..5, 0usize..5).prop_map(|(keep, absorb)| Op::Merge { keep, absorb }),
        1 => (0usize..5).prop_map(|speaker| Op::RemoveSpeaker { speaker }),
        1 => (0usize..6).prop_map(|name| Op::AddTarget { name }),
        1 => (0usize..6).prop_map(|target| Op::RemoveTarget { target }),
        1 => prop::collection::vec((0usize..3, n.clone(), n), 1..4).prop_map(|ops| Op::Batch { ops }),
    ]
}

const NAMES: &[&str] = &["Dmitry Peskov", "Peskov", "Kremlin", "Donald Trump", "a Ukrainian official", "peskov"];

fn concrete(doc: &Document, op: &Op) -> Action {
    // Mostly spans inside one block (what a selection gives), snapped or not; every fifth is
    // anywhere in the text, to exercise refusals of spans crossing blocks.
    let n = doc.text_index().cp_len() + 1;
    let blocks = &doc.article.blocks;
    let span = |a: usize, b: usize| {
        if a % 5 == 4 {
            return Span::ordered(a % n, b % n);
        }
        let block = blocks[a % blocks.len()].span;
        let len = block.len() + 1;
        Span::ordered(block.start + (a / 5) % len, block.start + b % len)
    };
    let ann = |which: usize| match doc.annotations.len() {
        0 => AnnotationId("a999".into()),
        _ if which == 11 => AnnotationId(format!("a{}", 900 + which)), // a dangling id
        len => doc.annotations[which % len].id.clone(),
    };
    let speaker = |i: usize| doc.speakers.get(i).map_or_else(|| SpeakerId(format!("s{}", 90 + i)), |s| s.id.clone());
    let stances = ["favor", "against", "neutral", "unclear", "love"];
    let target = |i: usize| doc.schema.targets.get(i).map_or_else(|| "nowhere".into(), |t| t.id.clone());
    match op.clone() {
        Op::Create { claim, a, b, snap } => {
            let s = if snap { doc.text_index().snap_to_graphemes(span(a, b)) } else { span(a, b) };
            let kind = if claim { AnnotationKind::Claim } else { AnnotationKind::Quote };
            Action::CreateAnnotation {
                kind,
                quote_type: None,
                span: s,
                author: "prop".into(),
                at: "2025-01-01T00:00:00Z".into(),
                origin: Origin::Manual,
                rule: None,
            }
        }
        Op::AddFragment { which, a, b } => {
            Action::AddFragment { id: ann(which), span: doc.text_index().snap_to_graphemes(span(a, b)) }
        }
        Op::RemoveFragment { which, index } => Action::RemoveFragment { id: ann(which), index },
        Op::SetFragment { which, index, a, b } => Action::SetFragment { id: ann(which), index, span: span(a, b) },
        Op::SetCue { which, a, b, clear } => {
            Action::SetCue { id: ann(which), span: (!clear).then(|| doc.text_index().snap_to_words(span(a, b))) }
        }
        Op::SetMention { which, a, b } => Action::SetSourceMention { id: ann(which), span: Some(span(a, b)) },
        Op::SetKind { which, claim } => {
            Action::SetKind { id: ann(which), kind: if claim { AnnotationKind::Claim } else { AnnotationKind::Quote } }
        }
        Op::SetQuoteType { which, t } => Action::SetQuoteType {
            id: ann(which),
            quote_type: [QuoteType::Direct, QuoteType::Indirect, QuoteType::Mixed][t],
        },
        Op::SetSpeaker { which, speaker: s } => {
            Action::SetSpeaker { id: ann(which), speaker: (s < 4).then(|| speaker(s)) }
        }
        Op::SetStance { which, stance } => {
            Action::SetStance { id: ann(which), stance: stances.get(stance).map(|&s| s.into()) }
        }
        Op::SetTarget { which, target: t } => Action::SetTarget { id: ann(which), target: (t < 5).then(|| target(t)) },
        Op::Note { which } => Action::SetNote { id: ann(which), note: format!("note {which} 👍🏽") },
        Op::Delete { which } => Action::DeleteAnnotation { id: ann(which) },
        Op::AddSpeaker { name } => {
            Action::AddSpeaker { name: NAMES[name].into(), kind: SpeakerKind::Person, role: None }
        }
        Op::Alias { speaker: s, name } => Action::AddAlias { id: speaker(s), alias: NAMES[name].into() },
        Op::Merge { keep, absorb } => Action::MergeSpeakers { keep: speaker(keep), absorb: speaker(absorb) },
        Op::RemoveSpeaker { speaker: s } => Action::RemoveSpeaker { id: speaker(s) },
        Op::AddTarget { name } => Action::AddTarget { label: NAMES[name].into() },
        Op::RemoveTarget { target: t } => Action::RemoveTarget { id: target(t) },
        Op::Batch { ops } => {
            // Create, then edit what was just created through its predicted id.
            let next = doc.peek_annotation_id();
            let actions = ops
                .iter()
                .map(|&(kind, a, b)| match kind {
                    0 => concrete(doc, &Op::Create { claim: false, a, b, snap: true }),
                    1 => Action::SetCue { id: next.clone(), span: Some(doc.text_index().snap_to_words(span(a, b))) },
                    _ => Action::SetStance { id: next.clone(), stance: Some("favor".into()) },
                })
                .collect();
            Action::Batch { actions }
        }
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn random_actions_keep_every_invariant_and_undo_redo_are_inverses(
        src in article_source(),
        ops in prop::collection::vec(op(), 1..40),
    ) {
        let article = Article::parse_text(&src).unwrap();
        let start = Document::new(article, Schema::default());
        let mut ed = Editor::new(start.clone());
        let mut applied = 0;
        for op in &ops {
            let before = ed.document().clone();
            let action = concrete(&before, op);
            match ed.apply(action.clone()) {
                Ok(_) => {
                    ed.document().check_invariants().map_err(|e| TestCaseError::fail(format!("{action:?}: {e}")))?;
                    if ed.document() != &before {
                        applied += 1;
                        let after = ed.document().clone();
                        prop_assert!(ed.undo());
                        prop_assert_eq!(ed.document(), &before, "undo of {:?}", action);
                        prop_assert!(ed.redo());
                        prop_assert_eq!(ed.document(), &after, "redo of {:?}", action);
                    }
                }
                Err(_) => prop_assert_eq!(ed.document(), &before, "refused {:?} changed the document", action),
            }
        }
        // Export → import is the identity on whatever state the actions reached.
        let json = document_json(ed.document());
        let back = document_from_json(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back, ed.document());
        // Undoing everything returns to the start.
        while ed.undo() {
            applied -= 1;
        }
        prop_assert_eq!(applied, 0);
        prop_assert_eq!(ed.document(), &start);
    }
}

fn exported_sample() -> (Document, String) {
    let src = "Title 👍🏽\n\n2025-03-16\n\nAbstract: The e\u{301}te\u{301} summary.\n\n\"We want peace,\" Peskov said, 👨\u{200D}👩\u{200D}👧 smiling.\n\nשלום and 漢字 claims here.";
    let mut doc = Document::new(Article::parse_text(src).unwrap(), Schema::default());
    for needle in ["We want peace", "Peskov said", "👨\u{200D}👩\u{200D}👧 smiling", "漢字 claims"] {
        let ix = doc.text_index();
        let start = ix.byte_to_cp(doc.text().find(needle).unwrap()).unwrap();
        let span = Span::new(start, start + needle.chars().count());
        doc.apply(Action::CreateAnnotation {
            kind: AnnotationKind::Quote,
            quote_type: None,
            span,
            author: "p".into(),
            at: "t".into(),
            origin: Origin::Manual,
            rule: None,
        })
        .unwrap();
    }
    let json = document_json(&doc);
    (doc, json)
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn truncated_files_are_always_rejected(cut in 0usize..10_000) {
        let (_, json) = exported_sample();
        let mut cut = cut % json.len();
        while !json.is_char_boundary(cut) {
            cut -= 1;
        }
        prop_assert!(document_from_json(&json[..cut]).is_err());
    }

    #[test]
    fn shifted_offsets_are_always_rejected(which in 0usize..4, end in any::<bool>(), delta in -3i64..=3) {
        prop_assume!(delta != 0);
        let (_, json) = exported_sample();
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let field = if end { "end" } else { "start" };
        let slot = &mut v["annotations"][which]["fragments"][0][field];
        let moved = slot.as_i64().unwrap() + delta;
        *slot = serde_json::json!(moved);
        prop_assert!(document_from_json(&v.to_string()).is_err());
    }
}

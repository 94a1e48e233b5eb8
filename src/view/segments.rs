//! Splits each block of the article into runs of text that share the same highlights, so the
//! page can render overlapping and nested spans as flat, non-overlapping elements. Every run
//! knows its code-point start: the DOM glue reads it back to turn a selection into offsets.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use crate::model::annotation::{Annotation, AnnotationId, AnnotationKind};
use crate::model::article::{Block, BlockKind};
use crate::model::document::Document;
use crate::model::ids::{SpeakerId, StanceId, TargetId};
use crate::model::sort;
use crate::model::text::Span;

use super::compare::LaneMark;
use super::labels;
use super::suggested::{Ghost, GhostRole};

/// What the reader is doing right now, beside the document itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Focus {
    pub selected: Option<AnnotationId>,
    pub pending: Option<Span>,
    pub caret: Option<usize>,
    /// The open suggestions' spans, drawn dashed; shared with the session's suggestions.
    pub ghosts: Rc<Vec<Ghost>>,
    /// In the Compare tab: the current disagreement's spans, in each annotator's colour.
    pub lanes: Rc<Vec<LaneMark>>,
}

/// One block as the page shows it.
// Eq lets `Rc<Vec<Run>>` compare by pointer first, so an unchanged block costs nothing to diff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockView {
    pub kind: BlockKind,
    pub span: Span,
    pub runs: Rc<Vec<Run>>,
}

/// A stretch of text with one set of highlights.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub start: usize,
    pub text: String,
    /// CSS classes, space separated (`quote claim depth-2 selected`…).
    pub classes: String,
    /// A chip shown before the run where a span begins ("Q3", "cue"), with its kind for colour.
    pub label: Option<(String, &'static str)>,
    /// Hover text: one line per annotation covering the run.
    pub title: Option<String>,
    /// The annotation a click on this run selects: the innermost (shortest) one.
    pub target: Option<AnnotationId>,
    /// The keyboard caret sits just before this run.
    pub caret_before: bool,
    /// The suggestion a click on this run makes current, where no annotation is under it.
    pub suggestion: Option<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Role {
    Fragment,
    Cue,
    Mention,
}

#[derive(Clone, Debug)]
struct Item<'d> {
    span: Span,
    role: Role,
    kind: AnnotationKind,
    id: &'d AnnotationId,
    annotation: &'d Annotation,
    first_fragment: bool,
}

/// Builds the view of every block. Cost is O(text + spans · overlap depth).
pub fn block_views(doc: &Document, focus: &Focus) -> Vec<BlockView> {
    let items = collect_items(doc);
    let ghosts = &focus.ghosts;
    doc.article
        .blocks
        .iter()
        .map(|block| build_block(doc, block, block_items(&items, block.span), block_ghosts(ghosts, block.span), focus))
        .collect()
}

/// The block views of an article kept across edits: a block is rebuilt only when what it shows
/// changed (its spans, their annotations' kind and the names of their speaker, stance and
/// target, or the part of the focus inside it). An edit still collects, sorts and hashes
/// every span (about a microsecond each), but builds only the blocks it touches, and
/// untouched blocks keep their `Rc` for Yew to skip by pointer.
#[derive(Default)]
pub struct BlockViews {
    signatures: Vec<u64>,
    views: Rc<Vec<BlockView>>,
    rebuilt: usize,
}

impl BlockViews {
    /// Refreshes every block. Blocks from `highlighted` on are shown as plain text (one run, no
    /// highlights): an article opens with its first screen highlighted and the rest following
    /// in chunks, while all of its text is in the page from the start (find-in-page, scroll
    /// height and selections work everywhere).
    pub fn refresh(&mut self, doc: &Document, focus: &Focus, highlighted: usize) -> Rc<Vec<BlockView>> {
        let items = collect_items(doc);
        let names = Names::of(doc);
        let blocks = &doc.article.blocks;
        let same_article = self.signatures.len() == blocks.len()
            && self.views.iter().zip(blocks).all(|(view, block)| view.span == block.span && view.kind == block.kind);
        let mut views = Vec::with_capacity(blocks.len());
        let mut signatures = Vec::with_capacity(blocks.len());
        self.rebuilt = 0;
        for (i, block) in blocks.iter().enumerate() {
            let (inside, ghosts) = if i < highlighted {
                (block_items(&items, block.span), block_ghosts(&focus.ghosts, block.span))
            } else {
                (&[][..], &[][..])
            };
            let signature = block_signature(&names, block.span, inside, ghosts, focus);
            if same_article && self.signatures[i] == signature {
                views.push(self.views[i].clone());
            } else {
                views.push(build_block(doc, block, inside, ghosts, focus));
                self.rebuilt += 1;
            }
            signatures.push(signature);
        }
        if self.rebuilt > 0 || !same_article {
            self.views = Rc::new(views);
        }
        self.signatures = signatures;
        self.views.clone()
    }

    /// How many blocks the last refresh built anew.
    pub fn rebuilt(&self) -> usize {
        self.rebuilt
    }
}

fn block_items<'i, 'd>(items: &'i [Item<'d>], block: Span) -> &'i [Item<'d>] {
    let first = items.partition_point(|item| item.span.start < block.start);
    let last = items.partition_point(|item| item.span.start < block.end);
    &items[first..last]
}

/// The ghosts that start inside `block` (a suggestion never spans two blocks' text... and if it
/// did, its start's block shows it).
fn block_ghosts(ghosts: &[Ghost], block: Span) -> &[Ghost] {
    let first = ghosts.partition_point(|g| g.span.start < block.start);
    let last = ghosts.partition_point(|g| g.span.start < block.end);
    &ghosts[first..last]
}

fn build_block(doc: &Document, block: &Block, inside: &[Item<'_>], ghosts: &[Ghost], focus: &Focus) -> BlockView {
    let index = doc.text_index();
    let runs = block_runs(doc, block.span, inside, ghosts, focus, |span| index.slice(span).to_owned());
    BlockView { kind: block.kind, span: block.span, runs: Rc::new(runs) }
}

/// The names an annotation's hover text shows for its speaker, stance and target, by id: a
/// block's signature holds the names its annotations resolve to, so renaming a speaker
/// rebuilds the blocks where that speaker is named and no others.
struct Names<'d> {
    speakers: HashMap<&'d SpeakerId, &'d str>,
    stances: HashMap<&'d StanceId, &'d str>,
    targets: HashMap<&'d TargetId, &'d str>,
}

impl<'d> Names<'d> {
    fn of(doc: &'d Document) -> Names<'d> {
        Names {
            speakers: doc.speakers.iter().map(|s| (&s.id, s.name.as_str())).collect(),
            stances: doc.schema.stances.iter().map(|s| (&s.id, s.label.as_str())).collect(),
            targets: doc.schema.targets.iter().map(|t| (&t.id, t.label.as_str())).collect(),
        }
    }

    fn of_annotation(&self, a: &Annotation) -> (Option<&str>, Option<&str>, Option<&str>) {
        (
            a.speaker.as_ref().and_then(|id| self.speakers.get(id).copied()),
            a.stance.as_ref().and_then(|id| self.stances.get(id).copied()),
            a.target.as_ref().and_then(|id| self.targets.get(id).copied()),
        )
    }
}

/// Everything a block's runs are made from, hashed.
fn block_signature(names: &Names, block: Span, inside: &[Item<'_>], ghosts: &[Ghost], focus: &Focus) -> u64 {
    let mut hasher = DefaultHasher::new();
    ghosts.hash(&mut hasher);
    lanes_in(&focus.lanes, block).for_each(|m| m.hash(&mut hasher));
    for item in inside {
        let a = item.annotation;
        (item.span, item.role, item.first_fragment, &a.id, a.kind, a.quote_type).hash(&mut hasher);
        names.of_annotation(a).hash(&mut hasher);
    }
    let touches = |p: usize| block.start <= p && p <= block.end;
    let selected = focus.selected.as_ref().filter(|id| inside.iter().any(|item| item.id == *id));
    selected.hash(&mut hasher);
    focus.pending.filter(|p| touches(p.start) || touches(p.end)).hash(&mut hasher);
    focus.caret.filter(|&c| touches(c)).hash(&mut hasher);
    hasher.finish()
}

fn collect_items(doc: &Document) -> Vec<Item<'_>> {
    let mut items = Vec::new();
    for annotation in &doc.annotations {
        for (i, fragment) in annotation.fragments.iter().enumerate() {
            items.push(Item {
                span: *fragment,
                role: Role::Fragment,
                kind: annotation.kind,
                id: &annotation.id,
                annotation,
                first_fragment: i == 0,
            });
        }
        let extras = [(annotation.cue, Role::Cue), (annotation.source_mention, Role::Mention)];
        for (span, role) in extras {
            if let Some(span) = span {
                let first_fragment = false;
                items.push(Item { span, role, kind: annotation.kind, id: &annotation.id, annotation, first_fragment });
            }
        }
    }
    crate::model::sort::sort_by_key(&mut items, |item| (item.span.start, std::cmp::Reverse(item.span.end)));
    items
}

fn block_runs(
    doc: &Document,
    block: Span,
    items: &[Item<'_>],
    ghosts: &[Ghost],
    focus: &Focus,
    slice: impl Fn(Span) -> String,
) -> Vec<Run> {
    // Labels and hover summaries of the annotations in this block only, each made once.
    let mut labels: HashMap<AnnotationId, String> = HashMap::new();
    let mut summaries: HashMap<&AnnotationId, String> = HashMap::new();
    for item in items {
        labels.entry(item.id.clone()).or_insert_with(|| labels::annotation_label(item.annotation));
        summaries.entry(item.id).or_insert_with(|| labels::summary(doc, item.annotation));
    }
    let mut cuts = vec![block.start, block.end];
    for item in items {
        cuts.extend([item.span.start.max(block.start), item.span.end.min(block.end)]);
    }
    for ghost in ghosts {
        cuts.extend([ghost.span.start.max(block.start), ghost.span.end.min(block.end)]);
    }
    for mark in lanes_in(&focus.lanes, block) {
        cuts.extend([mark.span.start.max(block.start), mark.span.end.min(block.end)]);
    }
    if let Some(pending) = focus.pending {
        cuts.extend([pending.start, pending.end].into_iter().filter(|&p| block.start <= p && p <= block.end));
    }
    if let Some(caret) = focus.caret.filter(|&c| block.start <= c && c <= block.end) {
        cuts.push(caret);
    }
    sort::sort(&mut cuts);
    cuts.dedup();

    let mut runs = Vec::with_capacity(cuts.len());
    for pair in cuts.windows(2) {
        let span = Span::new(pair[0], pair[1]);
        let covering: Vec<&Item<'_>> = items.iter().filter(|item| item.span.contains(&span)).collect();
        let mut run = describe(span, &covering, focus, &labels, &summaries);
        let over: Vec<&Ghost> = ghosts.iter().filter(|g| g.span.contains(&span)).collect();
        if !over.is_empty() {
            show_ghosts(&mut run, span, &over);
        }
        show_lanes(&mut run, span, &focus.lanes);
        run.text = slice(span);
        run.caret_before = focus.caret == Some(span.start);
        runs.push(run);
    }
    // A caret at the very end of a block has no run after it: give it an empty one.
    if focus.caret == Some(block.end) && !block.is_empty() {
        runs.push(Run {
            start: block.end,
            text: String::new(),
            classes: "seg".to_owned(),
            label: None,
            title: None,
            target: None,
            caret_before: true,
            suggestion: None,
        });
    }
    runs
}

fn describe(
    span: Span,
    covering: &[&Item<'_>],
    focus: &Focus,
    labels: &HashMap<AnnotationId, String>,
    summaries: &HashMap<&AnnotationId, String>,
) -> Run {
    let mut classes = vec!["seg"];
    let fragments: Vec<&&Item<'_>> = covering.iter().filter(|i| i.role == Role::Fragment).collect();
    let quotes = fragments.iter().filter(|i| i.kind == AnnotationKind::Quote).count();
    let claims = fragments.len() - quotes;
    if !fragments.is_empty() {
        classes.push("hl");
    }
    if quotes > 0 {
        classes.push("quote");
    }
    if claims > 0 {
        classes.push("claim");
    }
    match fragments.len() {
        0 | 1 => {}
        2 => classes.push("depth-2"),
        _ => classes.push("depth-3"),
    }
    let selected = focus.selected.as_ref();
    let is_selected = |role: Role| covering.iter().any(|i| i.role == role && Some(i.id) == selected);
    if covering.iter().any(|i| i.role == Role::Cue) {
        classes.push("cue");
    }
    if covering.iter().any(|i| i.role == Role::Mention) {
        classes.push("mention");
    }
    if is_selected(Role::Fragment) {
        classes.push("selected");
    }
    if is_selected(Role::Cue) {
        classes.push("selected-cue");
    }
    if is_selected(Role::Mention) {
        classes.push("selected-mention");
    }
    if focus.pending.is_some_and(|p| p.contains(&span) && !p.is_empty()) {
        classes.push("pending");
    }

    let label = chip(span, covering, selected, labels);
    let title = (!covering.is_empty()).then(|| {
        let mut lines: Vec<String> = Vec::new();
        for item in covering {
            let prefix = match item.role {
                Role::Fragment => labels.get(item.id).cloned().unwrap_or_default(),
                Role::Cue => format!("cue of {}", labels.get(item.id).map_or("?", String::as_str)),
                Role::Mention => format!("source of {}", labels.get(item.id).map_or("?", String::as_str)),
            };
            let line = format!("{prefix}: {}", summaries.get(item.id).map_or("", String::as_str));
            if !lines.contains(&line) {
                lines.push(line);
            }
        }
        lines.join("\n")
    });
    // Clicking selects the innermost span: the one a reader most likely aimed at.
    let target = covering.iter().min_by_key(|i| (i.role != Role::Fragment, i.span.len())).map(|i| i.id.clone());
    Run {
        start: span.start,
        text: String::new(),
        classes: classes.join(" "),
        label,
        title,
        target,
        caret_before: false,
        suggestion: None,
    }
}

/// The lane marks overlapping `block` (there are a handful: one disagreement's spans).
fn lanes_in(lanes: &[LaneMark], block: Span) -> impl Iterator<Item = &LaneMark> {
    lanes.iter().filter(move |m| m.span.overlaps(&block))
}

/// Marks a run with the lanes of the annotators whose version covers it: `lane-0` draws a
/// bar above the text, `lane-1` one below, `lane-2` a dotted line over it, `lane-3` (and
/// any later annotator) a dashed outline (style.css), so up to four versions stay apart.
fn show_lanes(run: &mut Run, span: Span, lanes: &[LaneMark]) {
    let mut covering: Vec<usize> = lanes.iter().filter(|m| m.span.contains(&span)).map(|m| m.lane.min(3)).collect();
    if covering.is_empty() {
        return;
    }
    sort::sort(&mut covering);
    covering.dedup();
    for lane in covering {
        run.classes.push_str(&format!(" lane lane-{lane}"));
    }
}

/// Adds the suggestions over a run: dashed outlines, the current one's cue and source, a chip
/// where the current one starts, a line of hover text, and what a click makes current.
fn show_ghosts(run: &mut Run, span: Span, over: &[&Ghost]) {
    let fragments: Vec<&&Ghost> = over.iter().filter(|g| g.role == GhostRole::Fragment).collect();
    let mut classes = vec![run.classes.as_str()];
    if !fragments.is_empty() {
        classes.push("ghost");
    }
    if fragments.iter().any(|g| g.current) {
        classes.push("ghost-current");
    }
    if over.iter().any(|g| g.role == GhostRole::Cue) {
        classes.push("ghost-cue");
    }
    if over.iter().any(|g| g.role == GhostRole::Mention) {
        classes.push("ghost-mention");
    }
    run.classes = classes.join(" ");
    let starts = |role| over.iter().any(|g| g.current && g.role == role && g.span.start == span.start);
    let chip = if over.iter().any(|g| g.current && g.first_fragment && g.span.start == span.start) {
        Some(("suggested", "ghost"))
    } else if starts(GhostRole::Cue) {
        Some(("cue?", "cue"))
    } else if starts(GhostRole::Mention) {
        Some(("source?", "mention"))
    } else {
        None
    };
    if run.label.is_none() {
        run.label = chip.map(|(text, kind)| (text.to_owned(), kind));
    }
    if !fragments.is_empty() {
        let line = "suggested quote: click it to see why, and to accept or reject it";
        run.title = Some(match run.title.take() {
            Some(title) => format!("{title}\n{line}"),
            None => line.to_owned(),
        });
    }
    // Clicking picks the innermost suggestion, as it picks the innermost annotation.
    run.suggestion = fragments.iter().min_by_key(|g| g.span.len()).map(|g| g.index);
}

/// The chip a run starts with, if a span begins exactly here: the annotation's label for its
/// first fragment, "cue" / "source" for the selected annotation's linked spans.
fn chip(
    span: Span,
    covering: &[&Item<'_>],
    selected: Option<&AnnotationId>,
    labels: &HashMap<AnnotationId, String>,
) -> Option<(String, &'static str)> {
    let starting = covering.iter().filter(|i| i.span.start == span.start);
    let mut best: Option<(String, &'static str)> = None;
    for item in starting {
        let candidate = match item.role {
            Role::Fragment if item.first_fragment => {
                let kind = if item.kind == AnnotationKind::Quote { "quote" } else { "claim" };
                labels.get(item.id).map(|l| (l.clone(), kind))
            }
            Role::Fragment => labels.get(item.id).map(|l| (format!("{l}…"), "quote")),
            Role::Cue if Some(item.id) == selected => Some(("cue".to_owned(), "cue")),
            Role::Mention if Some(item.id) == selected => Some(("source".to_owned(), "mention")),
            _ => None,
        };
        if let Some(candidate) = candidate {
            best = Some(match best {
                Some((text, kind)) => (format!("{text} {}", candidate.0), kind),
                None => candidate,
            });
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::action::Action;
    use crate::model::annotation::{Origin, QuoteType};
    use crate::model::article::Article;
    use crate::model::history::Editor;
    use crate::model::schema::Schema;
    use crate::model::speaker::SpeakerKind;

    const TEXT: &str = "Peace talks\n\n2025-03-16 03:31:00\n\nPeskov said \"both sides understand\" today.";

    fn editor() -> Editor {
        Editor::new(Document::new(Article::parse_text(TEXT).unwrap(), Schema::default()))
    }

    fn create(editor: &mut Editor, kind: AnnotationKind, span: Span) -> AnnotationId {
        let quote_type = (kind == AnnotationKind::Quote).then_some(QuoteType::Direct);
        let action = Action::CreateAnnotation {
            kind,
            quote_type,
            span,
            author: "test".into(),
            at: "2026-11-25T00:00:00Z".into(),
            origin: Origin::Manual,
            rule: None,
        };
        editor.apply(action).unwrap().created_annotation.unwrap()
    }

    fn find(doc: &Document, needle: &str) -> Span {
        let byte = doc.text().find(needle).unwrap();
        let start = doc.text()[..byte].chars().count();
        Span::new(start, start + needle.chars().count())
    }

    fn body(views: &[BlockView]) -> &BlockView {
        views.iter().find(|b| b.kind == BlockKind::Paragraph).unwrap()
    }

    #[test]
    fn runs_cover_each_block_exactly_once_and_in_order() {
        let mut editor = editor();
        let quote = find(editor.document(), "both sides understand");
        create(&mut editor, AnnotationKind::Quote, quote);
        let doc = editor.document();
        for view in block_views(doc, &Focus::default()) {
            let joined: String = view.runs.iter().map(|r| r.text.as_str()).collect();
            assert_eq!(joined, doc.span_text(view.span));
            let mut at = view.span.start;
            for run in view.runs.iter() {
                assert_eq!(run.start, at, "runs are contiguous");
                at += run.text.chars().count();
            }
        }
    }

    #[test]
    fn a_claim_nested_in_a_quote_shows_both_and_clicks_pick_the_inner_one() {
        let mut editor = editor();
        let doc = editor.document();
        let (quote, claim) = (find(doc, "both sides understand"), find(doc, "sides"));
        let quote_id = create(&mut editor, AnnotationKind::Quote, quote);
        let claim_id = create(&mut editor, AnnotationKind::Claim, claim);
        let views = block_views(editor.document(), &Focus::default());
        let runs = &body(&views).runs;
        let inner = runs.iter().find(|r| r.text == "sides").unwrap();
        assert!(
            inner.classes.contains("quote") && inner.classes.contains("claim") && inner.classes.contains("depth-2")
        );
        assert_eq!(inner.target.as_ref(), Some(&claim_id));
        assert_eq!(inner.label, Some(("C2".to_owned(), "claim")));
        let outer = runs.iter().find(|r| r.text == "both ").unwrap();
        assert_eq!(outer.target.as_ref(), Some(&quote_id));
        assert_eq!(outer.label, Some(("Q1".to_owned(), "quote")));
        let title = inner.title.as_deref().unwrap();
        assert!(title.contains("Q1: Direct quote") && title.contains("C2: Claim"), "{title}");
    }

    #[test]
    fn the_selected_annotations_cue_and_source_are_labelled() {
        let mut editor = editor();
        let doc = editor.document();
        let (quote, cue, source) = (find(doc, "both sides understand"), find(doc, "said"), find(doc, "Peskov"));
        let id = create(&mut editor, AnnotationKind::Quote, quote);
        editor.apply(Action::SetCue { id: id.clone(), span: Some(cue) }).unwrap();
        editor.apply(Action::SetSourceMention { id: id.clone(), span: Some(source) }).unwrap();

        let unselected = block_views(editor.document(), &Focus::default());
        let said = body(&unselected).runs.iter().find(|r| r.text == "said").unwrap().clone();
        assert!(said.classes.contains("cue") && !said.classes.contains("selected-cue"));
        assert_eq!(said.label, None);

        let focus = Focus { selected: Some(id), ..Focus::default() };
        let selected = block_views(editor.document(), &focus);
        let runs = &body(&selected).runs;
        let said = runs.iter().find(|r| r.text == "said").unwrap();
        assert!(said.classes.contains("selected-cue"));
        assert_eq!(said.label, Some(("cue".to_owned(), "cue")));
        let peskov = runs.iter().find(|r| r.text == "Peskov").unwrap();
        assert_eq!(peskov.label, Some(("source".to_owned(), "mention")));
        assert!(runs.iter().filter(|r| r.classes.contains(" selected")).count() >= 1);
    }

    #[test]
    fn an_edit_in_one_block_leaves_the_other_blocks_views_equal() {
        // Equal views are what lets Yew skip re-rendering untouched paragraphs.
        let mut editor = editor();
        let quote = find(editor.document(), "both sides understand");
        create(&mut editor, AnnotationKind::Quote, quote);
        let before = block_views(editor.document(), &Focus::default());
        let title = find(editor.document(), "Peace");
        create(&mut editor, AnnotationKind::Claim, title);
        let after = block_views(editor.document(), &Focus::default());
        assert_eq!(body(&before), body(&after));
        assert_ne!(before[0], after[0]);
    }

    #[test]
    fn a_refresh_rebuilds_only_the_blocks_an_edit_or_the_focus_touched() {
        let mut editor = editor();
        let mut cached = BlockViews::default();
        let first = cached.refresh(editor.document(), &Focus::default(), usize::MAX);
        assert_eq!(cached.rebuilt(), editor.document().article.blocks.len());
        let again = cached.refresh(editor.document(), &Focus::default(), usize::MAX);
        assert_eq!(cached.rebuilt(), 0);
        assert!(Rc::ptr_eq(&first, &again), "nothing changed, the same views");

        let quote = find(editor.document(), "both sides understand");
        let id = create(&mut editor, AnnotationKind::Quote, quote);
        let edited = cached.refresh(editor.document(), &Focus::default(), usize::MAX);
        assert_eq!(cached.rebuilt(), 1, "only the paragraph");
        assert_eq!(*edited, block_views(editor.document(), &Focus::default()), "same as building everything");
        assert!(Rc::ptr_eq(&edited[0].runs, &first[0].runs), "the title keeps its runs");

        let focus = Focus { selected: Some(id.clone()), ..Focus::default() };
        let selected = cached.refresh(editor.document(), &focus, usize::MAX);
        assert_eq!(cached.rebuilt(), 1);
        assert_eq!(*selected, block_views(editor.document(), &focus));

        // A new speaker name can change any block's hover text: all are checked and rebuilt.
        editor
            .apply(Action::AddSpeaker { name: "Dmitry Peskov".into(), kind: SpeakerKind::Person, role: None })
            .unwrap();
        let speaker = editor.document().speakers[0].id.clone();
        editor.apply(Action::SetSpeaker { id, speaker: Some(speaker) }).unwrap();
        let named = cached.refresh(editor.document(), &focus, usize::MAX);
        assert_eq!(*named, block_views(editor.document(), &focus));
        assert!(named[2].runs.iter().any(|r| r.title.as_deref().is_some_and(|t| t.contains("Dmitry Peskov"))));
    }

    #[test]
    fn blocks_past_the_highlighted_ones_are_plain_text_until_their_turn() {
        let mut editor = editor();
        let quote = find(editor.document(), "both sides understand");
        create(&mut editor, AnnotationKind::Quote, quote);
        let doc = editor.document();
        let mut cached = BlockViews::default();
        let partly = cached.refresh(doc, &Focus::default(), 2);
        let body = &partly[2];
        assert_eq!(body.runs.len(), 1, "one plain run");
        assert_eq!((body.runs[0].start, body.runs[0].text.as_str()), (body.span.start, doc.span_text(body.span)));
        assert!(body.runs[0].target.is_none() && body.runs[0].classes == "seg");
        let whole = cached.refresh(doc, &Focus::default(), usize::MAX);
        assert_eq!(cached.rebuilt(), 1, "only the plain block is built again");
        assert_eq!(*whole, block_views(doc, &Focus::default()));
    }

    #[test]
    fn pending_span_and_caret_split_runs() {
        let editor = editor();
        let doc = editor.document();
        let pending = find(doc, "said");
        let focus = Focus { pending: Some(pending), caret: Some(pending.end), ..Focus::default() };
        let views = block_views(doc, &focus);
        let runs = &body(&views).runs;
        let said = runs.iter().find(|r| r.text == "said").unwrap();
        assert!(said.classes.contains("pending"));
        assert!(runs.iter().any(|r| r.caret_before && r.start == pending.end));
    }
}

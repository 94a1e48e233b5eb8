//! The view models the page shows, rebuilt only when what they are built from changed: the
//! highlight runs of the blocks an edit or a focus change touched, a side panel's view on a new
//! revision (or selection) and only while its tab is open. Components compare them by `Rc`
//! pointer (the view models are `Eq`, so `Rc`'s comparison takes the pointer shortcut).

use std::rc::Rc;

use crate::model::annotation::AnnotationId;
use crate::model::history::Editor;
use crate::view::compare_panel::{self, CompareView};
use crate::view::panels::{self, AnnotationRow, DetailsView, SpeakerRow};
use crate::view::segments::{BlockView, BlockViews, Focus};
use crate::view::session::{Session, Tab};
use crate::view::suggestion_card::{self, SuggestionCard};

/// A view and the state it was built for.
struct Built<K, V> {
    key: K,
    view: Rc<V>,
}

fn rebuild<K: PartialEq, V>(slot: &mut Option<Built<K, V>>, key: K, build: impl FnOnce() -> V) -> Rc<V> {
    match slot {
        Some(built) if built.key == key => built.view.clone(),
        _ => {
            let view = Rc::new(build());
            *slot = Some(Built { key, view: view.clone() });
            view
        }
    }
}

pub struct Views {
    /// The highlight runs, and the revision, focus and highlighted count they were refreshed for.
    blocks: BlockViews,
    blocks_key: Option<(u64, Focus, usize)>,
    /// Blocks before this one show their highlights; the rest are plain text for now.
    highlighted: usize,
    /// The editor's generation the kept block views belong to (see `Editor::generation`).
    generation: u64,
    shown_blocks: Rc<Vec<BlockView>>,
    list: Option<Built<(u64, u64), Vec<AnnotationRow>>>,
    card: Option<Built<(u64, u64), Option<SuggestionCard>>>,
    compare: Option<Built<(u64, u64), CompareView>>,
    speakers: Option<Built<u64, Vec<SpeakerRow>>>,
    details: Option<Built<(u64, AnnotationId), DetailsView>>,
}

/// What one render shows; the side panel's view is the open tab's.
pub struct Shown {
    pub blocks: Rc<Vec<BlockView>>,
    pub panel: Panel,
}

pub enum Panel {
    /// The selected annotation's details, or nothing selected.
    Details(Option<Rc<DetailsView>>),
    /// No annotation selected, and a suggestion is current: its card.
    Suggestion(Rc<Option<SuggestionCard>>),
    Annotations(Rc<Vec<AnnotationRow>>),
    Speakers(Rc<Vec<SpeakerRow>>),
    Compare(Rc<CompareView>),
}

/// How many blocks an article opens with highlighted: more than a tall screen shows.
pub const FIRST_SCREEN_BLOCKS: usize = 24;

impl Default for Views {
    fn default() -> Views {
        Views {
            blocks: BlockViews::default(),
            blocks_key: None,
            highlighted: FIRST_SCREEN_BLOCKS,
            generation: 0,
            shown_blocks: Rc::default(),
            list: None,
            card: None,
            compare: None,
            speakers: None,
            details: None,
        }
    }
}

impl Views {
    /// Highlights `count` more blocks of `editor`'s article (see [`Views::partly_highlighted`]).
    pub fn highlight_more(&mut self, editor: &Editor, count: usize) {
        self.highlighted = (self.highlighted + count).min(editor.document().article.blocks.len());
    }

    /// Whether some blocks still show plain text.
    pub fn partly_highlighted(&self, editor: &Editor) -> bool {
        self.highlighted < editor.document().article.blocks.len()
    }

    /// The views for the editor and session as they are now, rebuilding what is stale.
    pub fn refresh(&mut self, editor: &Editor, session: &Session) -> Shown {
        let doc = editor.document();
        let revision = editor.revision();
        let focus = session.focus();
        if editor.generation() != self.generation {
            // Another article (or another editor: a corpus keeps one per article): nothing kept
            // from the last one applies, not even views keyed by a revision both may have, and
            // it opens like any other.
            *self = Views { generation: editor.generation(), ..Views::default() };
        }
        let key = (revision, focus, self.highlighted);
        if self.blocks_key.as_ref() != Some(&key) {
            self.shown_blocks = self.blocks.refresh(doc, &key.1, self.highlighted);
            self.blocks_key = Some(key);
        }
        let blocks = self.shown_blocks.clone();
        let suggestions = session.suggested().revision();
        let panel = match session.tab() {
            Tab::Details if session.selected().is_none() && session.suggested().current().is_some() => {
                let key = (revision, suggestions);
                Panel::Suggestion(rebuild(&mut self.card, key, || suggestion_card::card(doc, session.suggested())))
            }
            Tab::Details => Panel::Details(session.selected().and_then(|id| {
                let key = (revision, id.clone());
                match &self.details {
                    Some(built) if built.key == key => Some(built.view.clone()),
                    _ => {
                        let view = Rc::new(panels::details_view(doc, id)?);
                        self.details = Some(Built { key, view: view.clone() });
                        Some(view)
                    }
                }
            })),
            Tab::Annotations => Panel::Annotations(rebuild(&mut self.list, (revision, suggestions), || {
                let rows = panels::annotation_rows(doc);
                match session.suggested().open() {
                    [] => rows,
                    _ => suggestion_card::with_suggestion_rows(doc, session.suggested(), &rows),
                }
            })),
            Tab::Speakers => Panel::Speakers(rebuild(&mut self.speakers, revision, || panels::speaker_rows(doc))),
            Tab::Compare => {
                Panel::Compare(rebuild(&mut self.compare, (revision, session.compare().revision()), || {
                    compare_panel::view(doc, session.compare())
                }))
            }
        };
        Shown { blocks, panel }
    }
}

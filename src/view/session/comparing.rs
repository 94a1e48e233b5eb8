//! The Compare view in the session: opening the annotators' files, walking their
//! disagreements with J and K while its tab is open, and taking versions into the gold.

use crate::model::history::Editor;
use crate::view::compare::Compare;
use crate::view::compare_panel::articles;
use crate::view::notice::Notice;

use super::{Effect, Session, Tab};

/// What the Compare tab asks of the session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompareInput {
    /// The annotators' files, as (name, contents).
    Files(Vec<(String, String)>),
    Select(usize),
    /// Take annotator `annotator`'s version of disagreement `index`.
    Take {
        index: usize,
        annotator: usize,
    },
    /// Take annotator `annotator`'s version and select it in Details, to edit it there.
    TakeAndEdit {
        index: usize,
        annotator: usize,
    },
    /// Take every annotator's version of disagreement `index`.
    TakeEvery(usize),
    /// Leave disagreement `index` out of the gold.
    LeaveOut(usize),
    /// Take every span all annotators agree on, in one step.
    AcceptAgreed,
    Close,
}

impl Session {
    pub(super) fn compare_input(&mut self, editor: &mut Editor, input: CompareInput, effects: &mut Vec<Effect>) {
        match input {
            CompareInput::Files(files) => self.open_compare(editor, &files, effects),
            CompareInput::Select(index) => {
                self.compare.select(index);
                effects.push(Effect::ScrollToSelected);
            }
            CompareInput::Take { index, annotator } => {
                match self.compare.take_action(index, annotator, editor.document()) {
                    Ok(action) => {
                        if self.apply(editor, action).is_some() && self.compare.step(true) {
                            effects.push(Effect::ScrollToSelected);
                        }
                    }
                    Err(why) => self.notice = Some(Notice::error(format!("Not taken: {why}."))),
                }
            }
            CompareInput::TakeAndEdit { index, annotator } => {
                match self.compare.take_action(index, annotator, editor.document()) {
                    Ok(action) => {
                        if let Some(created) = self.apply(editor, action).and_then(|o| o.created_annotation) {
                            self.selected = Some(created);
                            self.tab = Tab::Details;
                            effects.push(Effect::ScrollToSelected);
                        }
                    }
                    Err(why) => self.notice = Some(Notice::error(format!("Not taken: {why}."))),
                }
            }
            CompareInput::TakeEvery(index) => {
                if let Some((action, _)) = self.compare.take_every_action(index, editor.document()) {
                    if self.apply(editor, action).is_some() && self.compare.step(true) {
                        effects.push(Effect::ScrollToSelected);
                    }
                }
            }
            CompareInput::LeaveOut(index) => self.compare.dismiss(index),
            CompareInput::AcceptAgreed => match self.compare.accept_agreed_action(editor.document()) {
                Some((action, count)) => {
                    if self.apply(editor, action).is_some() {
                        let s = if count == 1 { "" } else { "s" };
                        let all = self.compare.annotators().len();
                        self.notice = Some(Notice::info(format!(
                            "Took {count} annotation{s} all {all} annotators agree on, in one step (Ctrl+Z undoes it)."
                        )));
                    }
                }
                None => self.notice = Some(Notice::info("The annotators agree on no span exactly in this article.")),
            },
            CompareInput::Close => {
                self.compare.close();
                self.tab = Tab::Annotations;
            }
        }
    }

    fn open_compare(&mut self, editor: &Editor, files: &[(String, String)], effects: &mut Vec<Effect>) {
        match Compare::load(files) {
            Ok(mut compare) => {
                compare.open_article(editor.document());
                let (paired, unpaired) = compare.paired_count();
                let names = compare.annotators().join(", ");
                let here = if compare.article_figures().is_some() {
                    match compare.disagreements().len() {
                        1 => "1 disagreement in this article".to_owned(),
                        n => format!("{n} disagreements in this article"),
                    }
                } else {
                    "this article is not among them".to_owned()
                };
                // Named, never guessed: the first few, and how many more.
                let unpaired = match unpaired {
                    0 => String::new(),
                    n => {
                        let named = compare.unpaired().into_iter().take(3).collect::<Vec<_>>().join("; ");
                        let more = if n > 3 { format!("; {} more", n - 3) } else { String::new() };
                        format!(" ({} not in every file, left out: {named}{more})", articles(n))
                    }
                };
                let paired = articles(paired);
                self.notice = Some(Notice::info(format!("Comparing {names} on {paired}{unpaired}: {here}.")));
                self.compare = compare;
                self.tab = Tab::Compare;
                if self.compare.current().is_some() {
                    effects.push(Effect::ScrollToSelected);
                }
            }
            Err(why) => self.notice = Some(Notice::error(format!("Nothing compared: {why}"))),
        }
    }
}

//! Several actions as one undo step, each planned against the document the ones before it
//! leave: a batch's new ids (annotations, speakers) are predicted from the document, so the
//! second accept of "accept all" must see the first. A step the model refuses is left out.

use super::action::Action;
use super::document::Document;

pub struct BatchPlan {
    scratch: Document,
    actions: Vec<Action>,
}

impl BatchPlan {
    pub fn new(doc: &Document) -> BatchPlan {
        BatchPlan { scratch: doc.clone(), actions: Vec::new() }
    }

    /// The document as the steps so far leave it: what the next one is planned against.
    pub fn document(&self) -> &Document {
        &self.scratch
    }

    /// Adds `action` when the model takes it; whether it did.
    pub fn push(&mut self, action: Action) -> bool {
        let taken = self.scratch.apply(action.clone()).is_ok();
        if taken {
            self.actions.push(action);
        }
        taken
    }

    /// The batch and how many steps it holds; `None` when none was taken.
    pub fn finish(self) -> Option<(Action, usize)> {
        let count = self.actions.len();
        (count > 0).then_some((Action::Batch { actions: self.actions }, count))
    }
}

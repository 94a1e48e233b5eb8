//! "Suggest in new articles" on the corpus page, the pure part: which articles it takes, and
//! what one stored article becomes with its sure suggestions accepted. The app reads and
//! writes the database around it (`ui/preannotation_job.rs`).

use crate::corpus::export::{document_of, meta_of};
use crate::corpus::meta::dataset_line;
use crate::corpus::project::Project;
use crate::corpus::status::Status;
use crate::corpus::summary::ArticleSummary;
use crate::suggest::preannotate;

/// Who the accepted suggestions are by, in the annotations and the list's "last edited by".
pub const AUTHOR: &str = "suggestions";

/// How sure a suggestion must be to be accepted without a person looking: the same bar as
/// the annotator's "accept all".
pub const MIN_CONFIDENCE: f32 = crate::view::session::ACCEPT_ALL_THRESHOLD;

/// The new articles no editor of this tab holds, in the project's order, and how many new
/// ones an editor holds (they are the person's: G suggests there).
pub fn candidates(project: &Project, has_editor: impl Fn(&str) -> bool) -> (Vec<ArticleSummary>, usize) {
    let (held, free): (Vec<&ArticleSummary>, Vec<&ArticleSummary>) =
        project.articles().iter().filter(|a| a.status == Status::New).partition(|a| has_editor(&a.id));
    (free.into_iter().cloned().collect(), held.len())
}

/// An article with suggestions accepted: its new stored base, its new list row, how many.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preannotated {
    pub base: String,
    pub summary: ArticleSummary,
    pub accepted: usize,
}

/// The stored article (`base` and journal `steps`) with every suggestion at least
/// [`MIN_CONFIDENCE`] sure accepted; `None` when there was none. The status stays as the row
/// has it: nobody has looked at the article yet, so it is still new.
pub fn preannotate_stored(
    base: &str,
    steps: &[String],
    summary: &ArticleSummary,
    at: &str,
) -> Result<Option<Preannotated>, String> {
    let (mut doc, _) = document_of(base, steps, &summary.id)?;
    let accepted = preannotate(&mut doc, MIN_CONFIDENCE, AUTHOR, at);
    if accepted == 0 {
        return Ok(None);
    }
    let mut meta = meta_of(summary, None);
    meta.edited_at = Some(at.to_owned());
    meta.edited_by = Some(AUTHOR.to_owned());
    let mut row = summary.clone();
    row.recount(&doc, &meta);
    Ok(Some(Preannotated { base: dataset_line(&doc, &meta), summary: row, accepted }))
}

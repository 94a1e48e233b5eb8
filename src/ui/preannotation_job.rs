//! "Suggest in new articles": the chosen articles are read from the database a batch per
//! transaction, their sure suggestions accepted (`view::preannotation`), and each batch's
//! results handed to the app, which writes them unless an editor of the tab holds the article
//! by then. Cancel stops it after the batch under way.

use std::cell::Cell;
use std::rc::Rc;

use yew::html::Scope;

use crate::corpus::summary::ArticleSummary;
use crate::glue::idb::CorpusDb;
use crate::view::preannotation::{preannotate_stored, Preannotated};

use super::app::{App, Msg};

/// Articles read in one transaction; each takes about a millisecond to suggest in, so a batch
/// keeps the page responsive between two progress reports.
const BATCH: usize = 50;

/// One batch's outcome, for the app.
pub struct Batch {
    pub job: u64,
    pub done: Vec<Preannotated>,
    /// Articles read so far, of `total`.
    pub read: usize,
    pub total: usize,
    /// Articles that could not be read, with why.
    pub problems: Vec<String>,
}

pub fn start(
    db: Rc<CorpusDb>,
    project: String,
    articles: Vec<ArticleSummary>,
    job: u64,
    cancelled: Rc<Cell<bool>>,
    link: Scope<App>,
) {
    let at = crate::glue::clock::now_rfc3339();
    wasm_bindgen_futures::spawn_local(async move {
        let total = articles.len();
        let mut read = 0;
        for chunk in articles.chunks(BATCH) {
            if cancelled.get() {
                return;
            }
            let ids: Vec<String> = chunk.iter().map(|a| a.id.clone()).collect();
            let stored = match db.load_documents(&project, &ids).await {
                Ok(stored) => stored,
                Err(error) => {
                    link.send_message(Msg::PreannotationStopped { job, error: error.to_string() });
                    return;
                }
            };
            let (mut done, mut problems) = (Vec::new(), Vec::new());
            for (summary, stored) in chunk.iter().zip(stored) {
                let Some((base, steps)) = stored else {
                    problems.push(format!("“{}” has no stored document", summary.id));
                    continue;
                };
                match preannotate_stored(&base, &steps, summary, &at) {
                    Ok(Some(article)) => done.push(article),
                    Ok(None) => {}
                    Err(problem) => problems.push(problem),
                }
            }
            read += chunk.len();
            link.send_message(Msg::Preannotated(Box::new(Batch { job, done, read, total, problems })));
        }
    });
}

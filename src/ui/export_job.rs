//! Exporting a project: the chosen articles are read from the database a batch per transaction
//! (each wait lets the page breathe), turned into dataset lines or flat rows, and sorted into
//! one file, or three with a train/dev/test split. Progress goes to the app after each batch.

use std::rc::Rc;

use yew::html::Scope;

use crate::corpus::export::{dataset_line_of, rows_of};
use crate::corpus::split::{Ratios, Split};
use crate::corpus::status::Status;
use crate::corpus::summary::ArticleSummary;
use crate::glue::idb::CorpusDb;
use crate::view::corpus_page::{ExportFormat, ExportRequest, ExportScope};

use super::app::{App, Msg};

/// Articles read in one database transaction, between two progress reports.
const BATCH: usize = 200;

/// A finished export: files to download.
pub type Files = Vec<(String, String)>;

/// Starts exporting `articles` of `project` as `request` asks; the split's ratios are checked
/// first.
pub fn start(
    db: Rc<CorpusDb>,
    project: String,
    articles: Vec<ArticleSummary>,
    request: ExportRequest,
    link: Scope<App>,
) -> Result<(), String> {
    let ratios = match &request.split {
        Some(split) => Some((Ratios::parse(&split.ratios).map_err(|e| e.to_string())?, split.seed)),
        None => None,
    };
    let chosen: Vec<ArticleSummary> = match request.scope {
        ExportScope::All => articles,
        ExportScope::Done => articles.into_iter().filter(|a| a.status == Status::Done).collect(),
    };
    wasm_bindgen_futures::spawn_local(async move {
        let total = chosen.len();
        let mut outputs: [String; 4] = Default::default();
        for (batch, summaries) in chosen.chunks(BATCH).enumerate() {
            link.send_message(Msg::ExportProgress(batch * BATCH, total));
            let ids: Vec<String> = summaries.iter().map(|s| s.id.clone()).collect();
            let stored = match db.load_documents(&project, &ids).await {
                Ok(stored) => stored,
                Err(error) => {
                    link.send_message(Msg::ExportDone(Err(format!("The export stopped: {error}."))));
                    return;
                }
            };
            for (summary, stored) in summaries.iter().zip(stored) {
                let split = ratios.as_ref().map(|(ratios, seed)| ratios.split_of(*seed, &summary.id));
                let written = match stored {
                    Some((base, steps)) => match request.format {
                        ExportFormat::Dataset => dataset_line_of(&base, &steps, summary, split).map(|line| line + "\n"),
                        ExportFormat::Rows => rows_of(&base, &steps, summary, split),
                    },
                    None => Err(format!("“{}” has no stored document", summary.id)),
                };
                match written {
                    Ok(text) => outputs[split.map_or(3, |s| s as usize)].push_str(&text),
                    Err(error) => {
                        link.send_message(Msg::ExportDone(Err(format!("The export stopped: {error}."))));
                        return;
                    }
                }
            }
        }
        link.send_message(Msg::ExportDone(Ok(files(&project, &request, outputs, total))));
    });
    Ok(())
}

fn files(project: &str, request: &ExportRequest, outputs: [String; 4], total: usize) -> (Files, usize) {
    let kind = match request.format {
        ExportFormat::Dataset => "dataset",
        ExportFormat::Rows => "rows",
    };
    let [train, dev, test, whole] = outputs;
    let files = match request.split {
        None => vec![(format!("{project}.{kind}.jsonl"), whole)],
        Some(_) => [(Split::Train, train), (Split::Dev, dev), (Split::Test, test)]
            .into_iter()
            .map(|(split, text)| (format!("{project}.{}.{kind}.jsonl", split.as_str()), text))
            .collect(),
    };
    (files, total)
}

//! `stancemark stats DATASET... [--json]`: what a dataset holds (articles by status, quotes
//! by type, claims, speakers, stance per target, annotators), as a table or as JSON.

use stancemark::corpus::stats::CorpusStats;

use crate::args::Args;
use crate::error::CliError;
use crate::{load, output};

pub fn run(args: &[String]) -> Result<(), CliError> {
    let args = Args::parse_with_switches(args, &[], &["--json"])?;
    if args.positional.is_empty() {
        return Err(CliError::usage("stats needs at least one dataset FILE"));
    }
    let mut stats = CorpusStats::new();
    let mut problems = Vec::new();
    for file in &args.positional {
        if let Err(e) = load::each_document(file, |doc, meta| stats.add(&doc, &meta)) {
            problems.push(e);
        }
    }
    if let Some(e) = CliError::all(problems) {
        return Err(e.then("no statistics: fix the lines above first"));
    }
    if args.switch("--json") {
        let mut json = serde_json::to_string_pretty(&stats).expect("plain data serialises");
        json.push('\n');
        output::print(&json)
    } else {
        output::print(&stats.table())
    }
}

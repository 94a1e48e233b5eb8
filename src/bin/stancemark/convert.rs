//! `stancemark convert FILE... [--dataset OUT] [--rows OUT]`: documents into a dataset JSONL
//! and flat training rows, written only when every input is valid.

use stancemark::model::{dataset, export};

use crate::args::Args;
use crate::error::CliError;
use crate::load;
use crate::output::{self, Destination};

pub fn run(args: &[String]) -> Result<(), CliError> {
    let args = Args::parse(args, &["--dataset", "--rows"])?;
    let (dataset_out, rows_out) = (args.option("--dataset"), args.option("--rows"));
    if args.positional.is_empty() {
        return Err(CliError::usage("convert needs at least one input FILE"));
    }
    if dataset_out.is_none() && rows_out.is_none() {
        return Err(CliError::usage("convert needs --dataset OUT.jsonl, --rows OUT.jsonl, or both"));
    }
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    for file in &args.positional {
        match load::documents(file) {
            Ok(d) => docs.extend(d),
            Err(e) => problems.push(e),
        }
    }
    if let Some(e) = CliError::all(problems) {
        return Err(e.then("nothing written: fix the files above first"));
    }
    let dataset = dataset_out.map(|out| (Destination::of(Some(out)), dataset::to_jsonl(&docs)));
    let rows = rows_out.map(|out| (Destination::of(Some(out)), docs.iter().map(export::flat_rows_jsonl).collect()));
    output::write_all(&dataset.into_iter().chain(rows).collect::<Vec<_>>())
}

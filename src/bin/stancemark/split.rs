//! `stancemark split DATASET... (-o OUTDIR | --prefix PREFIX) [--ratios 80/10/10] [--seed N]
//! [--done-only] [--rows]`: the deterministic train/dev/test split by article, the same as
//! the app's, written as three dataset files (and three flat rows files), all or nothing.

use std::path::Path;

use stancemark::corpus::meta::dataset_line;
use stancemark::corpus::rows::rows_jsonl;
use stancemark::corpus::split::{Ratios, Split, SplitCounts};
use stancemark::corpus::status::Status;
use stancemark::model::export::document_id;

use crate::args::Args;
use crate::error::CliError;
use crate::load;
use crate::output::{self, Destination};

const DEFAULT_RATIOS: &str = "80/10/10";

pub fn run(args: &[String]) -> Result<(), CliError> {
    let args = Args::parse_with_switches(args, &["-o", "--prefix", "--ratios", "--seed"], &["--done-only", "--rows"])?;
    if args.positional.is_empty() {
        return Err(CliError::usage("split needs at least one dataset FILE"));
    }
    let prefix = match (args.option("-o"), args.option("--prefix")) {
        (Some(dir), None) => Path::new(dir).join("").to_string_lossy().into_owned(),
        (None, Some(prefix)) => prefix.to_owned(),
        _ => return Err(CliError::usage("split needs where to write: -o OUTDIR or --prefix PREFIX (one of them)")),
    };
    let ratios = Ratios::parse(args.option("--ratios").unwrap_or(DEFAULT_RATIOS))
        .map_err(|e| CliError::usage(format!("--ratios: {e}")))?;
    let seed = match args.option("--seed") {
        None => 0,
        Some(s) => s
            .parse::<u64>()
            .map_err(|_| CliError::usage(format!("--seed: {s:?} is not a whole number from 0 to {}", u64::MAX)))?,
    };
    let (done_only, with_rows) = (args.switch("--done-only"), args.switch("--rows"));

    let mut datasets = [String::new(), String::new(), String::new()];
    let mut rows = [String::new(), String::new(), String::new()];
    let mut counts = SplitCounts::default();
    let mut left_out = 0;
    let mut problems = Vec::new();
    for file in &args.positional {
        let read = load::each_document(file, |doc, mut meta| {
            if done_only && meta.status != Status::Done {
                left_out += 1;
                return;
            }
            let split = ratios.split_of(seed, &document_id(&doc));
            counts.add(split);
            meta.split = Some(split);
            datasets[split as usize].push_str(&dataset_line(&doc, &meta));
            datasets[split as usize].push('\n');
            if with_rows {
                rows[split as usize].push_str(&rows_jsonl(&doc, Some(split)));
            }
        });
        if let Err(e) = read {
            problems.push(e);
        }
    }
    if let Some(e) = CliError::all(problems) {
        return Err(e.then("nothing written: fix the lines above first"));
    }

    if let Some(dir) = args.option("-o") {
        std::fs::create_dir_all(dir).map_err(|e| CliError::io(format!("{dir}: cannot create the directory: {e}")))?;
    }
    let file = |split: Split, ending: &str| format!("{prefix}{}{ending}", split.as_str());
    let files: Vec<(String, String)> =
        Split::ALL.iter().map(|s| (file(*s, ".jsonl"), file(*s, ".rows.jsonl"))).collect();
    let mut outputs = Vec::new();
    for (i, (dataset_file, rows_file)) in files.iter().enumerate() {
        outputs.push((Destination::File(dataset_file), std::mem::take(&mut datasets[i])));
        if with_rows {
            outputs.push((Destination::File(rows_file), std::mem::take(&mut rows[i])));
        }
    }
    output::write_all(&outputs)?;
    let left_out = if done_only { format!("; {left_out} not done, left out") } else { String::new() };
    output::print(&format!(
        "train {}, dev {}, test {} ({} articles; ratios {ratios}, seed {seed}{left_out})\n",
        counts.train,
        counts.dev,
        counts.test,
        counts.total()
    ))
}

//! `stancemark agree A.json B.json [C.json…] [--json] [--overlap X] [--bootstrap N] [--seed S]`:
//! agreement between annotators' exports of the same articles. Each file is one annotator (a
//! document JSON or a dataset JSONL); articles pair by the SHA-256 of their text. Inputs that
//! do not pair are reported by name and the run exits 1, after printing what did pair.

use std::path::Path;

use stancemark::agreement::pairing::{annotator_name, pair, Input};
use stancemark::agreement::report::{report, Options};
use stancemark::agreement::table;

use crate::args::Args;
use crate::error::CliError;
use crate::{load, output};

pub fn run(args: &[String]) -> Result<(), CliError> {
    let args = Args::parse_with_switches(args, &["--overlap", "--bootstrap", "--seed"], &["--json"])?;
    if args.positional.len() < 2 {
        return Err(CliError::usage("agree needs at least two FILEs, one per annotator"));
    }
    let options = options(&args)?;
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for file in &args.positional {
        match load::documents(file) {
            Ok(docs) => {
                let stem =
                    Path::new(file).file_stem().map_or_else(|| file.to_string(), |s| s.to_string_lossy().into_owned());
                inputs.push(Input { name: annotator_name(&stem, &docs), docs });
            }
            Err(e) => problems.push(e),
        }
    }
    if let Some(e) = CliError::all(problems) {
        return Err(e.then("no agreement computed: fix the inputs above first"));
    }
    let pairing = pair(inputs);
    let unpaired: Vec<String> = pairing.unpaired.iter().map(|u| format!("not paired: {u}")).collect();
    if pairing.articles.is_empty() {
        return Err(CliError::all(unpaired.into_iter().map(CliError::invalid))
            .unwrap_or_else(|| CliError::invalid("the inputs hold no articles"))
            .then("nothing pairs: no article is in every input (articles pair by the SHA-256 of their text)"));
    }
    let report = report(&pairing, &options);
    let text = if args.switch("--json") {
        let mut json = serde_json::to_string_pretty(&report).expect("plain data serialises");
        json.push('\n');
        json
    } else {
        table::render(&report)
    };
    output::print(&text)?;
    match CliError::all(unpaired.into_iter().map(CliError::invalid)) {
        None => Ok(()),
        Some(e) => Err(e.then("the inputs do not pair: the figures above leave these articles out")),
    }
}

fn options(args: &Args) -> Result<Options, CliError> {
    let mut options = Options::default();
    if let Some(v) = args.option("--overlap") {
        options.overlap = v.parse::<f64>().ok().filter(|x| *x > 0.0 && *x <= 1.0).ok_or_else(|| {
            CliError::usage(format!("--overlap {v:?}: give a number above 0 and at most 1, e.g. 0.5"))
        })?;
    }
    if let Some(v) = args.option("--bootstrap") {
        options.resamples = v
            .parse()
            .map_err(|_| CliError::usage(format!("--bootstrap {v:?}: give a whole number, e.g. 1000 (0 for none)")))?;
    }
    if let Some(v) = args.option("--seed") {
        options.seed =
            v.parse().map_err(|_| CliError::usage(format!("--seed {v:?}: give a whole number from 0 to 2^64 - 1")))?;
    }
    Ok(options)
}

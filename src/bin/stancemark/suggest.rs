//! `stancemark suggest ARTICLE|ARTICLES.jsonl... [-o PRE.jsonl] [--min-confidence X]`: articles
//! read as `corpus` reads them, every suggestion above the confidence accepted (origin
//! "suggestion", with its rule), written as one pre-annotated dataset JSONL.

use stancemark::corpus::ids::KnownArticles;
use stancemark::corpus::intake::Intake;
use stancemark::corpus::meta;
use stancemark::model::schema::Schema;
use stancemark::suggest::preannotate;

use crate::args::Args;
use crate::error::CliError;
use crate::input;
use crate::output::{self, Destination};

/// The author recorded on accepted suggestions.
const AUTHOR: &str = "stancemark-suggest";

pub fn run(args: &[String]) -> Result<(), CliError> {
    let args = Args::parse(args, &["-o", "--min-confidence", "--at"])?;
    if args.positional.is_empty() {
        return Err(CliError::usage("suggest needs an article FILE or a JSONL file of articles"));
    }
    let min: f32 = match args.option("--min-confidence") {
        None => 0.0,
        Some(v) => v
            .parse()
            .ok()
            .filter(|x: &f32| (0.0..=1.0).contains(x))
            .ok_or_else(|| CliError::usage(format!("--min-confidence must be a number from 0 to 1, not {v:?}")))?,
    };
    // The model has no clock; the time stamp is the caller's or a fixed placeholder, so that
    // the same input gives the same output.
    let at = args.option("--at").unwrap_or("1970-01-01T00:00:00Z");
    let mut intake = Intake::new(KnownArticles::new(), Schema::default());
    for file in &args.positional {
        intake.read(file, &input::read(file)?);
    }
    if let Some(e) = CliError::all(intake.bad.iter().map(|b| CliError::invalid(b.to_string()))) {
        return Err(e.then("nothing written: fix the inputs above first"));
    }
    let mut out = String::new();
    let (mut accepted, mut articles) = (0, 0);
    for incoming in &intake.added {
        let (mut doc, mut meta) = meta::read_document(&incoming.dataset_line)
            .map_err(|e| CliError::invalid(format!("{}: {e}", incoming.source)))?;
        let here = preannotate(&mut doc, min, AUTHOR, at);
        if here > 0 {
            meta.record_edit(&doc, at, AUTHOR);
        }
        accepted += here;
        articles += 1;
        out.push_str(&meta::dataset_line(&doc, &meta));
        out.push('\n');
    }
    let out_path = args.option("-o");
    output::write_all(&[(Destination::of(out_path), out)])?;
    output::note(&[format!(
        "{accepted} suggestion(s) accepted in {articles} article(s), written to {}",
        out_path.filter(|o| *o != "-").unwrap_or("standard output")
    )]);
    Ok(())
}

//! `stancemark corpus DIR|FILE... [-o OUT.jsonl] [--skip-bad] [--schema SCHEMA.json]`:
//! articles (text files, JSON records, JSONL of records, Stancemark documents) into one
//! dataset JSONL, each line a document with its corpus object. Duplicates are reported and
//! added once; any bad input stops the run unless `--skip-bad` says to leave it out.

use std::fs;
use std::path::{Path, PathBuf};

use stancemark::corpus::ids::KnownArticles;
use stancemark::corpus::intake::Intake;
use stancemark::model::schema::Schema;

use crate::args::Args;
use crate::error::CliError;
use crate::output::{self, Destination};
use crate::{input, parse};

/// The files a directory contributes.
const EXTENSIONS: [&str; 3] = ["txt", "json", "jsonl"];

pub fn run(args: &[String]) -> Result<(), CliError> {
    let args = Args::parse_with_switches(args, &["-o", "--schema"], &["--skip-bad"])?;
    if args.positional.is_empty() {
        return Err(CliError::usage("corpus needs a DIR, a JSONL file of articles, or article FILEs"));
    }
    let out = args.option("-o");
    let schema = match args.option("--schema") {
        None => Schema::default(),
        Some(path) => parse::schema(path)?,
    };
    let files = inputs(&args.positional, out)?;
    let mut intake = Intake::new(KnownArticles::new(), schema);
    let mut unreadable = Vec::new();
    for file in &files {
        match input::read(file) {
            Ok(bytes) => intake.read(file, &bytes),
            Err(e) => unreadable.push(e),
        }
    }
    let mut notes: Vec<String> = intake.duplicates.iter().map(ToString::to_string).collect();
    let (good, bad) = (intake.added.len(), intake.bad.len());
    let skip_bad = args.switch("--skip-bad");
    if !unreadable.is_empty() || (bad > 0 && !skip_bad) {
        let consequence = if unreadable.is_empty() {
            format!("nothing written; --skip-bad writes the {} and skips {bad}", plural(good, "good article"))
        } else {
            "nothing written: a file could not be read".to_owned()
        };
        let bad_inputs = intake.bad.iter().map(|b| CliError::invalid(b.to_string()));
        let all = CliError::all(unreadable.into_iter().chain(bad_inputs)).expect("there is a problem");
        return Err(all.then(&consequence));
    }
    notes.extend(intake.bad.iter().map(|b| format!("{b} (skipped)")));
    let dataset: String = intake.added.iter().map(|a| format!("{}\n", a.dataset_line)).collect();
    output::write_all(&[(Destination::of(out), dataset)])?;
    notes.push(format!(
        "{} written to {}; {} not added; {} skipped",
        plural(good, "article"),
        out.filter(|o| *o != "-").unwrap_or("standard output"),
        plural(intake.duplicates.len(), "duplicate"),
        plural(if skip_bad { bad } else { 0 }, "bad input"),
    ));
    output::note(&notes);
    Ok(())
}

/// `1 article`, `2 articles`.
fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// The input files: each FILE as given, each DIR's `.txt`, `.json` and `.jsonl` files
/// (recursively, sorted by path, hidden ones left out), never the output file itself.
fn inputs(paths: &[&str], out: Option<&str>) -> Result<Vec<String>, CliError> {
    let output = out.and_then(|o| fs::canonicalize(o).ok());
    let mut files = Vec::new();
    for path in paths {
        if !Path::new(path).is_dir() {
            files.push((*path).to_owned());
            continue;
        }
        let mut found = Vec::new();
        walk(Path::new(path), &mut found)?;
        found.retain(|f| output.is_none() || fs::canonicalize(f).ok() != output);
        if found.is_empty() {
            return Err(CliError::invalid(format!("{path}: no .txt, .json or .jsonl file in this directory")));
        }
        found.sort();
        files.extend(found.into_iter().map(|f| f.to_string_lossy().into_owned()));
    }
    Ok(files)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> Result<(), CliError> {
    let cannot = |e: std::io::Error| CliError::io(format!("{}: cannot read the directory: {e}", dir.display()));
    for entry in fs::read_dir(dir).map_err(cannot)? {
        let entry = entry.map_err(cannot)?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        // A symbolic link to a directory is not followed: it could lead back up the tree.
        if entry.file_type().map_err(cannot)?.is_dir() {
            walk(&path, found)?;
        } else if path.is_file()
            && path.extension().is_some_and(|e| EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
        {
            found.push(path);
        }
    }
    Ok(())
}

//! `stancemark validate FILE...`: checks every file and every line, says `ok` for each good
//! file on standard output and prints every problem on standard error.

use crate::args::Args;
use crate::error::CliError;
use crate::{load, output};

pub fn run(args: &[String]) -> Result<(), CliError> {
    let files = Args::parse(args, &[])?.positional;
    if files.is_empty() {
        return Err(CliError::usage("validate needs at least one FILE"));
    }
    let mut problems = Vec::new();
    for file in files {
        match load::documents(file) {
            Ok(docs) => {
                let annotations: usize = docs.iter().map(|d| d.annotations.len()).sum();
                let plural = if docs.len() == 1 { "" } else { "s" };
                output::print(&format!("{file}: ok ({} document{plural}, {annotations} annotations)\n", docs.len()))?;
            }
            Err(e) => problems.push(e),
        }
    }
    CliError::all(problems).map_or(Ok(()), Err)
}

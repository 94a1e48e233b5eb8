//! `stancemark parse ARTICLE`: an article (text or JSON record) into a document JSON with no
//! annotations yet, using the default schema or one from `--schema`.

use stancemark::model::article::Article;
use stancemark::model::document::Document;
use stancemark::model::export;
use stancemark::model::schema::Schema;
use stancemark::model::utf8;

use crate::args::Args;
use crate::error::CliError;
use crate::input;
use crate::output::{self, Destination};

pub fn run(args: &[String]) -> Result<(), CliError> {
    let args = Args::parse(args, &["--schema", "--id", "-o"])?;
    let [file] = args.positional[..] else {
        return Err(CliError::usage("parse takes exactly one ARTICLE file (or - for standard input)"));
    };
    let mut article =
        Article::parse_bytes(&input::read(file)?).map_err(|e| CliError::invalid(format!("{file}: {e}")))?;
    if let Some(id) = args.option("--id") {
        article.id = Some(id.to_owned());
    }
    let schema = match args.option("--schema") {
        None => Schema::default(),
        Some(path) => schema(path)?,
    };
    let mut json = export::document_json(&Document::new(article, schema));
    json.push('\n');
    output::write_all(&[(Destination::of(args.option("-o")), json)])
}

/// Reads a schema file for `--schema` (also used by `corpus`).
pub fn schema(path: &str) -> Result<Schema, CliError> {
    let bytes = input::read(path)?;
    let text =
        utf8::text(&bytes).map_err(|e| CliError::invalid(format!("{path}:{}: the schema file is {e}", e.line)))?;
    Schema::from_json(text).map_err(|e| CliError::invalid(format!("{path}: {e}")))
}

//! `stancemark eval [--gold DIR] [--half dev|test|all] [--json]`: suggestions scored against a
//! gold set laid out like `../shared/eval/quotes`, the development and test halves apart.

use std::path::Path;

use stancemark::suggest::gold;

use crate::args::Args;
use crate::error::CliError;
use crate::output;

const DEFAULT_GOLD: &str = "../shared/eval/quotes";

pub fn run(args: &[String]) -> Result<(), CliError> {
    let args = Args::parse_with_switches(args, &["--gold", "--half"], &["--json"])?;
    if let Some(extra) = args.positional.first() {
        return Err(CliError::usage(format!("eval takes no FILE ({extra:?}); name the gold directory with --gold")));
    }
    let dir = args.option("--gold").unwrap_or(DEFAULT_GOLD);
    let halves: &[(&str, bool)] = match args.option("--half").unwrap_or("all") {
        "dev" => &[("dev", false)],
        "test" => &[("test", true)],
        "all" => &[("dev", false), ("test", true)],
        other => return Err(CliError::usage(format!("--half must be dev, test or all, not {other:?}"))),
    };
    let articles =
        gold::load_dir(Path::new(dir)).map_err(|e| CliError::io(format!("cannot read the gold set: {e}")))?;
    if articles.is_empty() {
        return Err(CliError::invalid(format!("{dir}/articles holds no .txt articles")));
    }
    let mut text = String::new();
    let mut json = serde_json::Map::new();
    for &(name, test) in halves {
        let part = gold::half(&articles, test);
        let scores = gold::evaluate(part);
        let first = part.first().map_or("", |a| a.id.as_str());
        let last = part.last().map_or("", |a| a.id.as_str());
        let title = format!("{name}: {} articles ({first} .. {last}), {} gold quotes", part.len(), scores.all().gold);
        text.push_str(&gold::table(&title, &scores));
        text.push('\n');
        json.insert(name.to_owned(), gold::json(&scores));
    }
    if args.switch("--json") {
        output::print(&format!("{}\n", serde_json::Value::Object(json)))
    } else {
        output::print(&text)
    }
}

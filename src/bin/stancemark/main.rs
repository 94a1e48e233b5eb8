//! `stancemark`: the annotation model on the command line, for scripts and pipelines. One file
//! per subcommand; `error.rs` maps every outcome to the exit status, `output.rs` writes files
//! all or nothing and treats a closed standard output as the reader's choice, not a failure.

// Cargo builds every binary for every target; on wasm32 the tool has no use, so it compiles to
// an empty program there and its modules are left out.
#[cfg(not(target_arch = "wasm32"))]
mod agree;
#[cfg(not(target_arch = "wasm32"))]
mod args;
#[cfg(not(target_arch = "wasm32"))]
mod convert;
#[cfg(not(target_arch = "wasm32"))]
mod corpus;
#[cfg(not(target_arch = "wasm32"))]
mod error;
#[cfg(not(target_arch = "wasm32"))]
mod eval;
#[cfg(not(target_arch = "wasm32"))]
mod help;
#[cfg(not(target_arch = "wasm32"))]
mod input;
#[cfg(not(target_arch = "wasm32"))]
mod load;
#[cfg(not(target_arch = "wasm32"))]
mod output;
#[cfg(not(target_arch = "wasm32"))]
mod parse;
#[cfg(not(target_arch = "wasm32"))]
mod split;
#[cfg(not(target_arch = "wasm32"))]
mod stats;
#[cfg(not(target_arch = "wasm32"))]
mod suggest;
#[cfg(not(target_arch = "wasm32"))]
mod validate;

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let status = match run(&args) {
        Ok(()) => 0,
        Err(error) => {
            error.report();
            error.exit_code()
        }
    };
    std::process::exit(status);
}

#[cfg(not(target_arch = "wasm32"))]
fn run(args: &[String]) -> Result<(), error::CliError> {
    use error::CliError;

    let Some((command, rest)) = args.split_first() else {
        return Err(CliError::usage(
            "a COMMAND is needed: parse, validate, convert, corpus, stats, split, suggest, eval or agree",
        ));
    };
    if rest.iter().any(|a| a == "--help" || a == "-h") {
        return output::print(help::of(command).ok_or_else(|| unknown(command))?);
    }
    match command.as_str() {
        "-h" | "--help" => output::print(help::MAIN),
        "help" => match rest.first() {
            None => output::print(help::MAIN),
            Some(topic) => output::print(help::of(topic).ok_or_else(|| unknown(topic))?),
        },
        "parse" => parse::run(rest),
        "validate" => validate::run(rest),
        "convert" => convert::run(rest),
        "corpus" => corpus::run(rest),
        "stats" => stats::run(rest),
        "split" => split::run(rest),
        "suggest" => suggest::run(rest),
        "eval" => eval::run(rest),
        "agree" => agree::run(rest),
        other => Err(unknown(other)),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn unknown(command: &str) -> error::CliError {
    error::CliError::usage(format!("there is no command {command:?}"))
}

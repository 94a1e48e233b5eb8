//! The one error type of the tool, and the one place where an outcome becomes an exit status:
//! 0 success, 1 invalid input, 2 wrong usage or a file that cannot be read or written.

use std::io::Write;

/// What kind of failure, in order of precedence when a run meets several.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// The input is not a valid article, schema, document or dataset.
    Invalid,
    /// A file or stream could not be read or written.
    Io,
    /// The command line is wrong.
    Usage,
}

/// Why a run failed: its kind and one message per problem (`file:line: path: message`).
#[derive(Debug)]
pub struct CliError {
    kind: Kind,
    messages: Vec<String>,
}

impl CliError {
    pub fn usage(message: impl Into<String>) -> CliError {
        CliError { kind: Kind::Usage, messages: vec![message.into()] }
    }

    pub fn io(message: impl Into<String>) -> CliError {
        CliError { kind: Kind::Io, messages: vec![message.into()] }
    }

    pub fn invalid(message: impl Into<String>) -> CliError {
        CliError { kind: Kind::Invalid, messages: vec![message.into()] }
    }

    /// All the problems of `errors` together, of the most serious kind among them; `None`
    /// when there are none. Commands that check several files report every file's problems.
    pub fn all(errors: impl IntoIterator<Item = CliError>) -> Option<CliError> {
        errors.into_iter().reduce(|mut all, e| {
            all.kind = all.kind.max(e.kind);
            all.messages.extend(e.messages);
            all
        })
    }

    /// The same error with a last line saying what it means for the run.
    pub fn then(mut self, consequence: &str) -> CliError {
        self.messages.push(consequence.to_owned());
        self
    }

    pub fn exit_code(&self) -> i32 {
        match self.kind {
            Kind::Invalid => 1,
            Kind::Io | Kind::Usage => 2,
        }
    }

    /// Prints the messages on standard error, a usage error with a pointer to `--help`.
    pub fn report(&self) {
        let mut text: String = self.messages.iter().map(|m| format!("{m}\n")).collect();
        if self.kind == Kind::Usage {
            text = format!("stancemark: {text}Run `stancemark --help` for usage and examples.\n");
        }
        // Nothing is left to tell if standard error itself is closed.
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
    }
}

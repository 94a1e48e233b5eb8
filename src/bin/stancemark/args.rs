//! Splitting a command's arguments into positional ones and `--flag VALUE` options.

use crate::error::CliError;

pub struct Args<'a> {
    pub positional: Vec<&'a str>,
    options: Vec<(&'a str, &'a str)>,
}

impl<'a> Args<'a> {
    /// Reads `args`, accepting the options named in `flags` (each takes a value). `-` alone is
    /// positional: it means standard input or output.
    pub fn parse(args: &'a [String], flags: &[&str]) -> Result<Args<'a>, CliError> {
        let mut positional = Vec::new();
        let mut options = Vec::new();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            if flags.contains(&a.as_str()) {
                let value = it.next().ok_or_else(|| CliError::usage(format!("{a} needs a value")))?;
                options.push((a.as_str(), value.as_str()));
            } else if a.starts_with('-') && a != "-" {
                return Err(CliError::usage(format!("unknown option {a:?}")));
            } else {
                positional.push(a.as_str());
            }
        }
        Ok(Args { positional, options })
    }

    /// The value of option `name`; the last one wins when it is given twice.
    pub fn option(&self, name: &str) -> Option<&'a str> {
        self.options.iter().rev().find(|(k, _)| *k == name).map(|(_, v)| *v)
    }
}

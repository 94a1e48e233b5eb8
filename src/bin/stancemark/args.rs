//! Splitting a command's arguments into positional ones, `--flag VALUE` options and
//! `--switch` options that take no value.

use crate::error::CliError;

pub struct Args<'a> {
    pub positional: Vec<&'a str>,
    options: Vec<(&'a str, &'a str)>,
    switches: Vec<&'a str>,
}

impl<'a> Args<'a> {
    /// Reads `args`, accepting the options named in `flags` (each takes a value). `-` alone is
    /// positional: it means standard input or output.
    pub fn parse(args: &'a [String], flags: &[&str]) -> Result<Args<'a>, CliError> {
        Args::parse_with_switches(args, flags, &[])
    }

    /// The same, also accepting the options named in `switches`, which take no value.
    pub fn parse_with_switches(args: &'a [String], flags: &[&str], switches: &[&str]) -> Result<Args<'a>, CliError> {
        let mut parsed = Args { positional: Vec::new(), options: Vec::new(), switches: Vec::new() };
        let mut it = args.iter();
        while let Some(a) = it.next() {
            if flags.contains(&a.as_str()) {
                let value = it.next().ok_or_else(|| CliError::usage(format!("{a} needs a value")))?;
                parsed.options.push((a.as_str(), value.as_str()));
            } else if switches.contains(&a.as_str()) {
                parsed.switches.push(a.as_str());
            } else if a.starts_with('-') && a != "-" {
                return Err(CliError::usage(format!("unknown option {a:?}")));
            } else {
                parsed.positional.push(a.as_str());
            }
        }
        Ok(parsed)
    }

    /// The value of option `name`; the last one wins when it is given twice.
    pub fn option(&self, name: &str) -> Option<&'a str> {
        self.options.iter().rev().find(|(k, _)| *k == name).map(|(_, v)| *v)
    }

    /// Whether the switch `name` was given.
    pub fn switch(&self, name: &str) -> bool {
        self.switches.contains(&name)
    }
}

//! Reading an input file, or standard input for `-`.

use std::io::Read;

use crate::error::CliError;

pub fn read(path: &str) -> Result<Vec<u8>, CliError> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| CliError::io(format!("-: cannot read standard input: {e}")))?;
        return Ok(bytes);
    }
    std::fs::read(path).map_err(|e| CliError::io(format!("{path}: cannot read: {e}")))
}

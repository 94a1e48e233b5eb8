//! Reading bytes as UTF-8 and, when they are not, saying where: the byte, its offset, and its
//! line and column, so that a person can find it in an editor.

use std::fmt;

/// The first byte at which input stops being UTF-8.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotUtf8 {
    /// The offending byte.
    pub byte: u8,
    /// Its offset in bytes from the start of the input.
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column on that line, in characters (what an editor shows).
    pub column: usize,
}

/// The bytes as text, or where they stop being UTF-8.
pub fn text(bytes: &[u8]) -> Result<&str, NotUtf8> {
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let valid = std::str::from_utf8(&bytes[..offset]).expect("valid up to here");
        let line_start = valid.rfind('\n').map_or(0, |i| i + 1);
        NotUtf8 {
            byte: bytes[offset],
            offset,
            line: 1 + valid.matches('\n').count(),
            column: 1 + valid[line_start..].chars().count(),
        }
    })
}

/// Says where, for a message that already names the line: `not UTF-8 (byte 0xE9 at column 4)`.
impl fmt::Display for NotUtf8 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not UTF-8 (byte 0x{:02X} at column {})", self.byte, self.column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_byte_its_line_and_its_column_in_characters() {
        assert_eq!(text(b"caf\xC3\xA9"), Ok("café"));
        let e = text(b"line one\n\xC3\xA9t\xE9").unwrap_err();
        assert_eq!(e, NotUtf8 { byte: 0xE9, offset: 12, line: 2, column: 3 });
        assert_eq!(e.to_string(), "not UTF-8 (byte 0xE9 at column 3)");
    }
}

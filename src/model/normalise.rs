//! Text normalisation shared by the text format and the JSON record: what real files contain
//! (a BOM, CRLF, trailing spaces, runs of blank lines) is made uniform so that offsets computed
//! today still point at the same characters when the same file is opened on another machine.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Strips a leading BOM, turns CRLF and lone CR into `\n`, and composes to NFC.
/// Tabs are kept as they are: they are ordinary characters to an annotator and every
/// consumer indexes them as one code point.
pub fn clean(raw: &str) -> String {
    let s = raw.strip_prefix('\u{FEFF}').unwrap_or(raw);
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => s,
        _ => s.nfc().collect(),
    }
}

/// Splits cleaned text into paragraphs: runs of non-blank lines separated by one or more blank
/// lines. Trailing spaces and tabs are trimmed from each line; a line that is blank after
/// trimming separates paragraphs. Lines within a paragraph keep their `\n` and their leading
/// whitespace, so the canonical text stays the file itself.
pub fn paragraphs(cleaned: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in cleaned.split('\n') {
        let line = line.trim_end_matches([' ', '\t']);
        if line.is_empty() {
            if !current.is_empty() {
                out.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current.join("\n"));
    }
    out
}

/// Collapses all whitespace, newlines included, to single spaces: for fields that must be one
/// line in the canonical layout (a JSON record's title and date).
pub fn one_line(s: &str) -> String {
    clean(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_handles_bom_crlf_cr_and_nfc() {
        assert_eq!(clean("\u{FEFF}a\r\nb\rc"), "a\nb\nc");
        assert_eq!(clean("e\u{301}"), "\u{e9}");
    }

    #[test]
    fn paragraphs_collapse_blank_runs_and_trim_line_ends() {
        let p = paragraphs("\n\n  first line \t\nsecond\n \n\t\n\nthird\n\n");
        assert_eq!(p, vec!["  first line\nsecond".to_string(), "third".to_string()]);
    }

    #[test]
    fn one_line_collapses_whitespace() {
        assert_eq!(one_line("  A\r\n  title\t here "), "A title here");
    }
}

//! Text normalisation shared by the text format and the JSON record: what real files contain
//! (a BOM, CRLF, trailing spaces, runs of blank lines) is made uniform so that offsets computed
//! today still point at the same characters when the same file is opened on another machine.

use unicode_normalization::char::{canonical_combining_class, compose, decompose_canonical};
use unicode_normalization::{is_nfc_quick, IsNormalized};

/// Strips a leading BOM, turns CRLF and lone CR into `\n`, and composes to NFC.
/// Tabs are kept as they are: they are ordinary characters to an annotator and every
/// consumer indexes them as one code point.
pub fn clean(raw: &str) -> String {
    let s = raw.strip_prefix('\u{FEFF}').unwrap_or(raw);
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => s,
        _ => nfc(&s),
    }
}

/// Unicode Normalization Form C (UAX #15): canonical decomposition, canonical ordering, then
/// canonical composition.
///
/// The crate's own `nfc()` iterator picks canonical or compatibility decomposition at run time,
/// so the compatibility tables (about 60 KB that NFC never reads) end up in the wasm bundle.
/// Built from the crate's per-character functions, only the canonical tables are linked. A
/// property test checks this against the crate's `nfc()`.
pub fn nfc(s: &str) -> String {
    let mut decomposed: Vec<char> = Vec::with_capacity(s.len());
    for c in s.chars() {
        decompose_canonical(c, |d| push_in_canonical_order(&mut decomposed, d));
    }
    let mut out = String::with_capacity(s.len());
    let mut composed: Vec<char> = Vec::with_capacity(decomposed.len());
    // The last starter that later characters may still compose with, and the combining class
    // of the last character kept after it (None: nothing kept since the starter).
    let mut starter: Option<usize> = None;
    let mut last_class: Option<u8> = None;
    for c in decomposed {
        let class = canonical_combining_class(c);
        if let Some(at) = starter {
            // Characters between the starter and `c` are in canonical order, so the last one
            // kept has the highest class: `c` is blocked when it is a starter or not above it.
            let blocked = last_class.is_some_and(|last| last == 0 || last >= class);
            if let Some(pair) = compose(composed[at], c).filter(|_| !blocked) {
                composed[at] = pair;
                continue;
            }
        }
        if class == 0 {
            starter = Some(composed.len());
            last_class = None;
        } else {
            last_class = Some(class);
        }
        composed.push(c);
    }
    out.extend(composed);
    out
}

/// Appends a decomposed character, moving a combining mark before earlier marks of a higher
/// class (a stable sort of each run of marks by class, as canonical ordering requires).
fn push_in_canonical_order(chars: &mut Vec<char>, c: char) {
    let class = canonical_combining_class(c);
    let mut at = chars.len();
    if class != 0 {
        while at > 0 {
            let before = canonical_combining_class(chars[at - 1]);
            if before == 0 || before <= class {
                break;
            }
            at -= 1;
        }
    }
    chars.insert(at, c);
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
    fn nfc_composes_reorders_and_leaves_blocked_marks() {
        use unicode_normalization::UnicodeNormalization;
        let cases = [
            "e\u{301}",                 // é
            "a\u{323}\u{302}",          // ậ: marks in canonical order compose in turn
            "a\u{302}\u{323}",          // the same, marks out of order
            "\u{1E0B}\u{323}",          // ḍ̇: a precomposed letter decomposes to reorder
            "\u{1100}\u{1161}\u{11A8}", // Hangul L V T → 각
            "\u{212B}",                 // Ångström sign: a singleton, to Å
            "a\u{305}\u{301}",          // a blocked acute stays apart
            "\u{0B47}\u{0B3E}",         // two starters that compose
            "\u{301}a",                 // a mark before any starter
            "\u{FB01}",                 // ﬁ: compatibility only, NFC keeps it
        ];
        for case in cases {
            assert_eq!(nfc(case), case.nfc().collect::<String>(), "{case:?}");
        }
    }

    /// Characters where composition is subtle: letters, combining marks of many classes, Hangul
    /// jamo and syllables, Indic two-part vowels, singletons, and any code point at all.
    fn tricky_char() -> impl proptest::strategy::Strategy<Value = char> {
        use proptest::prelude::*;
        let range = |a: u32, b: u32| (a..=b).prop_filter_map("a scalar value", char::from_u32);
        prop_oneof![
            range(0x41, 0x7A),
            range(0xC0, 0x24F),
            range(0x300, 0x36F),
            range(0x370, 0x3FF),
            range(0x591, 0x5C7),
            range(0x900, 0xBFF),
            range(0x1100, 0x11FF),
            range(0x1DC0, 0x1EFF),
            range(0x2000, 0x22FF),
            range(0xAC00, 0xAC40),
            range(0x3099, 0x30FF),
            any::<char>(),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config { cases: 2000, failure_persistence: None, ..Default::default() })]
        #[test]
        fn nfc_equals_the_crates_nfc(chars in proptest::collection::vec(tricky_char(), 0..12)) {
            use unicode_normalization::UnicodeNormalization;
            let s: String = chars.into_iter().collect();
            proptest::prop_assert_eq!(nfc(&s), s.nfc().collect::<String>());
        }
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

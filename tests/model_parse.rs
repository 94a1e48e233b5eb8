//! Parsing every tolerated variant of an article file, and the errors for the rest.

#[path = "fixtures/common.rs"]
mod common;

use stancemark::model::article::{Article, BlockKind, ParseError};

fn kinds(a: &Article) -> Vec<BlockKind> {
    a.blocks.iter().map(|b| b.kind).collect()
}

fn texts(a: &Article) -> Vec<&str> {
    a.blocks.iter().map(|b| a.block_text(b)).collect()
}

use BlockKind::{Abstract, Dateline, Paragraph, Title};

#[test]
fn the_sample_canonical_text_is_the_file_itself() {
    let a = common::sample_article();
    assert_eq!(a.text, common::SAMPLE);
    assert_eq!(
        kinds(&a),
        vec![Title, Dateline, Abstract, Paragraph, Paragraph, Paragraph, Paragraph, Paragraph, Paragraph]
    );
    assert_eq!(
        a.title.as_deref(),
        Some("US envoy is taking Putin's comments on Ukraine ceasefire proposal to Trump, Kremlin official says")
    );
    assert_eq!(a.published.as_deref(), Some("2025-03-16 03:31:00"));
    assert!(a.abstract_text.as_deref().unwrap().starts_with("Putin discussed a U.S. ceasefire proposal"));
    // The abstract block starts after the label, which stays in the text just before it.
    let abs = a.blocks[2];
    let label_start = abs.span.start - "Abstract: ".len();
    assert_eq!(&a.text.chars().skip(label_start).take(10).collect::<String>(), "Abstract: ");
}

#[test]
fn a_trailing_newline_is_dropped() {
    let with = format!("{}\n\n\n", common::SAMPLE);
    assert_eq!(Article::parse_text(&with).unwrap(), common::sample_article());
}

#[test]
fn crlf_bom_and_trailing_spaces_normalise_to_the_same_article() {
    let messy = format!("\u{FEFF}{}", common::SAMPLE.replace('\n', "  \t\r\n"));
    assert_eq!(Article::parse_bytes(messy.as_bytes()).unwrap(), common::sample_article());
    let old_mac = common::SAMPLE.replace('\n', "\r");
    assert_eq!(Article::parse_bytes(old_mac.as_bytes()).unwrap(), common::sample_article());
}

#[test]
fn runs_of_blank_lines_collapse_to_one() {
    let spaced = common::SAMPLE.replace("\n\n", "\n\n \n\t\n\n");
    let a = Article::parse_text(&spaced).unwrap();
    assert_eq!(a.text, common::SAMPLE);
}

#[test]
fn missing_date_keeps_title_and_abstract() {
    let a = Article::parse_text("Talks stall\n\nAbstract: Nothing moved.\n\nBody.").unwrap();
    assert_eq!(kinds(&a), vec![Title, Abstract, Paragraph]);
    assert_eq!(a.published, None);
    assert_eq!(a.text, "Talks stall\n\nAbstract: Nothing moved.\n\nBody.");
}

#[test]
fn missing_abstract_keeps_title_and_date() {
    let a = Article::parse_text("Talks stall\n\n2025-03-16\n\nBody one.\n\nBody two.").unwrap();
    assert_eq!(kinds(&a), vec![Title, Dateline, Paragraph, Paragraph]);
    assert_eq!(a.abstract_text, None);
}

#[test]
fn plain_text_without_header_is_all_paragraphs() {
    let a = Article::parse_text("Short first paragraph.\n\nSecond paragraph\nwith a kept line break.").unwrap();
    assert_eq!(kinds(&a), vec![Paragraph, Paragraph]);
    assert_eq!(a.title, None);
    assert_eq!(texts(&a), vec!["Short first paragraph.", "Second paragraph\nwith a kept line break."]);
    // A single line followed by an ordinary paragraph is not a title.
    let a = Article::parse_text("One line\n\nAnother paragraph.").unwrap();
    assert_eq!(kinds(&a), vec![Paragraph, Paragraph]);
}

#[test]
fn tabs_inside_lines_are_kept() {
    let a = Article::parse_text("Col\tumn one\n\n\tIndented paragraph.").unwrap();
    assert_eq!(a.text, "Col\tumn one\n\n\tIndented paragraph.");
}

#[test]
fn text_is_composed_to_nfc() {
    let a = Article::parse_text("Cafe\u{301} talks").unwrap();
    assert_eq!(a.text, "Caf\u{e9} talks");
}

#[test]
fn non_utf8_names_the_byte_and_line() {
    let mut bytes = b"Title\n\n2025-03-16\n\nBody ".to_vec();
    bytes.push(0xFF);
    let e = Article::parse_bytes(&bytes).unwrap_err();
    assert_eq!(e, ParseError::NotUtf8 { byte: 0xFF, offset: 24, line: 5 });
    assert!(e.to_string().starts_with("the file is not UTF-8: invalid byte 0xFF at byte 24 (line 5)"), "{e}");
}

#[test]
fn empty_and_blank_files_are_errors() {
    assert_eq!(Article::parse_bytes(b"").unwrap_err(), ParseError::Empty);
    assert_eq!(Article::parse_bytes(b"\xEF\xBB\xBF \r\n\t\n").unwrap_err(), ParseError::OnlyWhitespace);
    assert_eq!(Article::parse_bytes(b"").unwrap_err().to_string(), "the file is empty");
}

#[test]
fn json_record_gets_the_same_layout() {
    let json = r#"{"id": "reuters-123", "title": "Talks\nstall", "published": "2025-03-16 03:31:00",
                   "abstract": "Nothing\r\n\r\nmoved.", "text": "Body one.\r\n\r\n\r\nBody two.", "url": "ignored"}"#;
    let a = Article::parse_bytes(json.as_bytes()).unwrap();
    assert_eq!(a.id.as_deref(), Some("reuters-123"));
    assert_eq!(a.text, "Talks stall\n\n2025-03-16 03:31:00\n\nAbstract: Nothing\nmoved.\n\nBody one.\n\nBody two.");
    assert_eq!(kinds(&a), vec![Title, Dateline, Abstract, Paragraph, Paragraph]);
    assert_eq!(a.abstract_text.as_deref(), Some("Nothing\nmoved."));
    let minimal = Article::parse_bytes(br#"  {"text": "Only body.", "id": 42}"#).unwrap();
    assert_eq!((minimal.text.as_str(), minimal.id.as_deref()), ("Only body.", Some("42")));
    assert_eq!(kinds(&minimal), vec![Paragraph]);
}

#[test]
fn json_record_errors_say_what_is_wrong() {
    assert_eq!(Article::parse_bytes(br#"{"title": "x"}"#).unwrap_err(), ParseError::MissingText);
    assert!(Article::parse_bytes(br#"{"title": "x"}"#).unwrap_err().to_string().contains("has no `text` field"));
    assert_eq!(Article::parse_bytes(br#"{"text": "  \n "}"#).unwrap_err(), ParseError::EmptyText);
    let e = Article::parse_bytes(br#"{"text": 5}"#).unwrap_err();
    assert_eq!(e.to_string(), "the JSON record's `text` must be a string, found a number");
    let e = Article::parse_bytes(b"{\"text\": \"abc\",\n").unwrap_err();
    assert!(matches!(&e, ParseError::Json(invalid) if invalid.line == 2), "{e:?}");
    assert!(e.to_string().contains("truncated"), "{e}");
}

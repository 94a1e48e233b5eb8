//! Pairing quotation marks within one paragraph. Only the outermost quote matters for a
//! suggestion; marks nested inside it (single quotes in double ones, 『 』 in 「 」) are skipped.
//!
//! A paragraph that opens a quote and never closes it (the convention for a quote running over
//! several paragraphs) yields a quote to the paragraph's end, marked `closed: false`.

/// A quote found in the text, code-point offsets, marks included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Quoted {
    pub start: usize,
    pub end: usize,
    pub closed: bool,
}

/// The closing marks that end a quote opened by `open`, or `None` if `open` opens nothing.
/// `„` is closed by `“` in German and by `”` in some other languages, so both count.
fn closers(open: char) -> Option<&'static [char]> {
    Some(match open {
        '"' => &['"'],
        '“' => &['”'],
        '„' => &['“', '”'],
        '«' => &['»'],
        '»' => &['«'],
        '‹' => &['›'],
        '「' => &['」'],
        '『' => &['』'],
        '‘' => &['’'],
        '‚' => &['‘', '’'],
        '\'' => &['\''],
        _ => return None,
    })
}

fn is_single(c: char) -> bool {
    matches!(c, '‘' | '‚' | '\'')
}

/// The quotes in `chars[start..end]` (one paragraph).
pub(crate) fn find(chars: &[char], start: usize, end: usize) -> Vec<Quoted> {
    let mut out = Vec::new();
    let mut i = start;
    while i < end {
        let c = chars[i];
        let prev = if i > start { chars[i - 1] } else { ' ' };
        let next = chars.get(i + 1).copied().filter(|_| i + 1 < end).unwrap_or(' ');
        let Some(close) = closers(c) else {
            i += 1;
            continue;
        };
        // An opening mark sits before a word, not after one: this keeps apostrophes ("don't",
        // "the Smiths' car") and a stray closing straight quote from opening anything.
        // French typography puts a space inside guillemets: « oui ».
        let apostrophe_like = matches!(c, '"' | '\'' | '‘' | '‚' | '“');
        let opens = (!apostrophe_like || !prev.is_alphanumeric()) && (!next.is_whitespace() || matches!(c, '«' | '‹'));
        if !opens {
            i += 1;
            continue;
        }
        match close_of(chars, i, end, close, is_single(c)) {
            Some(j) => {
                out.push(Quoted { start: i, end: j + 1, closed: true });
                i = j + 1;
            }
            None if is_single(c) => i += 1,
            None => {
                let mut e = end;
                while e > i + 1 && chars[e - 1].is_whitespace() {
                    e -= 1;
                }
                out.push(Quoted { start: i, end: e, closed: false });
                i = end;
            }
        }
    }
    out
}

/// Where the quote opened at `open` closes. A single closing mark must not be followed by a
/// letter (that is an apostrophe). Two right single quotes (`’’`) close a double quote, a
/// typewriter habit.
fn close_of(chars: &[char], open: usize, end: usize, close: &[char], single: bool) -> Option<usize> {
    let mut j = open + 1;
    while j < end {
        let c = chars[j];
        let next = chars.get(j + 1).copied().filter(|_| j + 1 < end).unwrap_or(' ');
        if close.contains(&c) && (!single || !chars[j - 1].is_whitespace() && !next.is_alphanumeric()) {
            return Some(j);
        }
        let doubled = (close == ['”'] && c == '’') || (close == ['"'] && c == '\'');
        if doubled && next == c {
            return Some(j + 1);
        }
        j += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        find(&chars, 0, chars.len()).iter().map(|q| chars[q.start..q.end].iter().collect()).collect()
    }

    #[test]
    fn every_style_pairs() {
        for (text, quote) in [
            ("He said \"yes, now\" today.", "\"yes, now\""),
            ("He said “yes, now” today.", "“yes, now”"),
            ("Il a dit « oui » hier.", "« oui »"),
            ("Er sagte „ja“ gestern.", "„ja“"),
            ("Er sagte ‚ja‘ gestern.", "‚ja‘"),
            ("She said ‘yes, now’ today.", "‘yes, now’"),
            ("He said ‹ yes › today.", "‹ yes ›"),
            ("彼は「はい」と言った。", "「はい」"),
            ("彼は『はい』と言った。", "『はい』"),
        ] {
            assert_eq!(spans(text), [quote], "{text}");
        }
    }

    #[test]
    fn nested_and_apostrophes_stay_inside() {
        assert_eq!(spans("“They said ‘no way’ and we didn’t,” she said."), ["“They said ‘no way’ and we didn’t,”"]);
        assert_eq!(spans("“It’s fine,’’ he said."), ["“It’s fine,’’"]);
        assert_eq!(spans("The Smiths’ car isn’t new."), Vec::<String>::new());
    }

    #[test]
    fn an_unclosed_quote_runs_to_the_paragraph_end() {
        let chars: Vec<char> = "“First part. Second part. ".chars().collect();
        let q = find(&chars, 0, chars.len());
        assert_eq!(q.len(), 1);
        assert!(!q[0].closed);
        assert_eq!(q[0].end, chars.len() - 1);
    }
}

//! Splitting JSONL bytes into numbered lines a few at a time, from a whole buffer or from
//! chunks as they arrive, so a 50 MB file can be read in steps that leave the browser time
//! to paint a progress bar. Lines are numbered and cut as `model::dataset::lines` cuts them:
//! they end at `\n`, a `\r` before it is dropped, a last line needs no final newline, and
//! lines that are empty or only whitespace are passed over (their numbers still count).

use std::borrow::Cow;

use crate::model::utf8::{self, NotUtf8};

/// The UTF-8 byte order mark some editors put at the start of a file.
const BOM: &[u8] = b"\xEF\xBB\xBF";

pub struct LineReader<'a> {
    /// Bytes not handed out yet start at `start`; earlier ones are dropped now and then.
    buffer: Cow<'a, [u8]>,
    start: usize,
    /// Bytes from `start` up to here hold no `\n`: a long line arriving in many chunks is
    /// searched once, not once per chunk.
    scanned: usize,
    /// Bytes dropped from the front of `buffer`.
    dropped: usize,
    /// The number of the last line handed out or passed over.
    line_number: usize,
    /// No more chunks will come: what is left after the last `\n` is the last line.
    ended: bool,
}

impl<'a> LineReader<'a> {
    /// A reader of chunks to come (see [`LineReader::feed`] and [`LineReader::end`]).
    pub fn new() -> LineReader<'a> {
        LineReader { buffer: Cow::Borrowed(&[]), start: 0, scanned: 0, dropped: 0, line_number: 0, ended: false }
    }

    /// A reader of the whole input, borrowed or owned.
    pub fn whole(bytes: impl Into<Cow<'a, [u8]>>) -> LineReader<'a> {
        LineReader { buffer: bytes.into(), ended: true, ..LineReader::new() }
    }

    /// Appends the next chunk of input.
    pub fn feed(&mut self, chunk: &[u8]) {
        assert!(!self.ended, "no input after the end");
        // Drop what was handed out once it is most of the buffer: each byte is moved at most
        // a few times, however many chunks there are.
        if self.start > 0 && self.start * 2 >= self.buffer.len() {
            let buffer = self.buffer.to_mut();
            buffer.drain(..self.start);
            self.dropped += self.start;
            self.scanned -= self.start;
            self.start = 0;
        }
        self.buffer.to_mut().extend_from_slice(chunk);
    }

    /// Says that no more chunks will come.
    pub fn end(&mut self) {
        self.ended = true;
    }

    /// The next line that is not blank: its 1-based number and its text, or where it stops
    /// being UTF-8. `None` when no complete line is buffered (or the input is read).
    pub fn next_line(&mut self) -> Option<(usize, Result<&str, NotUtf8>)> {
        loop {
            let (start, end) = self.next_range()?;
            self.line_number += 1;
            if !self.is_blank(start, end) {
                return Some((self.line_number, utf8::text(self.content(start, end))));
            }
        }
    }

    /// The line's bytes without a `\r` at its end, or the byte order mark at the file's start.
    fn content(&self, start: usize, end: usize) -> &[u8] {
        let line = &self.buffer[start..end];
        let line = if self.line_number == 1 { line.strip_prefix(BOM).unwrap_or(line) } else { line };
        line.strip_suffix(b"\r").unwrap_or(line)
    }

    /// Empty or only whitespace, as `str::trim` sees it. A JSONL line starts with `{`, so the
    /// first byte that is not ASCII whitespace usually settles it without decoding the line.
    fn is_blank(&self, start: usize, end: usize) -> bool {
        let line = self.content(start, end);
        match line.iter().find(|b| !b.is_ascii_whitespace()) {
            None => true,
            Some(b) if b.is_ascii() => false,
            Some(_) => utf8::text(line).is_ok_and(|t| t.trim().is_empty()),
        }
    }

    /// The byte range of the next physical line, without its `\n`, and moves past it.
    fn next_range(&mut self) -> Option<(usize, usize)> {
        let start = self.start;
        let len = self.buffer.len();
        match self.buffer[self.scanned..].iter().position(|b| *b == b'\n') {
            Some(i) => {
                let end = self.scanned + i;
                self.start = end + 1;
                self.scanned = end + 1;
                Some((start, end))
            }
            None if self.ended && start < len => {
                self.start = len;
                self.scanned = len;
                Some((start, len))
            }
            None => {
                self.scanned = len;
                None
            }
        }
    }

    /// Lines handed out or passed over so far.
    pub fn lines_done(&self) -> usize {
        self.line_number
    }

    /// Bytes handed out so far, line ends included.
    pub fn bytes_done(&self) -> usize {
        self.dropped + self.start
    }

    /// Bytes received so far.
    pub fn bytes_received(&self) -> usize {
        self.dropped + self.buffer.len()
    }

    /// Every byte of the input has been handed out, and no more will come.
    pub fn is_finished(&self) -> bool {
        self.ended && self.start == self.buffer.len()
    }
}

impl Default for LineReader<'_> {
    fn default() -> Self {
        LineReader::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dataset;

    fn all(reader: &mut LineReader) -> Vec<(usize, Result<String, usize>)> {
        let mut out = Vec::new();
        while let Some((n, line)) = reader.next_line() {
            out.push((n, line.map(str::to_owned).map_err(|e| e.column)));
        }
        out
    }

    const TRICKY: &[u8] = b"one\r\n\xFFtwo\n \n\nthree\r\nfour";

    #[test]
    fn lines_are_cut_as_the_dataset_reader_cuts_them() {
        let expected: Vec<_> =
            dataset::lines(TRICKY).map(|(n, l)| (n, l.map(str::to_owned).map_err(|e| e.column))).collect();
        assert_eq!(all(&mut LineReader::whole(TRICKY)), expected);
        assert_eq!(expected.iter().map(|(n, _)| *n).collect::<Vec<_>>(), vec![1, 2, 5, 6]);
    }

    #[test]
    fn chunks_of_any_size_give_the_same_lines() {
        let expected = all(&mut LineReader::whole(TRICKY));
        for size in 1..TRICKY.len() {
            let mut reader = LineReader::new();
            let mut got = Vec::new();
            for chunk in TRICKY.chunks(size) {
                reader.feed(chunk);
                got.extend(all(&mut reader));
            }
            assert!(!reader.is_finished(), "the last line waits for the end of the input");
            reader.end();
            got.extend(all(&mut reader));
            assert_eq!(got, expected, "chunks of {size} bytes");
            assert!(reader.is_finished());
            assert_eq!((reader.bytes_done(), reader.lines_done()), (TRICKY.len(), 6));
        }
    }

    #[test]
    fn a_byte_order_mark_at_the_start_is_dropped() {
        let lines = all(&mut LineReader::whole(&b"\xEF\xBB\xBF{}\n\xEF\xBB\xBF{}"[..]));
        assert_eq!(lines[0], (1, Ok("{}".to_owned())));
        assert_eq!(lines[1], (2, Ok("\u{FEFF}{}".to_owned())), "only at the start of the file");
    }
}

//! Finding the line of a field in JSON source from its path (`annotations[3].fragments[0].end`),
//! so that a validator can print `file:line: path: message` like a compiler. A small scanner
//! rather than a parser with spans: it only has to walk well-formed JSON that serde_json has
//! already accepted.

use super::json::{FieldError, FieldPath, Step};

/// The 1-based line where the value at `path` starts, or, if the path does not exist (a
/// missing field), where its deepest existing parent starts. `None` for the root or JSON the
/// scanner cannot follow.
pub fn line_of(json: &str, path: &FieldPath) -> Option<usize> {
    if path.is_root() {
        return None;
    }
    let mut s = Scanner { b: json.as_bytes(), i: 0, line: 1 };
    s.ws();
    let mut best = None;
    s.find(path.steps(), &mut best);
    best
}

/// The line of the problem `error` reports in `json`: where the JSON stops parsing, or where
/// the field it names starts.
pub fn line_of_error(json: &str, error: &FieldError) -> Option<usize> {
    error.line.or_else(|| line_of(json, &error.path))
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
    line: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn bump(&mut self) {
        if self.peek() == Some(b'\n') {
            self.line += 1;
        }
        self.i += 1;
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.bump();
        }
    }

    /// At the start of a value: records its line, then descends along `steps`.
    fn find(&mut self, steps: &[Step], best: &mut Option<usize>) -> Option<()> {
        *best = Some(self.line);
        let Some((step, rest)) = steps.split_first() else { return Some(()) };
        match (self.peek()?, step) {
            (b'{', Step::Key(want)) => {
                self.bump();
                loop {
                    self.ws();
                    if self.peek()? == b'}' {
                        return None;
                    }
                    let key = self.string()?;
                    self.ws();
                    self.bump(); // ':'
                    self.ws();
                    if &key == want {
                        return self.find(rest, best);
                    }
                    self.skip()?;
                    self.ws();
                    if self.peek()? == b',' {
                        self.bump();
                    }
                }
            }
            (b'[', Step::Index(want)) => {
                self.bump();
                for _ in 0..*want {
                    self.ws();
                    if self.peek()? == b']' {
                        return None;
                    }
                    self.skip()?;
                    self.ws();
                    if self.peek()? == b',' {
                        self.bump();
                    }
                }
                self.ws();
                if self.peek()? == b']' {
                    return None;
                }
                self.find(rest, best)
            }
            _ => None,
        }
    }

    /// Reads a string's raw content (escapes left as they are: keys in our format have none).
    fn string(&mut self) -> Option<String> {
        if self.peek()? != b'"' {
            return None;
        }
        self.bump();
        let start = self.i;
        while self.peek()? != b'"' {
            if self.peek()? == b'\\' {
                self.bump();
            }
            self.bump();
        }
        let s = std::str::from_utf8(&self.b[start..self.i]).ok()?.to_owned();
        self.bump();
        Some(s)
    }

    fn skip(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.string().map(|_| ()),
            open @ (b'{' | b'[') => {
                let close = if open == b'{' { b'}' } else { b']' };
                self.bump();
                loop {
                    self.ws();
                    match self.peek()? {
                        c if c == close => {
                            self.bump();
                            return Some(());
                        }
                        b',' | b':' => self.bump(),
                        _ => self.skip()?,
                    }
                }
            }
            _ => {
                while !matches!(self.peek()?, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t') {
                    self.bump();
                }
                Some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "{\n  \"a\": [\n    {\"x\": 1},\n    {\n      \"x\": \"s,]}\",\n      \"y\": [1, 2]\n    }\n  ],\n  \"b\": null\n}";

    fn a() -> FieldPath {
        FieldPath::root().key("a")
    }

    #[test]
    fn finds_nested_fields() {
        assert_eq!(line_of(DOC, &a()), Some(2));
        assert_eq!(line_of(DOC, &a().index(0).key("x")), Some(3));
        assert_eq!(line_of(DOC, &a().index(1).key("y").index(1)), Some(6));
        assert_eq!(line_of(DOC, &FieldPath::root().key("b")), Some(9));
    }

    #[test]
    fn a_missing_field_points_at_its_parent() {
        assert_eq!(line_of(DOC, &a().index(1).key("z")), Some(4));
        assert_eq!(line_of(DOC, &a().index(7)), Some(2));
        assert_eq!(line_of(DOC, &FieldPath::root()), None);
    }

    #[test]
    fn invalid_json_is_found_at_the_line_where_it_stops_parsing() {
        let error = FieldError::from(crate::model::json::parse("{\n  \"a\": [1,\n  }").unwrap_err());
        assert_eq!(line_of_error("{\n  \"a\": [1,\n  }", &error), Some(3));
        let missing = FieldError::new(a().index(1).key("z"), "is missing");
        assert_eq!(line_of_error(DOC, &missing), Some(4));
    }
}

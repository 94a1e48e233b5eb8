//! The key table: every command a key can trigger, its default key, what the help sheet says
//! about it, and whether a schema may rebind it. The schema's default hotkeys, the key
//! dispatch (`view::keymap`) and the help sheet are all derived from [`KEY_TABLE`], so they
//! cannot disagree. It lives in the model because importing a schema must refuse one that
//! rebinds a reserved key or binds a key twice, and import is the model's job.

use std::collections::BTreeMap;

use super::annotation::QuoteType;
use super::json::{FieldError, FieldPath};

/// Command name → key, e.g. `"quote" → "q"`, `"undo" → "Ctrl+z"`: a schema's `hotkeys`, naming
/// rebindable rows of [`KEY_TABLE`].
pub type Hotkeys = BTreeMap<String, String>;

/// A stance value's key as [`check_bindings`] sees it: the key and the stance id it applies.
pub struct StanceKey<'s> {
    pub key: char,
    pub stance: &'s str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Backward,
    Forward,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Grapheme,
    Word,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    Start,
    End,
}

/// Moving through a project's articles: the session passes these on, the corpus carries them out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArticleMove {
    NextUnfinished,
    PreviousUnfinished,
    /// Mark the article done, then go to the next unfinished one.
    DoneAndNext,
    /// Mark the article skipped, then go to the next unfinished one.
    SkipAndNext,
    /// Show the project's list of articles.
    ShowCorpus,
}

/// What a key asks the app to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    MakeQuote,
    MakeClaim,
    SetQuoteType(QuoteType),
    MarkCue,
    MarkSource,
    AddFragment,
    /// Replace the selected annotation's fragment that the pending span overlaps (or its only
    /// fragment) with the pending span: moving boundaries with the mouse.
    ReplaceSpan,
    /// Stance by its key (the schema maps keys to stance values).
    Stance(char),
    NextAnnotation,
    PreviousAnnotation,
    Delete,
    Undo,
    Redo,
    Escape,
    ToggleHelp,
    FocusSpeaker,
    FocusTarget,
    FocusNote,
    /// Move the keyboard caret; with `extend`, grow the pending span from its anchor.
    MoveCaret {
        direction: Direction,
        step: Step,
        extend: bool,
    },
    /// Move one boundary of the selected annotation's span by a word.
    MoveBoundary {
        edge: Edge,
        direction: Direction,
    },
    ToggleWordSnap,
    Article(ArticleMove),
    /// Run the suggester on the article.
    Suggest,
    AcceptSuggestion,
    NextSuggestion,
    PreviousSuggestion,
}

/// One row of the key table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyBinding {
    /// The name a schema's `hotkeys` uses for a rebindable command ("quote"); for a fixed key,
    /// a name that tells the rows apart in tests.
    pub name: &'static str,
    /// The key in the schema's notation: modifiers first (`Ctrl+`, `Alt+`, `Shift+`), then a
    /// character in lower case or a `KeyboardEvent.key` name ("ArrowLeft", "Delete").
    pub key: &'static str,
    pub command: Command,
    /// What the help sheet says the key does. Consecutive rows with the same text share a line.
    pub help: &'static str,
    /// A schema may bind this command to another key; fixed keys are reserved for the app.
    pub rebindable: bool,
    /// A rebindable command added after schemas were first saved: a schema that does not name
    /// it still gets its default key, unless the schema uses that key for something else.
    /// (A command an older schema leaves out was left out on purpose; these it never knew.)
    pub default_when_unnamed: bool,
}

const fn rebindable(name: &'static str, key: &'static str, command: Command, help: &'static str) -> KeyBinding {
    KeyBinding { name, key, command, help, rebindable: true, default_when_unnamed: false }
}

/// A rebindable command newer than some saved schemas (see [`KeyBinding::default_when_unnamed`]).
const fn newer(name: &'static str, key: &'static str, command: Command, help: &'static str) -> KeyBinding {
    KeyBinding { name, key, command, help, rebindable: true, default_when_unnamed: true }
}

const fn fixed(name: &'static str, key: &'static str, command: Command, help: &'static str) -> KeyBinding {
    KeyBinding { name, key, command, help, rebindable: false, default_when_unnamed: false }
}

const fn caret(direction: Direction, step: Step, extend: bool) -> Command {
    Command::MoveCaret { direction, step, extend }
}

const fn boundary(edge: Edge, direction: Direction) -> Command {
    Command::MoveBoundary { edge, direction }
}

use Direction::{Backward, Forward};

/// Every key binding, in the order the help sheet lists them: selecting, then tagging, then
/// editing, then moving around. Stance keys come from the schema's stance values.
#[rustfmt::skip]
pub const KEY_TABLE: &[KeyBinding] = &[
    fixed("select_left", "Shift+ArrowLeft", caret(Backward, Step::Grapheme, true), "select text (or drag with the mouse)"),
    fixed("select_right", "Shift+ArrowRight", caret(Forward, Step::Grapheme, true), "select text (or drag with the mouse)"),
    fixed("select_word_left", "Ctrl+Shift+ArrowLeft", caret(Backward, Step::Word, true), "select text by words"),
    fixed("select_word_right", "Ctrl+Shift+ArrowRight", caret(Forward, Step::Word, true), "select text by words"),
    fixed("caret_left", "ArrowLeft", caret(Backward, Step::Grapheme, false), "move the caret"),
    fixed("caret_right", "ArrowRight", caret(Forward, Step::Grapheme, false), "move the caret"),
    fixed("caret_word_left", "Ctrl+ArrowLeft", caret(Backward, Step::Word, false), "move the caret by a word"),
    fixed("caret_word_right", "Ctrl+ArrowRight", caret(Forward, Step::Word, false), "move the caret by a word"),
    fixed("word_snap", "w", Command::ToggleWordSnap, "snap selections to whole words: on / off"),
    rebindable("quote", "q", Command::MakeQuote, "make the selection a quote"),
    rebindable("claim", "c", Command::MakeClaim, "make the selection a claim"),
    rebindable("direct", "d", Command::SetQuoteType(QuoteType::Direct), "quote type: direct"),
    rebindable("indirect", "i", Command::SetQuoteType(QuoteType::Indirect), "quote type: indirect (reported speech)"),
    rebindable("mixed", "x", Command::SetQuoteType(QuoteType::Mixed), "quote type: mixed"),
    rebindable("add_fragment", "f", Command::AddFragment, "add the selection as another fragment of the quote"),
    rebindable("cue", "u", Command::MarkCue, "mark the selection as the cue (\"said\")"),
    rebindable("source_mention", "m", Command::MarkSource, "mark the selection as the source (who is named)"),
    fixed("replace_span", "r", Command::ReplaceSpan, "make the selection the selected annotation's span (re-select to move its boundaries)"),
    fixed("start_left", "Alt+ArrowLeft", boundary(Edge::Start, Backward), "move the start of the selected span by a word"),
    fixed("start_right", "Alt+ArrowRight", boundary(Edge::Start, Forward), "move the start of the selected span by a word"),
    fixed("end_left", "Alt+Shift+ArrowLeft", boundary(Edge::End, Backward), "move the end of the selected span by a word"),
    fixed("end_right", "Alt+Shift+ArrowRight", boundary(Edge::End, Forward), "move the end of the selected span by a word"),
    rebindable("speaker", "s", Command::FocusSpeaker, "choose the speaker"),
    rebindable("target", "t", Command::FocusTarget, "choose the stance target"),
    rebindable("note", "n", Command::FocusNote, "write a note"),
    rebindable("next", "j", Command::NextAnnotation, "next annotation"),
    rebindable("previous", "k", Command::PreviousAnnotation, "previous annotation"),
    rebindable("delete", "Delete", Command::Delete, "delete the selected annotation, or reject the current suggestion"),
    fixed("delete_back", "Backspace", Command::Delete, "delete the selected annotation, or reject the current suggestion"),
    rebindable("undo", "Ctrl+z", Command::Undo, "undo"),
    rebindable("redo", "Ctrl+Shift+z", Command::Redo, "redo"),
    fixed("redo_y", "Ctrl+y", Command::Redo, "redo"),
    newer("suggest", "g", Command::Suggest, "suggest quotes, cues and speakers (dashed ghosts)"),
    newer("accept_suggestion", "a", Command::AcceptSuggestion, "accept the current suggestion"),
    newer("next_suggestion", "]", Command::NextSuggestion, "next suggestion"),
    newer("previous_suggestion", "[", Command::PreviousSuggestion, "previous suggestion"),
    fixed("next_article", "Alt+ArrowDown", Command::Article(ArticleMove::NextUnfinished), "next unfinished article"),
    fixed("previous_article", "Alt+ArrowUp", Command::Article(ArticleMove::PreviousUnfinished), "previous unfinished article"),
    fixed("done_next", "Ctrl+Enter", Command::Article(ArticleMove::DoneAndNext), "mark the article done and go to the next unfinished one"),
    fixed("skip_next", "Ctrl+Shift+Enter", Command::Article(ArticleMove::SkipAndNext), "skip the article and go to the next unfinished one"),
    fixed("corpus", "Ctrl+Shift+l", Command::Article(ArticleMove::ShowCorpus), "the project's articles: progress, import, export"),
    fixed("escape", "Escape", Command::Escape, "clear the selection, close dialogs"),
    fixed("help", "?", Command::ToggleHelp, "show or hide this sheet"),
];

/// The rebindable commands with their default keys: a new schema's `hotkeys`, and a schema's
/// that names none. Commands newer than saved schemas are left out: they get their key when
/// the schema does not use it (see [`KeyBinding::default_when_unnamed`]), so a schema that
/// gives a stance the key "a" or "g" stays valid.
pub fn default_hotkeys() -> Hotkeys {
    KEY_TABLE
        .iter()
        .filter(|b| b.rebindable && !b.default_when_unnamed)
        .map(|b| (b.name.to_owned(), b.key.to_owned()))
        .collect()
}

/// The table row of a rebindable command, by its schema name.
pub fn rebindable_named(name: &str) -> Option<&'static KeyBinding> {
    KEY_TABLE.iter().find(|b| b.rebindable && b.name == name)
}

/// A key in one spelling, so "Ctrl+Shift+Z", "shift+ctrl+z" and "Ctrl+Shift+z" compare equal:
/// modifiers in the order Ctrl, Alt, Shift, and the key in lower case. Shift is dropped before a
/// printed character without Ctrl or Alt, as a browser reports it ("Shift+q" is "Q", i.e. "q").
/// A modifier other than Ctrl (or Control), Alt and Shift, or no key at all, is an error.
pub fn normalise(key: &str) -> Result<String, String> {
    let mut parts: Vec<&str> = key.split('+').collect();
    // "Ctrl++" names the plus key: the split leaves two empty pieces at the end.
    let last = match parts.as_slice() {
        [.., "", ""] => {
            parts.truncate(parts.len() - 2);
            "+".to_owned()
        }
        _ => parts.pop().unwrap_or_default().trim().to_lowercase(),
    };
    if last.is_empty() {
        return Err(format!("{key:?} names no key"));
    }
    let (mut ctrl, mut alt, mut shift) = (false, false, false);
    for modifier in parts {
        match modifier.trim().to_ascii_lowercase().as_str() {
            "ctrl" | "control" => ctrl = true,
            "alt" => alt = true,
            "shift" => shift = true,
            other => return Err(format!("{other:?} is not a modifier the app reads; use Ctrl, Alt or Shift")),
        }
    }
    let printed = last.chars().count() == 1;
    let mut out = String::new();
    for (present, name) in [(ctrl, "ctrl+"), (alt, "alt+"), (shift && (ctrl || alt || !printed), "shift+")] {
        if present {
            out.push_str(name);
        }
    }
    out.push_str(&last);
    Ok(out)
}

/// Checks the keys a schema binds: every hotkey names a rebindable command, no hotkey or stance
/// key (in the schema's order of stances) takes a key the app reserves, and no key is bound
/// twice. Paths are relative to the schema.
pub fn check_bindings(stances: &[StanceKey], hotkeys: &Hotkeys) -> Result<(), FieldError> {
    let reserved: BTreeMap<String, &KeyBinding> =
        KEY_TABLE.iter().filter(|b| !b.rebindable).filter_map(|b| Some((normalise(b.key).ok()?, b))).collect();
    let escape = KEY_TABLE.iter().find(|b| b.command == Command::Escape);
    let mut bound: BTreeMap<String, String> = BTreeMap::new();
    let mut claim = |key: &str, what: String, path: FieldPath| -> Result<(), FieldError> {
        let normal = normalise(key).map_err(|why| FieldError::new(path.clone(), why))?;
        // Escape closes and clears whatever the modifiers: every Escape chord is the app's.
        let is_escape = normal == "escape" || normal.ends_with("+escape");
        if let Some(binding) = reserved.get(&normal).or(escape.as_ref().filter(|_| is_escape)) {
            return Err(FieldError::new(
                path,
                format!("key {key:?} is reserved by the app ({}); choose another key", binding.help),
            ));
        }
        if let Some(other) = bound.get(&normal) {
            return Err(FieldError::new(path, format!("key {key:?} is already bound to {other}")));
        }
        bound.insert(normal, what);
        Ok(())
    };
    for (i, stance) in stances.iter().enumerate() {
        let path = FieldPath::root().key("stances").index(i).key("key");
        claim(&stance.key.to_string(), format!("stance {:?}", stance.stance), path)?;
    }
    for (name, key) in hotkeys {
        let path = FieldPath::root().key("hotkeys").key(name);
        if rebindable_named(name).is_none() {
            let names: Vec<&str> = KEY_TABLE.iter().filter(|b| b.rebindable).map(|b| b.name).collect();
            return Err(FieldError::new(
                path,
                format!("no command is called {name:?}; the commands are {}", names.join(", ")),
            ));
        }
        if key.trim().is_empty() {
            return Err(FieldError::new(path, "the key must not be empty"));
        }
        claim(key, format!("command {name:?}"), path)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schema::Schema;

    fn check(schema: &Schema) -> Result<(), FieldError> {
        schema.validate()
    }

    #[test]
    fn the_table_binds_no_key_twice() {
        let mut seen = BTreeMap::new();
        for binding in KEY_TABLE {
            if let Some(other) = seen.insert(normalise(binding.key).unwrap(), binding.name) {
                panic!("{} and {other} share the key {}", binding.name, binding.key);
            }
        }
    }

    #[test]
    fn keys_compare_in_one_spelling() {
        assert_eq!(normalise("Shift+Ctrl+Z").unwrap(), "ctrl+shift+z");
        assert_eq!(normalise("Delete").unwrap(), "delete");
        assert_eq!(normalise("Ctrl++").unwrap(), "ctrl++");
        assert_eq!(normalise("Shift+q").unwrap(), "q", "a browser reports Shift+Q as “Q”");
        assert_eq!(normalise("Shift+ArrowLeft").unwrap(), "shift+arrowleft");
        assert!(normalise("Meta+z").unwrap_err().contains("\"meta\" is not a modifier"));
        assert!(normalise("Ctrl+").is_err());
    }

    #[test]
    fn a_schema_may_not_take_a_reserved_key() {
        let mut schema = Schema::default();
        schema.hotkeys.insert("quote".into(), "ArrowLeft".into());
        let error = check(&schema).unwrap_err();
        assert_eq!(error.path, "hotkeys.quote");
        assert!(error.message.contains("reserved"), "{error}");
        schema.hotkeys.insert("quote".into(), "W".into());
        assert_eq!(check(&schema).unwrap_err().path, "hotkeys.quote");
        schema.hotkeys.insert("quote".into(), "Shift+?".into());
        assert!(check(&schema).unwrap_err().message.contains("reserved"));
        schema.hotkeys.insert("quote".into(), "Ctrl+Escape".into());
        assert!(check(&schema).unwrap_err().message.contains("reserved"));
        schema.hotkeys.insert("quote".into(), "Meta+q".into());
        assert!(check(&schema).unwrap_err().message.contains("not a modifier"));
    }

    #[test]
    fn a_key_bound_twice_is_refused_whatever_its_spelling() {
        let mut schema = Schema::default();
        schema.hotkeys.insert("claim".into(), "Q".into());
        let error = check(&schema).unwrap_err();
        assert_eq!(error.to_string(), "hotkeys.quote: key \"q\" is already bound to command \"claim\"");
        let mut schema = Schema::default();
        schema.stances[0].key = '?';
        assert_eq!(check(&schema).unwrap_err().path, "stances[0].key");
        let mut schema = Schema::default();
        schema.stances[1].key = 'j';
        assert_eq!(check(&schema).unwrap_err().path, "hotkeys.next");
    }

    #[test]
    fn a_document_whose_schema_takes_a_reserved_key_is_refused_on_import() {
        use crate::model::{article::Article, document::Document, export, import};
        let article = Article::parse_text("A title\n\nA paragraph.").unwrap();
        let json = export::document_json(&Document::new(article, Schema::default()));
        let rebound = json.replacen("\"quote\": \"q\"", "\"quote\": \"ArrowLeft\"", 1);
        assert_ne!(rebound, json, "the export spells the quote hotkey as expected");
        let error = import::document_from_json(&rebound).unwrap_err().to_string();
        assert!(error.starts_with("schema.hotkeys.quote: key \"ArrowLeft\" is reserved by the app"), "{error}");
    }

    #[test]
    fn unknown_commands_are_named() {
        let mut schema = Schema::default();
        schema.hotkeys.insert("launch".into(), "l".into());
        let error = check(&schema).unwrap_err();
        assert_eq!(error.path, "hotkeys.launch");
        assert!(error.message.contains("quote, claim"), "{error}");
    }
}

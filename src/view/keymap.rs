//! The keyboard map: which key does what. Letter bindings are data (the schema's `hotkeys`,
//! Label Studio style: one key per label); the caret keys, `?` and the stance digits (from
//! the schema's stance values, Prodigy style) are fixed. Pure, so the help sheet and the
//! handler cannot disagree and every binding is tested natively.

use crate::model::annotation::QuoteType;
use crate::model::schema::{Schema, DEFAULT_HOTKEYS};

/// A key press as the page saw it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyPress {
    /// `KeyboardEvent.key`: "q", "Q", "ArrowLeft", "?", "1"…
    pub key: String,
    pub ctrl: bool,
    pub shift: bool,
    pub alt: bool,
    /// Focus is in a text input, a textarea or a select: plain keys belong to it.
    pub in_field: bool,
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

#[derive(Clone, Debug, PartialEq, Eq)]
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
    /// Stance by its hotkey digit (the schema maps digits to stance values).
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
    MoveCaret { direction: Direction, step: Step, extend: bool },
    /// Move one boundary of the selected annotation's span by a word.
    MoveBoundary { edge: Edge, direction: Direction },
    ToggleWordSnap,
}

/// The command a schema hotkey name stands for.
fn named_command(name: &str) -> Option<Command> {
    use Command::*;
    Some(match name {
        "quote" => MakeQuote,
        "claim" => MakeClaim,
        "direct" => SetQuoteType(QuoteType::Direct),
        "indirect" => SetQuoteType(QuoteType::Indirect),
        "mixed" => SetQuoteType(QuoteType::Mixed),
        "add_fragment" => AddFragment,
        "cue" => MarkCue,
        "source_mention" => MarkSource,
        "speaker" => FocusSpeaker,
        "target" => FocusTarget,
        "note" => FocusNote,
        "next" => NextAnnotation,
        "previous" => PreviousAnnotation,
        "delete" => Delete,
        "undo" => Undo,
        "redo" => Redo,
        _ => return None,
    })
}

/// "Ctrl+Shift+z" for a press, in the schema's notation; letters in lower case.
fn chord(press: &KeyPress) -> String {
    let mut chord = String::new();
    if press.ctrl {
        chord.push_str("Ctrl+");
    }
    if press.alt {
        chord.push_str("Alt+");
    }
    // Shift is part of a printed character ("?", "Q"); name it only for chords with Ctrl/Alt.
    if press.shift && (press.ctrl || press.alt) {
        chord.push_str("Shift+");
    }
    if press.key.chars().count() == 1 {
        chord.push_str(&press.key.to_lowercase());
    } else {
        chord.push_str(&press.key);
    }
    chord
}

/// Maps a key press to a command, or `None` to let the browser have it.
pub fn command_for(press: &KeyPress, schema: &Schema) -> Option<Command> {
    use Command::*;
    let key = press.key.as_str();
    if key == "Escape" {
        return Some(Escape);
    }
    // In a text field, plain keys and Ctrl+Z are the field's own.
    if press.in_field {
        return None;
    }
    let pressed = chord(press);
    if let Some(command) = schema
        .hotkeys
        .iter()
        .find(|(_, binding)| binding.eq_ignore_ascii_case(&pressed))
        .and_then(|(name, _)| named_command(name))
    {
        return Some(command);
    }
    let arrow = |direction, step| Some(MoveCaret { direction, step, extend: press.shift });
    match (key, press.ctrl, press.alt) {
        ("y" | "Y", true, false) => Some(Redo),
        ("ArrowLeft", true, false) => arrow(Direction::Backward, Step::Word),
        ("ArrowRight", true, false) => arrow(Direction::Forward, Step::Word),
        ("ArrowLeft", false, false) => arrow(Direction::Backward, Step::Grapheme),
        ("ArrowRight", false, false) => arrow(Direction::Forward, Step::Grapheme),
        ("ArrowLeft" | "ArrowRight", false, true) => Some(MoveBoundary {
            edge: if press.shift { Edge::End } else { Edge::Start },
            direction: if key == "ArrowLeft" { Direction::Backward } else { Direction::Forward },
        }),
        ("?", false, false) => Some(ToggleHelp),
        ("w" | "W", false, false) => Some(ToggleWordSnap),
        ("r" | "R", false, false) => Some(ReplaceSpan),
        ("Backspace", false, false) => Some(Delete),
        (digit, false, false) => {
            let mut chars = digit.chars();
            let c = chars.next()?;
            (chars.next().is_none() && schema.stance_for_key(c).is_some()).then_some(Stance(c))
        }
        _ => None,
    }
}

/// The key bound to a schema command, as a button shows it ("Q", "Ctrl + Z"), or "" if unbound.
pub fn key_label(schema: &Schema, name: &str) -> String {
    let Some(binding) = schema.hotkeys.get(name) else { return String::new() };
    // Letters as printed on keys ("Z"); named keys as they are ("Ctrl", "Delete").
    let parts: Vec<String> =
        binding.split('+').map(|part| if part.chars().count() == 1 { part.to_uppercase() } else { part.to_owned() }).collect();
    parts.join(" + ")
}

/// What a schema hotkey name does, for the help sheet.
fn describe(name: &str) -> &'static str {
    match name {
        "quote" => "make the selection a quote",
        "claim" => "make the selection a claim",
        "direct" => "quote type: direct",
        "indirect" => "quote type: indirect (reported speech)",
        "mixed" => "quote type: mixed",
        "add_fragment" => "add the selection as another fragment of the quote",
        "cue" => "mark the selection as the cue (\"said\")",
        "source_mention" => "mark the selection as the source (who is named)",
        "speaker" => "choose the speaker",
        "target" => "choose the stance target",
        "note" => "write a note",
        "next" => "next annotation",
        "previous" => "previous annotation",
        "delete" => "delete the selected annotation",
        "undo" => "undo",
        "redo" => "redo (also Ctrl+Y)",
        _ => "",
    }
}

/// The rows of the help sheet, keys then what they do, for this schema.
pub fn help_rows(schema: &Schema) -> Vec<(String, String)> {
    let mut rows = vec![
        ("Shift + ← →".to_owned(), "select text (or drag with the mouse); snapped to whole words".to_owned()),
        ("Ctrl + ← →".to_owned(), "move the caret by a word (Shift extends)".to_owned()),
    ];
    // The defaults' order groups the commands as a person learns them; then any others.
    let known = DEFAULT_HOTKEYS.iter().map(|(name, _)| *name);
    let others = schema.hotkeys.keys().map(String::as_str).filter(|name| !DEFAULT_HOTKEYS.iter().any(|(n, _)| n == name));
    for name in known.chain(others) {
        if schema.hotkeys.contains_key(name) && named_command(name).is_some() {
            rows.push((key_label(schema, name), describe(name).to_owned()));
        }
    }
    for stance in &schema.stances {
        rows.push((stance.key.to_string(), format!("stance: {}", stance.label)));
    }
    rows.extend([
        ("R".to_owned(), "make the selection the selected annotation's span (re-select to move its boundaries)".to_owned()),
        ("Alt + ← →".to_owned(), "move the start of the selected span by a word".to_owned()),
        ("Alt + Shift + ← →".to_owned(), "move the end of the selected span by a word".to_owned()),
        ("W".to_owned(), "snap selections to whole words: on / off".to_owned()),
        ("Esc".to_owned(), "clear the selection, close dialogs".to_owned()),
        ("?".to_owned(), "show or hide this sheet".to_owned()),
    ]);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(key: &str) -> KeyPress {
        KeyPress { key: key.to_owned(), ctrl: false, shift: false, alt: false, in_field: false }
    }

    fn command(press: &KeyPress) -> Option<Command> {
        command_for(press, &Schema::default())
    }

    #[test]
    fn schema_letters_make_annotations_in_either_case() {
        assert_eq!(command(&press("q")), Some(Command::MakeQuote));
        assert_eq!(command(&press("C")), Some(Command::MakeClaim));
        assert_eq!(command(&press("f")), Some(Command::AddFragment));
        assert_eq!(command(&press("i")), Some(Command::SetQuoteType(QuoteType::Indirect)));
    }

    #[test]
    fn a_schema_can_rebind_a_command() {
        let mut schema = Schema::default();
        schema.hotkeys.insert("quote".to_owned(), "z".to_owned());
        assert_eq!(command_for(&press("z"), &schema), Some(Command::MakeQuote));
        assert_eq!(command_for(&press("q"), &schema), None);
    }

    #[test]
    fn stance_digits_come_from_the_schema() {
        assert_eq!(command(&press("2")), Some(Command::Stance('2')));
        assert_eq!(command(&press("9")), None);
        assert_eq!(command(&press("0")), None);
    }

    #[test]
    fn undo_and_both_redo_chords() {
        let ctrl = |key: &str, shift| KeyPress { ctrl: true, shift, ..press(key) };
        assert_eq!(command(&ctrl("z", false)), Some(Command::Undo));
        assert_eq!(command(&ctrl("Z", true)), Some(Command::Redo));
        assert_eq!(command(&ctrl("y", false)), Some(Command::Redo));
    }

    #[test]
    fn typing_in_a_field_is_left_alone_except_escape() {
        let typing = |key: &str| KeyPress { in_field: true, ..press(key) };
        assert_eq!(command(&typing("q")), None);
        assert_eq!(command(&typing("1")), None);
        assert_eq!(command(&KeyPress { ctrl: true, ..typing("z") }), None);
        assert_eq!(command(&typing("Escape")), Some(Command::Escape));
    }

    #[test]
    fn arrows_move_the_caret_and_alt_arrows_move_boundaries() {
        let shift_left = KeyPress { shift: true, ..press("ArrowLeft") };
        assert_eq!(
            command(&shift_left),
            Some(Command::MoveCaret { direction: Direction::Backward, step: Step::Grapheme, extend: true })
        );
        let alt_shift_right = KeyPress { alt: true, shift: true, ..press("ArrowRight") };
        assert_eq!(command(&alt_shift_right), Some(Command::MoveBoundary { edge: Edge::End, direction: Direction::Forward }));
    }

    #[test]
    fn key_labels_read_like_keycaps() {
        let schema = Schema::default();
        assert_eq!(key_label(&schema, "quote"), "Q");
        assert_eq!(key_label(&schema, "redo"), "Ctrl + Shift + Z");
        assert_eq!(key_label(&schema, "delete"), "Delete");
        assert_eq!(key_label(&schema, "no-such-command"), "");
    }

    #[test]
    fn every_default_hotkey_is_bound_and_described() {
        let schema = Schema::default();
        for name in schema.hotkeys.keys() {
            assert!(named_command(name).is_some(), "hotkey {name} does nothing");
            assert!(!describe(name).is_empty(), "hotkey {name} has no help text");
        }
        assert!(help_rows(&schema).len() >= schema.hotkeys.len() + schema.stances.len());
    }
}

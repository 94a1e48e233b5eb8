//! From key presses to commands, and the help sheet, both derived from the model's key table
//! ([`crate::model::keys::KEY_TABLE`]) with the schema's hotkeys and stance keys applied. A
//! key the help sheet shows is, by construction, a key that works.

use crate::model::keys::{normalise, KeyBinding, KEY_TABLE};
use crate::model::schema::Schema;

pub use crate::model::keys::{Command, Direction, Edge, Step};

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

/// The key press in the table's normalised notation ("ctrl+shift+z", "shift+arrowleft", "?").
fn chord(press: &KeyPress) -> String {
    let printed = press.key.chars().count() == 1;
    let mut chord = String::new();
    if press.ctrl {
        chord.push_str("ctrl+");
    }
    if press.alt {
        chord.push_str("alt+");
    }
    // Shift is part of a printed character ("?", "Q"); it is named for named keys and chords.
    if press.shift && (press.ctrl || press.alt || !printed) {
        chord.push_str("shift+");
    }
    chord.push_str(&press.key.to_lowercase());
    chord
}

/// The key a binding has under `schema`: a rebindable command's schema key (none when the
/// schema leaves it unbound), a fixed binding's own.
fn effective_key<'s>(binding: &'s KeyBinding, schema: &'s Schema) -> Option<&'s str> {
    if !binding.rebindable {
        return Some(binding.key);
    }
    match schema.hotkeys.get(binding.name) {
        Some(key) => Some(key),
        None if binding.default_when_unnamed && !schema_uses(schema, binding.key) => Some(binding.key),
        None => None,
    }
}

/// Whether a schema binds `key` to a command or a stance.
fn schema_uses(schema: &Schema, key: &str) -> bool {
    let key = normalise(key);
    let stance = |c: char| normalise(&c.to_string());
    schema.hotkeys.values().any(|k| normalise(k) == key) || schema.stances.iter().any(|s| stance(s.key) == key)
}

/// Maps a key press to a command, or `None` to let the browser have it.
pub fn command_for(press: &KeyPress, schema: &Schema) -> Option<Command> {
    if press.key == "Escape" {
        return Some(Command::Escape);
    }
    // In a text field, plain keys and Ctrl+Z are the field's own.
    if press.in_field {
        return None;
    }
    let pressed = chord(press);
    let bound = KEY_TABLE
        .iter()
        .find(|binding| effective_key(binding, schema).is_some_and(|key| normalise(key).as_ref() == Ok(&pressed)))
        .map(|binding| binding.command);
    bound.or_else(|| {
        let mut chars = press.key.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else { return None };
        let plain = !press.ctrl && !press.alt;
        (plain && schema.stance_for_key(c).is_some()).then_some(Command::Stance(c))
    })
}

/// A key as printed on a keycap: "Q", "Ctrl + Shift + Z", "Alt + ←", "Esc".
pub fn label(key: &str) -> String {
    let parts: Vec<&str> = match key.strip_suffix("++") {
        Some(modifiers) => modifiers.split('+').chain(["+"]).collect(),
        None => key.split('+').collect(),
    };
    let parts: Vec<String> = parts
        .into_iter()
        .map(|part| match part {
            "ArrowLeft" => "←".to_owned(),
            "ArrowRight" => "→".to_owned(),
            "ArrowUp" => "↑".to_owned(),
            "ArrowDown" => "↓".to_owned(),
            "Escape" => "Esc".to_owned(),
            single if single.chars().count() == 1 => single.to_uppercase(),
            named => named.to_owned(),
        })
        .collect();
    parts.join(" + ")
}

/// The key bound to a schema command, as a button shows it ("Q", "Ctrl + Z"), or "" if unbound.
pub fn key_label(schema: &Schema, name: &str) -> String {
    let binding = KEY_TABLE.iter().find(|b| b.name == name);
    binding.and_then(|b| effective_key(b, schema)).map(label).unwrap_or_default()
}

/// One line of the help sheet: the keys (as keycaps), and what they do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HelpRow {
    pub keys: Vec<String>,
    pub does: String,
}

impl HelpRow {
    /// The keys as the sheet prints them: modifiers shared by consecutive keys once
    /// ("Alt + ← →"), and other keys as alternatives of their own ("Delete", "Backspace").
    pub fn key_groups(&self) -> Vec<String> {
        let mut groups: Vec<String> = Vec::new();
        let mut previous: Option<(&str, &str)> = None;
        for key in &self.keys {
            let (modifiers, last) = key.rsplit_once(" + ").unwrap_or(("", key));
            let single = |k: &str| k.chars().count() == 1;
            // "← →" shares a group too: bare one-symbol keys read as a pair.
            let shares = previous.is_some_and(|(previous_modifiers, previous_last)| {
                previous_modifiers == modifiers && (!modifiers.is_empty() || (single(last) && single(previous_last)))
            });
            match groups.last_mut() {
                Some(group) if shares => {
                    group.push(' ');
                    group.push_str(last);
                }
                _ => groups.push(key.clone()),
            }
            previous = Some((modifiers, last));
        }
        groups
    }
}

/// The rows of the help sheet for this schema, in the table's order with the stance keys
/// after the tagging keys. Consecutive rows that do the same thing share a line.
pub fn help_rows(schema: &Schema) -> Vec<HelpRow> {
    let mut rows: Vec<HelpRow> = Vec::new();
    let mut push = |key: String, does: &str| match rows.last_mut() {
        Some(last) if last.does == does => last.keys.push(key),
        _ => rows.push(HelpRow { keys: vec![key], does: does.to_owned() }),
    };
    for binding in KEY_TABLE {
        if let Some(key) = effective_key(binding, schema) {
            push(label(key), binding.help);
        }
        if binding.command == Command::MarkSource {
            for stance in &schema.stances {
                push(label(&stance.key.to_string()), &format!("stance: {}", stance.label));
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::annotation::QuoteType;

    fn press(key: &str) -> KeyPress {
        KeyPress { key: key.to_owned(), ctrl: false, shift: false, alt: false, in_field: false }
    }

    fn command(press: &KeyPress) -> Option<Command> {
        command_for(press, &Schema::default())
    }

    /// The press a key in the table's notation stands for, as a browser would report it.
    fn press_for(key: &str) -> KeyPress {
        let normal = normalise(key).unwrap();
        let mut parts: Vec<&str> = normal.split('+').collect();
        let last = parts.pop().unwrap();
        let named = match last {
            "arrowleft" => "ArrowLeft",
            "arrowright" => "ArrowRight",
            "delete" => "Delete",
            "backspace" => "Backspace",
            "escape" => "Escape",
            printed => printed,
        };
        let shift = parts.contains(&"shift");
        // The browser reports a shifted letter in upper case.
        let key = if shift && named.chars().count() == 1 { named.to_uppercase() } else { named.to_owned() };
        KeyPress { key, ctrl: parts.contains(&"ctrl"), alt: parts.contains(&"alt"), shift, in_field: false }
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
        let quote_row = help_rows(&schema).into_iter().find(|r| r.does == "make the selection a quote").unwrap();
        assert_eq!(quote_row.keys, ["Z"]);
    }

    #[test]
    fn stance_keys_come_from_the_schema() {
        assert_eq!(command(&press("2")), Some(Command::Stance('2')));
        assert_eq!(command(&press("9")), None);
        assert_eq!(command(&press("0")), None);
        assert_eq!(command(&KeyPress { ctrl: true, ..press("2") }), None);
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
        assert_eq!(
            command(&alt_shift_right),
            Some(Command::MoveBoundary { edge: Edge::End, direction: Direction::Forward })
        );
        let plain_left = press("ArrowLeft");
        assert_eq!(
            command(&plain_left),
            Some(Command::MoveCaret { direction: Direction::Backward, step: Step::Grapheme, extend: false })
        );
    }

    #[test]
    fn key_labels_read_like_keycaps() {
        let schema = Schema::default();
        assert_eq!(key_label(&schema, "quote"), "Q");
        assert_eq!(key_label(&schema, "redo"), "Ctrl + Shift + Z");
        assert_eq!(key_label(&schema, "delete"), "Delete");
        assert_eq!(key_label(&schema, "no-such-command"), "");
        assert_eq!(label("Alt+Shift+ArrowLeft"), "Alt + Shift + ←");
    }

    #[test]
    fn shared_modifiers_are_printed_once() {
        let rows = help_rows(&Schema::default());
        let text = |does: &str| rows.iter().find(|r| r.does.starts_with(does)).unwrap().key_groups().join(" / ");
        assert_eq!(text("move the start"), "Alt + ← →");
        assert_eq!(text("move the end"), "Alt + Shift + ← →");
        assert_eq!(text("move the caret by"), "Ctrl + ← →");
        assert_eq!(text("delete"), "Delete / Backspace");
        assert_eq!(text("move the caret"), "← →");
        assert_eq!(text("redo"), "Ctrl + Shift + Z / Ctrl + Y");
    }

    /// Every key the help sheet can show (each table row under the schema, each stance key)
    /// dispatches to that row's command: the sheet cannot list a key that does nothing.
    #[test]
    fn every_key_on_the_help_sheet_works() {
        let mut rebound = Schema::default();
        rebound.hotkeys.insert("quote".to_owned(), "Ctrl+Shift+q".to_owned());
        rebound.hotkeys.insert("claim".to_owned(), "Shift+l".to_owned());
        rebound.hotkeys.remove("note");
        for schema in [Schema::default(), rebound] {
            let rows = help_rows(&schema);
            for binding in KEY_TABLE {
                let Some(key) = effective_key(binding, &schema) else {
                    assert!(!rows.iter().any(|r| r.does == binding.help), "{} is unbound but listed", binding.name);
                    continue;
                };
                assert_eq!(command_for(&press_for(key), &schema), Some(binding.command), "{key}");
                let row = rows.iter().find(|r| r.does == binding.help).unwrap();
                assert!(row.keys.contains(&label(key)), "{} not in {:?}", label(key), row.keys);
            }
            for stance in &schema.stances {
                assert_eq!(command_for(&press(&stance.key.to_string()), &schema), Some(Command::Stance(stance.key)));
                assert!(rows.iter().any(|r| r.keys == [stance.key.to_string()] && r.does.ends_with(&stance.label)));
            }
            assert_eq!(rows.iter().filter(|r| r.keys.is_empty()).count(), 0);
        }
    }
}

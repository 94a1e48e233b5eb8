//! WebDriver's codes for keys that type no character (W3C WebDriver, "Keyboard actions"), named
//! once here so a test reads as the keys a person presses.

pub const ENTER: char = '\u{E007}';
pub const SHIFT: char = '\u{E008}';
pub const CONTROL: char = '\u{E009}';
pub const ALT: char = '\u{E00A}';
pub const ESCAPE: char = '\u{E00C}';
pub const ARROW_LEFT: char = '\u{E012}';
pub const ARROW_RIGHT: char = '\u{E014}';
pub const DELETE: char = '\u{E017}';

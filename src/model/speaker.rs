//! Speakers are entities, not strings: one speaker with a canonical name, aliases and an
//! optional Wikidata id, so that "Peskov", "Kremlin spokesman Dmitry Peskov" and "he" can all
//! point at the same person in the exported data.

use serde::{Deserialize, Serialize};

pub use super::ids::SpeakerId;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    Person,
    Organisation,
    Group,
    UnnamedSource,
}

impl SpeakerKind {
    pub const NAMES: &'static [&'static str] = &["person", "organisation", "group", "unnamed_source"];

    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organisation => "organisation",
            SpeakerKind::Group => "group",
            SpeakerKind::UnnamedSource => "unnamed_source",
        }
    }

    pub fn parse(s: &str) -> Option<SpeakerKind> {
        match s {
            "person" => Some(SpeakerKind::Person),
            "organisation" => Some(SpeakerKind::Organisation),
            "group" => Some(SpeakerKind::Group),
            "unnamed_source" => Some(SpeakerKind::UnnamedSource),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub id: SpeakerId,
    pub name: String,
    pub kind: SpeakerKind,
    /// Role or affiliation, e.g. "Kremlin spokesman".
    pub role: Option<String>,
    pub aliases: Vec<String>,
    /// A Wikidata item id such as `Q7747`.
    pub wikidata: Option<String>,
}

impl Speaker {
    /// True if `s` is the name or an alias, ignoring letter case.
    pub fn answers_to(&self, s: &str) -> bool {
        self.names().any(|n| same(n, s))
    }

    /// Every name it goes by: its name, then its aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }

    /// The first broken rule, as `(field, message)`.
    pub fn check(&self) -> Result<(), (&'static str, String)> {
        if self.name.trim().is_empty() {
            return Err(("name", "a speaker needs a name".into()));
        }
        for (i, alias) in self.aliases.iter().enumerate() {
            if alias.trim().is_empty() {
                return Err(("aliases", "an alias must not be empty".into()));
            }
            if same(alias, &self.name) {
                return Err(("aliases", format!("alias {alias:?} is the speaker's name")));
            }
            if self.aliases[..i].iter().any(|a| same(a, alias)) {
                return Err(("aliases", format!("alias {alias:?} is listed twice")));
            }
        }
        if let Some(q) = &self.wikidata {
            if !is_wikidata_id(q) {
                return Err((
                    "wikidata",
                    format!("{q:?} is not a Wikidata item id (Q followed by digits, e.g. Q7747)"),
                ));
            }
        }
        Ok(())
    }
}

/// Letter-case-insensitive equality, for names and aliases.
pub fn same(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// `Q` followed by digits without a leading zero.
pub fn is_wikidata_id(s: &str) -> bool {
    let Some(digits) = s.strip_prefix('Q') else { return false };
    !digits.is_empty() && !digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn peskov() -> Speaker {
        Speaker {
            id: SpeakerId("s1".into()),
            name: "Dmitry Peskov".into(),
            kind: SpeakerKind::Person,
            role: Some("Kremlin spokesman".into()),
            aliases: vec!["Peskov".into()],
            wikidata: Some("Q1351530".into()),
        }
    }

    #[test]
    fn valid_speaker_passes() {
        assert_eq!(peskov().check(), Ok(()));
        assert!(peskov().answers_to("peskov"));
    }

    #[test]
    fn alias_rules_are_case_insensitive() {
        let mut s = peskov();
        s.aliases.push("PESKOV".into());
        assert_eq!(s.check().unwrap_err().0, "aliases");
        let mut s = peskov();
        s.aliases = vec!["dmitry peskov".into()];
        assert_eq!(s.check().unwrap_err().0, "aliases");
    }

    #[test]
    fn wikidata_ids() {
        assert!(is_wikidata_id("Q7747"));
        assert!(!is_wikidata_id("Q"));
        assert!(!is_wikidata_id("Q07"));
        assert!(!is_wikidata_id("q7747"));
        assert!(!is_wikidata_id("P31"));
    }
}

//! Turning the words that name a speaker ("Kremlin spokesman Dmitry Peskov") into a new
//! speaker's name and role, and finding existing speakers that a mention or a typed query
//! refers to ("Peskov", "he" after a name). Heuristics only: the person confirms.

use crate::model::speaker::{Speaker, SpeakerKind};

/// A proposed new speaker, before the person confirms it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    pub name: String,
    pub role: Option<String>,
    pub kind: SpeakerKind,
}

/// Proposes a speaker from a source mention; the rules live with the suggestion engine
/// ([`crate::suggest::names::propose`]) so that both agree on what a mention names.
pub fn propose(mention: &str) -> Option<Proposal> {
    crate::suggest::names::propose(mention).map(|(name, role, kind)| Proposal { name, role, kind })
}

/// Speakers whose name or alias matches `query`, best first: exact name or alias, then a word
/// of the name ("Peskov" for "Dmitry Peskov"), then a prefix of a word. Case-insensitive.
pub fn matching<'s>(speakers: &'s [Speaker], query: &str) -> Vec<&'s Speaker> {
    let query = query.trim().to_lowercase();
    let mut scored: Vec<(u8, &Speaker)> = speakers
        .iter()
        .filter_map(|speaker| {
            let names = std::iter::once(&speaker.name).chain(&speaker.aliases).map(|n| n.to_lowercase());
            let mut best = None;
            for name in names {
                let score = if query.is_empty() {
                    Some(3)
                } else if name == query {
                    Some(0)
                } else if name.split_whitespace().any(|w| w == query) || query.ends_with(&name) {
                    Some(1)
                } else if name.split_whitespace().any(|w| w.starts_with(&query)) || name.contains(&query) {
                    Some(2)
                } else {
                    None
                };
                best = match (best, score) {
                    (Some(b), Some(s)) => Some(s.min(b)),
                    (b, s) => b.or(s),
                };
            }
            best.map(|score| (score, speaker))
        })
        .collect();
    crate::model::sort::sort_by(&mut scored, |a, b| a.0.cmp(&b.0).then_with(|| a.1.name.cmp(&b.1.name)));
    scored.into_iter().map(|(_, speaker)| speaker).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::speaker::SpeakerId;

    fn proposal(name: &str, role: Option<&str>, kind: SpeakerKind) -> Option<Proposal> {
        Some(Proposal { name: name.to_owned(), role: role.map(str::to_owned), kind })
    }

    #[test]
    fn a_title_and_a_name_split_into_role_and_name() {
        assert_eq!(
            propose("Kremlin spokesman Dmitry Peskov"),
            proposal("Dmitry Peskov", Some("Kremlin spokesman"), SpeakerKind::Person)
        );
        assert_eq!(
            propose("U.S. Secretary of State Marco Rubio"),
            proposal("Marco Rubio", Some("U.S. Secretary of State"), SpeakerKind::Person)
        );
        assert_eq!(propose("Trump"), proposal("Trump", None, SpeakerKind::Person));
    }

    #[test]
    fn institutions_and_groups_are_recognised() {
        assert_eq!(
            propose("The General Staff of Ukraine"),
            proposal("General Staff of Ukraine", None, SpeakerKind::Organisation)
        );
        assert_eq!(propose("U.S. officials"), proposal("U.S. officials", None, SpeakerKind::Group));
    }

    #[test]
    fn pronouns_propose_nothing() {
        assert_eq!(propose("he"), None);
        assert_eq!(propose(" She "), None);
    }

    #[test]
    fn matching_prefers_exact_then_word_then_prefix() {
        let speaker = |id: &str, name: &str, aliases: &[&str]| Speaker {
            id: SpeakerId(id.to_owned()),
            name: name.to_owned(),
            kind: SpeakerKind::Person,
            role: None,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            wikidata: None,
        };
        let speakers = vec![
            speaker("s1", "Dmitry Peskov", &["Kremlin spokesman"]),
            speaker("s2", "Vladimir Putin", &[]),
            speaker("s3", "Peskova", &[]),
        ];
        let names = |q: &str| matching(&speakers, q).iter().map(|s| s.name.clone()).collect::<Vec<_>>();
        assert_eq!(names("peskov"), ["Dmitry Peskov", "Peskova"]);
        assert_eq!(names("kremlin spokesman"), ["Dmitry Peskov"]);
        assert_eq!(names("pu"), ["Vladimir Putin"]);
        assert!(names("nobody").is_empty());
        assert_eq!(names("").len(), 3);
    }
}

//! Word lists and name splitting for speaker mentions: pronouns, organisation and group words,
//! and "Kremlin spokesman Dmitry Peskov" into a name and a role. Shared with the app's speaker
//! picker (`view::speaker_guess`), which proposes a speaker from a mention the person selected.

use crate::model::speaker::SpeakerKind;

pub const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "him", "her", "them"];

/// Pronouns that refer to one person, resolved to the last person quoted.
pub const PERSON_PRONOUNS: &[&str] = &["he", "she", "him", "her", "i"];

pub const GROUP_WORDS: &[&str] = &[
    "officials",
    "analysts",
    "sources",
    "authorities",
    "residents",
    "experts",
    "people",
    "police",
    "members",
    "critics",
    "researchers",
    "scientists",
    "witnesses",
    "investigators",
    "prosecutors",
    "lawyers",
    "protesters",
    "activists",
];

pub const ORGANISATION_WORDS: &[&str] = &[
    "staff",
    "ministry",
    "council",
    "kremlin",
    "government",
    "army",
    "agency",
    "office",
    "department",
    "committee",
    "parliament",
    "company",
    "police",
    "union",
    "nations",
    "house",
    "commission",
    "board",
    "party",
    "association",
    "court",
    "firm",
    "group",
    "unit",
    "service",
    "institute",
    "university",
    "bank",
    "corporation",
    "inc",
    "ltd",
    "foundation",
    "network",
    "organization",
    "organisation",
    "study",
    "report",
    "statement",
    "force",
];

/// Capitalised words that are titles, not names: "Justice Ortiz" names Ortiz.
const TITLES: &[&str] = &[
    "justice",
    "judge",
    "president",
    "prime",
    "minister",
    "premier",
    "mayor",
    "chief",
    "leader",
    "senator",
    "governor",
    "professor",
    "commissioner",
    "director",
    "councillor",
    "general",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "lord",
    "lady",
    "father",
    "sister",
    "officer",
    "chair",
    "chairman",
    "chairwoman",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "secretary",
    "ambassador",
    "sheriff",
    "constable",
    "sergeant",
    "captain",
    "coach",
    "dr",
    "mr",
    "mrs",
    "ms",
    "sen",
    "rep",
    "gov",
    "sir",
    "dame",
    "madam",
];

/// The name, role and kind a mention proposes. A name is the trailing run of capitalised words
/// (at most two, without titles; "Dmitry Peskov"), and the words before it are the role
/// ("Kremlin spokesman"). Pronouns propose nothing: they refer to someone named elsewhere.
pub fn propose(mention: &str) -> Option<(String, Option<String>, SpeakerKind)> {
    let mention = mention.trim().trim_matches(|c: char| c == ',' || c == '.' || c == '"');
    if mention.is_empty() || PRONOUNS.contains(&mention.to_lowercase().as_str()) {
        return None;
    }
    let words: Vec<&str> = mention.split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    if lower.iter().any(|w| ORGANISATION_WORDS.contains(&w.as_str())) && !ends_with_person_name(&words) {
        let name = mention.trim_start_matches("The ").trim_start_matches("the ").to_owned();
        return Some((name, None, SpeakerKind::Organisation));
    }
    if words.len() <= 3 && lower.last().is_some_and(|w| GROUP_WORDS.contains(&w.as_str())) {
        return Some((mention.to_owned(), None, SpeakerKind::Group));
    }
    let run = words.iter().rev().take_while(|w| is_name_word(w)).take(3).count();
    let untitled = words[words.len() - run..].iter().filter(|w| !is_title(w)).count().max(1);
    let name_len = run.min(untitled).clamp(1, 2);
    let split = words.len().saturating_sub(name_len);
    let name = words[split..].join(" ");
    let role = (split > 0).then(|| words[..split].join(" "));
    Some((name, role, SpeakerKind::Person))
}

pub fn is_title(word: &str) -> bool {
    TITLES.contains(&word.trim_end_matches('.').to_lowercase().as_str())
}

pub fn is_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && !word.ends_with('.')
        && chars.all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
}

/// "… Dmitry Peskov": the last two words look like a given name and a surname.
fn ends_with_person_name(words: &[&str]) -> bool {
    words.len() >= 3
        && words[words.len() - 2..].iter().all(|w| is_name_word(w) && !is_title(w))
        && !ORGANISATION_WORDS.contains(&words[words.len() - 1].to_lowercase().as_str())
}

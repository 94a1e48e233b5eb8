//! The annotation schema: stance values, targets and hotkeys are data, not code, so a project
//! can annotate stance toward its own targets with its own labels by loading a JSON file.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::error::FieldError;
use super::ids::{StanceId, TargetId};
use super::json::{self, FieldPath, Obj};
use super::keys::{check_bindings, StanceKey};

pub type SchemaError = FieldError;

/// A stance label and the key that applies it (the default schema uses `1`..`4`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StanceValue {
    pub id: StanceId,
    pub label: String,
    pub key: char,
}

/// What a stance is taken toward.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub id: TargetId,
    pub label: String,
}

pub use super::keys::{default_hotkeys, Hotkeys};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schema {
    pub name: String,
    pub stances: Vec<StanceValue>,
    pub targets: Vec<Target>,
    pub hotkeys: Hotkeys,
}

impl Default for Schema {
    /// Fits the sample article: stance toward the 30-day ceasefire proposal, ending the war,
    /// and a Putin–Trump phone call.
    fn default() -> Schema {
        let stance = |id: &str, label: &str, key| StanceValue { id: id.into(), label: label.into(), key };
        let target = |id: &str, label: &str| Target { id: id.into(), label: label.into() };
        Schema {
            name: "news-stance".into(),
            stances: vec![
                stance("favor", "favor", '1'),
                stance("against", "against", '2'),
                stance("neutral", "neutral", '3'),
                stance("unclear", "unclear", '4'),
            ],
            targets: vec![
                target("ceasefire-30day", "the 30-day ceasefire proposal"),
                target("end-war-ukraine", "ending the war in Ukraine"),
                target("putin-trump-call", "a Putin–Trump phone call"),
            ],
            hotkeys: default_hotkeys(),
        }
    }
}

impl Schema {
    /// Reads and validates a schema file `{name, stances: [{id, label, key}], targets:
    /// [{id, label}], hotkeys?: {command: key}}`. Without `hotkeys` the defaults apply.
    pub fn from_json(s: &str) -> Result<Schema, SchemaError> {
        Schema::from_value(&json::parse(s)?, &FieldPath::root())
    }

    /// Reads a schema from a parsed value at `path` (import reads `schema` this way).
    pub fn from_value(v: &Value, path: &FieldPath) -> Result<Schema, SchemaError> {
        let o = json::obj(v, path)?;
        let name = o.str("name")?.to_owned();
        let stances =
            o.array("stances")?.into_iter().map(|(p, v)| read_stance(&json::obj(v, &p)?)).collect::<Result<_, _>>()?;
        let targets =
            o.array("targets")?.into_iter().map(|(p, v)| read_target(&json::obj(v, &p)?)).collect::<Result<_, _>>()?;
        let hotkeys = match o.get_opt("hotkeys") {
            None => default_hotkeys(),
            Some(h) => {
                let h = json::obj(h, &o.path_of("hotkeys"))?;
                let mut keys = Hotkeys::new();
                for command in h.map.keys() {
                    keys.insert(command.clone(), h.str(command)?.to_owned());
                }
                keys
            }
        };
        let schema = Schema { name, stances, targets, hotkeys };
        schema.validate().map_err(|e| e.under(path))?;
        Ok(schema)
    }

    /// Ids present and unique, labels non-empty, keys as [`check_bindings`] wants.
    pub fn validate(&self) -> Result<(), SchemaError> {
        if self.stances.is_empty() {
            return Err(FieldError::new("stances", "needs at least one stance value"));
        }
        let mut ids = HashSet::new();
        for (i, s) in self.stances.iter().enumerate() {
            let path = format!("stances[{i}]");
            check_id(s.id.as_str(), &format!("{path}.id"))?;
            if !ids.insert(s.id.as_str()) {
                return Err(FieldError::new(format!("{path}.id"), format!("duplicate stance id {:?}", s.id.as_str())));
            }
            check_label(&s.label, &format!("{path}.label"))?;
            if s.key.is_whitespace() || s.key.is_control() {
                return Err(FieldError::new(format!("{path}.key"), "must be a visible character such as \"1\""));
            }
        }
        let mut target_ids = HashSet::new();
        for (i, t) in self.targets.iter().enumerate() {
            let path = format!("targets[{i}]");
            check_id(t.id.as_str(), &format!("{path}.id"))?;
            if !target_ids.insert(t.id.as_str()) {
                return Err(FieldError::new(format!("{path}.id"), format!("duplicate target id {:?}", t.id.as_str())));
            }
            check_label(&t.label, &format!("{path}.label"))?;
        }
        let stance_keys: Vec<StanceKey> =
            self.stances.iter().map(|s| StanceKey { key: s.key, stance: s.id.as_str() }).collect();
        check_bindings(&stance_keys, &self.hotkeys)
    }

    pub fn stance(&self, id: &StanceId) -> Option<&StanceValue> {
        self.stances.iter().find(|s| &s.id == id)
    }

    pub fn target(&self, id: &TargetId) -> Option<&Target> {
        self.targets.iter().find(|t| &t.id == id)
    }

    /// The stance bound to `key`, for the UI's number keys.
    pub fn stance_for_key(&self, key: char) -> Option<&StanceValue> {
        self.stances.iter().find(|s| s.key == key)
    }

    /// A fresh target id derived from `label` (`"Peace talks"` → `peace-talks`, then
    /// `peace-talks-2`, ...), so ids stay readable in exported data.
    pub fn fresh_target_id(&self, label: &str) -> TargetId {
        let mut base: String = label
            .chars()
            .map(|c| if c.is_alphanumeric() { c.to_lowercase().next().unwrap_or(c) } else { '-' })
            .collect();
        base = base.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-");
        base = base.chars().take(40).collect::<String>().trim_end_matches('-').to_owned();
        if base.is_empty() {
            base = "target".into();
        }
        let mut candidate = TargetId(base.clone());
        let mut n = 2;
        while self.target(&candidate).is_some() {
            candidate = TargetId(format!("{base}-{n}"));
            n += 1;
        }
        candidate
    }
}

fn read_stance(o: &Obj) -> Result<StanceValue, SchemaError> {
    let key = o.str("key")?;
    let mut chars = key.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return Err(FieldError::new(o.path_of("key"), format!("must be exactly one character, found {key:?}")));
    };
    Ok(StanceValue { id: StanceId::from(o.str("id")?), label: o.str("label")?.to_owned(), key: c })
}

pub(crate) fn read_target(o: &Obj) -> Result<Target, SchemaError> {
    Ok(Target { id: TargetId::from(o.str("id")?), label: o.str("label")?.to_owned() })
}

fn check_id(id: &str, path: &str) -> Result<(), SchemaError> {
    if id.is_empty() || id.chars().any(char::is_whitespace) {
        return Err(FieldError::new(
            path,
            format!("{id:?} is not a valid id: use letters, digits and dashes, no spaces"),
        ));
    }
    Ok(())
}

pub(crate) fn check_label(label: &str, path: &str) -> Result<(), SchemaError> {
    if label.trim().is_empty() {
        return Err(FieldError::new(path, "must not be empty"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_schema_is_valid_and_round_trips() {
        let s = Schema::default();
        s.validate().unwrap();
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(Schema::from_json(&json).unwrap(), s);
        assert_eq!(s.stance_for_key('2').map(|v| v.id.as_str()), Some("against"));
    }

    #[test]
    fn rejects_duplicates_and_empty_labels_with_paths() {
        let dup = r#"{"name":"x","stances":[{"id":"a","label":"A","key":"1"},{"id":"a","label":"B","key":"2"}],"targets":[]}"#;
        assert_eq!(Schema::from_json(dup).unwrap_err().path, "stances[1].id");
        let key = r#"{"name":"x","stances":[{"id":"a","label":"A","key":"1"},{"id":"b","label":"B","key":"1"}],"targets":[]}"#;
        let e = Schema::from_json(key).unwrap_err();
        assert_eq!(e.to_string(), "stances[1].key: key \"1\" is already bound to stance \"a\"");
        let label = r#"{"name":"x","stances":[{"id":"a","label":" ","key":"1"}],"targets":[]}"#;
        assert_eq!(Schema::from_json(label).unwrap_err().path, "stances[0].label");
        let clash = r#"{"name":"x","stances":[{"id":"a","label":"A","key":"q"}],"targets":[]}"#;
        assert_eq!(Schema::from_json(clash).unwrap_err().path, "hotkeys.quote");
        let two = r#"{"name":"x","stances":[{"id":"a","label":"A","key":"12"}],"targets":[]}"#;
        assert_eq!(Schema::from_json(two).unwrap_err().path, "stances[0].key");
    }

    #[test]
    fn fresh_target_ids_are_readable_and_unique() {
        let s = Schema::default();
        assert_eq!(s.fresh_target_id("Peace talks in Riyadh!").as_str(), "peace-talks-in-riyadh");
        assert_eq!(s.fresh_target_id("Ceasefire 30day").as_str(), "ceasefire-30day-2");
        assert_eq!(s.fresh_target_id("!!!").as_str(), "target");
    }
}

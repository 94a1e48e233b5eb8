//! One set of stance targets for the whole project: a target added while annotating one
//! article is offered in every article. Merging adds what is missing and reports a target
//! whose id is taken by another label, never relabels one: the annotations that point at it
//! mean the label they were made with.

use crate::model::ids::TargetId;
use crate::model::schema::Schema;

/// The same target id with two labels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetConflict {
    pub id: TargetId,
    /// The label in the schema merged into, which is kept.
    pub kept_label: String,
    /// The other label, which was not taken.
    pub other_label: String,
}

impl std::fmt::Display for TargetConflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "target {:?} is {:?} here and {:?} there; kept {:?}",
            self.id.as_str(),
            self.kept_label,
            self.other_label,
            self.kept_label
        )
    }
}

/// Adds to `into` every target of `from` whose id it lacks, in `from`'s order after its own,
/// and reports the ids both have with different labels (`into` keeps its label).
pub fn merge_targets(into: &mut Schema, from: &Schema) -> Vec<TargetConflict> {
    let mut conflicts = Vec::new();
    for target in &from.targets {
        match into.target(&target.id) {
            None => into.targets.push(target.clone()),
            Some(kept) if kept.label != target.label => conflicts.push(TargetConflict {
                id: target.id.clone(),
                kept_label: kept.label.clone(),
                other_label: target.label.clone(),
            }),
            Some(_) => {}
        }
    }
    conflicts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::schema::Target;

    fn target(id: &str, label: &str) -> Target {
        Target { id: id.into(), label: label.into() }
    }

    #[test]
    fn missing_targets_are_added_and_relabelled_ones_reported() {
        let mut project = Schema { targets: vec![target("a", "A"), target("b", "B")], ..Schema::default() };
        let doc = Schema { targets: vec![target("c", "C"), target("b", "Bee"), target("a", "A")], ..Schema::default() };
        let conflicts = merge_targets(&mut project, &doc);
        assert_eq!(project.targets, vec![target("a", "A"), target("b", "B"), target("c", "C")]);
        assert_eq!(
            conflicts,
            vec![TargetConflict { id: "b".into(), kept_label: "B".into(), other_label: "Bee".into() }]
        );
        assert_eq!(conflicts[0].to_string(), "target \"b\" is \"B\" here and \"Bee\" there; kept \"B\"");
        assert_eq!(merge_targets(&mut project, &doc).len(), 1, "merging again adds nothing");
        assert_eq!(project.targets.len(), 3);
    }
}

//! The ids of annotations, speakers, stance values and targets: each its own type, so one kind
//! of id cannot be passed where another is meant. In JSON each is a plain string.

/// Declares a string id type that serialises as the bare string.
macro_rules! string_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        /// As the quoted string, so a message that shows an id with `{:?}` reads `"against"`.
        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{:?}", self.0)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> $name {
                $name(id.to_owned())
            }
        }
    };
}

string_id!(
    /// An annotation's id, `a1`, `a2`, …: stable for the annotation's life, so labels built from
    /// it ("Q12") never change.
    AnnotationId
);
string_id!(
    /// A speaker's id, `s1`, `s2`, ….
    SpeakerId
);
string_id!(
    /// A stance value's id from the schema, e.g. `against`.
    StanceId
);
string_id!(
    /// A stance target's id from the schema, e.g. `ceasefire-30day`.
    TargetId
);

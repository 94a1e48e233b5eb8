//! The current time, as the model wants it (RFC 3339, UTC).

pub fn now_rfc3339() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

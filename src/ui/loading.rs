//! Reading a dropped or picked file into bytes, keeping the reader alive until it finishes.

use gloo::file::callbacks::{read_as_bytes, FileReader};
use gloo::file::File;
use yew::Callback;

/// Starts reading `file`; `done` gets the file name and its bytes or a readable error.
/// The returned reader must be kept until `done` runs: dropping it cancels the read.
pub fn read_file(file: web_sys::File, done: Callback<(String, Result<Vec<u8>, String>)>) -> FileReader {
    let file = File::from(file);
    let name = file.name();
    read_as_bytes(&file, move |result| {
        done.emit((name, result.map_err(|error| format!("the browser could not read the file: {error}"))));
    })
}

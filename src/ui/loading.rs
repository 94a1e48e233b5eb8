//! Reading picked or dropped files into bytes, a slice at a time: a 50 MB file read in one go
//! gives the page nothing to show until it is all in, so each slice reports how far it got.

use js_sys::Uint8Array;
use wasm_bindgen_futures::JsFuture;

/// Bytes read per slice: a few dozen milliseconds of reading each.
const SLICE_BYTES: f64 = 4.0 * 1024.0 * 1024.0;

/// Reads `file` whole, calling `progress` with the bytes read so far after each slice.
pub async fn read_in_slices(file: &web_sys::File, mut progress: impl FnMut(usize)) -> Result<Vec<u8>, String> {
    let size = file.size();
    let mut bytes = Vec::with_capacity(size as usize);
    let mut start = 0.0;
    while start < size {
        let end = (start + SLICE_BYTES).min(size);
        let unreadable = |_| format!("the browser could not read “{}”", file.name());
        let slice = file.slice_with_f64_and_f64(start, end).map_err(unreadable)?;
        let buffer = JsFuture::from(slice.array_buffer()).await.map_err(unreadable)?;
        bytes.extend(Uint8Array::new(&buffer).to_vec());
        progress(bytes.len());
        start = end;
    }
    Ok(bytes)
}

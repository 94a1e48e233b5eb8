//! "Import files…" and "Import a folder…": buttons that open the browser's file pickers. The
//! file inputs themselves are hidden (a file input cannot be styled as a button) but stay in
//! the page, where end-to-end tests give them files.

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::view::corpus_page::accepts_file;

/// A plain function called by the page, with no hooks: each button finds its input as its
/// next sibling, and the folder input gets `webkitdirectory` as an attribute. While an import
/// runs (`disabled`), another one waits.
pub fn import_buttons(
    disabled: bool,
    on_files: &Callback<Vec<web_sys::File>>,
    on_folder: &Callback<Vec<web_sys::File>>,
) -> Html {
    let on_files = on_files.reform(|event: Event| picked(&event.target_unchecked_into()));
    let on_folder = on_folder.reform(|event: Event| article_files(picked(&event.target_unchecked_into())));
    html! {
        <>
            <button class="btn" onclick={open_picker} disabled={disabled}
                title="Add articles: text files, JSON records, Stancemark documents, or JSONL files of them">
                { "Import files…" }
            </button>
            <input class="visually-hidden" type="file" multiple=true accept=".txt,.json,.jsonl"
                tabindex="-1" aria-hidden="true" disabled={disabled} onchange={on_files} data-testid="import-files" />
            <button class="btn" onclick={open_picker} disabled={disabled}
                title="Add every .txt, .json and .jsonl file in a folder and its subfolders">
                { "Import a folder…" }
            </button>
            // The attribute makes the picker choose a folder, as the property would.
            <input class="visually-hidden" type="file" multiple=true webkitdirectory=true tabindex="-1" aria-hidden="true"
                disabled={disabled} onchange={on_folder} data-testid="import-folder" />
        </>
    }
}

/// A click on an import button opens the file picker of the input that follows it.
fn open_picker(event: MouseEvent) {
    let input = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|button| button.next_element_sibling())
        .and_then(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let Some(input) = input {
        input.click();
    }
}
/// The picked files, in the order the browser gives them; the input is emptied, so picking
/// the same files again (after fixing them) is a change too.
fn picked(input: &web_sys::HtmlInputElement) -> Vec<web_sys::File> {
    let files = input.files().map_or_else(Vec::new, |list| (0..list.length()).filter_map(|i| list.get(i)).collect());
    input.set_value("");
    files
}

/// A folder's files to import, in the order of their paths (browsers list a folder in no
/// particular order): the `.txt`, `.json` and `.jsonl` files, leaving out hidden files and
/// hidden folders such as `.git`.
fn article_files(files: Vec<web_sys::File>) -> Vec<web_sys::File> {
    let mut files: Vec<(String, web_sys::File)> = files
        .into_iter()
        .map(|file| (relative_path(&file), file))
        // The path starts with the picked folder, which may itself be hidden: judge below it.
        .filter(|(path, _)| accepts_file(path.split_once('/').map_or(path.as_str(), |(_, below)| below)))
        .collect();
    crate::model::sort::sort_by(&mut files, |a, b| a.0.cmp(&b.0));
    files.into_iter().map(|(_, file)| file).collect()
}

/// The file's path from the picked folder (`webkitRelativePath`, which web-sys does not
/// bind), or its name.
fn relative_path(file: &web_sys::File) -> String {
    js_sys::Reflect::get(file, &JsValue::from_str("webkitRelativePath"))
        .ok()
        .and_then(|path| path.as_string())
        .filter(|path| !path.is_empty())
        .unwrap_or_else(|| file.name())
}

//! "Import files…" and "Import a folder…": buttons that open the browser's file pickers. The
//! file inputs themselves are hidden (a file input cannot be styled as a button) but stay in
//! the page, where end-to-end tests give them files.

use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::view::corpus_page::accepts_file;

#[derive(Properties, PartialEq)]
pub struct ImportButtonsProps {
    /// While an import runs, another one waits.
    pub disabled: bool,
    pub on_files: Callback<Vec<web_sys::File>>,
    pub on_folder: Callback<Vec<web_sys::File>>,
}

#[component]
pub fn ImportButtons(props: &ImportButtonsProps) -> Html {
    let files_input = use_node_ref();
    let folder_input = use_node_ref();
    {
        // Yew has no property for `webkitdirectory`: set it on the element.
        let folder_input = folder_input.clone();
        use_effect_with((), move |()| {
            if let Some(input) = folder_input.cast::<web_sys::HtmlInputElement>() {
                input.set_webkitdirectory(true);
            }
        });
    }
    let open = |input: &NodeRef| {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = input.cast::<web_sys::HtmlInputElement>() {
                input.click();
            }
        })
    };
    let on_files = props.on_files.reform(|event: Event| picked(&event.target_unchecked_into()));
    let on_folder = props.on_folder.reform(|event: Event| article_files(picked(&event.target_unchecked_into())));
    html! {
        <>
            <button class="btn" onclick={open(&files_input)} disabled={props.disabled}
                title="Add articles: text files, JSON records, Stancemark documents, or JSONL files of them">
                { "Import files…" }
            </button>
            <input ref={files_input} class="visually-hidden" type="file" multiple=true accept=".txt,.json,.jsonl"
                tabindex="-1" aria-hidden="true" disabled={props.disabled} onchange={on_files} data-testid="import-files" />
            <button class="btn" onclick={open(&folder_input)} disabled={props.disabled}
                title="Add every .txt, .json and .jsonl file in a folder and its subfolders">
                { "Import a folder…" }
            </button>
            <input ref={folder_input} class="visually-hidden" type="file" multiple=true tabindex="-1" aria-hidden="true"
                disabled={props.disabled} onchange={on_folder} data-testid="import-folder" />
        </>
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
    files.sort_by(|a, b| a.0.cmp(&b.0));
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

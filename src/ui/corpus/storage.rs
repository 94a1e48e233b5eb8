//! The page's last line: how much the browser's storage holds, whether it is kept, and a
//! warning when a write failed or space runs short.

use yew::prelude::*;

use crate::view::corpus_page::{storage_line, StorageView};

/// A plain function called by the page: it has no state of its own.
pub fn storage_footer(s: &StorageView) -> Html {
    html! {
        <footer class="corpus-foot" data-testid="corpus-storage">
            <span title="Projects are stored in this browser (IndexedDB); nothing leaves this machine">{ storage_line(s) }</span>
            if let Some(warning) = &s.warning {
                <span class="storage-warning" role="alert" data-testid="storage-warning">{ warning }</span>
            }
            <span class="spacer"></span>
            <span title="No server: the articles and your annotations never leave this browser">{ "Offline · private" }</span>
        </footer>
    }
}

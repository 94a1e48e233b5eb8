//! A page of the app open in headless Chromium, driven through ChromeDriver (WebDriver).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

use super::driver::ChromeDriver;
use super::scratch::ScratchDir;
use super::server::StaticServer;

pub struct Page {
    pub client: Client,
    pub server: StaticServer,
    /// Where Chromium saves downloads: empty when the page opens.
    downloads: PathBuf,
    /// Downloads already handed to the test, so each export is read once and in turn.
    downloads_taken: Mutex<BTreeSet<String>>,
    /// Every console entry since the page opened. ChromeDriver hands each entry over only once,
    /// so they are kept here for the check at `close`.
    console: Mutex<Vec<ConsoleEntry>>,
    /// Set by `close`, which checks the console; a page dropped without it fails the test.
    closed: bool,
    /// The WebDriver session, ended by hand if the test fails before `close`.
    session_id: String,
    /// Stopped (by its `Drop`) when the page goes, also when a test fails.
    driver: ChromeDriver,
    /// Declared last so it is removed last, after ChromeDriver and Chromium are gone.
    scratch: ScratchDir,
}

/// One finished download: its file name as Chromium chose it, and its text.
pub struct Download {
    pub name: String,
    pub text: String,
}

struct ConsoleEntry {
    level: String,
    message: String,
}

fn dist_dir() -> PathBuf {
    std::env::var_os("STANCEMARK_DIST")
        .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"), PathBuf::from)
}

fn program(var: &str, default: &str) -> String {
    std::env::var(var).unwrap_or_else(|_| default.to_owned())
}

/// Chromium flags that keep it from stalling on this closed network (GUIDE.md §1).
const CHROMIUM_ARGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,800",
];

/// How long a condition may take to come true on a loaded 2-core machine before a test fails.
const PATIENCE: Duration = Duration::from_secs(20);

/// How often a condition is looked at again while waiting for it.
const POLL: Duration = Duration::from_millis(50);

impl Page {
    /// Serves `dist/`, starts ChromeDriver and a fresh Chromium profile with a fresh downloads
    /// folder, and opens the app.
    pub async fn open() -> Page {
        let server = StaticServer::start(dist_dir());
        let scratch = ScratchDir::create();
        let downloads = scratch.path().join("downloads");
        std::fs::create_dir(&downloads).unwrap();
        let driver_log = scratch.path().join("chromedriver.log");
        let driver = ChromeDriver::start(&program("CHROMEDRIVER", "/usr/bin/chromedriver"), &driver_log);
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": program("CHROMIUM", "/usr/bin/chromium"),
                "args": CHROMIUM_ARGS,
                "prefs": {
                    "download.default_directory": downloads,
                    "download.prompt_for_download": false,
                },
            }),
        );
        capabilities.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
        // ChromeDriver already listens (it reported its port), so one attempt is enough.
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client =
            ClientBuilder::new(connector).capabilities(capabilities).connect(&driver.url).await.unwrap_or_else(
                |error| {
                    let log = std::fs::read_to_string(&driver_log).unwrap_or_default();
                    panic!("could not start a Chromium session: {error}\nChromeDriver's log:\n{log}")
                },
            );
        let session_id = client.session_id().await.unwrap().expect("a new session has an id");
        let page = Page {
            client,
            server,
            downloads,
            downloads_taken: Mutex::default(),
            console: Mutex::default(),
            closed: false,
            session_id,
            driver,
            scratch,
        };
        page.goto("/").await;
        page
    }

    /// Opens a path of the served app and waits until the article is on screen.
    pub async fn goto(&self, path: &str) {
        self.client.goto(&format!("{}{path}", self.server.origin)).await.unwrap();
        self.wait_for_css("[data-testid=article] [data-start]").await;
    }

    pub async fn reload(&self) {
        self.client.refresh().await.unwrap();
        self.wait_for_css("[data-testid=article] [data-start]").await;
    }

    pub async fn wait_for_css(&self, css: &str) -> fantoccini::elements::Element {
        match self.client.wait().at_most(Duration::from_secs(60)).for_element(Locator::Css(css)).await {
            Ok(element) => element,
            Err(error) => {
                // What the page shows and logged instead, so a failure says why.
                let shown = self.client.execute("return document.body.innerText.slice(0, 300);", vec![]).await;
                let log = self.client.issue_cmd(BrowserLog).await;
                let requests = self.server.requests.lock().unwrap().clone();
                let resources = self
                    .client
                    .execute("return performance.getEntriesByType('resource').map(e => e.name + ' ' + Math.round(e.duration));", vec![])
                    .await;
                panic!(
                    "{css} never appeared: {error}\nthe page shows: {shown:?}\nits log: {log:?}\nserved: {requests:?}\nfetched: {resources:?}"
                )
            }
        }
    }

    /// Waits until `script` (a JS expression) is truthy.
    pub async fn wait_until(&self, script: &str) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if self.js(&format!("return !!({script});"), vec![]).await == json!(true) {
                return;
            }
            assert!(Instant::now() < deadline, "timed out waiting for: {script}");
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until the first element matching `css` has a text for which `check` holds, and
    /// returns it: renders are asynchronous, and a loaded machine can be slow.
    pub async fn text_when(&self, css: &str, check: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + PATIENCE;
        let script = "const e = document.querySelector(arguments[0]); return e ? e.textContent : null;";
        loop {
            let text = self.js(script, vec![json!(css)]).await;
            let text = text.as_str().unwrap_or_default().to_owned();
            if check(&text) {
                return text;
            }
            assert!(Instant::now() < deadline, "{css} never got the expected text; last: {text:?}");
            tokio::time::sleep(POLL).await;
        }
    }

    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client.execute(script, args).await.unwrap_or_else(|error| panic!("script failed: {error}\n{script}"))
    }

    /// How many records each of the app's IndexedDB stores holds, as `{meta, projects,
    /// articles, documents, journal}`; `null` until the app has made its stores. Read after
    /// the app has opened its database, so this open (without a version) never creates it.
    pub async fn stored_counts(&self) -> Value {
        let script = "const done = arguments[arguments.length - 1];
            const open = indexedDB.open('stancemark');
            open.onerror = () => done(null);
            open.onsuccess = () => {
              const db = open.result, names = ['meta', 'projects', 'articles', 'documents', 'journal'], counts = {};
              if (!names.every((name) => db.objectStoreNames.contains(name))) { db.close(); done(null); return; }
              const t = db.transaction(names);
              for (const name of names) t.objectStore(name).count().onsuccess = (e) => { counts[name] = e.target.result; };
              t.oncomplete = () => { db.close(); done(counts); };
              t.onabort = () => { db.close(); done(null); };
            };";
        self.client.execute_async(script, vec![]).await.unwrap()
    }

    /// Waits until the store counts (see `stored_counts`) are such that `check` holds, and
    /// returns them: saves land a moment after the change is painted.
    pub async fn stored_when(&self, check: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let counts = self.stored_counts().await;
            if !counts.is_null() && check(&counts) {
                return counts;
            }
            assert!(Instant::now() < deadline, "the database never reached the expected counts; last: {counts}");
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until the app's database holds a number of journal records (steps saved since an
    /// article's base was last written whole) for which `check` holds, and returns it.
    pub async fn journal_records_when(&self, check: impl Fn(u64) -> bool) -> u64 {
        let counts = self.stored_when(|counts| counts["journal"].as_u64().is_some_and(&check)).await;
        counts["journal"].as_u64().expect("checked")
    }

    pub async fn texts(&self, css: &str) -> Vec<String> {
        let script = "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent);";
        serde_json::from_value(self.js(script, vec![json!(css)]).await).unwrap()
    }

    pub async fn click(&self, css: &str) {
        self.wait_for_css(css).await.click().await.unwrap_or_else(|error| panic!("click {css}: {error}"));
    }

    /// Presses one key, with modifiers held (see `keys` for the codes of keys such as Control), on the page.
    pub async fn press(&self, modifiers: &[char], key: char) {
        let mut keys = KeyActions::new("keyboard".into());
        for &modifier in modifiers {
            keys = keys.then(KeyAction::Down { value: modifier });
        }
        keys = keys.then(KeyAction::Down { value: key }).then(KeyAction::Up { value: key });
        for &modifier in modifiers.iter().rev() {
            keys = keys.then(KeyAction::Up { value: modifier });
        }
        self.client.perform_actions(keys).await.unwrap();
        self.client.release_actions().await.unwrap();
    }

    /// Selects `needle` in the article by dragging the mouse over it, as a person would: from
    /// the left edge of its first character to the right edge of its last. The needle is
    /// looked for inside the first occurrence of `context`, which tells repeated words apart.
    /// Returns once the app shows exactly `needle` as the pending selection.
    pub async fn drag_select(&self, context: &str, needle: &str) {
        let script = r#"
            const [context, needle] = arguments;
            const blocks = document.querySelectorAll('[data-testid=article] > *');
            for (const block of blocks) {
                const nodes = [];
                const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
                let text = '';
                while (walker.nextNode()) {
                    if (!walker.currentNode.parentElement.closest('[data-start]')) continue;
                    nodes.push([walker.currentNode, text.length]);
                    text += walker.currentNode.data;
                }
                const around = text.indexOf(context);
                if (around < 0) continue;
                const at = text.indexOf(needle, around);
                if (at < 0 || at + needle.length > around + context.length) continue;
                const locate = (offset) => {
                    for (let i = nodes.length - 1; i >= 0; i--) {
                        if (nodes[i][1] <= offset) return [nodes[i][0], offset - nodes[i][1]];
                    }
                };
                const [startNode, startOffset] = locate(at);
                startNode.parentElement.scrollIntoView({ block: 'center' });
                const rectOf = (offset) => {
                    const [node, inner] = locate(offset);
                    const range = document.createRange();
                    const end = inner + (node.data.codePointAt(inner) > 0xffff ? 2 : 1);
                    range.setStart(node, inner);
                    range.setEnd(node, end);
                    return range.getClientRects()[0];
                };
                const first = rectOf(at);
                const last = rectOf(at + needle.length - 1);
                return [first.left + 1, first.top + first.height / 2, last.right - 1, last.top + last.height / 2];
            }
            return null;
        "#;
        let points = self.js(script, vec![json!(context), json!(needle)]).await;
        let points: Vec<f64> = serde_json::from_value(points)
            .unwrap_or_else(|_| panic!("{needle:?} in {context:?} is not in the article"));
        let mouse = MouseActions::new("mouse".into())
            .then(PointerAction::MoveTo { duration: None, x: points[0].round(), y: points[1].round() })
            .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
            .then(PointerAction::MoveTo {
                duration: Some(Duration::from_millis(120)),
                x: points[2].round(),
                y: points[3].round(),
            })
            .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
        self.client.perform_actions(mouse).await.unwrap();
        self.client.release_actions().await.unwrap();
        // The app reads the selection on mouse up and marks its runs as pending when it renders.
        let needle = serde_json::to_string(needle).unwrap();
        self.wait_until(&format!(
            "[...document.querySelectorAll('[data-testid=article] [data-start].pending')].map(r => r.textContent).join('') === {needle}"
        ))
        .await;
    }

    /// Writes a file for the test to open in the app, beside (never in) the downloads folder.
    pub fn write_input(&self, name: &str, contents: &str) -> PathBuf {
        let path = self.scratch.path().join(name);
        std::fs::write(&path, contents).unwrap_or_else(|error| panic!("write {}: {error}", path.display()));
        path
    }

    /// Console messages at error level (ChromeDriver's SEVERE: console.error, uncaught
    /// exceptions, failed requests, browser interventions) since the page opened.
    pub async fn console_errors(&self) -> Vec<String> {
        let log = self.client.issue_cmd(BrowserLog).await.expect("read the browser log");
        let mut console = self.console.lock().unwrap();
        console.extend(log.as_array().into_iter().flatten().map(|entry| ConsoleEntry {
            level: entry["level"].as_str().unwrap_or_default().to_owned(),
            message: entry["message"].as_str().unwrap_or_default().to_owned(),
        }));
        console.iter().filter(|entry| entry.level == "SEVERE").map(|entry| entry.message.clone()).collect()
    }

    /// Waits for the next download (the one after those already returned) to be complete, and
    /// returns it.
    pub async fn next_download(&self) -> Download {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(download) = self.take_finished_download() {
                return download;
            }
            assert!(Instant::now() < deadline, "no new finished download in {}", self.downloads.display());
            tokio::time::sleep(POLL).await;
        }
    }

    /// The one download not returned before, if it is complete: it has its own name and no
    /// partial file is left beside it.
    fn take_finished_download(&self) -> Option<Download> {
        let names: BTreeSet<String> = std::fs::read_dir(&self.downloads)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        if names.iter().any(|name| is_partial(name)) {
            return None;
        }
        let mut taken = self.downloads_taken.lock().unwrap();
        let new: Vec<&String> = names.difference(&taken).collect();
        match new[..] {
            [] => None,
            [name] => {
                let text = std::fs::read_to_string(self.downloads.join(name)).unwrap();
                // An export is never empty; an empty file would be a name reserved but not written.
                if text.is_empty() {
                    return None;
                }
                let name = name.clone();
                taken.insert(name.clone());
                Some(Download { name, text })
            }
            _ => panic!("one download expected, several arrived: {new:?}"),
        }
    }

    /// Waits for the next download, checks its name ends with `suffix`, and returns its text.
    pub async fn download(&self, suffix: &str) -> String {
        let download = self.next_download().await;
        assert!(download.name.ends_with(suffix), "downloaded {:?}, not a {suffix} file", download.name);
        download.text
    }

    /// Closes the browser, failing the test if the console logged any error.
    pub async fn close(self) {
        self.close_allowing_console_errors(&[]).await;
    }

    /// Closes the browser, failing the test if the console logged an error other than those the
    /// test provoked on purpose. Each allowed entry is an exact substring of such a message,
    /// and must have been logged: an allowance for something that no longer happens would
    /// only hide the next error that happens to match it.
    pub async fn close_allowing_console_errors(mut self, allowed: &[&str]) {
        let errors = self.console_errors().await;
        let unexpected: Vec<&String> =
            errors.iter().filter(|message| !allowed.iter().any(|expected| message.contains(expected))).collect();
        let never_logged: Vec<&&str> =
            allowed.iter().filter(|expected| !errors.iter().any(|message| message.contains(*expected))).collect();
        self.closed = true;
        let _ = self.client.clone().close().await;
        drop(self);
        assert!(unexpected.is_empty(), "the browser console logged errors:\n{}", lines(&unexpected));
        assert!(never_logged.is_empty(), "allowed console errors that were never logged: {never_logged:?}");
    }
}

/// Whether `name` is a download still being written: Chromium writes into a temporary
/// `.org.chromium.Chromium.*` file or a `*.crdownload`, and renames it when it is complete.
fn is_partial(name: &str) -> bool {
    name.ends_with(".crdownload") || name.starts_with(".org.chromium.")
}

fn lines(messages: &[&String]) -> String {
    messages.iter().map(|message| format!("  {message}")).collect::<Vec<_>>().join("\n")
}

impl Drop for Page {
    fn drop(&mut self) {
        if self.closed {
            return;
        }
        self.driver.end_session(&self.session_id);
        // The console check runs in `close`; a test that ends without it would skip the check.
        // (A test that is already failing needs no second message.)
        if !std::thread::panicking() {
            panic!("end every test with page.close() (or close_allowing_console_errors), which checks the console");
        }
    }
}

/// ChromeDriver's log endpoint (not in the W3C protocol): the page's console messages.
#[derive(Debug)]
struct BrowserLog;

impl fantoccini::wd::WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/se/log", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({ "type": "browser" }).to_string()))
    }
}

//! A page of the app open in headless Chromium, driven through ChromeDriver (WebDriver).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

use super::server::StaticServer;

pub struct Page {
    pub client: Client,
    pub server: StaticServer,
    pub downloads: PathBuf,
    driver: Child,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn dist_dir() -> PathBuf {
    std::env::var_os("STANCEMARK_DIST").map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"), PathBuf::from)
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

impl Page {
    /// Serves `dist/`, starts ChromeDriver and a fresh Chromium profile, and opens the app.
    pub async fn open() -> Page {
        let server = StaticServer::start(dist_dir());
        let port = free_port();
        let driver = Command::new(program("CHROMEDRIVER", "/usr/bin/chromedriver"))
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver (install Debian's chromium-driver, or run ./run test)");
        let downloads = std::env::temp_dir().join(format!("stancemark-e2e-{port}"));
        std::fs::create_dir_all(&downloads).unwrap();
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
        let address = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(30);
        let client = loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector).capabilities(capabilities.clone()).connect(&address).await {
                Ok(client) => break client,
                Err(error) if Instant::now() > deadline => panic!("could not start a Chromium session: {error}"),
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        };
        let page = Page { client, server, downloads, driver };
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
        self.client
            .wait()
            .at_most(Duration::from_secs(60))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|error| panic!("{css} never appeared: {error}"))
    }

    /// Waits until `script` (a JS expression) is truthy.
    pub async fn wait_until(&self, script: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if self.js(&format!("return !!({script});"), vec![]).await == json!(true) {
                return;
            }
            assert!(Instant::now() < deadline, "timed out waiting for: {script}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the first element matching `css` has a text for which `check` holds, and
    /// returns it: renders are asynchronous, and a loaded machine can be slow.
    pub async fn text_when(&self, css: &str, check: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        let script = "const e = document.querySelector(arguments[0]); return e ? e.textContent : null;";
        loop {
            let text = self.js(script, vec![json!(css)]).await;
            let text = text.as_str().unwrap_or_default().to_owned();
            if check(&text) {
                return text;
            }
            assert!(Instant::now() < deadline, "{css} never got the expected text; last: {text:?}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client.execute(script, args).await.unwrap_or_else(|error| panic!("script failed: {error}\n{script}"))
    }

    pub async fn texts(&self, css: &str) -> Vec<String> {
        let script = "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent);";
        serde_json::from_value(self.js(script, vec![json!(css)]).await).unwrap()
    }

    pub async fn click(&self, css: &str) {
        self.wait_for_css(css).await.click().await.unwrap_or_else(|error| panic!("click {css}: {error}"));
    }

    /// Presses one key, with modifiers held (`Key::Control` etc. as chars), on the page.
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
        let points: Vec<f64> =
            serde_json::from_value(points).unwrap_or_else(|_| panic!("{needle:?} in {context:?} is not in the article"));
        let mouse = MouseActions::new("mouse".into())
            .then(PointerAction::MoveTo { duration: None, x: points[0].round(), y: points[1].round() })
            .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
            .then(PointerAction::MoveTo { duration: Some(Duration::from_millis(120)), x: points[2].round(), y: points[3].round() })
            .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
        self.client.perform_actions(mouse).await.unwrap();
        self.client.release_actions().await.unwrap();
    }

    /// Console messages at error level since the page opened.
    pub async fn console_errors(&self) -> Vec<String> {
        let log = self.client.issue_cmd(BrowserLog).await.expect("read the browser log");
        log.as_array()
            .into_iter()
            .flatten()
            .filter(|entry| entry["level"] == "SEVERE")
            .map(|entry| entry["message"].as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// Waits for a finished download whose name ends with `suffix` and returns its contents.
    pub async fn download(&self, suffix: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let found = std::fs::read_dir(&self.downloads).unwrap().flatten().map(|e| e.path()).find(|path| {
                path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with(suffix))
            });
            if let Some(path) = found {
                return std::fs::read_to_string(path).unwrap();
            }
            assert!(Instant::now() < deadline, "no download ending in {suffix} in {}", self.downloads.display());
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.downloads);
    }
}

impl Drop for Page {
    fn drop(&mut self) {
        // A failing test must not leave ChromeDriver running.
        let _ = self.driver.kill();
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

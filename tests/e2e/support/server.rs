//! A static file server for `dist/` on 127.0.0.1, recording every path it was asked for.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;

/// The folder under which dist/ is served a second time.
pub const SUB_PATH: &str = "/nested/folder/";

pub struct StaticServer {
    pub origin: String,
    pub requests: Arc<Mutex<Vec<String>>>,
    server: Arc<tiny_http::Server>,
    worker: Option<thread::JoinHandle<()>>,
}

fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("svg") => "image/svg+xml",
        Some("json") => "application/json",
        _ => "text/plain; charset=utf-8",
    }
}

impl StaticServer {
    pub fn start(root: PathBuf) -> StaticServer {
        assert!(
            root.join("index.html").is_file(),
            "{} has no index.html: build it first with `./run build`",
            root.display()
        );
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("bind a loopback port"));
        let port = server.server_addr().to_ip().expect("an IP address").port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let worker = {
            let (server, requests) = (server.clone(), requests.clone());
            thread::spawn(move || {
                for request in server.incoming_requests() {
                    let path = request.url().split('?').next().unwrap_or("/").to_owned();
                    requests.lock().unwrap().push(path.clone());
                    // dist/ is also served under a folder, to prove every URL in it is relative.
                    let path = path.strip_prefix(SUB_PATH).map_or(path.clone(), |rest| format!("/{rest}"));
                    let relative = if path.ends_with('/') { format!("{path}index.html") } else { path };
                    let file = root.join(relative.trim_start_matches('/'));
                    let response = match std::fs::read(&file) {
                        Ok(bytes) if !relative.contains("..") => {
                            let header = tiny_http::Header::from_bytes("Content-Type", mime(&file)).unwrap();
                            tiny_http::Response::from_data(bytes).with_header(header).boxed()
                        }
                        _ => tiny_http::Response::from_string("not found").with_status_code(404).boxed(),
                    };
                    let _ = request.respond(response);
                }
            })
        };
        StaticServer { origin: format!("http://127.0.0.1:{port}"), requests, server, worker: Some(worker) }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

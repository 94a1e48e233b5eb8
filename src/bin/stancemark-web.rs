//! The browser app's entry point; Trunk builds it for wasm32 (see index.html).

#[cfg(target_arch = "wasm32")]
fn main() {
    stancemark::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("stancemark-web is the browser app: build and serve it with `./run` (it uses Trunk for wasm32).");
    std::process::exit(2);
}

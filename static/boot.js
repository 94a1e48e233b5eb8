// Starts the wasm app. Trunk's pattern_script (Trunk.toml) puts the hashed bundle names in the
// data attributes of this very script tag; a separate file keeps the page free of inline scripts.
//
// The wasm starts compiling while the JS glue is still being imported, instead of after it:
// on a fresh tab that overlap is most of what separates the first byte from the first paint.
// A server that sends wasm with the wrong content type makes streaming compilation fail; the
// glue's own loader then fetches and compiles it the slow way.
const tag = document.querySelector("script[data-wasm]");
const wasmUrl = new URL(tag.dataset.wasm, document.baseURI).href;
const compiling = WebAssembly.compileStreaming(fetch(wasmUrl)).catch(() => null);
const bindings = await import(new URL(tag.dataset.js, document.baseURI).href);
const compiled = await compiling;
await bindings.default({ module_or_path: compiled ?? wasmUrl });

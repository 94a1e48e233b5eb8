// Starts the wasm app. Trunk's pattern_script (Trunk.toml) puts the hashed bundle names in the
// data attributes of this very script tag; a separate file keeps the page free of inline scripts.
const tag = document.querySelector("script[data-wasm]");
const bindings = await import(new URL(tag.dataset.js, document.baseURI).href);
await bindings.default({ module_or_path: new URL(tag.dataset.wasm, document.baseURI).href });

"""Serves dist/ on the loopback interface only, with the right MIME type for wasm.

Stancemark has no server side: this only hands the static files to the browser.
Usage: python3 scripts/serve.py DIST_DIR PORT
"""
import functools
import http.server
import sys


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".txt": "text/plain; charset=utf-8",
    }

    def end_headers(self):
        # A rebuilt bundle must never be mixed with a cached older one.
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()


def main():
    directory, port = sys.argv[1], int(sys.argv[2])
    handler = functools.partial(StaticHandler, directory=directory)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"Stancemark: http://127.0.0.1:{port}/", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()

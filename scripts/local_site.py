"""The built site on a local server, and Debian's Chromium to look at it: shared by tests/ and bench/.

Both serve a build under /spine-cancer-guide/, as GitHub Pages serves a project site, and
drive the same browser with the same flags, so a figure from `make bench` and a check in
`make test` are about the same thing. Playwright's own browser download does not work on
our machines; Debian's chromium does (`make chromium`).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

SITE_PATH = "/spine-cancer-guide/"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
MISSING_CHROMIUM = f"{CHROMIUM} is missing: run `make chromium` (apt-get install -y chromium)"


def free_port() -> int:
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serve the site under SITE_PATH, uncompressed, with its 404 page, as GitHub Pages does."""

    prefix = SITE_PATH

    def translate_path(self, path):
        if path.startswith(self.prefix):
            path = "/" + path[len(self.prefix) :]
        elif path.rstrip("/") == self.prefix.rstrip("/"):
            path = "/"
        else:
            path = "/__outside_site__"
        return super().translate_path(path)

    def end_headers(self):
        # linkchecker throttles every host (0.1-0.6 s per request) unless the server sends this header.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory: Path, port: int) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1:``port``; yields the site's address."""
    handler = functools.partial(SiteHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}{SITE_PATH}"
    finally:
        server.shutdown()
        server.server_close()


def launch_chromium(playwright):
    """Debian's Chromium through Playwright; FileNotFoundError says how to install it."""
    if not Path(CHROMIUM).exists():
        raise FileNotFoundError(MISSING_CHROMIUM)
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

"""Serving a built site under a sub-path, as a GitHub Pages project site is served."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit


class _Handler(SimpleHTTPRequestHandler):
    prefix = "/"

    def translate_path(self, path: str) -> str:
        p = urlsplit(path).path
        if not p.startswith(self.prefix):  # outside the sub-path: nothing is there
            return str(Path(self.directory) / "\0nonexistent")
        return super().translate_path("/" + p[len(self.prefix):])

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True


@dataclass
class Served:
    base_url: str  # ends with '/'
    prefix: str
    server: ThreadingHTTPServer

    @property
    def origin(self) -> str:
        return self.base_url[: self.base_url.index("/", len("http://"))]

    def url(self, page: str) -> str:
        return self.base_url + page

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def serve(site_dir: Path, prefix: str = "/") -> Served:
    """Serve ``site_dir`` at http://127.0.0.1:<free port><prefix> from a background thread."""
    handler = type("Handler", (_Handler,), {"prefix": prefix})
    httpd = _Server(("127.0.0.1", 0), partial(handler, directory=str(site_dir)))
    threading.Thread(target=httpd.serve_forever, name="test-http", daemon=True).start()
    host, port = httpd.server_address[:2]
    return Served(f"http://{host}:{port}{prefix}", prefix, httpd)

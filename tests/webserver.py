"""Small real web servers on 127.0.0.1 that stand in for remote sites in tests.

`site` is explicitly allowed through the SSRF guard (FETCH_ALLOW_PRIVATE_HOSTS); `canary` is
not, and a test passes only if it received no request at all.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Page:
    body: bytes | str = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0
    gzip: bool = False
    drip: float = 0.0  # seconds between bytes of the body: a server that never quite stops


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    at: float = field(default_factory=time.monotonic)


Handler = Callable[[Seen], Page]


class WebServer:
    def __init__(self) -> None:
        self.pages: dict[str, Page | Handler] = {}
        self.requests: list[Seen] = []
        server = self

        class RequestHandler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                seen = Seen(self.command, self.path, dict(self.headers.items()), self.rfile.read(length))
                server.requests.append(seen)
                page = server.pages.get(self.path) or server.pages.get(self.path.split("?", 1)[0])
                if callable(page):
                    page = page(seen)
                page = page or Page(b"not found", status=404, headers={"Content-Type": "text/plain"})
                if page.delay:
                    time.sleep(page.delay)
                body = page.body.encode() if isinstance(page.body, str) else page.body
                headers = dict(page.headers)
                if page.gzip:
                    body = gzip.compress(body)
                    headers["Content-Encoding"] = "gzip"
                try:
                    self.send_response(page.status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if self.command != "HEAD" and page.drip:
                        for byte in body:
                            self.wfile.write(bytes([byte]))
                            self.wfile.flush()
                            time.sleep(page.drip)
                    elif self.command != "HEAD":
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_GET = do_POST = do_HEAD = _serve

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), RequestHandler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def hostport(self) -> str:
        return f"127.0.0.1:{self.port}"

    def url(self, path: str = "/") -> str:
        return f"http://{self.hostport}{path}"

    def paths(self) -> list[str]:
        return [seen.path for seen in self.requests]

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def site(settings):
    """A remote site the tests serve pages from, allowed through the SSRF guard by host:port."""
    server = WebServer()
    settings.FETCH_ALLOW_PRIVATE_HOSTS = [server.hostport]
    settings.FEED_MIN_INTERVAL_PER_HOST = 0
    yield server
    server.stop()


@pytest.fixture
def canary():
    """A server on 127.0.0.1 that nothing may reach: production rules apply to it."""
    server = WebServer()
    server.pages["/"] = Page("canary reached")
    yield server
    server.stop()

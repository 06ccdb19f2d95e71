"""A real HTTP server on 127.0.0.1 for tests: a directory of files plus programmable routes.

    def test_something(fixture_server):
        fixture_server.serve_dir(Path(__file__).parent / "fixtures")   # GET /feed.xml ...
        fixture_server.route("/page", body="<html>…</html>", content_type="text/html")
        fixture_server.redirect("/old", "/page")
        fixture_server.route("/slow", handler=lambda req: ...)        # full control
        url = fixture_server.url("/page")

Files get an ``ETag`` and ``Last-Modified`` and answer conditional requests with 304.
Every request is recorded in ``fixture_server.requests``. Nothing here reaches beyond the
loopback interface.
"""

from __future__ import annotations

import hashlib
import mimetypes
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

TYPES = {
    ".xml": "application/xml",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".json": "application/feed+json",
    ".opml": "text/x-opml",
    ".html": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}
FILE_LAST_MODIFIED = formatdate(1_700_000_000, usegmt=True)


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]


class Request:
    """What a route handler gets: the request, and ways to answer it."""

    def __init__(self, handler: BaseHTTPRequestHandler) -> None:
        self._h = handler
        self.method = handler.command
        self.path = handler.path
        self.headers = {k.lower(): v for k, v in handler.headers.items()}
        self.wfile = handler.wfile

    def send(
        self,
        body: bytes | str = b"",
        status: int = 200,
        headers: dict[str, str] | None = None,
        content_type: str | None = None,
    ) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self._h.send_response(status)
        sent = {k.lower() for k in (headers or {})}
        if content_type and "content-type" not in sent:
            self._h.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self._h.send_header(name, value)
        if "content-length" not in sent:
            self._h.send_header("Content-Length", str(len(data)))
        self._h.end_headers()
        if self.method != "HEAD":
            self.wfile.write(data)

    def start(self, status: int = 200, headers: dict[str, str] | None = None) -> None:
        """Send the status line and headers only; write the body yourself via ``wfile``.
        The connection is closed afterwards."""
        self._h.close_connection = True
        self._h.send_response(status)
        for name, value in (headers or {}).items():
            self._h.send_header(name, value)
        self._h.send_header("Connection", "close")
        self._h.end_headers()

    def write(self, data: bytes) -> None:
        self.wfile.write(data)
        self.wfile.flush()


Handler = Callable[[Request], None]


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hung up (a reset, a broken pipe) is no error of the server's; printing
        it would land in whatever stream a test is capturing at the time."""
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


@dataclass
class FixtureServer:
    host: str = "127.0.0.1"
    routes: dict[str, Handler] = field(default_factory=dict)
    roots: list[Path] = field(default_factory=list)
    requests: list[Recorded] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self._httpd = _Server((self.host, 0), _make_handler(self))
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    # lifecycle ---------------------------------------------------------------------------
    def start(self) -> FixtureServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FixtureServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # addresses ---------------------------------------------------------------------------
    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def url(self, path: str = "/") -> str:
        return self.base_url + (path if path.startswith("/") else "/" + path)

    # content -----------------------------------------------------------------------------
    def serve_dir(self, root: str | Path) -> None:
        self.roots.append(Path(root))

    def route(
        self,
        path: str,
        handler: Handler | None = None,
        *,
        body: bytes | str = b"",
        status: int = 200,
        headers: dict[str, str] | None = None,
        content_type: str | None = None,
    ) -> None:
        """Answer ``path`` (with or without its query) with a fixed response or ``handler``."""
        if handler is None:

            def handler(req: Request) -> None:
                req.send(body, status, headers, content_type)

        self.routes[path] = handler

    def redirect(self, path: str, location: str, status: int = 302) -> None:
        self.route(path, status=status, headers={"Location": location})

    def hits(self, path: str) -> int:
        return sum(1 for r in self.requests if r.path == path)

    # dispatch ----------------------------------------------------------------------------
    def _dispatch(self, req: Request) -> None:
        self.requests.append(Recorded(req.method, req.path, req.headers))
        handler = self.routes.get(req.path) or self.routes.get(urlsplit(req.path).path)
        if handler is not None:
            handler(req)
            return
        file = self._find_file(urlsplit(req.path).path)
        if file is None:
            req.send(b"not found", 404, content_type="text/plain")
            return
        data = file.read_bytes()
        etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
        validators = {"ETag": etag, "Last-Modified": FILE_LAST_MODIFIED}
        if req.headers.get("if-none-match") == etag or (
            "if-none-match" not in req.headers
            and req.headers.get("if-modified-since") == FILE_LAST_MODIFIED
        ):
            req.send(b"", 304, validators)
            return
        kind = TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0] or "text/plain"
        req.send(data, 200, validators, content_type=kind)

    def _find_file(self, path: str) -> Path | None:
        for root in self.roots:
            candidate = (root / path.lstrip("/")).resolve()
            if candidate.is_dir():
                candidate = candidate / "index.html"
            if root.resolve() in candidate.parents and candidate.is_file():
                return candidate
        return None


def _make_handler(server: FixtureServer) -> type[BaseHTTPRequestHandler]:
    class _Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _any(self) -> None:
            try:
                server._dispatch(Request(self))
            except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError):
                self.close_connection = True

        do_GET = do_HEAD = do_POST = _any

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    return _Handler


@pytest.fixture
def fixture_server() -> Iterator[FixtureServer]:
    """A started loopback server, stopped after the test."""
    with FixtureServer() as server:
        yield server

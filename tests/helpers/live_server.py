"""Run a real ``crosswire serve`` process on 127.0.0.1 for a test and stop it afterwards."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import httpx

from crosswire.constants import DIGEST_META
from crosswire.digest.options import options_from_settings
from crosswire.settings import load_settings


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def digests_current(store, **settings: str) -> None:
    """Record in ``store`` that its digests were built with the options of a server run with
    ``settings`` (e.g. ``embedder="hashing"``): the server then keeps the digests a test
    wrote by hand, instead of rebuilding them while the test reads them (a race)."""
    options = options_from_settings(load_settings(**settings))
    store.set_meta(DIGEST_META, options.cache_key())


@contextmanager
def live_server(
    db_url: str,
    cwd: Path,
    *extra: str,
    env: dict[str, str] | None = None,
    prefix: Sequence[str] = (),
) -> Iterator[str]:
    """Yield the base URL of ``crosswire serve --no-fetch`` on ``db_url``; its output
    goes to ``cwd/serve.log`` and is shown when the server does not come up. ``prefix``
    goes before the command (e.g. ``setpriv …`` to drop privileges)."""
    port = free_port()
    clean = {k: v for k, v in os.environ.items() if not k.startswith("CROSSWIRE_")}
    log_path = cwd / "serve.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [
                *prefix,
                sys.executable,
                "-m",
                "crosswire",
                "serve",
                "--db",
                db_url,
                "--port",
                str(port),
                "--no-fetch",
                *extra,
            ],
            cwd=cwd,
            env={**clean, **(env or {})},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"crosswire serve did not come up:\n{log_path.read_text()[-3000:]}"
                    )
                try:
                    httpx.get(base + "/openapi.json", timeout=1)
                    break
                except httpx.TransportError:
                    time.sleep(0.3)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

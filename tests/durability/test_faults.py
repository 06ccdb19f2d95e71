"""The database fails under crosswire: the disk fills up, the file turns read-only, the
PostgreSQL server restarts. Each time: a clear one-line error, no corruption, and recovery
without a restart of crosswire once the condition clears (or, for a read-only file, with the
next run)."""

from __future__ import annotations

import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from crosswire.models import utcnow
from crosswire.store import open_store
from tests.durability.checks import (
    assert_consistent,
    child_env,
    lagging,
    stop_gracefully,
    stored_urls,
    wait_for,
)
from tests.durability.private_pg import PrivatePostgres, postgres_bin
from tests.durability.site import GrowingSite
from tests.durability.test_kill_import import write_articles
from tests.durability.test_kill_ingest import free_port
from tests.helpers.fixture_server import FixtureServer
from tests.helpers.live_server import live_server

pytestmark = [pytest.mark.slow, pytest.mark.timeout(420)]


def integrity(path: Path) -> str:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def ingest_env(site: GrowingSite, folder: Path, url: str) -> dict[str, str]:
    return child_env(
        database_url=url,
        feeds_file=site.feed_list(folder / "feeds.json"),
        feed_interval_seconds=1,
        feed_lease_seconds=6,
        per_host_delay=0,
        per_host_concurrency=8,
        allow_private_addresses="false",
        trusted_networks="127.0.0.1/32",
        embedder="hashing",
    )


class Output:
    """A child's output through a pipe (a file would hit the file-size limit too)."""

    def __init__(self, proc: subprocess.Popen[bytes]) -> None:
        self.lines: list[str] = []
        self._thread = threading.Thread(target=self._read, args=(proc,), daemon=True)
        self._thread.start()

    def _read(self, proc: subprocess.Popen[bytes]) -> None:
        assert proc.stdout is not None
        for raw in proc.stdout:
            self.lines.append(raw.decode("utf-8", "replace").rstrip("\n"))

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def spawn(args: list[str], env: dict[str, str], cwd: Path, **popen) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "crosswire", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        **popen,
    )


def import_env() -> dict[str, str]:
    return child_env(embedder="hashing")


# disk full ------------------------------------------------------------------------------


def test_import_into_a_full_disk_fails_in_one_line_and_recovers(tmp_path):
    db = tmp_path / "full.db"
    url = f"sqlite:///{db}"
    data = tmp_path / "articles.jsonl"
    write_articles(data, 400)

    def small_disk() -> None:  # every file this process writes stops at 256 KiB
        resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, resource.RLIM_INFINITY))

    # the schema (and the outlet registry it loads) first: the disk fills with articles
    made = subprocess.run(
        [sys.executable, "-m", "crosswire", "db", "migrate", "--db", url],
        cwd=tmp_path, env=import_env(), capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr[-2000:]
    full = subprocess.run(
        [sys.executable, "-m", "crosswire", "import", str(data), "--db", url],
        cwd=tmp_path,
        env=import_env(),
        capture_output=True,
        text=True,
        preexec_fn=small_disk,  # noqa: PLW1509
        timeout=300,
    )
    assert full.returncode != 0
    lines = full.stderr.strip().splitlines()
    assert lines and lines[-1].startswith("crosswire: error: "), full.stderr[-2000:]
    assert "full" in lines[-1] or "I/O" in lines[-1], lines[-1]
    assert "Traceback" not in full.stderr
    assert integrity(db) == "ok"
    with open_store(url, migrate=False) as store:
        partial = store.count_articles()
    assert 0 <= partial < 400

    again = subprocess.run(
        [sys.executable, "-m", "crosswire", "import", str(data), "--db", url],
        cwd=tmp_path,
        env=import_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert again.returncode == 0, again.stderr[-2000:]
    assert integrity(db) == "ok"
    with open_store(url, migrate=False) as store:
        assert store.count_articles() == 400
        assert store.unassigned_articles() == []
    print(f"\ndisk full (import): {partial} of 400 stored before the disk filled; 400 after")


def test_serve_keeps_running_through_a_full_disk_and_catches_up(tmp_path):
    with FixtureServer() as server:
        site = GrowingSite(server, tmp_path / "site", feeds=4, items=16, span=30)
        url = f"sqlite:///{tmp_path / 'serve.db'}"
        env = ingest_env(site, tmp_path, url)
        proc = spawn(["serve", "--db", url, "--port", str(free_port())], env, tmp_path)
        out = Output(proc)
        try:
            assert wait_for(lambda: len(stored_urls(url)) >= 4, 90), out.text[-3000:]
            files = [tmp_path / n for n in ("serve.db", "serve.db-wal")]
            size = max(f.stat().st_size for f in files if f.exists())
            # the disk is full: no file of the server may grow any more
            resource.prlimit(proc.pid, resource.RLIMIT_FSIZE, (size, resource.RLIM_INFINITY))
            failed = wait_for(lambda: "full" in out.text or "I/O error" in out.text, 120)
            assert failed, f"no write ever failed; log:\n{out.text[-3000:]}"
            assert proc.poll() is None, "the server died of a full disk"
            stuck = len(stored_urls(url))
            error = next(line for line in out.lines if "full" in line or "I/O error" in line)
            # the disk has room again
            resource.prlimit(
                proc.pid, resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY)
            )
            site.release_all()
            resumed = utcnow()
            expected = site.expected_urls()
            wait_for(lambda: lagging(url, expected, resumed) is None, 240, every=1.0)
            behind = lagging(url, expected, resumed)
            assert behind is None, f"{behind}; log:\n{out.text[-3000:]}"
        finally:
            status = stop_gracefully(proc)
        assert status == 0, out.text[-3000:]
        assert "Traceback" not in out.text, out.text[-4000:]
        assert integrity(tmp_path / "serve.db") == "ok"
        figures = assert_consistent(url, expected)
        print(
            f"\ndisk full (serve): {stuck} articles when writes began to fail ({error.strip()});"
            f" {figures['articles']} of {len(expected)} after the disk had room again"
        )


# read-only database -----------------------------------------------------------------------


def _without_override() -> list[str]:
    """Root ignores file modes: drop the capabilities that let it, so chmod means something."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: a read-only file would not stop us")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]


def _serve_pages(prefix: list[str], url: str, folder: Path) -> list[int]:
    with live_server(url, folder, env=import_env(), prefix=prefix) as base:
        return [httpx.get(base + path, timeout=30).status_code for path in PAGES]


PAGES = ("/", "/login", "/api/stories")


def test_read_only_database_is_a_one_line_error_and_no_corruption(tmp_path):
    prefix = _without_override()
    db = tmp_path / "ro.db"
    url = f"sqlite:///{db}"
    data = tmp_path / "articles.jsonl"
    write_articles(data, 200)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*prefix, sys.executable, "-m", "crosswire", *args, "--db", url],
            cwd=tmp_path,
            env=import_env(),
            capture_output=True,
            text=True,
            timeout=300,
        )

    first = run("import", str(data))
    assert first.returncode == 0, first.stderr[-2000:]
    for path in tmp_path.glob("ro.db*"):
        path.chmod(0o444)
    write_articles(data, 300)  # 100 more to add
    refused = run("import", str(data))
    assert refused.returncode != 0
    line = refused.stderr.strip().splitlines()[-1]
    assert line.startswith("crosswire: error: ") and "readonly" in line, refused.stderr
    assert "Traceback" not in refused.stderr
    # a read-only database can still be read
    listed = run("stories", "--json")
    assert listed.returncode == 0, listed.stderr[-2000:]
    assert json.loads(listed.stdout), listed.stdout[:500]
    # and served: readers' pages and the sign-in form work without writing a session key
    assert _serve_pages(prefix, url, tmp_path) == [200, 200, 200]
    assert integrity(db) == "ok"
    for path in tmp_path.glob("ro.db*"):
        path.chmod(0o644)
    again = run("import", str(data))
    assert again.returncode == 0, again.stderr[-2000:]
    assert integrity(db) == "ok"
    with open_store(url, migrate=False) as store:
        assert store.count_articles() == 300
        assert store.unassigned_articles() == []
    print(f"\nread-only database: {line}")


# PostgreSQL restarted under a running worker ---------------------------------------------


@pytest.fixture
def private_pg():
    bindir = postgres_bin()
    if bindir is None:
        if os.environ.get("CI"):
            pytest.fail("CI needs the PostgreSQL server binaries (initdb, pg_ctl)")
        pytest.skip("no PostgreSQL server binaries (initdb, pg_ctl) to run a private server")
    server = PrivatePostgres(bindir).init()
    server.start()
    yield server
    server.destroy()


@pytest.mark.postgres
def test_worker_rides_out_a_postgres_restart(tmp_path, private_pg):
    with FixtureServer() as server:
        site = GrowingSite(server, tmp_path / "site", feeds=3, items=16, span=20)
        url = private_pg.url
        env = ingest_env(site, tmp_path, url)
        args = ["worker", "--db", url, "--poll", "0.5", "--feed-batch", "2"]
        proc = spawn(args, env, tmp_path)
        out = Output(proc)
        try:
            assert wait_for(lambda: len(stored_urls(url)) >= 4, 90), out.text[-3000:]
            private_pg.stop()
            down = time.monotonic()
            failed = wait_for(lambda: "reconnecting" in out.text or "failed" in out.text, 30)
            time.sleep(max(0.0, 3 - (time.monotonic() - down)))  # down for a few seconds
            private_pg.start()
            assert failed, f"the worker did not notice; log:\n{out.text[-3000:]}"
            assert proc.poll() is None, "the worker died with the database"
            site.release_all()
            resumed = utcnow()
            expected = site.expected_urls()
            wait_for(lambda: lagging(url, expected, resumed) is None, 180, every=1.0)
            behind = lagging(url, expected, resumed)
            assert behind is None, f"{behind}; log:\n{out.text[-3000:]}"
        finally:
            status = stop_gracefully(proc)
        assert status == 0, out.text[-3000:]
        errors = [line for line in out.lines if "reconnecting" in line or "failed" in line]
        assert "Traceback" not in out.text, out.text[-4000:]
        figures = assert_consistent(url, expected)
        print(
            f"\npostgres restart: {len(errors)} error lines while it was down, e.g. "
            f"{errors[0].strip()!r}; {figures['articles']} of {len(expected)} stored after"
        )

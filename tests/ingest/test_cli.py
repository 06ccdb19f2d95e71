"""`crosswire feeds …`, `ingest` and `submit` through the real command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from crosswire.store import open_store

pytestmark = [pytest.mark.timeout(120), pytest.mark.slow]


def crosswire(*args: str, cwd, loopback: bool = False) -> subprocess.CompletedProcess:
    """Run the command line; private addresses stay refused, and ``loopback`` trusts only
    127.0.0.1 (where the fixture server is), so no request can leave the machine."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CROSSWIRE_")}
    env.update(
        CROSSWIRE_PER_HOST_DELAY="0",
        CROSSWIRE_EMBEDDER="hashing",
        CROSSWIRE_ALLOW_PRIVATE_ADDRESSES="false",
        CROSSWIRE_TRUSTED_NETWORKS="127.0.0.1/32" if loopback else "",
    )
    return subprocess.run(
        [sys.executable, "-m", "crosswire", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=100,
    )


def one_error_line(done: subprocess.CompletedProcess) -> str:
    lines = done.stderr.strip().splitlines()
    assert done.returncode != 0 and len(lines) == 1, done.stderr
    assert lines[0].startswith("crosswire: error: ")
    return lines[0]


def test_feeds_add_refuses_unsafe_urls_at_once(tmp_path, sqlite_url):
    for url, reason in [
        ("http://10.0.0.1/feed.xml", "private"),
        ("http://[::ffff:169.254.169.254]/", "cloud metadata"),
        ("file:///etc/passwd", "only http and https"),
    ]:
        assert reason in one_error_line(
            crosswire("feeds", "add", url, "--db", sqlite_url, cwd=tmp_path)
        )
    loopback = crosswire("feeds", "add", "http://127.0.0.1:9/x", "--db", sqlite_url, cwd=tmp_path)
    assert "loopback" in one_error_line(loopback)  # refused by default, not only in tests
    with open_store(sqlite_url) as store:
        assert store.list_feeds() == []


def test_feeds_add_discovers_list_export_remove(tmp_path, sqlite_url, site):
    added = crosswire(
        "feeds", "add", site.url("/"), "--db", sqlite_url, cwd=tmp_path, loopback=True
    )
    assert added.returncode == 0, added.stderr
    assert site.url("/rss_en.xml") in added.stdout and "Fixture Times" in added.stdout
    listed = crosswire("feeds", "list", "--json", "--db", sqlite_url, cwd=tmp_path)
    [row] = json.loads(listed.stdout)
    assert row["url"] == site.url("/rss_en.xml") and row["source"] == "127.0.0.1"
    exported = crosswire("feeds", "export", "--db", sqlite_url, cwd=tmp_path)
    assert f'xmlUrl="{site.url("/rss_en.xml")}"' in exported.stdout
    removed = crosswire("feeds", "remove", str(row["id"]), "--db", sqlite_url, cwd=tmp_path)
    assert removed.returncode == 0 and "removed feed" in removed.stdout
    missing = crosswire("feeds", "remove", "999", "--db", sqlite_url, cwd=tmp_path)
    assert "no feed 999" in one_error_line(missing)


def test_opml_import_skips_refused_urls_and_ingest_runs_one_round(tmp_path, sqlite_url, site):
    site.redirect("/to-private", "http://10.0.0.1/feed.xml")
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<opml version="2.0"><body><outline text="News">'
        f'<outline text="EN" xmlUrl="{site.url("/rss_en.xml")}"/>'
        f'<outline text="FR" xmlUrl="{site.url("/atom_fr.xml")}"/>'
        f'<outline text="Sneaky" xmlUrl="{site.url("/to-private")}"/>'
        '<outline text="Inside" xmlUrl="http://192.168.0.10/rss"/>'
        '<outline text="Meta" xmlUrl="http://169.254.169.254/latest"/>'
        "</outline></body></opml>"
    )
    imported = crosswire("feeds", "import", str(opml), "--db", sqlite_url, cwd=tmp_path)
    assert imported.returncode == 1  # loopback is refused too without the setting
    assert "imported 0 feeds, refused 5" in imported.stdout
    allowed = crosswire(
        "feeds", "import", str(opml), "--db", sqlite_url, cwd=tmp_path, loopback=True
    )
    assert allowed.returncode == 1 and "imported 3 feeds, refused 2" in allowed.stdout
    assert "169.254.169.254" in allowed.stderr and "192.168.0.10" in allowed.stderr
    ran = crosswire(
        "ingest", "--json", "--no-cluster", "--db", sqlite_url, cwd=tmp_path, loopback=True
    )
    assert ran.returncode == 0, ran.stderr
    figures = json.loads(ran.stdout)
    assert figures["feeds"] == 3 and figures["ok"] == 2 and figures["failed"] == 1
    assert figures["added"] == 3 and figures["partial"] == 1
    assert "refused: 10.0.0.1" in figures["errors"][site.url("/to-private")]
    failing = crosswire("feeds", "list", "--failing", "--db", sqlite_url, cwd=tmp_path)
    assert failing.stdout.count("ERROR x1") == 1


def test_submit_fetches_extracts_and_stores(tmp_path, sqlite_url, site):
    url = site.url("/articles/de-1.html")
    done = crosswire("submit", url, "--json", "--db", sqlite_url, cwd=tmp_path, loopback=True)
    assert done.returncode == 0, done.stderr
    stored = json.loads(done.stdout)
    assert stored["added"] and stored["language"] == "de" and stored["origin"] == "Elbe-Rundschau"
    again = crosswire("submit", url, "--db", sqlite_url, cwd=tmp_path, loopback=True)
    assert "already known" in again.stdout
    refused = crosswire("submit", "http://2130706433/", "--db", sqlite_url, cwd=tmp_path)
    assert "loopback" in one_error_line(refused)
    gone = crosswire(
        "submit", site.url("/nope.html"), "--db", sqlite_url, cwd=tmp_path, loopback=True
    )
    assert "HTTP 404" in one_error_line(gone)

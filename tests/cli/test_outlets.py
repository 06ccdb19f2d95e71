"""`crosswire outlets show|stats|set|import|log` and `crosswire feeds catalog|add-category`."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from crosswire.cli import cli
from crosswire.outlets.catalog import find_category
from crosswire.store import open_store


@pytest.fixture
def run(sqlite_url, monkeypatch):
    for key in [k for k in os.environ if k.startswith("CROSSWIRE_")]:
        monkeypatch.delenv(key)

    def invoke(*args: str, db: bool = True):
        return CliRunner().invoke(cli, [*args, "--db", sqlite_url] if db else list(args))

    return invoke


def test_stats_of_a_fresh_store_through_the_real_command_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CROSSWIRE_")}
    db = f"sqlite:///{tmp_path / 'fresh.db'}"
    done = subprocess.run(
        [sys.executable, "-m", "crosswire", "outlets", "stats", "--json", "--db", db],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    stats = json.loads(done.stdout)
    assert set(stats) >= {"outlets", "with_country", "with_language", "with_owner", "with_leaning"}
    assert stats["with_language"] >= 5000 and stats["with_country"] >= 2500
    assert stats["with_owner_and_typology"] >= 500


def test_show_set_and_log(run):
    shown = run("outlets", "show", "https://edition.cnn.com/2031/x", "--json")
    assert shown.exit_code == 0, shown.output
    data = json.loads(shown.output)
    assert list(data) == [
        "domain", "name", "country", "languages", "owner", "typology", "leaning", "provenance"
    ]  # fmt: skip
    assert data["domain"] == "cnn.com" and data["name"] == "CNN" and data["country"] == "US"
    text = run("outlets", "show", "huffpost.com")
    assert "not rated" in text.output and "[crosswire]" in text.output
    changed = run("outlets", "set", "huffpost.com", "--leaning", "lean-left", "--country", "us")
    assert changed.exit_code == 0 and "leaning (empty) -> lean-left" in changed.output
    assert "country" not in changed.output  # US already: nothing to log
    again = json.loads(run("outlets", "show", "huffpost.com", "--json").output)
    assert again["leaning"] == "lean-left" and again["provenance"]["leaning"] == "operator"
    log = run("outlets", "log", "huffpost.com")
    assert "operator: huffpost.com leaning (empty) -> lean-left" in log.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("outlets", "set", "cnn.com", "--leaning", "sideways"), "leaning 'sideways' is not"),
        (("outlets", "set", "cnn.com", "--country", "Narnia"), "not an ISO 3166-1"),
        (("outlets", "set", "cnn.com"), "nothing to set"),
        (("outlets", "show", "New York Times"), "not a URL or domain"),
        (("outlets", "show", "nowhere-at-all.com"), "no outlet 'nowhere-at-all.com'"),
        (("feeds", "add-category", "No Such Category"), "no category 'No Such Category'"),
    ],
)
def test_bad_input_is_one_line(run, args, message):
    result = run(*args)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("crosswire: error:") and message in lines[0]


def test_import_checks_every_line_before_changing_anything(run, tmp_path, sqlite_url):
    bad = tmp_path / "bad.csv"
    bad.write_text("domain,leaning,country\nfoxnews.com,lean-right,\ncnn.com,sideways,\n")
    result = run("outlets", "import", str(bad))
    assert result.exit_code == 1 and "bad.csv line 3: leaning 'sideways'" in result.output
    store = open_store(sqlite_url)
    assert store.get_outlet("foxnews.com").leaning == "right" and not store.outlet_changes()
    good = tmp_path / "ratings.csv"
    good.write_text(
        "domain,leaning,country,language\n"
        "foxnews.com,lean-right,,\n"
        "https://www.example-local.fr/page,left,FR,fr\n"
        "cnn.com,none,,\n"
    )
    result = run("outlets", "import", str(good))
    assert result.exit_code == 0, result.output
    assert "3 outlets read, 5 changes" in result.output
    assert store.get_outlet("foxnews.com").leaning == "lean-right"
    local = store.get_outlet("example-local.fr")
    assert (local.leaning, local.country, local.languages) == ("left", "FR", ["fr"])
    assert store.get_outlet("cnn.com").leaning is None
    assert len(store.outlet_changes()) == 5
    store.close()


def test_catalog_lists_categories_with_counts(run):
    listed = run("feeds", "catalog", "--lang", "de", "--json", db=False)
    assert listed.exit_code == 0
    items = json.loads(listed.output)
    assert items and all(i["language"] == "de" for i in items)
    bavaria = next(i for i in items if i["name"] == "Germany | Bavaria")
    assert bavaria["display_name"] == "Deutschland | Bayern" and bavaria["place"] == "DE"
    assert bavaria["feeds"] == len(find_category("Germany | Bavaria").followable_feeds())
    every = json.loads(run("feeds", "catalog", "--json", db=False).output)
    assert len(every) == 197 and sum(i["feeds"] for i in every) > 9000


def test_add_category_follows_its_feeds_with_their_outlets(run, sqlite_url):
    category = find_category("Deutschland | Bayern")  # a display name finds it too
    assert category is not None
    result = run("feeds", "add-category", "Deutschland | Bayern")
    assert result.exit_code == 0, result.output
    wanted = category.followable_feeds()
    assert f"Germany | Bavaria: {len(wanted)} feeds added" in result.output
    assert "aggregator search feeds left out" in result.output
    store = open_store(sqlite_url)
    feeds = {f.url: f for f in store.list_feeds()}
    assert set(wanted) <= set(feeds)
    assert not any("news.google.com" in url for url in feeds)
    br = [f for u, f in feeds.items() if "br.de" in u]
    assert br and all(f.source_domain == "br.de" for f in br)
    assert "already followed" in run("feeds", "add-category", "Germany | Bavaria").output
    store.close()


def test_resolve_moves_stored_articles_to_their_outlet(run, sqlite_url):
    from crosswire.models import Article

    store = open_store(sqlite_url)
    article, _ = store.add_article(Article(title="a", text="b", source="x.example"))
    store._exec("UPDATE articles SET source = 'edition.cnn.com' WHERE id = ?", (article.id,))
    store.close()
    dry = run("outlets", "resolve", "--dry-run")
    assert dry.output == "edition.cnn.com -> cnn.com\n1 sources would move\n"
    done = run("outlets", "resolve")
    assert done.exit_code == 0 and "1 sources moved" in done.output
    store = open_store(sqlite_url)
    assert store.get_article(article.id).source == "cnn.com"
    store.close()

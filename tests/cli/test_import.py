"""`crosswire import`, `stories`, `story`, `config` through the real command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from crosswire.store import open_store

EVENTS = {
    "quake": [
        (
            "Earthquake of magnitude 6.1 shakes coastal Valdoria",
            "A magnitude 6.1 earthquake struck coastal Valdoria on Tuesday, damaging 40 homes.",
        ),
        (
            "Valdoria quake: 40 homes damaged, no deaths reported",
            "Officials in Valdoria said the 6.1 magnitude earthquake damaged 40 homes on Tuesday.",
        ),
        (
            "Séisme de magnitude 6,1 sur la côte de Valdoria",
            "Un séisme de magnitude 6,1 a frappé Valdoria mardi, endommageant 40 maisons.",
        ),
    ],
    "election": [
        (
            "Northmark votes in snap parliamentary election",
            "Voters in Northmark cast ballots on Sunday in a snap election called by the premier.",
        ),
        (
            "Turnout high as Northmark holds snap election",
            "Polling stations in Northmark reported high turnout in Sunday's snap election.",
        ),
    ],
}


def write_dataset(path: Path) -> Path:
    lines, n = [], 0
    for story, items in EVENTS.items():
        for title, text in items:
            n += 1
            lines.append(
                json.dumps(
                    {
                        "id": f"a{n}",
                        "story": story,
                        "title": title,
                        "text": text,
                        "lang": "fr" if "é" in title else "en",
                        "date": f"2026-05-0{n % 9 + 1}T10:00:00Z",
                        "source": f"outlet{n}.example",
                        "url": f"https://outlet{n}.example/{story}",
                    },
                    ensure_ascii=False,
                )
            )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def crosswire(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CROSSWIRE_")}
    return subprocess.run(
        [sys.executable, "-m", "crosswire", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )


def test_import_is_idempotent_and_lists_stories(tmp_path, sqlite_url):
    data = write_dataset(tmp_path / "articles.jsonl")
    first = crosswire("import", str(data), "--db", sqlite_url, "--json", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert (report["read"], report["added"]) == (5, 5)
    second = crosswire("import", str(data), "--db", sqlite_url, "--json", cwd=tmp_path)
    assert json.loads(second.stdout)["added"] == 0
    with open_store(sqlite_url) as store:
        assert store.count_articles() == 5
        assert store.unassigned_articles() == []
    listed = crosswire("stories", "--db", sqlite_url, "--json", cwd=tmp_path)
    stories = json.loads(listed.stdout)
    assert sum(len(s["article_ids"]) for s in stories) == 5
    assert {"id", "title", "article_ids", "sources", "updated"} <= set(stories[0])
    one = crosswire("story", str(stories[0]["id"]), "--db", sqlite_url, "--json", cwd=tmp_path)
    assert one.returncode == 0, one.stderr
    assert json.loads(one.stdout)["id"] == stories[0]["id"]


def test_imported_stories_keep_the_time_of_their_newest_article(tmp_path, sqlite_url):
    """An archive's stories are as new as their articles, not as the import: they do not
    all look updated now (and flood the front page)."""
    data = write_dataset(tmp_path / "articles.jsonl")
    dates = {}
    for line in data.read_text("utf-8").splitlines():
        record = json.loads(line)
        dates[record["id"]] = datetime.fromisoformat(record["date"])
    assert crosswire("import", str(data), "--db", sqlite_url, cwd=tmp_path).returncode == 0
    listed = json.loads(crosswire("stories", "--db", sqlite_url, "--json", cwd=tmp_path).stdout)
    assert listed
    for story in listed:
        newest = max(dates[e] for e in story["external_ids"])
        assert datetime.fromisoformat(story["updated"]) == newest, story


def test_story_of_articles_without_outlets_counts_articles(tmp_path, sqlite_url):
    data = tmp_path / "plain.jsonl"
    title, text = EVENTS["election"][0]
    data.write_text(json.dumps({"id": "p1", "title": title, "text": text}) + "\n", "utf-8")
    assert crosswire("import", str(data), "--db", sqlite_url, cwd=tmp_path).returncode == 0
    listed = json.loads(crosswire("stories", "--db", sqlite_url, "--json", cwd=tmp_path).stdout)
    shown = crosswire("story", str(listed[0]["id"]), "--db", sqlite_url, cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines()[2] == "1 article", shown.stdout
    assert "\n## Summary\n- " in shown.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"title": "ok", "text": "fine"}\n{"title": "broken"\n', ":2: invalid JSON"),
        ('{"title": 5, "text": "x"}\n', ":1: 'title' and 'text' must be strings"),
        ('{"title": "a", "text": "b", "date": "yesterday"}\n', ":1: 'date' is not an ISO"),
        ("[1, 2]\n", ":1: expected a JSON object"),
    ],
)
def test_bad_lines_are_named_and_nothing_is_written(tmp_path, sqlite_url, content, message):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(content, encoding="utf-8")
    result = crosswire("import", str(bad), "--db", sqlite_url, cwd=tmp_path)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    with open_store(sqlite_url) as store:
        assert store.count_articles() == 0


def test_expected_failures_are_one_line(tmp_path):
    missing = crosswire("import", str(tmp_path / "nope.jsonl"), cwd=tmp_path)
    assert missing.returncode != 0 and "no such file" in missing.stderr
    binary = tmp_path / "b.jsonl"
    binary.write_bytes(b'{"id": "1", "title": "t", "text": "x"}\n\xff\xfe\x00garbage\n')
    broken = crosswire("import", str(binary), "--db", f"sqlite:///{tmp_path}/x.db", cwd=tmp_path)
    assert broken.returncode != 0 and "b.jsonl:2: not UTF-8 text" in broken.stderr
    unreachable = crosswire("stories", "--db", "postgresql://nobody@127.0.0.1:1/none", cwd=tmp_path)
    assert unreachable.returncode != 0
    assert "cannot open database" in unreachable.stderr
    assert "Traceback" not in unreachable.stderr
    scheme = crosswire("stories", "--db", "mysql://x", cwd=tmp_path)
    assert "unsupported database URL" in scheme.stderr


def test_config_prints_effective_settings(tmp_path):
    (tmp_path / "crosswire.toml").write_text("[crosswire]\nport = 8123\n")
    result = crosswire("config", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["port"] == 8123
    explained = crosswire("config", "--explain", cwd=tmp_path)
    assert "# Port the web server listens on." in explained.stdout


def test_import_leaves_stories_to_the_holder_of_the_assigner_lock(tmp_path, store_url):
    """A running `crosswire worker` or `serve` holds the story-assigner lock: `import` then
    stores and leaves assignment to it; once the lock is free, the next import assigns."""
    (tmp_path / "crosswire.toml").write_text('[crosswire]\nembedder = "hashing"\n')
    data = write_dataset(tmp_path / "articles.jsonl")
    holder = open_store(store_url)
    try:
        assert holder.try_lock("story-assigner")
        first = crosswire("import", str(data), "--db", store_url, "--json", cwd=tmp_path)
        assert first.returncode == 0, first.stderr
        report = json.loads(first.stdout)
        assert (report["added"], report["new_stories"], report["left_to_assigner"]) == (5, 0, 5)
        assert "story-assigner lock" in first.stderr
        assert len(holder.unassigned_articles()) == 5
        holder.unlock("story-assigner")  # as a stopping worker does
    finally:
        holder.close()
    second = crosswire("import", str(data), "--db", store_url, "--json", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    report = json.loads(second.stdout)
    assert (report["added"], report["left_to_assigner"]) == (0, 0)
    assert report["new_stories"] >= 2
    with open_store(store_url) as store:
        assert store.unassigned_articles() == []


def test_a_date_in_the_future_is_set_aside_and_does_not_close_live_stories(tmp_path, sqlite_url):
    """A wrongly dated record (year 2099) would move the story engine's clock past every
    live story, so the next report of the same event would start a new story."""
    quake = EVENTS["quake"]
    records = [
        {"id": "q1", "title": quake[0][0], "text": quake[0][1], "date": "2026-05-05T10:00:00Z"},
        {
            "id": "x",
            "title": "Harbour reopens",
            "text": "The harbour reopened.",
            "date": "2099-01-01",
        },
        {"id": "q2", "title": quake[1][0], "text": quake[1][1], "date": "2026-05-05T12:00:00Z"},
    ]
    data = tmp_path / "future.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = crosswire("import", str(data), "--db", sqlite_url, "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["future_dates_ignored"] == 1
    assert "1 dates lie in the future (first on line 2)" in result.stderr
    with open_store(sqlite_url) as store:
        by_key = {a.key: a for a in store.get_articles(range(1, 4))}
        assert by_key["x"].published_at is None
        assert by_key["q1"].story_id == by_key["q2"].story_id


def test_a_null_headline_or_text_is_none_not_a_bad_line(tmp_path, sqlite_url):
    """Datasets write a missing headline as null (half of ECB+'s documents): the report is
    kept, with an empty title; a record with neither is still refused."""
    records = [
        {"id": "n1", "title": None, "text": "The harbour reopened after a week of repairs."},
        {"id": "n2", "title": "Harbour reopens", "text": None},
    ]
    data = tmp_path / "nulls.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = crosswire("import", str(data), "--db", sqlite_url, "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with open_store(sqlite_url) as store:
        by_key = {a.key: a for a in store.get_articles(range(1, 3))}
        assert by_key["n1"].title == "" and by_key["n1"].text.startswith("The harbour")
        assert by_key["n2"].title == "Harbour reopens"
    both = tmp_path / "empty.jsonl"
    both.write_text('{"id": "e", "title": null, "text": null}\n', encoding="utf-8")
    refused = crosswire("import", str(both), "--db", sqlite_url, cwd=tmp_path)
    assert refused.returncode != 0 and "'title' and 'text' are both empty" in refused.stderr

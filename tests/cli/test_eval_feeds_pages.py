"""`crosswire eval feeds`, `eval pages` and `eval extract` on tiny corpora made for these tests."""

from __future__ import annotations

import gzip
import json

import pytest
from click.testing import CliRunner

from crosswire.cli import cli

pytestmark = pytest.mark.timeout(60)

RSS = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>
<item><title>Tram line opens</title><link>http://news.example/a/1</link>
<pubDate>Seg, 24 Set 2018 19:42:40 -0300</pubDate></item>
<item><title>Bridge &lt;b&gt;closed&lt;/b&gt;</title><link>/a/2</link>
<pubDate>Tue, 25 Sep 2018 08:00:00 GMT</pubDate></item></channel></rss>"""

EXPECTED = {
    "feed": {
        "items": [
            {"title": "Tram line opens", "link": "http://news.example/a/1",
             "pubDate": "Seg, 24 Set 2018 19:42:40 -0300"},
            {"title": "Bridge <b>closed</b>", "link": "/a/2",
             "pubDate": "Tue, 25 Sep 2018 08:00:00 GMT", "isoDate": "2018-09-25T08:00:00.000Z"},
            {},
        ]
    }
}  # fmt: skip


def run(*args: str):
    return CliRunner().invoke(cli, list(args), obj={})


def test_eval_feeds_counts_parsed_errors_and_agreement(tmp_path):
    (tmp_path / "rss-parser" / "input").mkdir(parents=True)
    (tmp_path / "rss-parser" / "expected_output").mkdir()
    (tmp_path / "rss-parser" / "input" / "news.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "rss-parser" / "expected_output" / "news.json").write_text(json.dumps(EXPECTED))
    (tmp_path / "broken.xml").write_bytes(b"<rss><channel><title>x</title></chan")
    (tmp_path / "bogus.xml").write_bytes(
        b'<?xml version="1.0" encoding="bogus"?><rss version="2.0"><channel><title>B</title>'
        b"<item><title>One</title><link>http://news.example/b</link></item></channel></rss>"
    )
    done = run("eval", "feeds", "--dataset", str(tmp_path), "--json")
    assert done.exit_code == 0, done.output
    figures = json.loads(done.stdout)
    assert figures["files"] == 3 and figures["tracebacks"] == 0
    assert figures["parsed"] == 2 and figures["clear_errors"] == 1
    scored = figures["rss_parser"]
    assert scored["files"] == 1 and scored["entry_count"] == 1.0
    assert scored["titles"] == 1.0 and scored["links"] == 1.0 and scored["dates"] == 1.0
    assert scored["dates_rss_parser_missed"] == 1 and scored["of_which_crosswire_read"] == 1


ARTICLE = """<html><head><title>Harbour bridge reopens | Tidewater Post</title>
<meta property="og:site_name" content="Tidewater Post">
<meta name="author" content="Mara Quill">
<meta property="article:published_time" content="2024-04-02T09:30:00+02:00"></head>
<body><article><p>The harbour bridge in Tidewater reopened to traffic on Tuesday after eight
months of repairs to its southern span, the city's transport office said.</p>
<p>Engineers replaced forty steel cables and resurfaced the whole deck.</p></article>
</body></html>"""


def test_eval_pages_scores_goose3_and_htmldate_layouts(tmp_path):
    goose = tmp_path / "goose3" / "content"
    goose.mkdir(parents=True)
    (goose / "test_bridge.html").write_text(ARTICLE, encoding="utf-8")
    expected = {
        "title": "Harbour bridge reopens",
        "cleaned_text": "The harbour bridge in Tidewater reopened to traffic on Tuesday",
        "authors": ["Mara Quill"],
        "publish_date": "2024-04-02T09:30:00+02:00",
    }
    (goose / "test_bridge.json").write_text(
        json.dumps({"url": "https://tidewater.example/bridge", "expected": expected})
    )
    dated = tmp_path / "htmldate" / "pages"
    dated.mkdir(parents=True)
    (dated / "one.html.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    rows = [
        {"url": "https://tidewater.example/bridge", "file": "pages/one.html.gz",
         "gold_date": "2024-04-02"},
        {"url": "https://tidewater.example/x", "file": "pages/one.html.gz", "gold_date": None},
    ]  # fmt: skip
    (tmp_path / "htmldate" / "gold.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    done = run("eval", "pages", "--dataset", str(tmp_path), "--json")
    assert done.exit_code == 0, done.output
    figures = json.loads(done.stdout)
    goose3 = figures["goose3"]
    assert goose3["pages"] == 1 and goose3["title"] == 1.0 and goose3["body_start"] == 1.0
    assert goose3["authors"] == 1.0 and goose3["publish_date"] == 1.0
    assert figures["htmldate"]["pages"] == 1 and figures["htmldate"]["crosswire_day"] == 1.0
    assert figures["tracebacks"] == 0


def test_eval_pages_refuses_a_missing_folder(tmp_path):
    done = run("eval", "pages", "--dataset", str(tmp_path / "nope"), "--json")
    assert done.exit_code != 0


def test_eval_extract_scores_a_page_and_prints_aligned_figures(tmp_path):
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "p1.html.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    body = (
        "The harbour bridge in Tidewater reopened to traffic on Tuesday after eight months of "
        "repairs to its southern span, the city's transport office said. Engineers replaced "
        "forty steel cables and resurfaced the whole deck."
    )
    truth = {"p1": {"url": "https://tidewater.example/bridge", "articleBody": body}}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth))
    done = run("eval", "extract", "--dataset", str(tmp_path), "--json")
    assert done.exit_code == 0, done.output
    figures = json.loads(done.stdout)
    assert figures["pages"] == 1 and figures["f1"] > 0.9
    plain = run("eval", "extract", "--dataset", str(tmp_path))
    assert plain.exit_code == 0, plain.output
    lines = plain.stdout.splitlines()
    assert any(line.endswith(": 1") and line.split(":")[0].strip() == "pages" for line in lines)
    assert len({line.index(":") for line in lines}) == 1  # the keys are right-aligned


def test_eval_extract_without_ground_truth_is_a_one_line_error(tmp_path):
    done = run("eval", "extract", "--dataset", str(tmp_path))
    assert done.exit_code == 1
    assert done.output.strip().startswith("crosswire: error: cannot read dataset:")
    assert "Traceback" not in done.output and len(done.output.strip().splitlines()) == 1

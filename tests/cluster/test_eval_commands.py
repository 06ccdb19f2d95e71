"""`crosswire eval cluster | pairs | dedup` on small files of our own, model-free."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from crosswire.cli import cli
from crosswire.eval.metrics import score_bcubed, score_pairs
from tests.cluster.stream import make_stream


@pytest.fixture
def hashing(monkeypatch):
    monkeypatch.setenv("CROSSWIRE_EMBEDDER", "hashing")


def write_stream(path, languages=("en",)):
    articles, gold = make_stream()
    with path.open("w", encoding="utf-8") as handle:
        for i, (a, label) in enumerate(zip(articles, gold, strict=True)):
            record = {
                "id": f"x{a.id}",
                "story": f"s{label}",
                "lang": languages[i % len(languages)],
                "title": a.title,
                "text": a.text,
                "date": a.published_at.isoformat(),
            }
            handle.write(json.dumps(record) + "\n")
    return path


def invoke(*args):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_eval_cluster_prints_the_agreed_keys(tmp_path, hashing):
    path = write_stream(tmp_path / "s.jsonl")
    out = invoke("eval", "cluster", "--dataset", str(path), "--json")
    keys = {
        "pairwise_precision",
        "pairwise_recall",
        "pairwise_f1",
        "bcubed_precision",
        "bcubed_recall",
        "bcubed_f1",
        "docs",
        "gold_stories",
        "predicted_stories",
        "docs_per_second",
    }
    assert keys <= set(out)
    assert out["docs"] == 24 and out["gold_stories"] == 6
    assert out["pairwise_f1"] >= 0.9


def test_eval_cluster_limit_and_languages(tmp_path, hashing):
    path = write_stream(tmp_path / "s.jsonl", languages=("en", "fr"))
    out = invoke(
        "eval", "cluster", "--dataset", str(path), "--langs", "fr", "--limit", "5", "--json"
    )
    assert out["docs"] == 5


def test_eval_pairs(tmp_path, hashing):
    articles, gold = make_stream()
    path = tmp_path / "pairs.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(0, len(articles) - 1):
            same = gold[i] == gold[i + 1]
            record = {
                "pair_id": str(i),
                "lang1": "en",
                "lang2": "en",
                "text1": articles[i].text,
                "text2": articles[i + 1].text,
                "overall": 1.0 if same else 4.0,
            }
            handle.write(json.dumps(record) + "\n")
    out = invoke("eval", "pairs", "--dataset", str(path), "--json")
    assert out["pairs"] == len(articles) - 1
    assert out["pearson"] > 0.5
    assert set(out["by_language_pair"]) == {"en-en"}


def test_eval_dedup(tmp_path, hashing):
    path = write_stream(tmp_path / "s.jsonl")
    out = invoke("eval", "dedup", "--dataset", str(path), "--json")
    assert out["copies"] == 12 * 5
    assert 0.0 <= out["precision"] <= 1.0 and out["recall"] >= 0.6
    assert out["copy_first"]["originals"] == 12
    assert out["copy_first"]["recognised"] >= 0.6  # the original takes over from its copy


@pytest.mark.parametrize(
    ("command", "content", "message"),
    [
        ("cluster", b'{"title": "t", "text": "x"}\n', ":1: missing 'story'"),
        ("dedup", b'{"story": "a", "text": "x"}\n\xcd\xff\n', ":2: not UTF-8 text"),
        ("cluster", b'{"story": "a", "text": "x"}\n[1]\n', ":2: expected a JSON object"),
        ("cluster", b'{"story": "a", "text": "x"}\n{"story": \n', ":2: invalid JSON"),
        ("cluster", b'{"story": "a", "date": "soon"}\n', "'date' is not an ISO-8601 date"),
        ("pairs", b'{"text1": "a", "overall": 1}\n', ":1: missing 'text2'"),
    ],
)
def test_a_dataset_file_that_cannot_be_read_is_a_one_line_error(
    tmp_path, hashing, command, content, message
):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(content)
    result = CliRunner().invoke(cli, ["eval", command, "--dataset", str(path)])
    assert result.exit_code == 1
    assert result.output.startswith("crosswire: error: ") and message in result.output
    assert "Traceback" not in result.output and result.output.count("\n") == 1


def test_pair_counting_and_bcubed_by_hand():
    gold = ["a", "a", "a", "b", "b"]
    predicted = [1, 1, 2, 2, 2]
    pairs = score_pairs(gold, predicted)
    # same-story pairs: gold 3 + 1 = 4, predicted 1 + 3 = 4, shared 1 + 1 = 2
    assert pairs["pairwise_precision"] == pytest.approx(0.5)
    assert pairs["pairwise_recall"] == pytest.approx(0.5)
    b3 = score_bcubed(gold, predicted)
    assert b3["bcubed_precision"] == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    assert b3["bcubed_recall"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)


def test_pairwise_scores_are_the_floats_nearest_their_exact_fractions():
    gold = ["a", "a", "a", "b", "b", "c", "c"]  # 3 + 1 + 1 same-story pairs
    predicted = [1, 1, 1, 2, 3, 4, 5]  # the 3 pairs of "a", all right
    pairs = score_pairs(gold, predicted)
    assert (pairs["pairwise_precision"], pairs["pairwise_recall"]) == (1.0, 0.6)
    assert pairs["pairwise_f1"] == 0.75  # 2PR / (P + R) in floats: 0.7499999999999999


def test_eval_cluster_scores_developing_stories_with_level_topic(tmp_path, hashing):
    from tests.cluster.test_topics import stream

    path = tmp_path / "topics.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for a in stream():
            theme = "museum" if "Marrowby" in a.title else "bridge"
            record = {"id": a.id, "story": theme, "lang": "en", "title": a.title, "text": a.text}
            handle.write(json.dumps(record | {"date": a.published_at.isoformat()}) + "\n")
    event = invoke("eval", "cluster", "--dataset", str(path), "--json")
    topic = invoke("eval", "cluster", "--dataset", str(path), "--level", "topic", "--json")
    assert (event["level"], event["predicted_stories"]) == ("event", 3)
    assert (topic["level"], topic["predicted_stories"], topic["pairwise_f1"]) == ("topic", 2, 1.0)


def test_eval_cluster_scores_each_dataset_and_their_mean(tmp_path, hashing):
    first = write_stream(tmp_path / "first.jsonl")
    second = tmp_path / "second.jsonl"
    lines = first.read_text(encoding="utf-8").splitlines()[:10]
    second.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = invoke("eval", "cluster", "--dataset", str(first), "--dataset", str(second), "--json")
    assert [r["dataset"] for r in out["datasets"]] == [str(first), str(second)]
    assert [r["docs"] for r in out["datasets"]] == [24, 10]
    for key in ("pairwise_f1", "bcubed_precision", "bcubed_recall"):
        values = [r[key] for r in out["datasets"]]
        assert out["mean"][key] == pytest.approx(sum(values) / 2)
    text = CliRunner().invoke(
        cli, ["eval", "cluster", "--dataset", str(first), "--dataset", str(second)]
    )
    assert text.exit_code == 0 and text.output.splitlines()[-1].startswith("mean")


def test_eval_suite_scores_the_files_it_finds_and_names_the_missing(tmp_path, hashing):
    root = tmp_path / "datasets"
    (root / "event-clusters").mkdir(parents=True)
    write_stream(root / "event-clusters" / "basil-dev.articles.jsonl")
    out = invoke("eval", "suite", "--root", str(root), "--json")
    assert [r["dataset"] for r in out["events"]] == ["event-clusters/basil-dev.articles.jsonl"]
    assert out["events_mean"]["pairwise_f1"] == out["events"][0]["pairwise_f1"]
    assert "allsides-stories/val.articles.jsonl" in out["missing"]
    assert "semeval2022-pairs/training_set.jsonl" in out["missing"] and "pairs" not in out

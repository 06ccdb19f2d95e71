"""Backfill on a real (in-process) Dask cluster into a real SQLite store."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest
from click.testing import CliRunner

from crosswire.backfill.run import backfill
from crosswire.backfill.sources import SourceError
from crosswire.cli import cli
from crosswire.pipeline import Pipeline
from crosswire.store import open_store
from tests.backfill.conftest import archive_records

pytestmark = pytest.mark.slow


@pytest.fixture
def hashing(settings):
    return settings.model_copy(update={"embedder": "hashing"})


def partition(store) -> set[frozenset[str]]:
    """The stories as sets of import ids: comparable between two databases."""
    by_story: dict[int, set[str]] = defaultdict(set)
    for article_id, story_id in store.story_assignments().items():
        by_story[story_id].add(store.get_article(article_id).external_id)
    return {frozenset(ids) for ids in by_story.values()}


def test_backfill_stores_each_article_once_and_clusters_like_the_online_path(
    archive, hashing, tmp_path, dask_client
):
    report = backfill(archive, hashing, dask_client, part_size=7, chunk=8)
    assert (report.read, report.rejected, report.ingest.added) == (30, 0, 30)
    assert report.partitions == 5
    with open_store(hashing.database_url) as store:
        assert store.unassigned_articles() == []
        articles = store.list_articles(limit=100)
        assert len({a.url for a in articles}) == 30
        # stored in time order, whatever the file order was
        by_id = sorted(articles, key=lambda a: a.id)
        assert [a.published_at for a in by_id] == sorted(a.published_at for a in articles)
        backfilled = partition(store)
    gold = defaultdict(set)
    for record in archive_records():
        gold[record["story"]].add(record["id"])
    assert backfilled == {frozenset(ids) for ids in gold.values()}

    # the online path, fed the same articles in time order, decides the same stories
    online = hashing.model_copy(update={"database_url": f"sqlite:///{tmp_path / 'online.db'}"})
    from crosswire.records import article_from_record

    ordered = sorted(
        (article_from_record(r) for r in archive_records()), key=lambda a: a.published_at
    )
    with open_store(online.database_url) as store:
        pipeline = Pipeline(store, online)
        for start in range(0, len(ordered), 8):
            pipeline.add_articles(ordered[start : start + 8])
        assert partition(store) == backfilled

    again = backfill(archive, hashing, dask_client, part_size=7)
    assert (again.ingest.added, again.ingest.already_known) == (0, 30)


def test_parquet_and_folders_and_bad_records(tmp_path, hashing, dask_client):
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = tmp_path / "archive"
    folder.mkdir()
    records = archive_records()
    table = pa.Table.from_pylist(records[:20])
    pq.write_table(table, folder / "part-1.parquet", row_group_size=6)
    with (folder / "part-2.jsonl").open("w", encoding="utf-8") as handle:
        for record in records[20:]:
            handle.write(json.dumps(record) + "\n")
        handle.write(json.dumps({"id": "broken", "title": "", "text": ""}) + "\n")
        future = {
            "id": "future",
            "title": "Dated 2099",
            "text": "Wrong date.",
            "date": "2099-01-01",
        }
        handle.write(json.dumps(future) + "\n")
    report = backfill(folder, hashing, dask_client, part_size=6, cluster=False)
    assert (report.files, report.read, report.rejected, report.ingest.added) == (2, 32, 1, 31)
    assert "broken" in report.errors[0]
    assert report.future_dates == 1
    with open_store(hashing.database_url) as store:
        assert len(store.unassigned_articles(limit=100)) == 31  # --no-cluster: later
        assert (
            next(a for a in store.list_articles(limit=100) if a.key == "future").published_at
            is None
        )
        assert Pipeline(store, hashing).process_backlog().story_ids
        assert store.unassigned_articles() == []
    with pytest.raises(SourceError):
        backfill(tmp_path / "missing", hashing, dask_client)


def test_cli_on_an_existing_scheduler(archive, hashing, dask_client, monkeypatch):
    monkeypatch.setenv("CROSSWIRE_EMBEDDER", "hashing")
    result = CliRunner().invoke(
        cli,
        [
            "backfill",
            str(archive),
            "--store",
            hashing.database_url,
            "--scheduler",
            dask_client.scheduler.address,
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output.strip().splitlines()[-1])
    assert (summary["added"], summary["new_stories"]) == (30, 6)
    with open_store(hashing.database_url) as store:
        assert store.count_stories() == 6


def test_a_line_that_is_not_utf8_or_json_names_itself(tmp_path):
    from crosswire.backfill.sources import read_part

    path = tmp_path / "archive.jsonl"
    path.write_bytes(b'{"id": "ok", "title": "t", "text": "x"}\n\xcd\xff not text\n')
    with pytest.raises(SourceError, match=r"archive\.jsonl:2: not UTF-8 text"):
        read_part((str(path), 0, 10))
    path.write_bytes(b'{"id": "ok", "title": "t", "text": "x"}\n{"id": \n')
    with pytest.raises(SourceError, match=r"archive\.jsonl:2: invalid JSON"):
        read_part((str(path), 0, 10))

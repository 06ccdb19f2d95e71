"""WARC input: archived HTML pages are extracted on the Dask workers, other records skipped."""

from __future__ import annotations

from io import BytesIO

import pytest

from crosswire.backfill.run import backfill
from crosswire.store import open_store
from tests.backfill.conftest import archive_records

pytestmark = pytest.mark.slow


def write_warc(path, records) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for status, kind, url, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(body.encode()), http_headers=headers
            )
            writer.write_record(record)


def page(record: dict) -> str:
    paragraphs = "".join(f"<p>{s}.</p>" for s in record["text"].split(". "))
    return (
        f"<html lang='en'><head><title>{record['title']}</title></head><body><article>"
        f"<h1>{record['title']}</h1>{paragraphs}</article></body></html>"
    )


def test_backfill_extracts_archived_pages(tmp_path, settings, dask_client):
    settings = settings.model_copy(update={"embedder": "hashing"})
    records = archive_records()[:6]
    entries = [("200 OK", "text/html; charset=utf-8", r["url"], page(r)) for r in records]
    entries.append(("200 OK", "image/png", "https://paper1.example/logo.png", "PNG"))
    entries.append(("404 Not Found", "text/html", "https://paper1.example/gone", "<p>no</p>"))
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, entries)
    report = backfill(warc, settings, dask_client)
    assert (report.partitions, report.read, report.ingest.added) == (1, 6, 6)
    with open_store(settings.database_url) as store:
        stored = {a.url: a for a in store.list_articles(limit=20)}
        assert set(stored) == {r["url"] for r in records}
        for r in records:
            assert stored[r["url"]].title == r["title"]
            assert stored[r["url"]].source == r["url"].split("/")[2]
        assert store.unassigned_articles() == []

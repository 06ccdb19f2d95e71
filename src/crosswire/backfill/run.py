"""Drive a backfill: prepare partitions on Dask, then store and cluster in time order.

Memory stays bounded in the driver: prepared partitions live on the Dask workers; the
driver gathers only their time keys (24 bytes an article), sorts them, and pulls the
articles back a chunk at a time in that order, the next chunk in flight while the current
one is stored (with its vectors) and assigned. Clustering is ``Pipeline.process_backlog`` —
the online engine, a chunk at a time in time order — with the embedder primed with the
vectors the workers computed, so nothing is embedded twice.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from crosswire.backfill.prepare import Prepared, prepare_part
from crosswire.backfill.sources import archive_files, read_part, split_file
from crosswire.cluster import options_from_settings
from crosswire.embed import load_embedder
from crosswire.models import Article
from crosswire.pipeline import IngestReport, Pipeline
from crosswire.settings import Settings
from crosswire.store import Store, open_store
from crosswire.vectors import vector_model

log = logging.getLogger(__name__)


@dataclass
class BackfillReport:
    files: int = 0
    partitions: int = 0
    read: int = 0
    rejected: int = 0
    ingest: IngestReport = field(default_factory=IngestReport)
    errors: list[str] = field(default_factory=list)  # the first few rejected records
    future_dates: int = 0  # records dated in the future, stored as undated articles


@dataclass
class DaskOptions:
    scheduler: str | None = None  # address of an existing cluster; None: a LocalCluster
    workers: int = 2
    threads_per_worker: int = 1
    processes: bool = True
    dashboard: bool = True
    memory_limit: str = "auto"


def _dashboard_address(port: int = 8787) -> str:
    """Dask's usual dashboard port when it is free, else any free port (the link says which):
    a LocalCluster refuses to start when its dashboard port is taken."""
    import socket

    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return ":0"
    return f":{port}"


def start_client(options: DaskOptions) -> Any:
    from distributed import Client, LocalCluster

    if options.scheduler:
        return Client(options.scheduler)
    cluster = LocalCluster(
        n_workers=options.workers,
        threads_per_worker=options.threads_per_worker,
        processes=options.processes,
        dashboard_address=_dashboard_address() if options.dashboard else None,
        memory_limit=options.memory_limit,
    )
    return Client(cluster)


def backfill(
    source: str | Path,
    settings: Settings,
    client: Any,
    *,
    part_size: int = 2000,
    chunk: int = 500,
    cluster: bool = True,
    on_progress: Callable[[int, int], None] | None = None,
    on_prepared: Callable[[list[Any]], None] | None = None,
) -> BackfillReport:
    """Backfill ``source`` (file or folder) into ``settings.database_url`` with ``client``."""
    report = BackfillReport()
    files = archive_files(source)
    parts = [p for f in files for p in split_file(f, part_size)]
    report.files, report.partitions = len(files), len(parts)
    records = client.map(read_part, parts, pure=False)
    prepared = client.map(
        prepare_part,
        records,
        embedder=settings.embedder,
        lead_chars=_lead_chars(settings),
        pure=False,
    )
    del records
    if on_prepared is not None:
        on_prepared(prepared)  # a progress bar over the cluster work
    keys: list[tuple[float, int, int]] = []
    for part_keys in client.gather(client.map(_keys, prepared, range(len(parts)))):
        keys.extend(part_keys)
    keys.sort()
    for rejected, future in client.gather(client.map(_errors, prepared)):
        report.rejected += len(rejected)
        report.errors.extend(rejected[: max(0, 5 - len(report.errors))])
        report.future_dates += future
    report.read = len(keys) + report.rejected
    store = open_store(settings.database_url)
    try:
        pipeline = Pipeline(store, settings, cluster=True) if cluster else None
        embedder = load_embedder(settings.embedder)
        model = vector_model(embedder.name, settings)
        done = 0
        batches = [keys[i : i + chunk] for i in range(0, len(keys), chunk)]
        pending = _fetch(client, prepared, batches[0]) if batches else None
        for n, batch in enumerate(batches):
            assert pending is not None
            pieces = client.gather(pending)
            pending = _fetch(client, prepared, batches[n + 1]) if n + 1 < len(batches) else None
            articles, texts, vectors = _in_order(batch, pieces)
            report.ingest.merge(_store_chunk(store, model, articles, vectors))
            if pipeline is not None:
                embedder.prime(texts, vectors)  # the engine embeds nothing again
                report.ingest.merge(pipeline.process_backlog(batch=chunk))
            done += len(articles)
            if on_progress is not None:
                on_progress(done, len(keys))
    finally:
        store.close()
    return report


def _store_chunk(store: Store, model: str, articles: list[Article], vectors: Any) -> IngestReport:
    """Store articles in time order with their vectors, in one transaction: the vectors
    serve this backfill's engine, and later a worker's (``crosswire worker``) on takeover."""
    report = IngestReport(received=len(articles))
    with store.transaction():
        stored = store.add_articles(articles)
        blobs = {
            article.id: vectors[row].tobytes()
            for row, (article, created) in enumerate(stored)
            if created and article.id is not None
        }
        if blobs:
            store.save_vectors(model, blobs)
    report.added = len(blobs)
    report.already_known = len(stored) - len(blobs)
    return report


def _keys(prepared: Prepared, part: int) -> list[tuple[float, int, int]]:
    return prepared.time_keys(part)


def _errors(prepared: Prepared) -> tuple[list[str], int]:
    return prepared.errors, prepared.future_dates


def _take(prepared: Prepared, positions: list[int]) -> Prepared:
    return prepared.take(positions)


def _fetch(client: Any, prepared: list[Any], batch: list[tuple[float, int, int]]) -> list[Any]:
    """Futures of the articles of ``batch``, one task per partition it touches."""
    wanted: dict[int, list[int]] = defaultdict(list)
    for _, part, position in batch:
        wanted[part].append(position)
    return [
        (part, positions, client.submit(_take, prepared[part], positions, pure=False))
        for part, positions in wanted.items()
    ]


def _in_order(batch, pieces) -> tuple[list[Article], list[str], Any]:
    """The articles of ``batch``, their lead texts and vectors, in the batch's order."""
    by_key: dict[tuple[int, int], tuple[Article, str, Any]] = {}
    for part, positions, piece in pieces:
        for row, position in enumerate(positions):
            by_key[(part, position)] = (piece.articles[row], piece.texts[row], piece.vectors[row])
    rows = [by_key[(part, position)] for _, part, position in batch]
    return [r[0] for r in rows], [r[1] for r in rows], np.stack([r[2] for r in rows])


def _lead_chars(settings: Settings) -> int:
    return options_from_settings(settings).lead_chars

"""``crosswire backfill SOURCE``: load an archive on Dask and cluster it in time order."""

from __future__ import annotations

import json
import logging

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from crosswire.console import UserError, expected_errors, settings_from, store_from


@click.command("backfill")
@click.argument("source", type=click.Path(exists=True))
@click.option("--store", "--db", "database_url", metavar="URL", help="Database URL to fill.")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler (default: a local cluster).")
@click.option("--workers", default=2, show_default=True, help="Local cluster worker processes.")
@click.option("--threads", default=1, show_default=True, help="Threads per local worker.")
@click.option("--part-size", default=2000, show_default=True, help="Articles per Dask partition.")
@click.option("--no-cluster", is_flag=True, help="Only store the articles; assign stories later.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
@expected_errors
def backfill(
    ctx: click.Context,
    source: str,
    database_url: str | None,
    scheduler: str | None,
    workers: int,
    threads: int,
    part_size: int,
    no_cluster: bool,
    as_json: bool,
) -> None:
    """Backfill an archive: JSON Lines or Parquet files of articles (fields id, title, text,
    lang, date, source, url) or WARC files of web pages; a file or a folder of them.

    Parsing (and extraction, for WARC), normalisation, the dedup hash and embeddings run on a
    Dask cluster — a local one
    by default, or the one at --scheduler. Stories are then assigned in time order by the
    same engine as the online path. Backfilling the same archive again adds nothing."""
    from crosswire.backfill.run import DaskOptions, start_client
    from crosswire.backfill.run import backfill as run_backfill
    from crosswire.backfill.sources import SourceError

    settings = settings_from(ctx, database_url=database_url)
    logging.getLogger("distributed").setLevel(logging.WARNING)  # the dashboard shows it all
    store_from(settings).close()  # migrate once, fail early with one line
    options = DaskOptions(scheduler=scheduler, workers=workers, threads_per_worker=threads)
    client = start_client(options)
    if not as_json:
        click.echo(f"dask dashboard: {client.dashboard_link}", err=True)
    try:
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            disable=as_json,
        ) as progress:
            report = run_backfill(
                source,
                settings,
                client,
                part_size=part_size,
                cluster=not no_cluster,
                on_prepared=lambda futures: _track(progress, futures),
                on_progress=lambda done, total: _advance(progress, done, total),
            )
    except SourceError as exc:
        raise UserError(str(exc)) from exc
    finally:
        client.close()
        if client.cluster is not None and scheduler is None:
            client.cluster.close()
    summary = {
        "source": source,
        "files": report.files,
        "partitions": report.partitions,
        "read": report.read,
        "rejected": report.rejected,
        "added": report.ingest.added,
        "already_known": report.ingest.already_known,
        "duplicates": report.ingest.duplicates,
        "new_stories": report.ingest.new_stories,
        "errors": report.errors,
        "future_dates_ignored": report.future_dates,
    }
    if as_json:
        click.echo(json.dumps(summary))
        return
    for line in report.errors:
        click.echo(f"rejected: {line}", err=True)
    if report.future_dates:
        click.echo(
            f"{report.future_dates} dates lie in the future; those articles were stored undated",
            err=True,
        )
    click.echo(
        f"backfilled {summary['added']} new of {summary['read']} articles "
        f"({summary['already_known']} already known, {summary['rejected']} rejected, "
        f"{summary['duplicates']} copies) from {report.files} file(s); "
        f"{summary['new_stories']} new stories"
    )


def _track(progress: Progress, futures: list) -> None:
    """A bar that advances as Dask finishes preparing partitions."""
    from distributed import as_completed

    task = progress.add_task("preparing (dask)", total=len(futures))
    for _ in as_completed(futures):
        progress.advance(task)


def _advance(progress: Progress, done: int, total: int) -> None:
    tasks = [t for t in progress.tasks if t.description == "storing + clustering"]
    if not tasks:
        progress.add_task("storing + clustering", total=total, completed=done)
    else:
        progress.update(tasks[0].id, completed=done)

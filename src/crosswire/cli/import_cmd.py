"""``crosswire import FILE.jsonl``: load articles and run them through the pipeline."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from crosswire.console import UserError, db_option, expected_errors, settings_from, store_from
from crosswire.jsonl import LineError, json_lines
from crosswire.models import Article
from crosswire.pipeline import IngestReport, Pipeline
from crosswire.records import article_from_record, future_dated

FIELDS = ("id", "title", "text", "lang", "date", "source", "url")


class ImportLineError(LineError):
    """A line that is no article (not JSON, or a record without what an article needs)."""


def read_jsonl(path: str, future: list[int] | None = None) -> Iterator[Article]:
    """The articles of a JSON Lines file; the numbers of lines whose date lay in the future
    (imported as undated) are appended to ``future``."""
    try:
        for number, record in json_lines(path):
            try:
                article = article_from_record(record)
            except ValueError as exc:
                raise ImportLineError(path, number, str(exc)) from exc
            if future is not None and future_dated(record, article):
                future.append(number)
            yield article
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}") from exc


def _validated(path: str, future: list[int]) -> list[Article]:
    try:
        return list(read_jsonl(path, future))
    except LineError as exc:
        raise UserError(f"{exc}; nothing was imported") from exc


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@db_option
@click.option("--batch", default=500, show_default=True, help="Articles per transaction.")
@click.option(
    "--no-cluster",
    is_flag=True,
    help="Only store the articles; `crosswire serve` or `crosswire worker` assigns stories later.",
)
@click.option("--digests/--no-digests", default=False, help="Build story digests after import.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
@expected_errors
def import_articles(
    ctx: click.Context,
    file: str,
    database_url: str | None,
    batch: int,
    no_cluster: bool,
    digests: bool,
    as_json: bool,
) -> None:
    """Load articles from a JSON Lines FILE (fields id, title, text, lang, date, source, url).

    The whole file is checked first: a bad line stops the import before anything is written,
    and the error names the line. Importing the same file again adds nothing."""
    settings = settings_from(ctx, database_url=database_url)
    if not Path(file).exists():
        raise UserError(f"no such file: {file}")
    future: list[int] = []
    articles = _validated(file, future)
    if future:
        click.echo(
            f"{file}: {len(future)} dates lie in the future (first on line {future[0]}); "
            "those articles are imported as undated",
            err=True,
        )
    store = store_from(settings)
    pipeline = Pipeline(store, settings, cluster=not no_cluster)
    report = IngestReport()
    with Progress(
        TextColumn("importing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        transient=True,
        disable=as_json,
    ) as progress:
        task = progress.add_task("import", total=len(articles))
        chunks = (articles[start : start + batch] for start in range(0, len(articles), batch))
        for done in pipeline.add_batches(chunks):
            report.merge(done)
            progress.advance(task, done.received)
    if not no_cluster:  # articles a killed earlier run stored but never assigned
        report.merge(pipeline.process_backlog())
    left = 0  # when another process holds the story-assigner lock, it assigns these
    if not no_cluster and report.unassigned:
        left = len(store.unassigned_articles(limit=report.unassigned))
    built = pipeline.refresh_digests(limit=10**9) if digests and not no_cluster else 0
    summary = {
        "file": file,
        "read": len(articles),
        "added": report.added,
        "already_known": report.already_known,
        "duplicates": report.duplicates,
        "new_stories": report.new_stories,
        "stories_touched": len(report.story_ids),
        "digests_built": built,
        "left_to_assigner": left,
        "future_dates_ignored": len(future),
    }
    store.close()
    if as_json:
        click.echo(json.dumps(summary))
    else:
        click.echo(
            f"imported {summary['added']} new of {summary['read']} articles "
            f"({summary['already_known']} already known, {summary['duplicates']} copies); "
            f"{summary['new_stories']} new stories"
        )
    if left:
        click.echo(
            f"{left} articles are left to the process that holds the "
            "story-assigner lock (a running `crosswire serve` or `crosswire worker`)",
            err=True,
        )

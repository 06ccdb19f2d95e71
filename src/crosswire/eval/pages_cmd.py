"""``crosswire eval pages``: title, authors, date and body start on public pages."""

from __future__ import annotations

import json

import click

from crosswire.cli.common import UserError, settings_from


@click.command("pages")
@click.option(
    "--dataset",
    required=True,
    type=click.Path(exists=True, file_okay=False),
    help="Folder with goose3/ and htmldate/ (../shared/datasets/pages).",
)
@click.option("--limit", type=int, default=None, help="Score only the first N pages of each set.")
@click.option("--misses", is_flag=True, help="List the pages that disagree (with --json).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.pass_context
def pages(ctx: click.Context, dataset: str, limit: int | None, misses: bool, as_json: bool) -> None:
    """Extract every page with crosswire's extractor: goose3's expected title, authors,
    publication date and body start; htmldate's gold day beside plain htmldate.find_date;
    pages per second."""
    from crosswire.eval.page_corpus import evaluate_pages

    settings_from(ctx)
    try:
        scores = evaluate_pages(dataset, limit)
    except (OSError, ValueError) as exc:
        raise UserError(f"cannot read dataset: {exc}") from exc
    result = scores.as_dict(show_misses=misses)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
        return
    for key, value in result.items():
        click.echo(f"{key:>14}: {value}")

"""``crosswire eval extract``: main-text extraction quality on the scrapinghub benchmark."""

from __future__ import annotations

import json

import click

from crosswire.cli.common import UserError, settings_from
from crosswire.eval.extraction import evaluate, load_pages


@click.command("extract")
@click.option(
    "--dataset",
    required=True,
    type=click.Path(exists=True, file_okay=False),
    help="Folder with html/<id>.html.gz and ground-truth.json (extraction-scrapinghub).",
)
@click.option("--limit", type=int, default=None, help="Score only the first N pages.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.pass_context
def extract(ctx: click.Context, dataset: str, limit: int | None, as_json: bool) -> None:
    """Extract every page with crosswire's extractor and score it against the ground truth:
    precision, recall and F1 of 4-token shingles, and pages per second."""
    settings_from(ctx)
    try:
        pages = load_pages(dataset, limit)
    except (OSError, ValueError) as exc:
        raise UserError(f"cannot read dataset: {exc}") from exc
    result = evaluate(pages)
    if as_json:
        click.echo(json.dumps(result))
        return
    for key, value in result.items():
        click.echo(f"{key:>17}: {value}")

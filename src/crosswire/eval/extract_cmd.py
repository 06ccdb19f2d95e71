"""``crosswire eval extract``: main-text extraction quality on the scrapinghub benchmark."""

from __future__ import annotations

import click

from crosswire.eval.corpus_cli import dataset_folder, echo_figures, read_corpus
from crosswire.eval.extraction import evaluate, load_pages


@click.command("extract")
@dataset_folder("Folder with html/<id>.html.gz and ground-truth.json (extraction-scrapinghub).")
@click.option("--limit", type=int, default=None, help="Score only the first N pages.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.pass_context
def extract(ctx: click.Context, dataset: str, limit: int | None, as_json: bool) -> None:
    """Extract every page with crosswire's extractor and score it against the ground truth:
    precision, recall and F1 of 4-token shingles, and pages per second."""
    pages = read_corpus(ctx, load_pages, dataset, limit)
    echo_figures(evaluate(pages), as_json, width=17)

"""``crosswire eval pages``: title, authors, date and body start on public pages."""

from __future__ import annotations

import click

from crosswire.eval.corpus_cli import dataset_folder, echo_figures, read_corpus


@click.command("pages")
@dataset_folder("Folder with goose3/ and htmldate/ (../shared/datasets/pages).")
@click.option("--limit", type=int, default=None, help="Score only the first N pages of each set.")
@click.option("--misses", is_flag=True, help="List the pages that disagree (with --json).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.pass_context
def pages(ctx: click.Context, dataset: str, limit: int | None, misses: bool, as_json: bool) -> None:
    """Extract every page with crosswire's extractor: goose3's expected title, authors,
    publication date and body start; htmldate's gold day beside plain htmldate.find_date;
    pages per second."""
    from crosswire.eval.page_corpus import evaluate_pages

    scores = read_corpus(ctx, evaluate_pages, dataset, limit)
    echo_figures(scores.as_dict(show_misses=misses), as_json, width=14)

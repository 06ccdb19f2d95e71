"""``crosswire eval feeds``: feed parsing on public feed corpora (no traceback allowed)."""

from __future__ import annotations

import click

from crosswire.eval.corpus_cli import dataset_folder, echo_figures, read_corpus


@click.command("feeds")
@dataset_folder(
    "Folder of feed files (../shared/datasets/feeds); rss-parser/expected_output is "
    "compared where present."
)
@click.option("--limit", type=int, default=None, help="Read only the first N files.")
@click.option("--misses", is_flag=True, help="List the items that disagree (with --json).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.pass_context
def feeds(ctx: click.Context, dataset: str, limit: int | None, misses: bool, as_json: bool) -> None:
    """Parse every feed file with crosswire's feed parser: files, parsed, clear errors,
    tracebacks, and agreement of entry count, title, link and date with rss-parser's
    expected outputs."""
    from crosswire.eval.feed_corpus import evaluate_feeds

    scores = read_corpus(ctx, evaluate_feeds, dataset, limit)
    echo_figures(scores.as_dict(show_misses=misses), as_json, width=17)

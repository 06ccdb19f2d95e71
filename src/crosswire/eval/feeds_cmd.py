"""``crosswire eval feeds``: feed parsing on public feed corpora (no traceback allowed)."""

from __future__ import annotations

import json

import click

from crosswire.cli.common import UserError, settings_from


@click.command("feeds")
@click.option(
    "--dataset",
    required=True,
    type=click.Path(exists=True, file_okay=False),
    help="Folder of feed files (../shared/datasets/feeds); rss-parser/expected_output is "
    "compared where present.",
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

    settings_from(ctx)
    try:
        scores = evaluate_feeds(dataset, limit)
    except (OSError, ValueError) as exc:
        raise UserError(f"cannot read dataset: {exc}") from exc
    result = scores.as_dict(show_misses=misses)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
        return
    for key, value in result.items():
        click.echo(f"{key:>17}: {value}")

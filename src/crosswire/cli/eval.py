"""``crosswire eval``: quality figures on the labelled datasets, as JSON."""

from __future__ import annotations

import click

from crosswire.cli import LazyGroup

EVALS = {
    "cluster": "crosswire.eval.cluster_cmd:cluster",
    "pairs": "crosswire.eval.pairs_cmd:pairs",
    "dedup": "crosswire.eval.dedup_cmd:dedup",
    "digest": "crosswire.eval.digest_cmd:digest",
    "conflicts": "crosswire.eval.conflicts_cmd:conflicts",
    "extract": "crosswire.eval.extract_cmd:extract",
}


@click.group("eval", cls=LazyGroup, lazy=EVALS)
def eval_group() -> None:
    """Measure crosswire on a dataset with the same code and settings as production."""

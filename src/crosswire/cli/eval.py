"""``crosswire eval``: quality figures on the labelled datasets, as JSON."""

from __future__ import annotations

from typing import Any

import click

from crosswire.cli import LazyGroup
from crosswire.console import UserError

EVALS = {
    "cluster": "crosswire.eval.cluster_cmd:cluster",
    "pairs": "crosswire.eval.pairs_cmd:pairs",
    "dedup": "crosswire.eval.dedup_cmd:dedup",
    "digest": "crosswire.eval.digest_cmd:digest",
    "conflicts": "crosswire.eval.conflicts_cmd:conflicts",
    "extract": "crosswire.eval.extract_cmd:extract",
    "feeds": "crosswire.eval.feeds_cmd:feeds",
    "pages": "crosswire.eval.pages_cmd:pages",
    "suite": "crosswire.eval.suite_cmd:suite",
}


class EvalGroup(LazyGroup):
    """The eval commands; a dataset file they cannot read is a one-line error."""

    def invoke(self, ctx: click.Context) -> Any:
        from crosswire.eval.datasets import DatasetError

        try:
            return super().invoke(ctx)
        except DatasetError as exc:
            raise UserError(str(exc)) from exc


@click.group("eval", cls=EvalGroup, lazy=EVALS)
def eval_group() -> None:
    """Measure crosswire on a dataset with the same code and settings as production."""

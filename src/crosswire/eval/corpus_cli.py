"""What the corpus commands (``eval extract``, ``eval feeds``, ``eval pages``) share: the
dataset folder option, reading the corpus with a one-line error, and printing the figures."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

import click

from crosswire.console import UserError, settings_from

T = TypeVar("T")


def dataset_folder(help_text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The required ``--dataset`` option naming an existing folder."""
    return click.option(
        "--dataset",
        required=True,
        type=click.Path(exists=True, file_okay=False),
        help=help_text,
    )


def read_corpus(
    ctx: click.Context, read: Callable[[str, int | None], T], dataset: str, limit: int | None
) -> T:
    """Load the settings, then ``read(dataset, limit)``; an unreadable dataset is a one-line
    error."""
    settings_from(ctx)
    try:
        return read(dataset, limit)
    except (OSError, ValueError) as exc:
        raise UserError(f"cannot read dataset: {exc}") from exc


def echo_figures(result: dict[str, Any], as_json: bool, width: int = 17) -> None:
    """One JSON object, or one right-aligned ``key: value`` line per figure."""
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
        return
    for key, value in result.items():
        click.echo(f"{key:>{width}}: {value}")

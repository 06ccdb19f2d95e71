"""What every command shares (the CLI's and `crosswire eval`'s): settings, the store,
one-line errors, logging."""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from typing import Any

import click

from crosswire.settings import ConfigError, Settings, load_settings
from crosswire.store import Store, StoreError, open_store

log = logging.getLogger("crosswire")

db_option = click.option(
    "--db",
    "database_url",
    metavar="URL",
    default=None,
    help="Database URL (sqlite:///PATH or postgresql://…); overrides the database_url setting.",
)


class UserError(click.ClickException):
    """An expected failure, reported as one line without a traceback."""

    def show(self, file: Any = None) -> None:
        click.echo(f"crosswire: error: {self.format_message()}", err=True)


def settings_from(ctx: click.Context, **overrides: Any) -> Settings:
    obj = ctx.find_root().obj or {}
    try:
        settings = load_settings(obj.get("config_file"), **overrides)
    except ConfigError as exc:
        raise UserError(str(exc)) from exc
    setup_logging(settings, verbose=obj.get("verbose", False))
    return settings


def store_from(settings: Settings) -> Store:
    try:
        return open_store(settings.database_url)
    except StoreError as exc:
        raise UserError(str(exc)) from exc


def setup_logging(settings: Settings, verbose: bool = False) -> None:
    level = logging.DEBUG if verbose else getattr(logging, settings.log_level.upper(), logging.INFO)
    root = logging.getLogger()
    if not any(getattr(h, "_crosswire", False) for h in root.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s", "%H:%M:%S")
        )
        handler._crosswire = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(level)
    for noisy in ("httpx", "httpcore", "trafilatura", "htmldate", "urllib3", "asyncio"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))


def expected_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the store's and the settings' errors into one-line command errors."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (StoreError, ConfigError) as exc:
            raise UserError(str(exc)) from exc

    return wrapper


def run_cli(group: click.Group) -> int:
    try:
        group.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("crosswire: aborted", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except KeyboardInterrupt:
        click.echo("crosswire: interrupted", err=True)
        return 130
    return 0

"""The ``crosswire`` command: one group, one module per subcommand, loaded on demand."""

from __future__ import annotations

import importlib
import logging
import sys

import click

# name -> "module:attribute"; modules import only when their command runs, so
# `crosswire --help` stays fast and a broken optional part cannot break the others.
COMMANDS = {
    "serve": "crosswire.cli.serve:serve",
    "import": "crosswire.cli.import_cmd:import_articles",
    "stories": "crosswire.cli.stories:stories",
    "story": "crosswire.cli.stories:story",
    "config": "crosswire.cli.config:config",
    "db": "crosswire.cli.db:db",
    "feeds": "crosswire.cli.catalog:feeds",  # the feeds group with the catalogue's commands
    "ingest": "crosswire.cli.ingest:ingest",
    "extract": "crosswire.cli.extract:extract",
    "submit": "crosswire.cli.submit:submit",
    "worker": "crosswire.cli.worker:worker",
    "backfill": "crosswire.cli.backfill:backfill",
    "eval": "crosswire.cli.eval:eval_group",
    "users": "crosswire.cli.users:users",
    "email": "crosswire.cli.email:email",
    "outlets": "crosswire.cli.outlets:outlets",
}


class LazyGroup(click.Group):
    def __init__(self, *args, lazy: dict[str, str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = lazy or {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self.lazy))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy:
            module_name, attr = self.lazy[name].split(":")
            try:
                module = importlib.import_module(module_name)
            except ModuleNotFoundError as exc:
                if exc.name == module_name:
                    return None  # this part is not built yet
                raise
            return getattr(module, attr)
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    envvar="CROSSWIRE_CONFIG",
    help="TOML settings file (same keys as the CROSSWIRE_* variables).",
)
@click.option("-v", "--verbose", is_flag=True, help="Log debug messages.")
@click.version_option(package_name="crosswire")
@click.pass_context
def cli(ctx: click.Context, config_file: str | None, verbose: bool) -> None:
    """Crosswire: many outlets in, stories out — with who said what, and where they differ."""
    ctx.ensure_object(dict)
    ctx.obj["config_file"] = config_file
    ctx.obj["verbose"] = verbose


def main() -> None:
    from crosswire.console import run_cli

    sys.exit(run_cli(cli))


__all__ = ["cli", "main", "logging"]

"""``crosswire config``: print the effective configuration."""

from __future__ import annotations

import json

import click

from crosswire.console import settings_from
from crosswire.settings import setting_help


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of TOML.")
@click.option("--explain", is_flag=True, help="Show each setting's help text too.")
@click.pass_context
def config(ctx: click.Context, as_json: bool, explain: bool) -> None:
    """Print the effective configuration (defaults < file < environment)."""
    settings = settings_from(ctx)
    values = settings.model_dump()
    for secret in ("secret_key", "smtp_password"):
        if values.get(secret):
            values[secret] = "********"
    if as_json:
        click.echo(json.dumps(values, indent=2))
        return
    helps = setting_help()
    click.echo("[crosswire]")
    for key, value in values.items():
        if explain:
            click.echo(f"# {helps[key]}  (env: CROSSWIRE_{key.upper()})")
        click.echo(f"{key} = {json.dumps(value)}")

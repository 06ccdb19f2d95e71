"""``crosswire outlets``: the outlet registry — show, stats, set, import (operators own it)."""

from __future__ import annotations

import json
from typing import Any

import click

from crosswire.console import UserError, db_option, expected_errors, settings_from, store_from
from crosswire.outlets.model import FIELDS, OutletChange
from crosswire.outlets.resolve import NotAnOutlet, split_address
from crosswire.store import Store


@click.group()
def outlets() -> None:
    """Outlets known by name: country, languages, owner, typology, leaning, provenance."""


def outlet_domain(store: Store, given: str, *, exact: bool = False) -> str:
    """The registry key for a domain or URL as an operator types it: a key the registry
    already has, else (unless ``exact``) the outlet it resolves to."""
    text = given.strip().lower()
    try:
        host, path = split_address(text)
    except NotAnOutlet as exc:
        raise UserError(str(exc)) from exc
    plain = host.removeprefix("www.") + (f"/{path.strip('/')}" if path.strip("/") else "")
    if exact or store.get_outlet(plain) is not None:
        return plain
    try:
        return store.outlet_resolver().resolve(text)
    except NotAnOutlet as exc:
        raise UserError(str(exc)) from exc


def _echo_changes(changes: list[OutletChange]) -> None:
    for c in changes:
        click.echo(f"{c.domain}: {c.field} {c.old or '(empty)'} -> {c.new or '(empty)'}")


@outlets.command()
@click.argument("domain")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@expected_errors
def show(ctx: click.Context, domain: str, database_url: str | None, as_json: bool) -> None:
    """Show what is known of the outlet of DOMAIN (a domain or a URL), field by field with
    where each value came from."""
    store = store_from(settings_from(ctx, database_url=database_url))
    key = outlet_domain(store, domain)
    found = store.get_outlet(key)
    if found is None:
        raise UserError(f"no outlet {key!r} in the registry or among the stored articles")
    if as_json:
        click.echo(json.dumps(found.as_json(), ensure_ascii=False, indent=1))
        return
    data: dict[str, Any] = found.as_json()
    click.echo(found.domain)
    for field in FIELDS:
        value = data[field]
        shown = ", ".join(value) if isinstance(value, list) else value
        if field == "leaning" and not shown:
            shown = "not rated"
        source = found.provenance.get(field)
        click.echo(f"  {field:<10} {shown or '-'}" + (f"  [{source}]" if source else ""))


@outlets.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@expected_errors
def stats(ctx: click.Context, database_url: str | None, as_json: bool) -> None:
    """How many outlets the registry knows, and how many with each kind of metadata."""
    store = store_from(settings_from(ctx, database_url=database_url))
    figures = store.outlet_stats()
    if as_json:
        click.echo(json.dumps(figures))
        return
    for key, value in figures.items():
        click.echo(f"{key:<24} {value}")


def _field_options(func: Any) -> Any:
    for field, help_text in reversed(
        [
            ("name", "Display name."),
            ("country", "ISO 3166-1 alpha-2 code (US, GB …)."),
            ("languages", "ISO 639-1 codes, comma-separated, main one first."),
            ("owner", "Who owns it."),
            ("typology", "private, public-broadcaster, state-controlled, wire …"),
            ("leaning", "left, lean-left, center, lean-right, right."),
        ]
    ):
        func = click.option(f"--{field}", default=None, help=help_text + " 'none' clears it.")(func)
    return func


@outlets.command("set")
@click.argument("domain")
@_field_options
@click.option("--exact", is_flag=True, help="Keep DOMAIN as the key (a subdomain of its own).")
@click.option("--by", default="operator", show_default=True, help="Who makes the change (log).")
@db_option
@click.pass_context
@expected_errors
def set_outlet(
    ctx: click.Context, domain: str, exact: bool, by: str, database_url: str | None, **given: Any
) -> None:
    """Set fields of an outlet; each change is logged and survives registry updates."""
    raw = {k: v for k, v in given.items() if v is not None}
    if not raw:
        raise UserError("nothing to set: give --leaning, --country, --name … (see --help)")
    from crosswire.outlets.values import clean_values

    try:
        values = clean_values(raw)
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    store = store_from(settings_from(ctx, database_url=database_url))
    key = outlet_domain(store, domain, exact=exact)
    changes = store.set_outlet(key, values, by=by or "operator")
    _echo_changes(changes)
    if not changes:
        click.echo(f"{key}: unchanged")


@outlets.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--by", default="operator", show_default=True, help="Who makes the changes (log).")
@db_option
@click.pass_context
@expected_errors
def import_ratings(ctx: click.Context, file: str, by: str, database_url: str | None) -> None:
    """Apply an operator's CSV FILE (columns: domain and any of name, country, languages,
    owner, typology, leaning; an empty cell leaves a field alone, 'none' clears it). Every
    line is checked first: a bad line changes nothing."""
    from crosswire.outlets.values import read_ratings

    try:
        rows = list(read_ratings(file))
    except (ValueError, UnicodeDecodeError) as exc:
        raise UserError(str(exc).splitlines()[0] if str(exc) else repr(exc)) from exc
    except OSError as exc:
        raise UserError(f"cannot read {file}: {exc.strerror}") from exc
    store = store_from(settings_from(ctx, database_url=database_url))
    keyed = []
    for line, domain, values in rows:
        try:
            keyed.append((outlet_domain(store, domain), values))
        except UserError as exc:
            raise UserError(f"{file} line {line}: {exc.format_message()}") from exc
    changes: list[OutletChange] = []
    with store.transaction():
        for key, values in keyed:
            changes += store.set_outlet(key, values, by=by or "operator")
    _echo_changes(changes)
    click.echo(f"{len(keyed)} outlets read, {len(changes)} changes")


@outlets.command()
@db_option
@click.option("--dry-run", is_flag=True, help="Only say what would move.")
@click.pass_context
@expected_errors
def resolve(ctx: click.Context, database_url: str | None, dry_run: bool) -> None:
    """Give articles stored before the registry their outlet: each stored source that
    resolves to another outlet (edition.cnn.com -> cnn.com) moves to it."""
    store = store_from(settings_from(ctx, database_url=database_url))
    moved = store.resolve_stored_sources(dry_run=dry_run)
    for old, new in sorted(moved.items()):
        click.echo(f"{old} -> {new}")
    verb = "would move" if dry_run else "moved"
    click.echo(f"{len(moved)} sources {verb}")


@outlets.command()
@click.argument("domain", required=False)
@click.option("--limit", default=50, show_default=True)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@expected_errors
def log(
    ctx: click.Context, domain: str | None, limit: int, database_url: str | None, as_json: bool
) -> None:
    """The operators' changes, newest first (of one outlet with DOMAIN)."""
    store = store_from(settings_from(ctx, database_url=database_url))
    key = outlet_domain(store, domain) if domain else None
    items = store.outlet_changes(key, limit=limit)
    if as_json:
        out = [
            {
                "domain": c.domain,
                "field": c.field,
                "old": c.old,
                "new": c.new,
                "by": c.by,
                "at": c.at.isoformat() if c.at else None,
            }
            for c in items
        ]
        click.echo(json.dumps(out, ensure_ascii=False, indent=1))
        return
    for c in items:
        at = c.at.isoformat(timespec="seconds") if c.at else ""
        click.echo(f"{at} {c.by}: {c.domain} {c.field} {c.old or '(empty)'} -> {c.new or '-'}")

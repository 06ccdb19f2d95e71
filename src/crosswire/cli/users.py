"""``crosswire users``: create accounts and give them roles (the way to make an admin)."""

from __future__ import annotations

import sys

import click

from crosswire.console import UserError, db_option, expected_errors, settings_from, store_from

ROLE_CHOICE = click.Choice(["user", "moderator", "admin"])


@click.group()
def users() -> None:
    """Manage accounts: create, set a role, list."""


@users.command("create")
@click.argument("name")
@click.option("--role", type=ROLE_CHOICE, default="user", show_default=True, help="Its role.")
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from the first line of standard input instead of prompting.",
)
@db_option
@click.pass_context
@expected_errors
def create(
    ctx: click.Context, name: str, role: str, password_stdin: bool, database_url: str | None
) -> None:
    """Create the account NAME (asks for its password)."""
    from crosswire.accounts import AccountError, create_account

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    store = store_from(settings_from(ctx, database_url=database_url))
    try:
        user = create_account(store, name, password, role)
    except AccountError as exc:
        raise UserError(str(exc)) from exc
    finally:
        store.close()
    click.echo(f"user {user.id} {user.name} created ({user.role})")


@users.command("role")
@click.argument("name")
@click.argument("role", type=ROLE_CHOICE)
@db_option
@click.pass_context
@expected_errors
def set_role(ctx: click.Context, name: str, role: str, database_url: str | None) -> None:
    """Give the account NAME the role ROLE (user, moderator or admin)."""
    store = store_from(settings_from(ctx, database_url=database_url))
    try:
        user = store.get_user_by_name(name)
        if user is None or user.id is None:
            raise UserError(f"no user named {name!r}")
        store.set_user_role(user.id, role)
    finally:
        store.close()
    click.echo(f"{name} is now {role}")


@users.command("show")
@click.argument("name")
@db_option
@click.pass_context
@expected_errors
def show(ctx: click.Context, name: str, database_url: str | None) -> None:
    """Print the account NAME: id, role, when it was made."""
    store = store_from(settings_from(ctx, database_url=database_url))
    try:
        user = store.get_user_by_name(name)
    finally:
        store.close()
    if user is None:
        raise UserError(f"no user named {name!r}")
    made = user.created_at.isoformat() if user.created_at else "?"
    click.echo(f"{user.id}\t{user.name}\t{user.role}\t{made}")


@users.command("token")
@click.argument("name")
@db_option
@click.pass_context
@expected_errors
def token(ctx: click.Context, name: str, database_url: str | None) -> None:
    """Print an API token for NAME (``Authorization: Bearer TOKEN``, e.g. to post comments
    to /api/stories/ID/comments). A token stops working when the secret key or the password
    hash changes."""
    from crosswire.web.security import api_token, secret_key

    settings = settings_from(ctx, database_url=database_url)
    store = store_from(settings)
    try:
        user = store.get_user_by_name(name)
        if user is None:
            raise UserError(f"no user named {name!r}")
        click.echo(api_token(secret_key(settings, store), user))
    finally:
        store.close()

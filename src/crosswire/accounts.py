"""User accounts: names, argon2 password hashes, roles. Shared by the web app and the CLI."""

from __future__ import annotations

import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from crosswire.models import User
from crosswire.store import Store, StoreError

ROLES = ("user", "moderator", "admin")
NAME_RE = re.compile(r"^[\w.\-]{2,32}$")
MIN_PASSWORD = 12  # OWASP ASVS 2.1.1
MAX_PASSWORD = 1024

_hasher = PasswordHasher()
# verified against when the name is unknown, so a wrong name costs as long as a wrong password
_DUMMY_HASH = _hasher.hash("crosswire: no such user")


class AccountError(ValueError):
    """A name, password or role that cannot be used; the message is one line."""


def check_name(name: str) -> str:
    if not NAME_RE.match(name):
        raise AccountError(
            "a name is 2 to 32 letters, digits, dots, dashes or underscores, with no spaces"
        )
    return name


def check_password(password: str) -> str:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise AccountError(f"a password needs at least {MIN_PASSWORD} characters")
    return password


def check_role(role: str) -> str:
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}: one of {', '.join(ROLES)}")
    return role


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def create_account(store: Store, name: str, password: str, role: str = "user") -> User:
    """Store a new user; raises AccountError for a bad or taken name or a weak password."""
    user = User(
        name=check_name(name),
        password_hash=hash_password(check_password(password)),
        role=check_role(role),
    )
    try:
        return store.create_user(user)
    except StoreError as exc:
        if store.get_user_by_name(name) is not None:
            raise AccountError(f"the name {name!r} is taken") from exc
        raise


def authenticate(store: Store, name: str, password: str) -> User | None:
    """The user with this name and password, or None (same cost either way)."""
    user = store.get_user_by_name(name) if NAME_RE.match(name) else None
    try:
        _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None or user.banned:
        return None
    return user


def is_moderator(user: User | None) -> bool:
    return user is not None and user.role in ("moderator", "admin")

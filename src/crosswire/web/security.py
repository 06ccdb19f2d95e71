"""Sessions in a signed cookie, CSRF tokens tied to them, and the signed-in user.

The session cookie holds ``{"u": user id, "c": CSRF token}`` signed with the secret key
(``secret_key`` setting, else a random key generated once and kept in the database). It is
HttpOnly and SameSite=Lax, and Secure when the request came over HTTPS or the
``secure_cookies`` setting is on. Every form POST carries the session's CSRF token in a
hidden ``csrf_token`` field; a POST without the right one is refused with 403.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from itsdangerous import BadSignature, URLSafeTimedSerializer
from markupsafe import Markup, escape
from starlette.concurrency import run_in_threadpool

from crosswire.accounts import is_moderator
from crosswire.models import User
from crosswire.store import Store, StoreError

log = logging.getLogger(__name__)

COOKIE = "crosswire_session"
CSRF_FIELD = "csrf_token"


class PageError(HTTPException):
    """An error shown to a person as a page (the community routes' 401/403/404/429)."""


def secret_key(settings: Any, store: Store) -> str:
    """The configured key, else the one kept in the database (made on first use)."""
    if settings.secret_key:
        return settings.secret_key
    key = store.get_meta("secret_key")
    if not key:
        try:
            store.set_meta("secret_key", secrets.token_urlsafe(32))
        except StoreError as exc:
            # a read-only or full database must not take the reading pages down with it
            log.warning("sessions use a key for this process only (cannot store one: %s)", exc)
            return _PROCESS_KEY
        key = store.get_meta("secret_key")
    assert key
    return key


_PROCESS_KEY = secrets.token_urlsafe(32)


def install_sessions(app: FastAPI) -> None:
    """Load the session before each request and write the cookie back when it changed."""
    settings, store = app.state.settings, app.state.store
    holder: dict[str, URLSafeTimedSerializer] = {}
    max_age = settings.session_days * 86400

    def serializer() -> URLSafeTimedSerializer:
        if "s" not in holder:
            holder["s"] = URLSafeTimedSerializer(secret_key(settings, store), salt="session")
        return holder["s"]

    @app.middleware("http")
    async def sessions(request: Request, call_next):  # noqa: ANN001, ANN202
        signer = holder.get("s")
        if signer is None:
            signer = await run_in_threadpool(serializer)
        session: dict[str, Any] = {}
        raw = request.cookies.get(COOKIE)
        if raw:
            try:
                loaded = signer.loads(raw, max_age=max_age)
                session = loaded if isinstance(loaded, dict) else {}
            except BadSignature:
                session = {}
        request.state.session = session
        request.state.session_changed = False
        request.state.user_loaded = False
        response = await call_next(request)
        html = response.headers.get("content-type", "").startswith("text/html")
        if html and (raw or request.state.session_changed):
            # per-visitor pages (names, form tokens): never kept by a shared cache
            response.headers["Cache-Control"] = "private, no-cache"
            response.headers.append("Vary", "Cookie")
        if request.state.session_changed:
            secure = request.url.scheme == "https" or settings.secure_cookies
            if request.state.session:
                response.set_cookie(
                    COOKIE,
                    signer.dumps(request.state.session),
                    max_age=max_age,
                    httponly=True,
                    samesite="lax",
                    secure=secure,
                    path="/",
                )
            else:
                response.delete_cookie(
                    COOKIE, httponly=True, samesite="lax", secure=secure, path="/"
                )
        return response


def session(request: Request) -> dict[str, Any]:
    return request.state.session


def csrf_token(request: Request) -> str:
    """The session's CSRF token, made when the session has none yet."""
    sess = session(request)
    if not sess.get("c"):
        sess["c"] = secrets.token_urlsafe(24)
        request.state.session_changed = True
    return sess["c"]


def csrf_field(request: Request) -> Markup:
    return Markup('<input type="hidden" name="{}" value="{}">').format(
        CSRF_FIELD, escape(csrf_token(request))
    )


async def check_csrf(request: Request) -> None:
    """Router dependency: every POST needs the session's token in its form (else 403), and
    a browser-sent Origin must be this site's."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    origin = request.headers.get("origin")
    if origin and origin != "null" and origin != _own_origin(request):
        raise PageError(403, "cross-site form submission refused")
    expected = session(request).get("c")
    try:
        form = await request.form()
    except Exception as exc:  # noqa: BLE001 - an unreadable body is a refused form
        raise PageError(400, "unreadable form") from exc
    given = form.get(CSRF_FIELD)
    if not expected or not isinstance(given, str) or not hmac.compare_digest(given, expected):
        raise PageError(403, "missing or stale form token; reload the page and try again")


def _own_origin(request: Request) -> str:
    return f"{request.url.scheme}://{request.headers.get('host', request.url.netloc)}"


def sign_in(request: Request, user: User) -> None:
    """A fresh session (new CSRF token) for ``user``."""
    request.state.session = {"u": user.id, "c": secrets.token_urlsafe(24)}
    request.state.session_changed = True
    request.state.user = user
    request.state.user_loaded = True


def sign_out(request: Request) -> None:
    request.state.session = {}
    request.state.session_changed = True
    request.state.user = None
    request.state.user_loaded = True


def current_user(request: Request) -> User | None:
    """The signed-in user (loaded once per request), or None. Call from sync code."""
    if getattr(request.state, "user_loaded", False):
        return request.state.user
    uid = getattr(request.state, "session", {}).get("u")
    user = request.app.state.store.get_user(int(uid)) if isinstance(uid, int) else None
    if user is not None and user.banned:
        user = None
    request.state.user = user
    request.state.user_loaded = True
    return user


def require_user(request: Request) -> User:
    user = current_user(request)
    if user is None:
        raise PageError(401, "sign in first")
    return user


def require_moderator(request: Request) -> User:
    user = require_user(request)
    if not is_moderator(user):
        raise PageError(403, "moderators only")
    return user


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _token_serializer(key: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(key, salt="api-token")


def _password_stamp(user: User) -> str:
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


def api_token(key: str, user: User) -> str:
    """A bearer token for the JSON API, valid while the key and the password hash stay."""
    return _token_serializer(key).dumps({"u": user.id, "p": _password_stamp(user)})


def token_user(request: Request) -> User | None:
    """The user of the request's ``Authorization: Bearer`` token, or None."""
    scheme, _, raw = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not raw.strip():
        return None
    app = request.app.state
    try:
        data = _token_serializer(secret_key(app.settings, app.store)).loads(raw.strip())
    except BadSignature:
        return None
    uid = data.get("u") if isinstance(data, dict) else None
    user = app.store.get_user(uid) if isinstance(uid, int) else None
    if user is None or user.banned or data.get("p") != _password_stamp(user):
        return None
    return user

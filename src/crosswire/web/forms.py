"""What the community routes share: rendering a form page, redirects, rate limits."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Path, Request
from fastapi.responses import RedirectResponse, Response

from crosswire.settings import Settings
from crosswire.web.deps import MAX_ID, TEMPLATES
from crosswire.web.ratelimit import Limit, RateLimiter
from crosswire.web.security import client_address, csrf_field, current_user

# a path id; ids past 64 bits are a 422, never a database error
Id = Annotated[int, Path(ge=1, le=MAX_ID)]


def render(request: Request, template: str, status: int = 200, **context: Any) -> Response:
    return TEMPLATES.TemplateResponse(request, template, context, status_code=status)


def see_other(url: str) -> RedirectResponse:
    """The answer to a successful form POST (303: the browser follows with a GET)."""
    return RedirectResponse(url, status_code=303)


def local_path(target: str | None, default: str = "/") -> str:
    """``target`` when it is a path on this site; never another site (no open redirects)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    return target


def rate_limit(request: Request, action: str, *, user_key: str | None = None) -> None:
    """Count one ``action`` for the client address and the user (429 past the limit)."""
    settings: Settings = request.app.state.settings
    limiter: RateLimiter = request.app.state.rate_limiter
    limit = Limit.parse(getattr(settings, f"{action}_rate"))
    limiter.check(action, limit, "ip:" + client_address(request), user_key and "user:" + user_key)


def flash(request: Request, message: str) -> None:
    """A one-line notice shown on the next page the session opens."""
    request.state.session["f"] = message
    request.state.session_changed = True


def take_flash(request: Request) -> str | None:
    message = request.state.session.pop("f", None)
    if message is not None:
        request.state.session_changed = True
    return message


def install_template_helpers() -> None:
    TEMPLATES.env.globals.update(
        csrf_field=csrf_field, current_user=current_user, take_flash=take_flash
    )

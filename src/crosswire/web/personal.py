"""What the reading pages, the API and the feeds need to respect a reader's own settings:
who is reading (a session or an API token) and which stories it muted."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from crosswire.models import User
from crosswire.readers.mutes import Mutes
from crosswire.readers.news import reader_mutes
from crosswire.web.deps import Filters, State, front_page
from crosswire.web.security import current_user, token_user

MORE_PAGES = 5  # pages read past a page of muted stories before giving up on filling it


def viewer(request: Request) -> User | None:
    """The signed-in reader (session cookie, or an API bearer token), or None."""
    user = current_user(request)
    if user is None and request.headers.get("authorization"):
        user = token_user(request)
    return user


def viewer_mutes(request: Request) -> Mutes:
    """The reader's mutes (read once per request); none for anonymous readers."""
    cached = getattr(request.state, "reader_mutes", None)
    if cached is None:
        user = viewer(request)
        cached = reader_mutes(request.app.state.store, user.id if user else None)
        request.state.reader_mutes = cached
    return cached


def hide_muted(request: Request, cards: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Story cards less those the reader muted."""
    mutes = viewer_mutes(request)
    return [c for c in cards if not mutes.hides_card(c)] if mutes else cards


def hide_muted_articles(request: Request, views: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Article views less those of muted outlets or with a muted word in their title."""
    mutes = viewer_mutes(request)
    if not mutes:
        return views
    return [v for v in views if not mutes.hides(v.get("title"), None, [v.get("source") or ""])]


def unmuted_front_page(
    request: Request,
    st: State,
    cursor: str | None,
    chosen: Filters,
    size: int | None = None,
    one_per_topic: bool = False,
) -> tuple[list[dict[str, Any]], str | None, Any]:
    """``front_page`` without the reader's muted stories: pages past muted stories are
    read until the page is full (at most ``MORE_PAGES`` more). Also returns a key of the
    mutes for caches of the rendered page (None: no mutes, the page everyone sees)."""
    items, more = front_page(st, cursor, chosen, size, one_per_topic)
    mutes = viewer_mutes(request)
    if not mutes:
        return items, more, None
    wanted = size or st.settings.page_size
    kept = [c for c in items if not mutes.hides_card(c)]
    for _ in range(MORE_PAGES):
        if len(kept) >= wanted or not more:
            break
        items, more = front_page(st, more, chosen, size, one_per_topic)
        kept += [c for c in items if not mutes.hides_card(c)]
    return kept, more, mutes.key

"""A reader's own news: ``/following`` (follows with what is new since the reader last
looked, mutes), ``/my`` (the stories of every follow), each follow's page and its private
Atom feed (``/following/feed/TOKEN.atom``: the secret is the address, so it is revocable)."""

from __future__ import annotations

import re
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Form, HTTPException, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup, escape

from crosswire.models import User, utcnow
from crosswire.readers.follows import KIND_LABELS, KINDS, Follow, FollowError, new_feed_token
from crosswire.readers.mutes import MUTE_KINDS, content_filters, normalise_mute
from crosswire.readers.news import follow_stories, make_follow, new_counts, reader_mutes
from crosswire.store.readers import readers_of
from crosswire.web import xmlfeed
from crosswire.web.deps import (
    MAX_ID,
    TEMPLATES,
    base_url,
    cards_by_ids,
    reader_pieces,
    sources,
    state,
)
from crosswire.web.forms import Id, flash, local_path, render, see_other
from crosswire.web.personal import viewer_mutes
from crosswire.web.security import PageError, check_csrf, csrf_field, current_user
from crosswire.web.views import story_cards

router = APIRouter(include_in_schema=False, dependencies=[Depends(check_csrf)])
ATOM_TYPE = "application/atom+xml; charset=utf-8"
PAGE = 30
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
FEED_ENTRIES = 50


def _reader(request: Request) -> User:
    user = current_user(request)
    if user is None:
        raise PageError(401, "sign in to follow stories, outlets, places and searches")
    return user


def _own_follow(request: Request, user: User, follow_id: int) -> Follow:
    follow = readers_of(state(request).store).get_follow(follow_id)
    if follow is None or follow.user_id != user.id:
        raise PageError(404, "you follow nothing with this number")
    return follow


def follow_href(follow: Follow) -> str:
    """Where the followed thing lives on the site."""
    if follow.kind == "story":
        return f"/stories/{follow.target}"
    if follow.kind == "topic":
        return f"/?topic={follow.target}"
    if follow.kind == "outlet":
        return "/sources/" + quote(follow.target, safe="")
    if follow.kind == "place":
        return "/?" + urlencode({"place": follow.target})
    return "/?" + urlencode({"q": follow.target})


def feed_path(follow: Follow) -> str | None:
    return f"/following/feed/{follow.feed_token}.atom" if follow.feed_token else None


@router.get("/following", response_class=HTMLResponse)
def following(request: Request) -> Response:
    user = current_user(request)
    if user is None:
        return RedirectResponse("/login?next=/following", status_code=303)
    store = state(request).store
    follows = readers_of(store).list_follows(user.id or 0)
    mutes = viewer_mutes(request)
    counts = new_counts(store, follows, mutes)
    filters = content_filters()
    rows = [
        {
            "id": f.id,
            "kind": f.kind,
            "kind_label": KIND_LABELS[f.kind],
            "label": f.label or f.target,
            "href": follow_href(f),
            "new": counts.get(f.id or 0, 0),
            "feed": feed_path(f),
        }
        for f in follows
    ]
    muted = [
        {
            "kind": kind,
            "value": value,
            "shown": filters[value].label if kind == "filter" and value in filters else value,
        }
        for kind, value in readers_of(store).list_mutes(user.id or 0)
    ]
    return render(
        request,
        "following.html",
        follows=rows,
        mutes=muted,
        filters=[(f.id, f.label) for f in filters.values()],
        kinds=[(k, KIND_LABELS[k]) for k in KINDS],
        base=base_url(request),
        email=readers_of(store).reader_settings(user.id or 0)
        if state(request).settings.smtp_host
        else None,
    )


@router.post("/following/email")
def daily_email(
    request: Request, email: Annotated[str, Form()] = "", daily: Annotated[str, Form()] = ""
) -> Response:
    """The reader's address and whether it wants a daily email of what it follows."""
    user = _reader(request)
    address = email.strip()
    if address and (len(address) > 254 or not EMAIL.match(address)):
        raise PageError(400, f"not an email address: {address[:80]!r}")
    wanted = bool(daily) and bool(address)
    readers_of(state(request).store).set_reader_email(user.id or 0, address, wanted)
    flash(request, "A daily email will come." if wanted else "No daily email.")
    return see_other("/following")


@router.post("/following")
def follow(
    request: Request,
    kind: Annotated[str, Form()] = "",
    target: Annotated[str, Form()] = "",
    label: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/following",  # noqa: A002
) -> Response:
    user = _reader(request)
    try:
        made = make_follow(state(request).store, user.id or 0, kind, target, label)
    except FollowError as exc:
        raise PageError(400, str(exc)) from exc
    flash(request, f"Following {made.label}.")
    return see_other(local_path(next, "/following"))


@router.post("/following/seen")
def all_seen(request: Request) -> Response:
    user = _reader(request)
    readers = readers_of(state(request).store)
    readers.mark_follows_seen([f.id or 0 for f in readers.list_follows(user.id or 0)], utcnow())
    return see_other("/following")


@router.post("/following/{follow_id}/delete")
def unfollow(
    request: Request,
    follow_id: Id,
    next: Annotated[str, Form()] = "/following",  # noqa: A002
) -> Response:
    user = _reader(request)
    follow = _own_follow(request, user, follow_id)
    readers_of(state(request).store).delete_follow(follow_id)
    flash(request, f"No longer following {follow.label}.")
    return see_other(local_path(next, "/following"))


@router.post("/following/{follow_id}/feed")
def private_feed(
    request: Request, follow_id: Id, action: Annotated[str, Form()] = "new"
) -> Response:
    """``new``: a (new) secret address for the follow's feed, the old one stops working;
    ``off``: no feed."""
    user = _reader(request)
    _own_follow(request, user, follow_id)
    if action not in ("new", "off"):
        raise PageError(400, "unknown action: new or off")
    token = new_feed_token() if action == "new" else None
    readers_of(state(request).store).set_follow_token(follow_id, token)
    flash(request, "The feed has a new private address." if token else "The feed is off.")
    return see_other("/following")


@router.get("/following/{follow_id}", response_class=HTMLResponse)
def follow_page(request: Request, follow_id: Id, cursor: str | None = None) -> Response:
    """A follow's stories, newest first; opening it counts as looking at it."""
    user = _reader(request)
    follow = _own_follow(request, user, follow_id)
    st = state(request)
    store = st.store
    before = _story_cursor(cursor)
    kept = reader_pieces(st)
    ids = follow_stories(
        store, [follow], viewer_mutes(request), limit=PAGE, before=before, kept=kept
    )
    cards = cards_by_ids(st, ids, kept)
    if before is None:
        readers_of(store).mark_follows_seen([follow_id], utcnow())
    return render(
        request,
        "follow_stories.html",
        title=follow.label,
        kind_label=KIND_LABELS[follow.kind],
        href=follow_href(follow),
        stories=cards,
        more=f"/following/{follow_id}?cursor={ids[-1]}" if len(ids) == PAGE else None,
    )


@router.get("/my", response_class=HTMLResponse)
def my_news(request: Request, cursor: str | None = None) -> Response:
    """The reader's own front page: the stories of everything it follows, newest first."""
    user = current_user(request)
    if user is None:
        return RedirectResponse("/login?next=/my", status_code=303)
    st = state(request)
    follows = readers_of(st.store).list_follows(user.id or 0)
    before = _story_cursor(cursor)
    kept = reader_pieces(st)
    ids = follow_stories(
        st.store, follows, viewer_mutes(request), limit=PAGE, before=before, kept=kept
    )
    cards = cards_by_ids(st, ids, kept)
    return render(
        request,
        "follow_stories.html",
        title="Your news",
        kind_label=None,
        href=None,
        stories=cards,
        follows=len(follows),
        more=f"/my?cursor={ids[-1]}" if len(ids) == PAGE else None,
    )


def _story_cursor(raw: str | None) -> int | None:
    if not raw:
        return None
    if not raw.isdigit() or not 0 < int(raw) <= MAX_ID:
        raise HTTPException(400, "bad cursor")
    return int(raw)


@router.get("/following/feed/{token}.atom")
def follow_atom(
    request: Request, token: Annotated[str, Path(max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]
) -> Response:
    """A follow's private feed: its stories, newest first, less its owner's mutes."""
    store = state(request).store
    readers = readers_of(store)
    follow = readers.follow_by_token(token)
    if follow is None:
        raise HTTPException(404, "no such feed (its address may have been renewed)")

    mutes = reader_mutes(store, follow.user_id)
    ids = follow_stories(store, [follow], mutes, limit=FEED_ENTRIES)
    base = base_url(request)
    cards = story_cards(store, readers.stories_by_ids(ids), sources(store))
    entries = [xmlfeed.story_entry(base, c) for c in cards]
    feed = xmlfeed.Feed(
        id=f"{base}/following/feed/{follow.id}",
        title=f"crosswire: {follow.label}",
        self_url=f"{base}/following/feed/{token}.atom",
        page_url=base + follow_href(follow),
        entries=entries,
        subtitle=f"Stories you follow ({KIND_LABELS[follow.kind].lower()})",
    )
    return Response(
        xmlfeed.atom(feed),
        media_type=ATOM_TYPE,
        headers={"Cache-Control": "private, max-age=60", "Referrer-Policy": "no-referrer"},
    )


@router.post("/mutes")
def mute(
    request: Request,
    kind: Annotated[str, Form()] = "",
    value: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/following",  # noqa: A002
) -> Response:
    user = _reader(request)
    if kind not in MUTE_KINDS:
        raise PageError(400, f"cannot mute a {kind!r}: one of {', '.join(MUTE_KINDS)}")
    try:
        stored = normalise_mute(kind, value)
    except FollowError as exc:
        raise PageError(400, str(exc)) from exc
    readers_of(state(request).store).add_mute(user.id or 0, kind, stored)
    flash(request, f"Muted {stored}: its stories are hidden from you.")
    return see_other(local_path(next, "/following"))


@router.post("/mutes/delete")
def unmute(
    request: Request,
    kind: Annotated[str, Form()] = "",
    value: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/following",  # noqa: A002
) -> Response:
    user = _reader(request)
    readers_of(state(request).store).remove_mute(user.id or 0, kind, value)
    flash(request, f"{value} is no longer muted.")
    return see_other(local_path(next, "/following"))


def follow_form(request: Request, kind: str, target: Any, label: str = "") -> Markup:
    """A follow (or unfollow) button for pages: the story, the outlet, a place."""
    user = current_user(request)
    noun = {"story": "story", "topic": "developing story", "outlet": "outlet"}.get(kind, kind)
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    if user is None:
        link = "/login?" + urlencode({"next": here})
        return Markup('<a class="follow" href="{}">Sign in to follow this {}</a>').format(
            link, noun
        )
    mine = getattr(request.state, "my_follows", None)
    if mine is None:
        follows = readers_of(state(request).store).list_follows(user.id or 0)
        mine = request.state.my_follows = {(f.kind, f.target): f for f in follows}
    found = mine.get((kind, str(target)))
    token = csrf_field(request)
    if found is not None:
        return Markup(
            '<form class="inline follow" method="post" action="/following/{}/delete">{}'
            '<input type="hidden" name="next" value="{}">'
            '<button type="submit">Unfollow this {}</button></form>'
        ).format(found.id, token, here, noun)
    return Markup(
        '<form class="inline follow" method="post" action="/following">{}'
        '<input type="hidden" name="kind" value="{}"><input type="hidden" name="target" '
        'value="{}"><input type="hidden" name="label" value="{}">'
        '<input type="hidden" name="next" value="{}">'
        '<button type="submit">Follow this {}</button></form>'
    ).format(token, kind, escape(str(target)), label, here, noun)


def mute_form(request: Request, domain: str) -> Markup:
    """A mute button for an outlet's page."""
    if current_user(request) is None:
        return Markup("")
    here = request.url.path
    return Markup(
        '<form class="inline mute" method="post" action="/mutes">{}'
        '<input type="hidden" name="kind" value="outlet"><input type="hidden" name="value" '
        'value="{}"><input type="hidden" name="next" value="{}">'
        '<button type="submit">Mute this outlet</button></form>'
    ).format(csrf_field(request), domain, here)


TEMPLATES.env.globals.update(follow_form=follow_form, mute_form=mute_form)

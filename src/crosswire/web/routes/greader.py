"""The Google Reader API subset that FreshRSS and Miniflux implement, for the feed reader
apps that speak it (NetNewsWire, Reeder, Read You, FeedMe …): ClientLogin, token,
user-info, subscription/list, tag/list, unread-count, stream/contents, stream/items/ids,
stream/items/contents, edit-tag (read, starred) and mark-all-as-read.

Served at the site's root (Miniflux style: ``/accounts/ClientLogin``, ``/reader/api/0/…``)
and under ``/api/greader.php`` (FreshRSS style). A reader's follows are the subscriptions;
stories are the items, their digest the content; read and starred are kept per reader.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from itsdangerous import BadSignature, URLSafeSerializer
from starlette.concurrency import run_in_threadpool

from crosswire.accounts import authenticate
from crosswire.models import Follow, User
from crosswire.readers import greader as gr
from crosswire.readers.follows import KIND_LABELS
from crosswire.readers.news import visible
from crosswire.store.readers import readers_of
from crosswire.web.deps import base_url, sources
from crosswire.web.forms import rate_limit
from crosswire.web.routes.following import follow_href
from crosswire.web.routes.greader_streams import (
    MAX_ITEMS,
    Stream,
    continuation_of,
    first,
    number,
    page_size,
    request_params,
    state_filter,
)
from crosswire.web.security import secret_key

routers = [APIRouter(prefix=p, include_in_schema=False) for p in ("", "/api/greader.php")]


def route(path: str, methods: tuple[str, ...] = ("GET",)) -> Callable:
    def register(fn: Callable) -> Callable:
        for r in routers:
            r.add_api_route(path, fn, methods=list(methods))
        return fn

    return register


# authentication --------------------------------------------------------------------------
def _signer(request: Request) -> URLSafeSerializer:
    app = request.app.state
    return URLSafeSerializer(secret_key(app.settings, app.store), salt="greader")


def _stamp(user: User) -> str:
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


def _auth_token(request: Request, user: User) -> str:
    """The ``Auth`` of ClientLogin: valid while the password (and the site key) stay."""
    return _signer(request).dumps({"u": user.id, "p": _stamp(user)})


def _edit_token(request: Request, user: User) -> str:
    """The ``T`` of the edit calls, tied to the reader and its password."""
    key = secret_key(request.app.state.settings, request.app.state.store).encode()
    return hmac.new(key, f"T{user.id}:{_stamp(user)}".encode(), "sha256").hexdigest()[:57]


def _reader(request: Request) -> User:
    scheme, _, rest = request.headers.get("authorization", "").partition(" ")
    raw = rest.strip()
    if scheme.lower() == "googlelogin" and raw.lower().startswith("auth="):
        raw = raw[5:]
    elif scheme.lower() != "bearer":
        raw = ""
    user = None
    if raw:
        try:
            data = _signer(request).loads(raw)
        except BadSignature:
            data = None
        uid = data.get("u") if isinstance(data, dict) else None
        user = request.app.state.store.get_user(uid) if isinstance(uid, int) else None
        if user is not None and (user.banned or data.get("p") != _stamp(user)):
            user = None
    if user is None:
        raise HTTPException(401, "Unauthorized", headers={"WWW-Authenticate": "GoogleLogin"})
    return user


def _check_edit_token(request: Request, user: User, params: dict[str, list[str]]) -> None:
    given = first(params, "T")
    if given and not hmac.compare_digest(given, _edit_token(request, user)):
        raise HTTPException(401, "Unauthorized", headers={"X-Reader-Google-Bad-Token": "true"})


@route("/accounts/ClientLogin", ("GET", "POST"))
async def client_login(request: Request) -> Response:
    params = await request_params(request)
    name, password = first(params, "Email").strip(), first(params, "Passwd")

    def login() -> User | None:
        rate_limit(request, "login", user_key=name.lower() or None)
        return authenticate(request.app.state.store, name, password)

    user = await run_in_threadpool(login)
    if user is None:
        return PlainTextResponse("Error=BadAuthentication\n", 401)
    token = _auth_token(request, user)
    if first(params, "output") == "json":
        return JSONResponse({"SID": token, "LSID": token, "Auth": token})
    return PlainTextResponse(f"SID={token}\nLSID={token}\nAuth={token}\n")


@route("/reader/api/0/token")
def edit_token(request: Request) -> Response:
    return PlainTextResponse(_edit_token(request, _reader(request)) + "\n")


@route("/reader/api/0/user-info")
def user_info(request: Request) -> dict[str, Any]:
    user = _reader(request)
    return {
        "userId": str(user.id),
        "userName": user.name,
        "userProfileId": str(user.id),
        "userEmail": "",
    }


# subscriptions and tags ------------------------------------------------------------------
def _subscription(base: str, follow: Follow) -> dict[str, Any]:
    label = KIND_LABELS[follow.kind]
    return {
        "id": f"feed/{follow.id}",
        "title": follow.label or follow.target,
        "categories": [{"id": gr.LABEL + label, "label": label}],
        "url": f"{base}/following/{follow.id}",
        "htmlUrl": base + follow_href(follow),
        "iconUrl": "",
    }


@route("/reader/api/0/subscription/list")
def subscription_list(request: Request) -> dict[str, Any]:
    user = _reader(request)
    base = base_url(request)
    follows = readers_of(request.app.state.store).list_follows(user.id or 0)
    return {"subscriptions": [_subscription(base, f) for f in follows]}


@route("/reader/api/0/tag/list")
def tag_list(request: Request) -> dict[str, Any]:
    user = _reader(request)
    follows = readers_of(request.app.state.store).list_follows(user.id or 0)
    kinds = [k for k in KIND_LABELS if any(f.kind == k for f in follows)]
    return {
        "tags": [
            {"id": gr.STARRED},
            *({"id": gr.label_of(k), "type": "folder"} for k in kinds),
        ]
    }


# streams -----------------------------------------------------------------------------


def _items(request: Request, stream: Stream, story_ids: list[int]) -> list[dict[str, Any]]:
    """The items of these stories, in this order."""
    store = stream.store
    base = base_url(request)
    table = sources(store)
    states = stream.readers.story_states(stream.user.id or 0, story_ids)
    origins = stream.origins(story_ids, base)
    outlets = store.story_outlets(story_ids)
    items = []
    for sid in story_ids:
        story = store.get_story(sid)
        if story is None or story.id != sid:
            continue
        names = {}
        for row in outlets.get(sid, []):
            domain = row["source"]
            if domain and domain not in names:
                names[domain] = table[domain].name if domain in table else domain
        read, starred = states.get(sid, (False, False))
        origin = origins.get(sid)
        kind = next(
            (f.kind for f in stream.all_follows if origin and f"feed/{f.id}" == origin.stream_id),
            None,
        )
        items.append(
            gr.item_json(
                story,
                base=base,
                source=origin,
                read=read,
                starred=starred,
                outlets=names,
                labels=[gr.label_of(kind)] if kind else [],
            )
        )
    return items


async def _stream_call(
    request: Request, stream_id: str | None, answer: Callable[..., dict[str, Any]]
) -> Response:
    params = await request_params(request)

    def run() -> dict[str, Any]:
        user = _reader(request)
        try:
            stream = Stream(request, user, stream_id or first(params, "s", gr.READING_LIST))
        except gr.StreamError as exc:
            raise HTTPException(400, str(exc)) from exc
        return answer(stream, params)

    return JSONResponse(await run_in_threadpool(run))


@route("/reader/api/0/stream/contents", ("GET", "POST"))
async def stream_contents_by_param(request: Request) -> Response:
    return await _stream_call(request, None, lambda s, p: _contents(request, s, p))


@route("/reader/api/0/stream/contents/{stream_id:path}", ("GET", "POST"))
async def stream_contents(request: Request, stream_id: str) -> Response:
    return await _stream_call(request, stream_id, lambda s, p: _contents(request, s, p))


def _contents(request: Request, stream: Stream, params: dict[str, list[str]]) -> dict[str, Any]:
    ids, more = stream.walk(
        page_size(params),
        continuation_of(params),
        first(params, "r") == "o",
        state_filter(stream, params),
    )
    follow = stream.follows[0] if stream.id.startswith("feed/") else None
    out: dict[str, Any] = {
        "id": stream.id,
        "title": follow.label if follow else stream.id.rsplit("/", 1)[-1],
        "updated": 0,
        "items": _items(request, stream, ids),
    }
    out["updated"] = max((i["updated"] for i in out["items"]), default=0)
    if more is not None:
        out["continuation"] = str(more)
    return out


@route("/reader/api/0/stream/items/ids", ("GET", "POST"))
async def stream_item_ids(request: Request) -> Response:
    def answer(stream: Stream, params: dict[str, list[str]]) -> dict[str, Any]:
        ids, more = stream.walk(
            page_size(params, MAX_ITEMS),
            continuation_of(params),
            first(params, "r") == "o",
            state_filter(stream, params),
        )
        heads = stream.readers.story_heads(ids)
        refs = [
            {
                "id": str(i),
                "directStreamIds": [],
                "timestampUsec": str(gr.usec(heads[i]["created_at"])) if i in heads else "0",
            }
            for i in ids
        ]
        out: dict[str, Any] = {"itemRefs": refs}
        if more is not None:
            out["continuation"] = str(more)
        return out

    return await _stream_call(request, None, answer)


@route("/reader/api/0/stream/items/contents", ("GET", "POST"))
async def stream_item_contents(request: Request) -> Response:
    def answer(stream: Stream, params: dict[str, list[str]]) -> dict[str, Any]:
        try:
            ids = list(dict.fromkeys(gr.parse_item_id(i) for i in params.get("i", [])))
        except gr.StreamError as exc:
            raise HTTPException(400, str(exc)) from exc
        shown = set(visible(stream.store, ids[:MAX_ITEMS], stream.mutes))  # less muted ones
        return {
            "id": gr.READING_LIST,
            "updated": 0,
            "items": _items(request, stream, [i for i in ids if i in shown]),
        }

    return await _stream_call(request, gr.READING_LIST, answer)


@route("/reader/api/0/unread-count")
async def unread_count(request: Request) -> Response:
    def answer(stream: Stream, params: dict[str, list[str]]) -> dict[str, Any]:
        counts = []
        union: dict[int, None] = {}
        by_label: dict[str, dict[int, None]] = {}
        for follow in stream.all_follows:
            sub = Stream(request, stream.user, f"feed/{follow.id}")
            ids, _ = sub.walk(MAX_ITEMS, None, False, state_filter(sub, {"xt": [gr.READ]}))
            if not ids:
                continue
            counts.append(_unread(f"feed/{follow.id}", ids, stream))
            union.update(dict.fromkeys(ids))
            by_label.setdefault(gr.label_of(follow.kind), {}).update(dict.fromkeys(ids))
        for label, held in by_label.items():
            counts.append(_unread(label, list(held), stream))
        if union:
            counts.append(_unread(gr.READING_LIST, list(union), stream))
        return {"max": MAX_ITEMS, "unreadcounts": counts}

    return await _stream_call(request, gr.READING_LIST, answer)


def _unread(stream_id: str, ids: list[int], stream: Stream) -> dict[str, Any]:
    newest = max(ids)
    head = stream.readers.story_heads([newest]).get(newest, {})
    return {
        "id": stream_id,
        "count": len(ids),
        "newestItemTimestampUsec": str(gr.usec(head.get("created_at"))),
    }


# edits -------------------------------------------------------------------------------
@route("/reader/api/0/edit-tag", ("POST",))
async def edit_tag(request: Request) -> Response:
    params = await request_params(request)

    def run() -> None:
        user = _reader(request)
        _check_edit_token(request, user, params)
        try:
            ids = [gr.parse_item_id(i) for i in params.get("i", [])]
        except gr.StreamError as exc:
            raise HTTPException(400, str(exc)) from exc
        readers = readers_of(request.app.state.store)
        for tags, on in ((params.get("a", []), True), (params.get("r", []), False)):
            for tag in {gr.plain_stream(t) for t in tags}:
                if tag == gr.READ:
                    readers.set_story_states(user.id or 0, ids, read=on)
                elif tag == gr.KEPT_UNREAD:
                    readers.set_story_states(user.id or 0, ids, read=not on)
                elif tag == gr.STARRED:
                    readers.set_story_states(user.id or 0, ids, starred=on)

    await run_in_threadpool(run)
    return PlainTextResponse("OK")


@route("/reader/api/0/mark-all-as-read", ("POST",))
async def mark_all_as_read(request: Request) -> Response:
    params = await request_params(request)

    def run() -> None:
        user = _reader(request)
        _check_edit_token(request, user, params)
        try:
            stream = Stream(request, user, first(params, "s", gr.READING_LIST))
        except gr.StreamError as exc:
            raise HTTPException(400, str(exc)) from exc
        ts = number(first(params, "ts"))
        older = {"xt": [gr.READ]}
        if ts is not None:  # microseconds: items up to then
            older["nt"] = [str(ts // 1_000_000 + 1)]
        ids, _ = stream.walk(MAX_ITEMS, None, False, state_filter(stream, older))
        stream.readers.set_story_states(user.id or 0, ids, read=True)

    await run_in_threadpool(run)
    return PlainTextResponse("OK")

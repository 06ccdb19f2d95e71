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
from crosswire.models import User
from crosswire.readers import greader as gr
from crosswire.readers.follows import KIND_LABELS, Follow
from crosswire.readers.news import follow_stories, reader_mutes, visible
from crosswire.store.readers import readers_of
from crosswire.web.deps import base_url, sources
from crosswire.web.forms import rate_limit
from crosswire.web.routes.following import follow_href
from crosswire.web.security import secret_key

MAX_ITEMS = 1000  # the most items one answer (or one unread count) covers
BATCH = 200  # stories read per round while skipping read ones
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


async def _params(request: Request) -> dict[str, list[str]]:
    """Query and form values, each name with all its values (``i=…&i=…``)."""
    out: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        out.setdefault(key, []).append(value)
    if request.method == "POST":
        form = await request.form()
        for key, value in form.multi_items():
            if isinstance(value, str):
                out.setdefault(key, []).append(value)
    return out


def _one(params: dict[str, list[str]], key: str, default: str = "") -> str:
    values = params.get(key)
    return values[0] if values else default


def _check_edit_token(request: Request, user: User, params: dict[str, list[str]]) -> None:
    given = _one(params, "T")
    if given and not hmac.compare_digest(given, _edit_token(request, user)):
        raise HTTPException(401, "Unauthorized", headers={"X-Reader-Google-Bad-Token": "true"})


@route("/accounts/ClientLogin", ("GET", "POST"))
async def client_login(request: Request) -> Response:
    params = await _params(request)
    name, password = _one(params, "Email").strip(), _one(params, "Passwd")

    def login() -> User | None:
        rate_limit(request, "login", user_key=name.lower() or None)
        return authenticate(request.app.state.store, name, password)

    user = await run_in_threadpool(login)
    if user is None:
        return PlainTextResponse("Error=BadAuthentication\n", 401)
    token = _auth_token(request, user)
    if _one(params, "output") == "json":
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
class Stream:
    """One stream of one reader: which stories it holds, page by page."""

    def __init__(self, request: Request, user: User, stream_id: str) -> None:
        self.store = request.app.state.store
        self.readers = readers_of(self.store)
        self.user = user
        self.id = gr.plain_stream(stream_id)
        self.mutes = reader_mutes(self.store, user.id)
        self.all_follows = self.readers.list_follows(user.id or 0)
        self.starred_only = self.id == gr.STARRED
        if self.id in (gr.READING_LIST, gr.STARRED):
            self.follows = self.all_follows
        elif self.id.startswith("feed/"):
            wanted = gr.follow_id_of(self.id)
            self.follows = [f for f in self.all_follows if f.id == wanted]
            if not self.follows:
                raise gr.StreamError(f"no such subscription: {self.id}")
        elif self.id.startswith(gr.LABEL):
            kind = gr.kind_of_label(self.id)
            self.follows = [f for f in self.all_follows if f.kind == kind]
        else:
            raise gr.StreamError(f"unknown stream: {self.id[:80]}")

    def page(self, before: int | None, after: int | None, limit: int) -> list[int]:
        if self.starred_only:
            return self.readers.starred_story_ids(
                self.user.id or 0, limit=limit, before=before, after=after
            )
        return follow_stories(
            self.store, self.follows, self.mutes, limit=limit, before=before, after=after
        )

    def walk(
        self,
        n: int,
        continuation: int | None,
        oldest_first: bool,
        keep: Callable[[list[int]], list[int]],
    ) -> tuple[list[int], int | None]:
        """Up to ``n`` story ids that ``keep`` keeps, from the continuation on, and the
        continuation of the next page (None at the end)."""
        out: list[int] = []
        cursor = continuation
        while len(out) < n:
            batch = max(BATCH, n)
            if oldest_first:
                ids = self.page(None, cursor or 0, batch)
            else:
                ids = self.page(cursor, None, batch)
            out += keep(ids)
            if len(ids) < batch:  # the stream ends here
                return out[:n], out[n - 1] if len(out) > n else None
            cursor = ids[-1]
        return out[:n], out[n - 1] if len(out) >= n else None

    def origins(self, story_ids: list[int], base: str) -> dict[int, gr.ItemSource]:
        """The subscription each story is shown under (the first follow that holds it)."""
        out: dict[int, gr.ItemSource] = {}
        wanted = set(story_ids)
        follows = self.follows if not self.starred_only else self.all_follows
        for follow in follows:
            if not wanted - set(out):
                break
            held = set(self.readers.follow_story_ids(follow, limit=MAX_ITEMS)) & wanted
            for sid in held - set(out):
                out[sid] = gr.ItemSource(
                    f"feed/{follow.id}", follow.label or follow.target, base + follow_href(follow)
                )
        return out


def _filters(stream: Stream, params: dict[str, list[str]]) -> Callable[[list[int]], list[int]]:
    """What ``xt`` (exclude a state), ``it`` (include only a state), ``ot`` (the start
    time: items after it) and ``nt`` (the stop time: items before it), in seconds, keep of a
    batch of story ids (as FreshRSS and Miniflux read them)."""
    exclude = {gr.plain_stream(x) for x in params.get("xt", [])}
    include = {gr.plain_stream(x) for x in params.get("it", [])}
    newer = _number(_one(params, "ot"))
    older = _number(_one(params, "nt"))

    def keep(ids: list[int]) -> list[int]:
        if not ids:
            return []
        states = stream.readers.story_states(stream.user.id or 0, ids)
        if older is not None or newer is not None:
            heads = stream.readers.story_heads(ids)
            times = {i: int(gr.usec(h["created_at"]) / 1e6) for i, h in heads.items()}
            ids = [
                i
                for i in ids
                if i in times
                and (older is None or times[i] < older)
                and (newer is None or times[i] > newer)
            ]
        out = []
        for i in ids:
            read, starred = states.get(i, (False, False))
            if gr.READ in exclude and read or gr.STARRED in exclude and starred:
                continue
            if gr.READ in include and not read or gr.STARRED in include and not starred:
                continue
            out.append(i)
        return out

    return keep


def _number(raw: str) -> int | None:
    return int(raw) if raw.strip().lstrip("-").isdigit() else None


def _count(params: dict[str, list[str]], default: int = 20) -> int:
    n = _number(_one(params, "n")) or default
    return max(1, min(n, MAX_ITEMS))


def _continuation(params: dict[str, list[str]]) -> int | None:
    raw = _one(params, "c")
    if not raw:
        return None
    if not raw.isdigit() or not 0 < int(raw) <= gr.MAX_ID:
        raise HTTPException(400, "bad continuation")
    return int(raw)


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
    params = await _params(request)

    def run() -> dict[str, Any]:
        user = _reader(request)
        try:
            stream = Stream(request, user, stream_id or _one(params, "s", gr.READING_LIST))
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
        _count(params), _continuation(params), _one(params, "r") == "o", _filters(stream, params)
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
            _count(params, MAX_ITEMS),
            _continuation(params),
            _one(params, "r") == "o",
            _filters(stream, params),
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
            ids, _ = sub.walk(MAX_ITEMS, None, False, _filters(sub, {"xt": [gr.READ]}))
            if not ids:
                continue
            counts.append(_unread(f"feed/{follow.id}", ids, stream))
            union.update(dict.fromkeys(ids))
            by_label.setdefault(gr.label_of(follow.kind), {}).update(dict.fromkeys(ids))
        for label, ids in by_label.items():
            counts.append(_unread(label, list(ids), stream))
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
    params = await _params(request)

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
    params = await _params(request)

    def run() -> None:
        user = _reader(request)
        _check_edit_token(request, user, params)
        try:
            stream = Stream(request, user, _one(params, "s", gr.READING_LIST))
        except gr.StreamError as exc:
            raise HTTPException(400, str(exc)) from exc
        ts = _number(_one(params, "ts"))
        older = {"xt": [gr.READ]}
        if ts is not None:  # microseconds: items up to then
            older["nt"] = [str(ts // 1_000_000 + 1)]
        ids, _ = stream.walk(MAX_ITEMS, None, False, _filters(stream, older))
        stream.readers.set_story_states(user.id or 0, ids, read=True)

    await run_in_threadpool(run)
    return PlainTextResponse("OK")

"""A reader's streams in the Google Reader API (``greader.py`` serves them): the request's
parameters, which stories a stream holds page by page, and what the ``xt``, ``it``, ``ot``
and ``nt`` parameters keep of them."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import HTTPException, Request

from crosswire.models import User
from crosswire.readers import greader as gr
from crosswire.readers.news import follow_stories, reader_mutes
from crosswire.store.readers import readers_of
from crosswire.web.routes.following import follow_href

MAX_ITEMS = 1000  # the most items one answer (or one unread count) covers
BATCH = 200  # stories read per round while skipping read ones


# parameters ------------------------------------------------------------------------------
async def request_params(request: Request) -> dict[str, list[str]]:
    """Query and form values, each name with all its values (``i=…&i=…``)."""
    out: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        out.setdefault(key, []).append(value)
    if request.method == "POST":
        form = await request.form()
        for key, field in form.multi_items():
            if isinstance(field, str):
                out.setdefault(key, []).append(field)
    return out


def first(params: dict[str, list[str]], key: str, default: str = "") -> str:
    values = params.get(key)
    return values[0] if values else default


# streams ---------------------------------------------------------------------------------
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


def state_filter(stream: Stream, params: dict[str, list[str]]) -> Callable[[list[int]], list[int]]:
    """What ``xt`` (exclude a state), ``it`` (include only a state), ``ot`` (the start
    time: items after it) and ``nt`` (the stop time: items before it), in seconds, keep of a
    batch of story ids (as FreshRSS and Miniflux read them)."""
    exclude = {gr.plain_stream(x) for x in params.get("xt", [])}
    include = {gr.plain_stream(x) for x in params.get("it", [])}
    newer = number(first(params, "ot"))
    older = number(first(params, "nt"))

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


def number(raw: str) -> int | None:
    return int(raw) if raw.strip().lstrip("-").isdigit() else None


def page_size(params: dict[str, list[str]], default: int = 20) -> int:
    n = number(first(params, "n")) or default
    return max(1, min(n, MAX_ITEMS))


def continuation_of(params: dict[str, list[str]]) -> int | None:
    raw = first(params, "c")
    if not raw:
        return None
    if not raw.isdigit() or not 0 < int(raw) <= gr.MAX_ID:
        raise HTTPException(400, "bad continuation")
    return int(raw)

"""What routes share: the app state, templates, cursors, filters and the cached source table."""

from __future__ import annotations

import math
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Query, Request
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from crosswire.models import Source, Story
from crosswire.pipeline import Pipeline
from crosswire.settings import Settings
from crosswire.store import Store
from crosswire.store.readers import readers_of
from crosswire.web import charts, dates, schemas
from crosswire.web.views import safe_url as _safe_url
from crosswire.web.views import story_cards

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
TEMPLATES.env.auto_reload = False  # templates change with the package, not while serving
TEMPLATES.env.globals.update(
    timeline_svg=charts.timeline_svg,
    spread_svg=charts.spread_svg,
    leaning_bar=charts.leaning_bar,
    leaning_colour=charts.leaning_colour,
    leaning_order=charts.LEANING_ORDER,
)
TEMPLATES.env.filters["safe_url"] = lambda url: _safe_url(url)
TEMPLATES.env.filters["when"] = dates.readable
TEMPLATES.env.filters["absolute"] = dates.absolute
TEMPLATES.env.globals["reader_timezone"] = "UTC"  # create_app sets the reader's

SOURCES_TTL = 30.0  # seconds the source table is kept in memory
MAX_ID = 2**63 - 1  # ids are 64-bit in both backends
MAX_QUERY = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class State:
    settings: Settings
    store: Store
    pipeline: Pipeline
    scheduler: Any


def state(request: Request) -> State:
    s = request.app.state
    return State(s.settings, s.store, s.pipeline, s.scheduler)


_source_cache: dict[int, tuple[float, dict[str, Source]]] = {}
_source_lock = threading.Lock()


def sources(store: Store) -> dict[str, Source]:
    """The outlets by domain, re-read at most every ``SOURCES_TTL`` seconds."""
    now = time.monotonic()
    cached = _source_cache.get(id(store))
    if cached is not None and cached[0] > now:
        return cached[1]
    with _source_lock:
        table = {s.domain: s for s in store.list_sources()}
        _source_cache[id(store)] = (now + SOURCES_TTL, table)
    return table


def clean_query(text: str | None) -> str:
    """A search query without control characters, trimmed."""
    return _CONTROL.sub(" ", text or "").strip()


@dataclass(frozen=True)
class Filters:
    """The front page's filters: ``?lang=fr&country=FR&q=bridge&place=PE`` (outlets'
    language and country, words, where it happens), and ``?topic=ID`` (the events of one
    developing story)."""

    lang: str | None = None
    country: str | None = None
    q: str | None = None
    topic: int | None = None
    place: str | None = None

    def params(self) -> dict[str, str]:
        chosen = (
            ("lang", self.lang),
            ("country", self.country),
            ("q", self.q),
            ("place", self.place),
        )
        out = {k: v for k, v in chosen if v}
        if self.topic is not None:
            out["topic"] = str(self.topic)
        return out


def filters(
    lang: Annotated[
        str | None,
        Query(max_length=8, pattern=r"^[A-Za-z]{2,3}$", description="ISO 639-1 language code"),
    ] = None,
    country: Annotated[
        str | None,
        Query(max_length=2, pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 country"),
    ] = None,
    q: Annotated[str | None, Query(max_length=MAX_QUERY, description="topic words")] = None,
    topic: Annotated[
        int | None,
        Query(ge=1, le=MAX_ID, description="a developing story: the stories of that theme"),
    ] = None,
    place: Annotated[
        str | None,
        Query(
            max_length=2,
            pattern=r"^[A-Za-z]{2}$",
            description="ISO 3166-1 alpha-2 country where the story happens",
        ),
    ] = None,
) -> Filters:
    return Filters(
        lang=lang.lower() if lang else None,
        country=country.upper() if country else None,
        q=clean_query(q) or None,
        topic=topic,
        place=place.upper() if place else None,
    )


FiltersDep = Annotated[Filters, Depends(filters)]
CursorParam = Annotated[
    str | None,
    Query(max_length=64, description="`next_cursor` of the previous page"),
]
Limit = Annotated[int, Query(ge=1, le=100)]
# the error bodies the JSON API documents
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": schemas.ErrorOut}}
BAD: dict[int | str, dict[str, Any]] = {400: {"model": schemas.ErrorOut}}


def story_cursor(story: Story) -> str:
    return f"{story.hotness!r}_{story.id}"


def parse_cursor(raw: str | None) -> tuple[float, int] | None:
    """``HOTNESS_ID`` as written by :func:`story_cursor`; 400 when it is not one."""
    if not raw:
        return None
    hot, _, ident = raw.rpartition("_")
    try:
        value, number = float(hot), int(ident)
    except ValueError as exc:
        raise HTTPException(400, "bad cursor") from exc
    if not math.isfinite(value) or not 0 < number <= MAX_ID:
        raise HTTPException(400, "bad cursor")
    return value, number


def parse_before_id(raw: str | None) -> int | None:
    """An article-id cursor (source pages); 400 when it is not a positive id."""
    if not raw:
        return None
    if not raw.isdigit() or not 0 < int(raw) <= MAX_ID:
        raise HTTPException(400, "bad cursor")
    return int(raw)


class Expiring:
    """A small in-memory cache whose entries expire ``ttl`` seconds after they were made."""

    def __init__(self, ttl: float, size: int = 512) -> None:
        self.ttl, self.size = ttl, size
        self._items: dict[Any, tuple[float, Any]] = {}

    def get(self, key: Any, make: Callable[[], Any]) -> Any:
        hit = self.find(key)
        if hit is not None:
            return hit
        value = make()
        self.put(key, value)
        return value

    def find(self, key: Any) -> Any:
        """The kept value of ``key``, or None."""
        hit = self._items.get(key)
        return hit[1] if hit is not None and hit[0] > time.monotonic() else None

    def put(self, key: Any, value: Any) -> None:
        if len(self._items) >= self.size:
            self._items.clear()
        self._items[key] = (time.monotonic() + self.ttl, value)


# Story lists are the same for every reader: kept a few seconds, and dropped as soon as a
# story is created or gains articles (``stories_version``); digest rewrites show within ttl.
STORY_LISTS = Expiring(ttl=15.0)


# What readers' own pages share: each followed thing's pages of story ids and each story's
# card, kept like the story lists (the same for every reader, dropped on a new version).
READER_PIECES = Expiring(ttl=15.0, size=20_000)


@dataclass(frozen=True)
class ReaderPieces:
    """``follow_stories``' ``kept``: pieces of readers' pages kept for every reader at this
    version of the stories."""

    base: tuple[Any, ...]

    def find(self, key: tuple[Any, ...]) -> Any:
        return READER_PIECES.find((*self.base, *key))

    def put(self, key: tuple[Any, ...], value: Any) -> None:
        READER_PIECES.put((*self.base, *key), value)


def reader_pieces(st: State) -> ReaderPieces:
    return ReaderPieces(list_key(st, "reader"))


def cards_by_ids(st: State, ids: list[int], kept: ReaderPieces) -> list[dict[str, Any]]:
    """The cards of these live stories in this order, each made once per store version for
    every reader whose page shows it."""
    found = {i: kept.find(("card", i)) for i in ids}
    missing = [i for i, card in found.items() if card is None]
    if missing:
        made = story_cards(
            st.store, readers_of(st.store).stories_by_ids(missing), sources(st.store)
        )
        card_html = TEMPLATES.env.get_template("_story_card.html")
        for card in made:
            card["html"] = Markup(card_html.render(s=card))  # the same for every reader
            kept.put(("card", card["id"]), card)
            found[card["id"]] = card
    return [kept_card for i in ids if (kept_card := found.get(i)) is not None]


def list_key(st: State, *parts: Any) -> tuple[Any, ...]:
    """A cache key for a story list of this store at its current version."""
    return (st.store.url, id(st.store), st.store.stories_version(), *parts)


def front_page(
    st: State,
    cursor: str | None,
    chosen: Filters,
    size: int | None = None,
    one_per_topic: bool = False,
) -> tuple[list[dict[str, Any]], str | None]:
    """One page of ranked story cards and the cursor of the next page (None at the end);
    ``one_per_topic``: only the hottest story of each developing story."""
    size = size or st.settings.page_size
    after = parse_cursor(cursor)
    return STORY_LISTS.get(
        list_key(st, "cards", after, chosen, size, one_per_topic),
        lambda: _front_page(st, after, chosen, size, one_per_topic),
    )


def _front_page(
    st: State, after: tuple[float, int] | None, chosen: Filters, size: int, one_per_topic: bool
) -> tuple[list[dict[str, Any]], str | None]:
    stories = st.store.ranked_stories(
        limit=size,
        after=after,
        language=chosen.lang,
        country=chosen.country,
        query=chosen.q,
        topic=chosen.topic,
        one_per_topic=one_per_topic,
        place=chosen.place,
    )
    cards = story_cards(st.store, stories, sources(st.store))
    more = story_cursor(stories[-1]) if len(stories) == size else None
    return cards, more


def base_url(request: Request) -> str:
    """The site's absolute base URL, without the trailing slash."""
    return str(request.base_url).rstrip("/")

"""Outlets by name: the pages of an outlet's language services (``/sources/bbc.com/mundo``,
the source page and feed of ``bbc.com/mundo``), and the blindspot view (``/blindspot``,
``/blindspot.atom``): stories reported mostly from one side."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, Response

from crosswire.outlets.blindspot import SIDE_WORDS, blindspot_side, describe, side_counts
from crosswire.web import xmlfeed
from crosswire.web.deps import (
    STORY_LISTS,
    TEMPLATES,
    CursorParam,
    State,
    base_url,
    list_key,
    sources,
    state,
)
from crosswire.web.routes.feeds import source_atom
from crosswire.web.routes.sources import source_page
from crosswire.web.views import story_cards

router = APIRouter(include_in_schema=False)
ATOM_TYPE = "application/atom+xml; charset=utf-8"
SCANNED = 500  # the hottest stories looked at for blindspots
SHOWN = 50


def blindspots(st: State) -> list[dict[str, Any]]:
    """Story cards of the blindspots among the hottest stories, each with its ``side`` and
    its per-side counts in words."""

    def build() -> list[dict[str, Any]]:
        table = sources(st.store)
        stories = st.store.ranked_stories(limit=SCANNED)
        outlets = st.store.story_outlets([s.id for s in stories if s.id is not None])
        chosen = []
        for story in stories:
            domains = [r["source"] for r in outlets.get(story.id or 0, []) if r["source"]]
            counts = side_counts(domains, table)
            side = blindspot_side(counts)
            if side is not None:
                chosen.append((story, side, counts))
            if len(chosen) == SHOWN:
                break
        cards = story_cards(st.store, [s for s, _, _ in chosen], table)
        for card, (_, side, counts) in zip(cards, chosen, strict=True):
            card["side"] = side
            card["side_words"] = SIDE_WORDS[side]
            card["counts"] = counts
            card["counts_words"] = describe(counts)
        return cards

    return STORY_LISTS.get(list_key(st, "blindspot"), build)


# a language service keyed under a path (bbc.com/mundo): after the feeds router's
# /sources/{domain}/feed.atom, which would otherwise be taken for one
Host = Annotated[str, Path(max_length=253, pattern=r"^[A-Za-z0-9._-]+$")]
Service = Annotated[str, Path(max_length=40, pattern=r"^[A-Za-z0-9_-]+$")]


@router.get("/sources/{host}/{service}", response_class=HTMLResponse)
def service_page(
    request: Request, host: Host, service: Service, cursor: CursorParam = None
) -> Response:
    """The page of an outlet's language service (``/sources/bbc.com/mundo``)."""
    return source_page(request, f"{host}/{service}", cursor)


@router.get("/sources/{host}/{service}/feed.atom")
def service_atom(request: Request, host: Host, service: Service) -> Response:
    return source_atom(request, f"{host}/{service}")


@router.get("/blindspot", response_class=HTMLResponse)
def blindspot_page(request: Request) -> Response:
    """Stories reported by at least three rated outlets, mostly from one side."""
    return TEMPLATES.TemplateResponse(
        request, "blindspot.html", {"stories": blindspots(state(request))}
    )


@router.get("/blindspot.atom")
def blindspot_atom(request: Request) -> Response:
    base = base_url(request)
    entries = [
        xmlfeed.story_entry(
            base,
            c,
            summary=f"Reported mostly by {c['side_words']} outlets: {c['counts_words']}. "
            + c["lead"],
            categories=[f"blindspot:{c['side']}"],
        )
        for c in blindspots(state(request))
    ]
    feed = xmlfeed.Feed(
        id=f"{base}/blindspot",
        title="crosswire: blindspots",
        self_url=str(request.url),
        page_url=f"{base}/blindspot",
        entries=entries,
        subtitle="Stories reported mostly from one side of the rated spectrum",
    )
    return Response(xmlfeed.atom(feed), media_type=ATOM_TYPE)

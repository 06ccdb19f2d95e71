"""Outlets by name: what the source page shows of the registry, and the blindspot view
(``/blindspot``, ``/blindspot.atom``): stories reported mostly from one side."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, Response

from crosswire.models import Source
from crosswire.outlets.blindspot import SIDE_WORDS, blindspot_side, describe, side_counts
from crosswire.outlets.display import leaning_key
from crosswire.store import Store
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
from crosswire.web.views import story_cards

router = APIRouter(include_in_schema=False)
ATOM_TYPE = "application/atom+xml; charset=utf-8"
SCANNED = 500  # the hottest stories looked at for blindspots
SHOWN = 50
LABELS = {
    "name": "Name",
    "country": "Country",
    "languages": "Languages",
    "owner": "Owner",
    "typology": "Type",
    "leaning": "Leaning",
}
SOURCE_NAMES = {
    "crosswire": "crosswire's own list",
    "kite-media": "Kagi kite-public media data (MIT)",
    "kite-feeds": "Kagi kite-public feed catalogue (MIT)",
    "cctld": "its country-code domain",
    "page": "its own pages",
    "operator": "this site's operator",
}


def registry_source(store: Store, domain: str) -> Source | None:
    """An outlet the registry knows but no article came from yet, as a ``Source``."""
    outlet = store.get_outlet(domain)
    if outlet is None:
        return None
    return Source(
        domain=outlet.domain,
        name=outlet.name or outlet.domain,
        country=outlet.country,
        language=outlet.language,
        leaning=outlet.leaning,
        owner=outlet.owner,
        typology=outlet.typology,
        provenance="registry",
    )


def outlet_fields(store: Store, source: Source) -> list[dict[str, Any]]:
    """The source page's rows: each field, its value and where the value came from."""
    outlet = store.get_outlet(source.domain)
    provenance = outlet.provenance if outlet else {}
    rows = []
    for field, label in LABELS.items():
        if outlet is not None:
            value: Any = getattr(outlet, field)
            value = ", ".join(value) if isinstance(value, list) else value
        else:
            value = source.language if field == "languages" else getattr(source, field, None)
        if field == "name":
            value = value or source.name
        if field == "leaning" and not value:
            value = leaning_key(source)  # "not rated" for a known outlet, else "unknown"
        origin = provenance.get(field)
        rows.append(
            {
                "field": field,
                "label": label,
                "value": value or "unknown",
                "source": SOURCE_NAMES.get(origin or "", origin) if origin else None,
            }
        )
    return rows


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
    from crosswire.web.routes.pages import source

    return source(request, f"{host}/{service}", cursor)


@router.get("/sources/{host}/{service}/feed.atom")
def service_atom(request: Request, host: Host, service: Service) -> Response:
    from crosswire.web.routes.feeds import source_atom

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

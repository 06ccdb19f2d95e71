"""Outgoing feeds: Atom for the front page."""

from __future__ import annotations

from xml.sax.saxutils import escape

from fastapi import APIRouter, Request
from fastapi.responses import Response

from crosswire.web.deps import state, story_page

router = APIRouter(include_in_schema=False)


@router.get("/feed.atom")
def front_atom(request: Request) -> Response:
    items, _ = story_page(state(request), None)
    entries = "".join(
        f"<entry><id>urn:crosswire:story:{s['id']}</id><title>{escape(s['title'])}</title>"
        f'<updated>{s["updated"]}</updated><link href="/stories/{s["id"]}"/>'
        f"<summary>{escape(s['lead'])}</summary></entry>"
        for s in items
    )
    body = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<id>urn:crosswire:front</id><title>crosswire: latest stories</title>"
        f"<updated>{items[0]['updated'] if items else '1970-01-01T00:00:00+00:00'}</updated>"
        f"{entries}</feed>"
    )
    return Response(body, media_type="application/atom+xml")

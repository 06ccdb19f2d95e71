"""``create_app``: the FastAPI application (pages, JSON API, Atom feed)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from crosswire.models import as_utc
from crosswire.pipeline import Pipeline
from crosswire.settings import Settings
from crosswire.store import Store
from crosswire.web.views import article_view, story_view, unreachable_feeds

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "frame-ancestors 'none'"
)


def _cursor(raw: str | None) -> tuple[datetime, int] | None:
    if not raw:
        return None
    try:
        when, _, ident = raw.rpartition("_")
        parsed = as_utc(when)
        assert parsed is not None
        return parsed, int(ident)
    except (ValueError, AssertionError) as exc:
        raise HTTPException(400, "bad cursor") from exc


def create_app(
    settings: Settings, store: Store, pipeline: Pipeline, *, scheduler: Any = None
) -> FastAPI:
    app = FastAPI(title="crosswire", version="0.1.0", docs_url=None, redoc_url=None)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # noqa: ANN001, ANN202
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        return response

    def page(cursor: str | None) -> tuple[list[dict[str, Any]], str | None]:
        stories = store.list_stories(limit=settings.page_size, before=_cursor(cursor))
        items = [story_view(store, s) for s in stories]
        more = None
        if len(stories) == settings.page_size:
            last = stories[-1]
            more = f"{last.updated_at.isoformat()}_{last.id}" if last.updated_at else None
        return items, more

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def front(request: Request, cursor: str | None = None) -> Response:
        items, more = page(cursor)
        return TEMPLATES.TemplateResponse(
            request,
            "front.html",
            {
                "stories": items,
                "more": more,
                "feeds_down": unreachable_feeds(store),
                "feeds": len(store.list_feeds()),
            },
        )

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: int) -> Response:
        story = store.get_story(story_id)
        if story is None:
            raise HTTPException(404, "no such story")
        if story.id != story_id:
            return RedirectResponse(f"/stories/{story.id}", status_code=301)
        return TEMPLATES.TemplateResponse(
            request, "story.html", {"story": story_view(store, story, with_articles=True)}
        )

    @app.get("/api/stories")
    def api_stories(request: Request, cursor: str | None = None) -> dict[str, Any]:
        items, more = page(cursor)
        return {"stories": items, "next_cursor": more}

    @app.get("/api/stories/{story_id}")
    def api_story(story_id: int) -> dict[str, Any]:
        story = store.get_story(story_id)
        if story is None:
            raise HTTPException(404, "no such story")
        return story_view(store, story, with_articles=True)

    @app.get("/api/articles/{article_id}")
    def api_article(article_id: int) -> dict[str, Any]:
        article = store.get_article(article_id)
        if article is None:
            raise HTTPException(404, "no such article")
        return {**article_view(article), "text": article.text, "story_id": article.story_id}

    @app.get("/api/search")
    def api_search(q: str = Query(..., max_length=200)) -> dict[str, Any]:
        return {"articles": [article_view(a) for a in store.search_articles(q)]}

    @app.get("/api/feeds")
    def api_feeds() -> dict[str, Any]:
        return {"feeds": len(store.list_feeds()), "unreachable": unreachable_feeds(store)}

    @app.get("/feed.atom", include_in_schema=False)
    def atom() -> Response:
        items, _ = page(None)
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

    return app

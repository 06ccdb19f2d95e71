"""Articles as JSON (``/api/articles/{id}``): the text, byline and canonical address."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Request

from crosswire.web import schemas
from crosswire.web.deps import MAX_ID, NOT_FOUND, sources, state
from crosswire.web.views import article_view

api = APIRouter(prefix="/api", tags=["api"])

ArticleId = Annotated[int, Path(ge=1, le=MAX_ID)]


@api.get("/articles/{article_id}", response_model=schemas.ArticleDetailOut, responses=NOT_FOUND)
def article(request: Request, article_id: ArticleId) -> dict[str, Any]:
    store = state(request).store
    found = store.get_article(article_id)
    if found is None:
        raise HTTPException(404, "no such article")
    return {
        **article_view(found, sources(store)),
        "text": found.text,
        "byline": found.byline,
        "canonical_url": found.canonical_url,
    }

"""Moderators correct the story engine: ``/moderation/stories/{id}`` merges the story into
another, or splits an article (with its copies) out into a new story or another one. Every
correction is in the public moderation log and in ``/api/corrections``."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup
from pydantic import BaseModel

from crosswire import corrections
from crosswire.accounts import is_moderator
from crosswire.store.readers import readers_of
from crosswire.web.deps import MAX_ID, TEMPLATES, sources, state
from crosswire.web.forms import Id, flash, render, see_other
from crosswire.web.security import PageError, check_csrf, current_user, require_moderator
from crosswire.web.views import article_view, iso

router = APIRouter(include_in_schema=False, dependencies=[Depends(check_csrf)])
api = APIRouter(prefix="/api", tags=["api"])


@router.get("/moderation/stories/{story_id}", response_class=HTMLResponse)
def correct_page(request: Request, story_id: Id) -> Response:
    require_moderator(request)
    store = state(request).store
    story = store.get_story(story_id)
    if story is None:
        raise PageError(404, "no such story")
    table = sources(store)
    articles = store.get_articles(story.article_ids, text=False)
    return render(
        request,
        "correct_story.html",
        story=story,
        articles=[article_view(a, table) for a in articles],
    )


def _target(raw: str) -> int | None:
    text = raw.strip().lstrip("#")
    if not text:
        return None
    if not text.isdigit() or not 0 < int(text) <= MAX_ID:
        raise PageError(400, f"not a story number: {raw.strip()[:40]!r}")
    return int(text)


@router.post("/moderation/stories/{story_id}/merge")
def merge(
    request: Request,
    story_id: Id,
    into: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
) -> Response:
    moderator = require_moderator(request)
    target = _target(into)
    if target is None:
        raise PageError(400, "give the number of the story to merge into")
    try:
        corrections.merge(state(request).store, story_id, target, moderator, reason)
    except corrections.CorrectionError as exc:
        raise PageError(400, str(exc)) from exc
    flash(request, f"Merged story {story_id} into story {target}.")
    return see_other(f"/stories/{target}")


@router.post("/moderation/stories/{story_id}/split")
def split(
    request: Request,
    story_id: Id,
    article_id: Annotated[int, Form()] = 0,
    into: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
) -> Response:
    moderator = require_moderator(request)
    store = state(request).store
    article = store.get_article(article_id) if 0 < article_id <= MAX_ID else None
    if article is None or article.story_id != story_id:
        raise PageError(404, f"story {story_id} has no article {article_id}")
    try:
        kept = corrections.split(store, article_id, _target(into), moderator, reason)
    except corrections.CorrectionError as exc:
        raise PageError(400, str(exc)) from exc
    flash(request, f"Split article {kept['article_id']} into story {kept['into_story']}.")
    return see_other(f"/stories/{kept['into_story']}")


class CorrectionOut(BaseModel):
    id: int
    kind: str
    article_id: int | None
    from_story: int
    into_story: int
    moderator: str
    reason: str
    created: str | None


class CorrectionListOut(BaseModel):
    corrections: list[CorrectionOut]


@api.get("/corrections", response_model=CorrectionListOut)
def correction_list(request: Request, limit: int = Query(100, ge=1, le=500)) -> dict[str, Any]:
    """Moderators' corrections of the story engine, newest first: ``merge`` (story
    ``from_story`` into ``into_story``) and ``split`` (``article_id`` and its copies taken
    from ``from_story`` into ``into_story``)."""
    rows = readers_of(state(request).store).corrections(limit)
    return {
        "corrections": [
            {
                "id": r["id"],
                "kind": r["kind"],
                "article_id": r["article_id"],
                "from_story": r["from_story"],
                "into_story": r["into_story"],
                "moderator": r["moderator"],
                "reason": r["reason"],
                "created": iso(r["created_at"]),
            }
            for r in rows
        ]
    }


def correction_link(request: Request, story_id: int) -> Markup:
    """A link for moderators, on a story page, to correct the story."""
    if not is_moderator(current_user(request)):
        return Markup("")
    return Markup('<a class="correct" href="/moderation/stories/{}">Correct this story</a>').format(
        story_id
    )


TEMPLATES.env.globals.update(correction_link=correction_link)

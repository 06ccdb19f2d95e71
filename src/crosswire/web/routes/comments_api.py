"""Writing comments through the JSON API with a per-user bearer token
(``crosswire users token NAME`` prints one). Reading them is in ``routes/stories.py``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, Field

from crosswire.models import Comment
from crosswire.web import schemas
from crosswire.web.comment_text import MAX_COMMENT, clean_comment
from crosswire.web.deps import MAX_ID, state
from crosswire.web.forms import Id, rate_limit
from crosswire.web.security import token_user
from crosswire.web.views import iso

router = APIRouter(prefix="/api", tags=["api"])


class CommentIn(BaseModel):
    body: str = Field(min_length=1, max_length=MAX_COMMENT, description="plain text")
    parent_id: int | None = Field(
        None, ge=1, le=MAX_ID, description="the comment this one replies to"
    )


@router.post(
    "/stories/{story_id}/comments",
    status_code=201,
    response_model=schemas.CommentOut,
    responses={401: {"model": schemas.ErrorOut}, 404: {"model": schemas.ErrorOut}},
)
def post_comment(request: Request, story_id: Id, comment: CommentIn) -> dict[str, Any]:
    """Add a comment as the token's user (``Authorization: Bearer TOKEN``)."""
    user = token_user(request)
    if user is None:
        raise HTTPException(
            401, "a valid bearer token is needed", headers={"WWW-Authenticate": "Bearer"}
        )
    store = state(request).store
    story = store.get_story(story_id)
    if story is None or story.id is None:
        raise HTTPException(404, "no such story")
    if comment.parent_id is not None:
        parent = store.get_comment(comment.parent_id)
        if parent is None or parent.story_id != story.id:
            raise HTTPException(400, "the comment you reply to is not on this story")
    try:
        body = clean_comment(comment.body)
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from exc
    rate_limit(request, "comment", user_key=str(user.id))
    made = store.add_comment(
        Comment(story_id=story.id, user_id=user.id or 0, body=body, parent_id=comment.parent_id)
    )
    return {
        "id": made.id,
        "story_id": made.story_id,
        "parent_id": made.parent_id,
        "user": made.user_name,
        "body": made.body,
        "created": iso(made.created_at),
        "edited": None,
        "deleted": False,
        "hidden": False,
        "score": made.score,
    }

"""Comments (post, reply, edit within the window, delete), votes and flags."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response

from crosswire.accounts import is_moderator
from crosswire.models import Comment, User, utcnow
from crosswire.web.comment_text import clean_comment
from crosswire.web.deps import MAX_ID, state
from crosswire.web.forms import Id, flash, rate_limit, see_other
from crosswire.web.routes.moderation import log_action
from crosswire.web.security import PageError, check_csrf, require_user

router = APIRouter(include_in_schema=False, dependencies=[Depends(check_csrf)])
MAX_REASON = 500


def comment_anchor(comment: Comment) -> str:
    return f"/stories/{comment.story_id}#c{comment.id}"


def editable(comment: Comment, user: User | None, edit_minutes: int) -> bool:
    """Its author may edit it while the edit window lasts (and it is not deleted or hidden)."""
    if user is None or comment.user_id != user.id or comment.deleted or comment.hidden:
        return False
    created = comment.created_at
    return created is not None and utcnow() - created < timedelta(minutes=edit_minutes)


def deletable(comment: Comment, user: User | None) -> bool:
    if user is None or comment.deleted:
        return False
    return comment.user_id == user.id or is_moderator(user)


def _comment(request: Request, comment_id: int) -> Comment:
    comment = state(request).store.get_comment(comment_id)
    if comment is None:
        raise PageError(404, "no such comment")
    return comment


@router.post("/stories/{story_id}/comments")
def post_comment(
    request: Request,
    story_id: Id,
    body: Annotated[str, Form()] = "",
    parent_id: Annotated[str, Form()] = "",
) -> Response:
    user = require_user(request)
    store = state(request).store
    story = store.get_story(story_id)
    if story is None or story.id is None:
        raise PageError(404, "no such story")
    parent = None
    if parent_id.strip():
        raw = parent_id.strip()
        parent = store.get_comment(int(raw)) if raw.isdigit() and int(raw) <= MAX_ID else None
        if parent is None or parent.story_id != story.id:
            raise PageError(400, "the comment you reply to is not on this story")
    try:
        text = clean_comment(body)
    except ValueError as exc:
        raise PageError(400, str(exc)) from exc
    rate_limit(request, "comment", user_key=str(user.id))
    comment = store.add_comment(
        Comment(
            story_id=story.id,
            user_id=user.id or 0,
            body=text,
            parent_id=parent.id if parent is not None else None,
        )
    )
    return see_other(comment_anchor(comment))


@router.post("/comments/{comment_id}/edit")
def edit_comment(request: Request, comment_id: Id, body: Annotated[str, Form()] = "") -> Response:
    user = require_user(request)
    st = state(request)
    comment = _comment(request, comment_id)
    if comment.user_id != user.id:
        raise PageError(403, "only its author can edit a comment")
    if not editable(comment, user, st.settings.comment_edit_minutes):
        raise PageError(
            403, f"comments can be edited for {st.settings.comment_edit_minutes} minutes only"
        )
    try:
        text = clean_comment(body)
    except ValueError as exc:
        raise PageError(400, str(exc)) from exc
    st.store.update_comment(comment.id or 0, body=text, edited_at=utcnow())
    return see_other(comment_anchor(comment))


@router.post("/comments/{comment_id}/delete")
def delete_comment(request: Request, comment_id: Id) -> Response:
    user = require_user(request)
    comment = _comment(request, comment_id)
    if not deletable(comment, user):
        raise PageError(403, "only its author or a moderator can delete a comment")
    state(request).store.update_comment(comment.id or 0, body="", deleted=True)
    if comment.user_id != user.id:
        log_action(request, user, "delete", "comment", comment.id or 0, "")
    return see_other(comment_anchor(comment))


def _target_story(request: Request, target_type: str, target_id: int) -> int:
    """The story a comment or submission belongs to (404 when there is none)."""
    store = state(request).store
    if target_type == "comment":
        return _comment(request, target_id).story_id
    submission = store.get_submission(target_id)
    article_id = submission.article_id if submission else None
    article = store.get_article(article_id) if article_id else None
    if article is None or article.story_id is None:
        raise PageError(404, "no such submission")
    return article.story_id


def vote(request: Request, target_type: str, target_id: int, value: str) -> Response:
    """One vote per user and target; voting the same way again withdraws it."""
    user = require_user(request)
    story_id = _target_story(request, target_type, target_id)
    wanted = -1 if value.strip() == "-1" else 1
    store = state(request).store
    current = store.user_votes(user.id or 0, target_type, [target_id]).get(target_id, 0)
    store.vote(user.id or 0, target_type, target_id, 0 if current == wanted else wanted)
    return see_other(f"/stories/{story_id}#{target_type[0]}{target_id}")


def flag(request: Request, target_type: str, target_id: int, reason: str) -> Response:
    user = require_user(request)
    story_id = _target_story(request, target_type, target_id)
    state(request).store.flag(user.id or 0, target_type, target_id, reason.strip()[:MAX_REASON])
    flash(request, "Thanks: a moderator will look at it.")
    return see_other(f"/stories/{story_id}#{target_type[0]}{target_id}")


@router.post("/comments/{target_id}/vote")
def vote_comment(request: Request, target_id: Id, value: Annotated[str, Form()] = "1") -> Response:
    return vote(request, "comment", target_id, value)


@router.post("/submissions/{target_id}/vote")
def vote_submission(
    request: Request, target_id: Id, value: Annotated[str, Form()] = "1"
) -> Response:
    return vote(request, "submission", target_id, value)


@router.post("/comments/{target_id}/flag")
def flag_comment(request: Request, target_id: Id, reason: Annotated[str, Form()] = "") -> Response:
    return flag(request, "comment", target_id, reason)


@router.post("/submissions/{target_id}/flag")
def flag_submission(
    request: Request, target_id: Id, reason: Annotated[str, Form()] = ""
) -> Response:
    return flag(request, "submission", target_id, reason)

"""The moderation queue (moderators and admins) and the public moderation log."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response

from crosswire.models import ModerationEntry, User
from crosswire.web.comment_text import render_comment
from crosswire.web.deps import state
from crosswire.web.forms import Id, flash, render, see_other
from crosswire.web.security import PageError, check_csrf, require_moderator
from crosswire.web.views import ago

router = APIRouter(include_in_schema=False, dependencies=[Depends(check_csrf)])
ACTIONS = ("hide", "restore", "dismiss")
PAST = {
    "hide": "hid",
    "restore": "restored",
    "dismiss": "dismissed the flags on",
    "delete": "deleted",
    "merge": "merged",
    "split": "split out",
}


def log_action(
    request: Request, moderator: User, action: str, target_type: str, target_id: int, reason: str
) -> None:
    state(request).store.log_moderation(
        ModerationEntry(
            moderator_id=moderator.id or 0,
            action=action,
            target_type=target_type,
            target_id=target_id,
            reason=reason,
        )
    )


def describe(request: Request, target_type: str, target_id: int) -> dict[str, Any] | None:
    """What a moderator needs to judge a comment or a submission."""
    store = state(request).store
    if target_type == "comment":
        c = store.get_comment(target_id)
        if c is None:
            return None
        return {
            "kind": "comment",
            "id": c.id,
            "author": c.user_name,
            "html": render_comment(c.body),
            "hidden": c.hidden,
            "deleted": c.deleted,
            "link": f"/stories/{c.story_id}#c{c.id}",
            "ago": ago(c.created_at),
        }
    if target_type == "submission":
        s = store.get_submission(target_id)
        if s is None:
            return None
        article = store.get_article(s.article_id) if s.article_id else None
        author = store.get_user(s.user_id)
        return {
            "kind": "submission",
            "id": s.id,
            "author": author.name if author else "?",
            "title": article.title if article else s.url,
            "url": s.url,
            "hidden": s.status == "hidden",
            "deleted": False,
            "link": f"/stories/{article.story_id}#s{s.id}" if article and article.story_id else "",
            "ago": ago(s.created_at),
        }
    return None


@router.get("/moderation", response_class=HTMLResponse)
def queue(request: Request) -> Response:
    require_moderator(request)
    items = []
    for flagged in state(request).store.open_flags(limit=100):
        target = describe(request, flagged["target_type"], int(flagged["target_id"]))
        if target is not None:
            items.append({**flagged, "target": target})
    return render(request, "moderation.html", items=items)


@router.post("/moderation/{target_type}/{target_id}")
def act(
    request: Request,
    target_type: str,
    target_id: Id,
    action: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
) -> Response:
    moderator = require_moderator(request)
    if action not in ACTIONS:
        raise PageError(400, f"unknown action: one of {', '.join(ACTIONS)}")
    target = describe(request, target_type, target_id)
    if target is None:
        raise PageError(404, "nothing to moderate here")
    store = state(request).store
    if action != "dismiss":
        hide = action == "hide"
        if target_type == "comment":
            store.update_comment(target_id, hidden=hide)
        else:
            sub = store.get_submission(target_id)
            assert sub is not None
            status = "hidden" if hide else "done"
            store.update_submission(target_id, status=status, article_id=sub.article_id, error=None)
    if action != "restore":
        store.resolve_flags(target_type, target_id)
    log_action(request, moderator, action, target_type, target_id, reason.strip()[:500])
    flash(request, f"{PAST[action].capitalize()} {target_type} {target_id}.")
    return see_other("/moderation")


@router.get("/moderation/log", response_class=HTMLResponse)
def public_log(request: Request) -> Response:
    store = state(request).store
    names: dict[int, str] = {}
    entries = []
    for e in store.moderation_log(limit=200):
        if e.moderator_id not in names:
            user = store.get_user(e.moderator_id)
            names[e.moderator_id] = user.name if user else "?"
        target = describe(request, e.target_type, e.target_id)
        entries.append(
            {
                "moderator": names[e.moderator_id],
                "did": PAST.get(e.action, e.action),
                "target_type": e.target_type,
                "target_id": e.target_id,
                "link": target["link"] if target else "",
                "reason": e.reason,
                "ago": ago(e.created_at),
                "when": e.created_at.isoformat() if e.created_at else "",
            }
        )
    return render(request, "moderation_log.html", entries=entries)

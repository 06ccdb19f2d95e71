"""What the community routes (accounts, submissions, comments, votes, flags, moderation)
share; app.py registers each of their routers.

``install`` adds what these routes need to the app (sessions, the rate limiter, template
helpers, error pages); ``story_context`` is what ``_community.html`` shows on a story page.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from crosswire.accounts import is_moderator
from crosswire.models import Comment, User
from crosswire.web.comment_text import render_comment
from crosswire.web.deps import state
from crosswire.web.forms import install_template_helpers, render, take_flash
from crosswire.web.ratelimit import RateLimiter
from crosswire.web.routes import comments
from crosswire.web.security import PageError, current_user, install_sessions
from crosswire.web.views import ago


def install(app: FastAPI) -> None:
    """Add the middleware the community routes need (sessions, CSRF, rate limits)."""
    app.state.rate_limiter = RateLimiter()
    install_sessions(app)
    install_template_helpers()

    async def page_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, PageError)
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, exc.status_code, exc.headers)
        response = render(request, "form_error.html", exc.status_code, message=exc.detail)
        response.headers.update(exc.headers or {})
        return response

    app.add_exception_handler(PageError, page_error)


def story_context(request: Request, story_id: int) -> dict[str, Any]:
    """What ``_community.html`` needs on a story page: submissions, comments, forms."""
    st = state(request)
    user = current_user(request)
    subs, seen = [], set()
    for s in st.store.story_submissions(story_id):  # the first submitter of each article
        if s["status"] != "hidden" and s["article_id"] not in seen:
            seen.add(s["article_id"])
            subs.append(s)
    sub_ids = [int(s["id"]) for s in subs]
    sub_scores = st.store.vote_scores("submission", sub_ids)
    comments_ = st.store.story_comments(story_id)
    mine = {}
    if user is not None:
        mine = {
            "submission": st.store.user_votes(user.id or 0, "submission", sub_ids),
            "comment": st.store.user_votes(
                user.id or 0, "comment", [c.id for c in comments_ if c.id]
            ),
        }
    submissions = [
        {
            "id": s["id"],
            "url": s["url"],
            "user_name": s["user_name"],
            "ago": ago(s["created_at"]),
            "score": sub_scores.get(int(s["id"]), 0),
            "my_vote": mine.get("submission", {}).get(int(s["id"]), 0),
        }
        for s in subs
    ]
    return {
        "community": {
            "user": user,
            "moderator": is_moderator(user),
            "notice": take_flash(request),
            "submissions": submissions,
            "comments": comment_tree(
                comments_, user, st.settings.comment_edit_minutes, mine.get("comment", {})
            ),
            "comment_count": sum(1 for c in comments_ if not (c.deleted or c.hidden)),
            "edit_minutes": st.settings.comment_edit_minutes,
        }
    }


def comment_tree(
    found: list[Comment], user: User | None, edit_minutes: int, my_votes: dict[int, int]
) -> list[dict[str, Any]]:
    """Comments as nested dicts (replies under their parent, oldest first)."""
    nodes: dict[int, dict[str, Any]] = {}
    roots: list[dict[str, Any]] = []
    for c in sorted(found, key=lambda c: c.id or 0):
        shown = not (c.deleted or c.hidden)
        node: dict[str, Any] = {
            "id": c.id,
            "user_name": c.user_name if shown else None,
            "html": render_comment(c.body) if shown else None,
            "status": "deleted" if c.deleted else "hidden" if c.hidden else "",
            "ago": ago(c.created_at),
            "edited": c.edited_at is not None,
            "score": c.score,
            "my_vote": my_votes.get(c.id or 0, 0),
            "body": c.body if shown else "",
            "can_edit": comments.editable(c, user, edit_minutes),
            "can_delete": comments.deletable(c, user) and shown,
            "children": [],
        }
        nodes[c.id or 0] = node
        parent = nodes.get(c.parent_id or -1)
        (parent["children"] if parent else roots).append(node)
    return roots

"""``/submit``: a signed-in user adds a URL; it is fetched through the safe fetcher (the SSRF
guard stays on), extracted and given its story, the same path as ``crosswire submit``."""

from __future__ import annotations

import logging
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response

from crosswire.extract.article import ExtractionError
from crosswire.ingest.errors import FetchError
from crosswire.ingest.submit import fetch_article
from crosswire.models import Article, Submission, User
from crosswire.web.deps import State, state
from crosswire.web.forms import flash, rate_limit, render, see_other
from crosswire.web.reader_errors import reader_message
from crosswire.web.security import check_csrf, current_user, require_user

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False, dependencies=[Depends(check_csrf)])
MAX_URL = 2000


class SubmitError(ValueError):
    """Why a submitted URL gave no article; one line."""


@router.get("/submit", response_class=HTMLResponse)
def submit_form(request: Request) -> Response:
    if current_user(request) is None:
        return see_other("/login?next=/submit")
    return render(request, "submit.html", url="", error=None)


@router.post("/submit", response_class=HTMLResponse)
def submit(request: Request, url: Annotated[str, Form()] = "") -> Response:
    user = require_user(request)
    rate_limit(request, "submit", user_key=str(user.id))
    url = url.strip()
    try:
        story_id, known = submit_url(state(request), user, url)
    except SubmitError as exc:
        return render(request, "submit.html", 400, url=url, error=str(exc))
    if story_id is None:
        flash(request, "Thanks: the article was added and will get its story shortly.")
        return see_other("/")
    if known:
        flash(request, "That URL was already here: this is its story.")
    return see_other(f"/stories/{story_id}")


def check_url(url: str) -> str:
    parts = urlsplit(url)
    if len(url) > MAX_URL or parts.scheme not in ("http", "https") or not parts.hostname:
        raise SubmitError("give a web address starting with http:// or https://")
    return url


def submit_url(st: State, user: User, url: str) -> tuple[int | None, bool]:
    """Record ``user``'s submission of ``url``; return its story id (None while it has
    none) and whether the URL was already known. Raises SubmitError."""
    store = st.store
    check_url(url)
    known = store.find_article(url=url, canonical_url=url)
    if known is not None:
        store.add_submission(
            Submission(url=url, user_id=user.id or 0, article_id=known.id, status="done")
        )
        return known.story_id, True
    submission = store.add_submission(Submission(url=url, user_id=user.id or 0))
    assert submission.id is not None
    try:
        article = fetch_article(url, st.settings)
    except (FetchError, ExtractionError) as exc:
        store.update_submission(submission.id, status="failed", article_id=None, error=str(exc))
        raise SubmitError(reader_message(exc, url)) from exc  # the record keeps the detail
    report = st.pipeline.add_articles([article])
    stored = _stored(st, article)
    store.update_submission(
        submission.id, status="done", article_id=stored.id if stored else None, error=None
    )
    if stored is None:
        return None, False
    if report.added:
        try:
            st.pipeline.refresh_digests(limit=5)
        except Exception:  # noqa: BLE001 - the upkeep thread retries; the submission stands
            log.exception("digest refresh after a submission failed")
    return stored.story_id, not report.added


def _stored(st: State, article: Article) -> Article | None:
    found = st.store.find_article(url=article.url, canonical_url=article.canonical_url)
    if found is not None and found.story_id is None:
        found = st.store.get_article(found.id or 0) or found
    return found

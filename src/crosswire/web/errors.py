"""Errors in words a reader knows: a page for browsers, JSON under ``/api`` and for feeds."""

from __future__ import annotations

from collections.abc import Mapping

from fastapi import Request
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from crosswire.web.deps import TEMPLATES

TITLES = {
    400: "This link is broken",
    403: "Not allowed",
    404: "Not found",
    405: "Not allowed",
    422: "This link is broken",
}
# what a reader calls the parts of an address that did not check out
FIELD_WORDS = {
    "story_id": "the story's number",
    "q": "the search words (at most 200 characters)",
    "domain": "the outlet's address",
    "host": "the outlet's address",
    "service": "the outlet's language service",
    "cursor": "the page marker",
    "follow_id": "the follow's number",
    "lang": "the language",
}
DETAIL_WORDS = {
    "no such story": "There is no story at this address; it may have been merged into "
    "another story or removed.",
    "no such source": "This site has no outlet at this address.",
    "bad cursor": "The link to this page of stories is damaged; start again from the first page.",
}


async def http_error(request: Request, exc: Exception) -> Response:
    """Errors as JSON under ``/api`` (and for non-HTML clients), as a page elsewhere."""
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code < 400 or not _wants_page(request):
        return await http_exception_handler(request, exc)
    detail = str(exc.detail)
    return _error_page(request, exc.status_code, DETAIL_WORDS.get(detail, detail), exc.headers)


async def validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    if not _wants_page(request):
        return await request_validation_exception_handler(request, exc)
    fields = sorted({str(e.get("loc", ("", ""))[-1]) for e in exc.errors()})
    parts = ", ".join(FIELD_WORDS.get(f, f"“{f}”") for f in fields)
    return _error_page(
        request, 422, f"This site cannot read {parts} in the address. Check the link."
    )


def _wants_page(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path.endswith((".atom", ".rss")) or path == "/openapi.json":
        return False
    return "text/html" in request.headers.get(
        "accept", "text/html"
    ) or "*/*" in request.headers.get("accept", "")


def _error_page(
    request: Request, status: int, detail: str, headers: Mapping[str, str] | None = None
) -> Response:
    return TEMPLATES.TemplateResponse(
        request,
        "error.html",
        {"status": status, "title": TITLES.get(status, "Error"), "detail": detail},
        status_code=status,
        headers=dict(headers) if headers else None,
    )

"""Accounts, submissions, comments, votes, flags and moderation (not built yet)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, FastAPI, Request

router = APIRouter()


def install(app: FastAPI) -> None:
    """Add the middleware the community routes need (sessions, CSRF, rate limits)."""


def story_context(request: Request, story_id: int) -> dict[str, Any]:
    """What ``_community.html`` needs on a story page: submissions, comments, forms."""
    return {}

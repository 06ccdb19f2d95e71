"""Accounts, submissions, comments, votes, flags and moderation (not built yet)."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

router = APIRouter()


def install(app: FastAPI) -> None:
    """Add the middleware the community routes need (sessions, CSRF, rate limits)."""

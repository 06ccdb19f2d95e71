"""What routes share: the app state, templates and cursor parsing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi import HTTPException, Request
from fastapi.templating import Jinja2Templates

from crosswire.models import as_utc
from crosswire.pipeline import Pipeline
from crosswire.settings import Settings
from crosswire.store import Store
from crosswire.web.views import story_view

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))


@dataclass(frozen=True)
class State:
    settings: Settings
    store: Store
    pipeline: Pipeline
    scheduler: Any


def state(request: Request) -> State:
    s = request.app.state
    return State(s.settings, s.store, s.pipeline, s.scheduler)


def parse_cursor(raw: str | None) -> tuple[datetime, int] | None:
    if not raw:
        return None
    try:
        when, _, ident = raw.rpartition("_")
        parsed = as_utc(when)
        assert parsed is not None
        return parsed, int(ident)
    except (ValueError, AssertionError) as exc:
        raise HTTPException(400, "bad cursor") from exc


def story_page(st: State, cursor: str | None) -> tuple[list[dict[str, Any]], str | None]:
    """One page of the latest stories and the cursor of the next page (None at the end)."""
    size = st.settings.page_size
    stories = st.store.list_stories(limit=size, before=parse_cursor(cursor))
    items = [story_view(st.store, s) for s in stories]
    more = None
    if len(stories) == size:
        last = stories[-1]
        more = f"{last.updated_at.isoformat()}_{last.id}" if last.updated_at else None
    return items, more

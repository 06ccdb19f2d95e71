"""The state of the feeds read (``/api/feeds``): how many, and which could not be reached."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from crosswire.web import schemas
from crosswire.web.deps import state
from crosswire.web.security import current_user
from crosswire.web.views import unreachable_feeds

api = APIRouter(prefix="/api", tags=["api"])


@api.get("/feeds", response_model=schemas.FeedStatusOut)
def feeds(request: Request) -> dict[str, Any]:
    """How many feeds are read and how many could not be reached; which ones, and why, is
    told to administrators only (an error can name hosts and addresses of the server's
    network), as on the front page."""
    store = state(request).store
    user = current_user(request)
    down = unreachable_feeds(store)
    shown = down if user and user.role == "admin" else []
    return {"feeds": len(store.list_feeds()), "unreachable_count": len(down), "unreachable": shown}

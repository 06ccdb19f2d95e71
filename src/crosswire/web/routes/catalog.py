"""``/catalog``: the feed catalogue's categories in the reader's language, for a first run;
an administrator follows one with a button (``crosswire feeds add-category`` does the same)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from crosswire.outlets.catalog import find_category, in_language
from crosswire.outlets.follow import follow_category
from crosswire.web.deps import state
from crosswire.web.forms import flash, render, see_other
from crosswire.web.security import check_csrf, current_user, require_user

router = APIRouter(include_in_schema=False, dependencies=[Depends(check_csrf)])
Lang = Annotated[str | None, Query(max_length=8, pattern=r"^[A-Za-z]{2,3}$")]


def reader_language(request: Request, chosen: str | None) -> str:
    """``?lang=``, else the first language the browser asks for, else English."""
    if chosen:
        return chosen.lower()
    header = request.headers.get("accept-language", "")
    for part in header.split(","):
        tag = part.split(";")[0].strip().split("-")[0].lower()
        if tag.isalpha() and 2 <= len(tag) <= 3:
            return tag
    return "en"


@router.get("/catalog", response_class=HTMLResponse)
def catalog_page(request: Request, lang: Lang = None) -> Response:
    language = reader_language(request, lang)
    categories = in_language(language)
    fallback = not categories
    if fallback:
        categories = in_language("en")
    followed = {f.url for f in state(request).store.list_feeds()}
    user = current_user(request)
    items = [
        {
            "name": c.name,
            "display_name": c.display_name(language),
            "type": c.type,
            "place": c.place,
            "feeds": len(c.followable_feeds()),
            "followed": sum(1 for u in c.followable_feeds() if u in followed),
        }
        for c in categories
    ]
    return render(
        request,
        "catalog.html",
        categories=items,
        language=language,
        fallback=fallback,
        admin=bool(user and user.role == "admin"),
    )


@router.post("/catalog/follow", response_class=HTMLResponse)
def follow(request: Request, name: Annotated[str, Form(max_length=200)] = "") -> Response:
    user = require_user(request)
    if user.role != "admin":
        raise HTTPException(403, "only an administrator adds feeds")
    category = find_category(name)
    if category is None:
        raise HTTPException(404, "no such category")
    st = state(request)
    done = follow_category(st.store, category, st.settings.feed_interval_seconds)
    flash(request, f"{category.name}: {done.added} feeds added.")
    return see_other("/catalog")

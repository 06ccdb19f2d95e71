"""``create_app``: the FastAPI application, assembled from the routers in ``routes/``.

The store, settings, pipeline and feed scheduler live on ``app.state``; routes reach
them through :func:`crosswire.web.deps.state`.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from crosswire.pipeline import Pipeline
from crosswire.settings import Settings
from crosswire.store import Store
from crosswire.web import errors
from crosswire.web.deps import TEMPLATES
from crosswire.web.routes import (
    accounts,
    articles,
    catalog,
    comments,
    comments_api,
    community,
    corrections,
    feed_status,
    feeds,
    following,
    greader,
    moderation,
    outlets,
    search,
    sources,
    stories,
    submit,
)

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "frame-ancestors 'none'"
)


def create_app(
    settings: Settings, store: Store, pipeline: Pipeline, *, scheduler: Any = None
) -> FastAPI:
    app = FastAPI(title="crosswire", version="0.1.0", docs_url=None, redoc_url=None)
    app.state.settings = settings
    TEMPLATES.env.globals["reader_timezone"] = settings.reader_timezone
    app.state.store = store
    app.state.pipeline = pipeline
    app.state.scheduler = scheduler

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # noqa: ANN001, ANN202
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        return response

    app.add_exception_handler(StarletteHTTPException, errors.http_error)
    app.add_exception_handler(RequestValidationError, errors.validation_error)
    community.install(app)
    # one module per resource; each has its pages (``router``) and its JSON (``api``)
    pages = (stories, sources, search, feeds, following, outlets, corrections, catalog)
    community_routes = (accounts, submit, comments, moderation, comments_api)
    for module in (*pages, *community_routes):
        app.include_router(module.router)
    for module in (stories, articles, sources, search, feed_status, corrections):
        app.include_router(module.api)
    for router in greader.routers:
        app.include_router(router)
    return app

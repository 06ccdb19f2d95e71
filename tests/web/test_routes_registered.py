"""Every routes module's router is registered by ``create_app`` itself: no module mounts
another's routes out of sight."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from fastapi import APIRouter
from fastapi.routing import APIRoute

import crosswire.web.routes as routes_package
from crosswire.pipeline import Pipeline
from crosswire.settings import load_settings
from crosswire.store import open_store
from crosswire.web.app import create_app

pytestmark = pytest.mark.timeout(60)


def _routers() -> dict[str, list[APIRouter]]:
    found: dict[str, list[APIRouter]] = {}
    for info in pkgutil.iter_modules(routes_package.__path__):
        module = importlib.import_module(f"{routes_package.__name__}.{info.name}")
        routers = [v for v in vars(module).values() if isinstance(v, APIRouter)]
        routers += list(getattr(module, "routers", []))
        if routers:
            found[info.name] = routers
    return found


def test_every_route_module_is_mounted_by_the_app(tmp_path):
    settings = load_settings(
        None, database_url=f"sqlite:///{tmp_path / 'r.db'}", embedder="hashing"
    )
    store = open_store(settings.database_url)
    try:
        app = create_app(settings, store, Pipeline(store, settings))
    finally:
        store.close()
    # FastAPI keeps each router that app.include_router was given (original_router); older
    # releases copied its routes instead, so both are read.
    mounted = {id(getattr(r, "original_router", None)) for r in app.routes}
    paths = {(r.path, frozenset(r.methods)) for r in app.routes if isinstance(r, APIRoute)}
    routers = _routers()
    expected = {"accounts", "comments", "moderation", "submit", "stories", "sources", "search"}
    assert expected <= set(routers)
    for name, module_routers in routers.items():
        for router in module_routers:
            if id(router) in mounted:
                continue
            for route in router.routes:
                assert isinstance(route, APIRoute), f"{name} includes another router"
                key = (route.path, frozenset(route.methods))
                assert key in paths, f"{name}: {route.path} is not mounted by create_app"

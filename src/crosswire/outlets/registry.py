"""The registry shipped with crosswire (``data/registry.json``, built by
``crosswire.outlets.build``; sources and licences in ``data/PROVENANCE.md``)."""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from importlib import resources

from crosswire.outlets.model import Outlet

REGISTRY_FILE = "registry.json"


@dataclass(frozen=True)
class PackagedRegistry:
    version: str  # a digest of the file: the store reloads when it changes
    outlets: tuple[Outlet, ...]
    aliases: dict[str, str]
    sources: dict[str, str]  # source id -> what it is and its licence


@functools.cache
def packaged_registry() -> PackagedRegistry:
    raw = resources.files("crosswire.outlets").joinpath("data", REGISTRY_FILE).read_bytes()
    data = json.loads(raw)
    outlets = tuple(
        Outlet(
            domain=row[0],
            name=row[1],
            country=row[2],
            languages=row[3].split(",") if row[3] else [],
            owner=row[4],
            typology=row[5],
            leaning=row[6],
            provenance=row[7],
        )
        for row in data["outlets"]
    )
    return PackagedRegistry(
        version=hashlib.sha256(raw).hexdigest()[:16],
        outlets=outlets,
        aliases=dict(data.get("aliases") or {}),
        sources=dict(data.get("sources") or {}),
    )

"""The registry's record of one outlet, and of one operator's change to it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

# the fields an outlet record carries besides its domain, each with its own provenance
FIELDS = ("name", "country", "languages", "owner", "typology", "leaning")
LEANINGS = ("left", "lean-left", "center", "lean-right", "right")
# where a field can come from (PROVENANCE.md beside the data names each shipped source)
OPERATOR = "operator"
PAGE = "page"  # the outlet's own pages: og:site_name, JSON-LD publisher
CCTLD = "cctld"  # its country-code domain


@dataclass
class Outlet:
    """An outlet as the registry knows it. ``domain`` is its key: a registrable domain
    (``nytimes.com``), a kept subdomain (``arabic.cnn.com``) or a language service under a
    path (``bbc.com/mundo``). ``provenance`` maps each filled field to where it came from."""

    domain: str
    name: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    languages: list[str] = field(default_factory=list)  # ISO 639-1, main language first
    owner: str | None = None
    typology: str | None = None
    leaning: str | None = None  # one of LEANINGS; None: not rated
    provenance: dict[str, str] = field(default_factory=dict)

    @property
    def language(self) -> str | None:
        return self.languages[0] if self.languages else None

    def as_json(self) -> dict[str, Any]:
        return {
            "domain": self.domain,
            "name": self.name,
            "country": self.country,
            "languages": list(self.languages),
            "owner": self.owner,
            "typology": self.typology,
            "leaning": self.leaning,
            "provenance": dict(self.provenance),
        }


@dataclass
class OutletChange:
    """One field of one outlet changed by an operator (``crosswire outlets set|import``)."""

    domain: str
    field: str
    old: str | None
    new: str | None
    by: str = OPERATOR
    at: datetime | None = None
    id: int | None = None

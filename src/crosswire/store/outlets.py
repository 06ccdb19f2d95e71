"""The outlet registry's part of the storage contract (``Store`` inherits it).

The registry holds what is known of outlets by name: the shipped data, loaded by
``migrate`` (so every command sees it), and the operator's own values, which a reload of
the shipped data never touches; every operator change is logged. An article's ``source``
is resolved against it when the article is stored, and the outlet's row in ``sources`` —
what pages, badges and spread charts read — is filled from it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from crosswire.models import Source
from crosswire.outlets.model import OPERATOR, Outlet, OutletChange
from crosswire.outlets.resolve import Resolver


class OutletStore(ABC):
    # the outlets' rows (``sources``): what articles, feeds and pages refer to ------------
    @abstractmethod
    def upsert_source(self, source: Source) -> None:
        """Insert or update an outlet's metadata (non-empty fields win)."""

    @abstractmethod
    def get_source(self, domain: str) -> Source | None: ...

    @abstractmethod
    def list_sources(self) -> list[Source]: ...

    # the registry ------------------------------------------------------------------------
    @abstractmethod
    def load_outlet_registry(self, *, force: bool = False) -> int:
        """Load the shipped registry when it changed since the last load (or ``force``);
        return how many outlets were loaded (0: already current). Fills the known fields
        of the outlets already in ``sources``."""

    @abstractmethod
    def get_outlet(self, domain: str) -> Outlet | None:
        """The outlet as the registry and the operator know it (operator values win);
        an outlet only seen in articles comes from its ``sources`` row."""

    @abstractmethod
    def list_outlets(self) -> list[Outlet]:
        """Every outlet of the registry and of the operator, by domain."""

    @abstractmethod
    def outlet_stats(self) -> dict[str, int]:
        """``outlets``, ``with_country``, ``with_language``, ``with_owner``,
        ``with_typology``, ``with_owner_and_typology``, ``with_leaning``."""

    @abstractmethod
    def set_outlet(
        self, domain: str, values: dict[str, Any], *, by: str = OPERATOR
    ) -> list[OutletChange]:
        """Set fields of an outlet (``None`` or ``""`` clears one); log and return the
        changes (fields whose value did not change are not logged)."""

    @abstractmethod
    def outlet_changes(self, domain: str | None = None, limit: int = 100) -> list[OutletChange]:
        """The operator's changes, newest first."""

    @abstractmethod
    def outlet_resolver(self) -> Resolver:
        """A resolver over the registry's keys and aliases."""

    @abstractmethod
    def resolve_stored_sources(self, *, dry_run: bool = False) -> dict[str, str]:
        """Give the articles stored before the registry (or under a source it now folds)
        their outlet: every stored ``source`` that is not a described outlet and resolves
        to another key moves to it, with its stories' counts and digests. Returns
        ``{old: new}``; ``dry_run`` changes nothing."""

    @abstractmethod
    def outlet_by_name(self, name: str) -> str | None:
        """The domain of the one outlet called ``name`` (case-insensitive), if exactly one."""

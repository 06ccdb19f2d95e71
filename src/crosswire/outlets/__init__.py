"""Outlets known by name: the registry (domain -> name, country, languages, owner, typology,
leaning, each field with its provenance), the resolver that gives every article its outlet,
the feed catalogue and the blindspot view. Pure code: the store keeps the registry's tables
(``crosswire.store.outlets``)."""

from crosswire.outlets.model import FIELDS, LEANINGS, Outlet, OutletChange

__all__ = ["FIELDS", "LEANINGS", "Outlet", "OutletChange"]

"""The outlet registry over SQL (mixed into ``SqlStore``): tables of migration 0009."""

from __future__ import annotations

import json
from typing import Any

from crosswire.constants import REGISTRY_META
from crosswire.models import Article, as_utc, utcnow
from crosswire.outlets.model import CCTLD, FIELDS, OPERATOR, PAGE, Outlet, OutletChange
from crosswire.outlets.registry import packaged_registry
from crosswire.outlets.resolve import NotAnOutlet, Resolver, country_of_domain
from crosswire.store.outlets import OutletStore

OUTLETS_MIGRATION = 9
_OUTLET_COLUMNS = "domain, name, country, languages, owner, typology, leaning, provenance"
_MAX_NAME = 200


def name_key(name: str) -> str:
    """An outlet's name as looked up: case-folded, without a leading "The", spaces collapsed
    ("The New York Times" and "new york times" are one name)."""
    words = name.casefold().split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def _outlet(row: dict[str, Any]) -> Outlet:
    return Outlet(
        domain=row["domain"],
        name=row["name"],
        country=row["country"],
        languages=row["languages"].split(",") if row["languages"] else [],
        owner=row["owner"],
        typology=row["typology"],
        leaning=row["leaning"],
        provenance=_provenance(row["provenance"], ()),
    )


def _provenance(text: str | None, fields: Any) -> dict[str, str]:
    """A provenance column: JSON ``{field: source}``; an older free-text one applies to
    every filled field in ``fields``."""
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        value = None
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items()}
    return {f: text for f in fields}


def _text(outlet: Outlet, field: str) -> str | None:
    if field == "languages":
        return ",".join(outlet.languages) or None
    value = getattr(outlet, field)
    return value or None


def _put(outlet: Outlet, field: str, value: str | None) -> None:
    if field == "languages":
        outlet.languages = value.split(",") if value else []
    else:
        setattr(outlet, field, value or None)


class OutletsSql(OutletStore):
    """Needs the ``SqlStore`` plumbing (``_rows``, ``_row``, ``_tx``, ``_exec``, ``_sql``,
    ``_time``, ``get_meta``, ``set_meta``)."""

    _resolver_cache: tuple[Resolver, dict[str, str]] | None = None
    _outlets_ready: bool | None = None

    def _has_outlet_tables(self) -> bool:
        """Migration 0009 is applied (a store opened without migrating may predate it)."""
        if not self._outlets_ready:
            self._outlets_ready = bool(
                self._row(  # type: ignore[attr-defined]
                    "SELECT version FROM schema_migrations WHERE version = ?",
                    (OUTLETS_MIGRATION,),
                )
            )
        return self._outlets_ready

    # the shipped registry ----------------------------------------------------------------
    def load_outlet_registry(self, *, force: bool = False) -> int:
        if not self._has_outlet_tables():
            return 0
        registry = packaged_registry()
        if not force and self.get_meta(REGISTRY_META) == registry.version:  # type: ignore[attr-defined]
            return 0
        rows = [
            (
                o.domain,
                o.name,
                o.country,
                ",".join(o.languages) or None,
                o.owner,
                o.typology,
                o.leaning,
                json.dumps(o.provenance, sort_keys=True),
            )
            for o in registry.outlets
        ]
        with self._tx() as conn:  # type: ignore[attr-defined]
            # two processes starting at once: one loads, the other then finds it current
            self._lock_migrations(conn)  # type: ignore[attr-defined]
            if not force and self.get_meta(REGISTRY_META) == registry.version:  # type: ignore[attr-defined]
                return 0
            conn.execute("DELETE FROM outlets")
            conn.execute("DELETE FROM outlet_aliases")
            cursor = conn.cursor()
            cursor.executemany(
                self._sql(  # type: ignore[attr-defined]
                    f"INSERT INTO outlets ({_OUTLET_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                ),
                rows,
            )
            cursor.executemany(
                self._sql("INSERT INTO outlet_aliases (alias, domain) VALUES (?, ?)"),  # type: ignore[attr-defined]
                sorted(registry.aliases.items()),
            )
            self.set_meta(REGISTRY_META, registry.version)  # type: ignore[attr-defined]
            seen = self._rows(  # type: ignore[attr-defined]
                "SELECT s.domain AS domain FROM sources s JOIN outlets o ON o.domain = s.domain"
            )
            for row in seen:
                self._refresh_source(row["domain"])
        self._resolver_cache = None
        return len(rows)

    # reading -----------------------------------------------------------------------------
    def _overrides(self, domain: str | None = None) -> dict[str, dict[str, str]]:
        query = "SELECT domain, field, value FROM outlet_overrides"
        rows = self._rows(query + " WHERE domain = ?", (domain,)) if domain else self._rows(query)  # type: ignore[attr-defined]
        out: dict[str, dict[str, str]] = {}
        for r in rows:
            out.setdefault(r["domain"], {})[r["field"]] = r["value"]
        return out

    def _registered(self, domain: str) -> Outlet | None:
        """Registry row with the operator's values applied; None when neither knows it."""
        row = self._row(f"SELECT {_OUTLET_COLUMNS} FROM outlets WHERE domain = ?", (domain,))  # type: ignore[attr-defined]
        overrides = self._overrides(domain).get(domain, {})
        if row is None and not overrides:
            return None
        outlet = _outlet(row) if row is not None else Outlet(domain=domain)
        return _apply(outlet, overrides)

    def get_outlet(self, domain: str) -> Outlet | None:
        domain = (domain or "").strip().lower()
        found = self._registered(domain)
        if found is not None:
            return found
        source = self._row("SELECT * FROM sources WHERE domain = ?", (domain,))  # type: ignore[attr-defined]
        if source is None:
            return None
        outlet = Outlet(
            domain=domain,
            name=source["name"] if source["name"] and source["name"] != domain else None,
            country=source["country"],
            languages=[source["language"]] if source["language"] else [],
            owner=source["owner"],
            typology=source["typology"],
            leaning=source["leaning"],
        )
        filled = [f for f in FIELDS if _text(outlet, f)]
        outlet.provenance = _provenance(source["provenance"], filled)
        return outlet

    def list_outlets(self) -> list[Outlet]:
        rows = self._rows(f"SELECT {_OUTLET_COLUMNS} FROM outlets ORDER BY domain")  # type: ignore[attr-defined]
        outlets = {r["domain"]: _outlet(r) for r in rows}
        for domain, values in self._overrides().items():
            outlets[domain] = _apply(outlets.get(domain) or Outlet(domain=domain), values)
        return [outlets[d] for d in sorted(outlets)]

    def outlet_stats(self) -> dict[str, int]:
        outlets = self.list_outlets()
        return {
            "outlets": len(outlets),
            "with_country": sum(1 for o in outlets if o.country),
            "with_language": sum(1 for o in outlets if o.languages),
            "with_owner": sum(1 for o in outlets if o.owner),
            "with_typology": sum(1 for o in outlets if o.typology),
            "with_owner_and_typology": sum(1 for o in outlets if o.owner and o.typology),
            "with_leaning": sum(1 for o in outlets if o.leaning),
        }

    # the operator ------------------------------------------------------------------------
    def set_outlet(
        self, domain: str, values: dict[str, Any], *, by: str = OPERATOR
    ) -> list[OutletChange]:
        domain = domain.strip().lower()
        changes: list[OutletChange] = []
        with self._tx():  # type: ignore[attr-defined]
            current = self.get_outlet(domain) or Outlet(domain=domain)
            now = utcnow()
            for field, value in values.items():
                if field not in FIELDS:
                    raise ValueError(f"outlets have no field {field!r}")
                new = (",".join(value) if isinstance(value, list) else value) or ""
                old = _text(current, field)
                if (old or "") == new:
                    continue
                self._exec(  # type: ignore[attr-defined]
                    "INSERT INTO outlet_overrides (domain, field, value) VALUES (?, ?, ?) "
                    "ON CONFLICT (domain, field) DO UPDATE SET value = excluded.value",
                    (domain, field, new),
                )
                self._exec(  # type: ignore[attr-defined]
                    "INSERT INTO outlet_changes (domain, field, old, new, by, at) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (domain, field, old, new or None, by, self._time(now)),  # type: ignore[attr-defined]
                )
                changes.append(OutletChange(domain, field, old, new or None, by, now))
            if changes:
                self._refresh_source(domain)
        self._resolver_cache = None
        return changes

    def outlet_changes(self, domain: str | None = None, limit: int = 100) -> list[OutletChange]:
        query = "SELECT id, domain, field, old, new, by, at FROM outlet_changes"
        params: tuple[Any, ...] = (limit,)
        if domain:
            query += " WHERE domain = ?"
            params = (domain.strip().lower(), limit)
        rows = self._rows(query + " ORDER BY id DESC LIMIT ?", params)  # type: ignore[attr-defined]
        return [
            OutletChange(
                r["domain"], r["field"], r["old"], r["new"], r["by"], as_utc(r["at"]), r["id"]
            )
            for r in rows
        ]

    # resolution --------------------------------------------------------------------------
    def _resolver_and_names(self) -> tuple[Resolver, dict[str, str]]:
        cached = self._resolver_cache
        if cached is None:
            keys = [
                r["domain"]
                for r in self._rows(  # type: ignore[attr-defined]
                    "SELECT domain FROM outlets UNION SELECT domain FROM outlet_overrides"
                )
            ]
            aliases = {
                r["alias"]: r["domain"]
                for r in self._rows("SELECT alias, domain FROM outlet_aliases")  # type: ignore[attr-defined]
            }
            names: dict[str, str] = {}
            for outlet in self.list_outlets():
                if outlet.name:
                    folded = name_key(outlet.name)
                    names[folded] = "" if folded in names else outlet.domain  # "": ambiguous
            cached = self._resolver_cache = (Resolver(keys, aliases), names)
        return cached

    def outlet_resolver(self) -> Resolver:
        return self._resolver_and_names()[0]

    def outlet_by_name(self, name: str) -> str | None:
        return self._resolver_and_names()[1].get(name_key(name)) or None

    def outlet_key(self, article: Article) -> str | None:
        """The outlet of an article: its ``source`` (a domain, a URL, or a registry name),
        else its URL's, resolved to the registry's key; a source already described in
        ``sources`` (a feed list's ``domain/path`` key) stays as it is; a source that
        names no outlet stays as given."""
        given = (article.source or "").strip()
        resolver = self.outlet_resolver()
        if given:
            if self._described(given.lower()):
                return given.lower()
            try:
                return resolver.resolve(given)
            except NotAnOutlet:
                return self.outlet_by_name(given) or given
        if article.url:
            try:
                return resolver.resolve(article.url)
            except NotAnOutlet:
                return None
        return None

    def resolve_stored_sources(self, *, dry_run: bool = False) -> dict[str, str]:
        moved: dict[str, str] = {}
        if not self._has_outlet_tables():
            return moved
        rows = self._rows(  # type: ignore[attr-defined]
            "SELECT DISTINCT source FROM articles WHERE source IS NOT NULL"
        )
        for row in rows:
            key = self.outlet_key(Article(title="", text="", source=row["source"]))
            if key and key != row["source"]:
                moved[row["source"]] = key
        if dry_run or not moved:
            return moved
        with self._tx():  # type: ignore[attr-defined]
            stories: set[int] = set()
            seen: set[str] = set()
            for old, new in moved.items():
                for r in self._rows(  # type: ignore[attr-defined]
                    "SELECT DISTINCT story_id FROM articles WHERE source = ? "
                    "AND story_id IS NOT NULL",
                    (old,),
                ):
                    stories.add(int(r["story_id"]))
                site = self._row(  # type: ignore[attr-defined]
                    "SELECT site_name FROM articles WHERE source = ? AND site_name IS NOT NULL "
                    "ORDER BY id LIMIT 1",
                    (old,),
                )
                self._exec("UPDATE articles SET source = ? WHERE source = ?", (new, old))  # type: ignore[attr-defined]
                probe = Article(title="", text="", source=new)
                probe.site_name = site["site_name"] if site else None
                self.place_outlet(probe, seen)
            for story_id in sorted(stories):
                self._refresh_counts(story_id, None)  # type: ignore[attr-defined]
                self._exec(  # type: ignore[attr-defined]
                    "UPDATE stories SET digest_stale = 1 WHERE id = ? AND digest IS NOT NULL",
                    (story_id,),
                )
        return moved

    def _described(self, key: str) -> bool:
        row = self._row("SELECT provenance FROM sources WHERE domain = ?", (key,))  # type: ignore[attr-defined]
        return bool(row and row["provenance"])

    def place_outlet(self, article: Article, seen: set[str]) -> None:
        """Give the article its outlet key and make sure the outlet has its ``sources``
        row, filled from the registry (the page's site name and the country-code domain
        where the registry says nothing)."""
        if not self._has_outlet_tables():
            if article.source and article.source not in seen:
                self._ensure_source(article.source)  # type: ignore[attr-defined]
                seen.add(article.source)
            return
        article.source = self.outlet_key(article)
        key = article.source
        if not key or key in seen:
            return
        seen.add(key)
        row = self._row("SELECT * FROM sources WHERE domain = ?", (key,))  # type: ignore[attr-defined]
        if row is not None and row["provenance"]:
            return
        known = self._registered(key) or Outlet(domain=key)
        provenance = dict(known.provenance)
        name = known.name
        site = (article.site_name or "").strip()[:_MAX_NAME]
        existing = row["name"] if row is not None and row["name"] != key else ""
        if not name and existing:
            name = existing
        elif not name and site and "." in key and key not in site.lower():
            name, provenance["name"] = site, PAGE
        country = known.country
        if not country:
            try:
                country = country_of_domain(key)
            except NotAnOutlet:
                country = None
            if country:
                provenance["country"] = CCTLD
        self._exec(  # type: ignore[attr-defined]
            "INSERT INTO sources (domain, name, country, language, leaning, owner, typology, "
            "provenance) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (domain) DO UPDATE SET "
            "name = excluded.name, country = coalesce(excluded.country, sources.country), "
            "language = coalesce(excluded.language, sources.language), "
            "leaning = coalesce(excluded.leaning, sources.leaning), "
            "owner = coalesce(excluded.owner, sources.owner), "
            "typology = coalesce(excluded.typology, sources.typology), "
            "provenance = excluded.provenance",
            (
                key,
                name or key,
                country,
                known.language,
                known.leaning,
                known.owner,
                known.typology,
                json.dumps(provenance, sort_keys=True) if provenance else None,
            ),
        )

    def _refresh_source(self, domain: str) -> None:
        """Write the registry's and the operator's values over the outlet's ``sources`` row
        (values neither gives stay: a page's site name, a country-code country)."""
        row = self._row("SELECT * FROM sources WHERE domain = ?", (domain,))  # type: ignore[attr-defined]
        known = self._registered(domain)
        if row is None or known is None:
            return
        provenance = _provenance(row["provenance"], ())
        values = {
            "name": row["name"],
            "country": row["country"],
            "language": row["language"],
            "leaning": row["leaning"],
            "owner": row["owner"],
            "typology": row["typology"],
        }
        before = dict(values)
        for field in FIELDS:
            column = "language" if field == "languages" else field
            source = known.provenance.get(field)
            value = known.language if field == "languages" else getattr(known, field)
            if value or source == OPERATOR:  # the operator may clear a value
                values[column] = value or (domain if column == "name" else None)
                provenance[field] = source or provenance.get(field, "")
        if values == before and _provenance(row["provenance"], ()) == provenance:
            return
        if values != before:  # the digests of its stories describe it: rebuild them
            self._exec(  # type: ignore[attr-defined]
                "UPDATE stories SET digest_stale = 1 WHERE merged_into IS NULL AND digest "
                "IS NOT NULL AND id IN (SELECT story_id FROM articles WHERE source = ? "
                "AND story_id IS NOT NULL)",
                (domain,),
            )
        self._exec(  # type: ignore[attr-defined]
            "UPDATE sources SET name = ?, country = ?, language = ?, leaning = ?, owner = ?, "
            "typology = ?, provenance = ? WHERE domain = ?",
            (
                values["name"],
                values["country"],
                values["language"],
                values["leaning"],
                values["owner"],
                values["typology"],
                json.dumps(provenance, sort_keys=True),
                domain,
            ),
        )


def _apply(outlet: Outlet, overrides: dict[str, str]) -> Outlet:
    for field, value in overrides.items():
        _put(outlet, field, value or None)
        outlet.provenance[field] = OPERATOR
    return outlet

"""The outlets' rows in SQL (mixed into ``SqlStore``): the ``sources`` table that articles,
feeds, pages and spread charts refer to (the registry behind it: ``outlets_sql.py``)."""

from __future__ import annotations

from crosswire.models import Source
from crosswire.store.sql_core import SqlCore, build


class SourcesSql(SqlCore):
    def upsert_source(self, source: Source) -> None:
        self._exec(
            "INSERT INTO sources (domain, name, country, language, leaning, owner, typology, "
            "provenance) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (domain) DO UPDATE SET "
            "name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE sources.name END, "
            "country = coalesce(excluded.country, sources.country), "
            "language = coalesce(excluded.language, sources.language), "
            "leaning = coalesce(excluded.leaning, sources.leaning), "
            "owner = coalesce(excluded.owner, sources.owner), "
            "typology = coalesce(excluded.typology, sources.typology), "
            "provenance = coalesce(excluded.provenance, sources.provenance)",
            (
                source.domain,
                source.name or "",
                source.country,
                source.language,
                source.leaning,
                source.owner,
                source.typology,
                source.provenance,
            ),
        )

    def get_source(self, domain: str) -> Source | None:
        row = self._row("SELECT * FROM sources WHERE domain = ?", (domain,))
        return None if row is None else build(Source, row)

    def list_sources(self) -> list[Source]:
        return [build(Source, r) for r in self._rows("SELECT * FROM sources ORDER BY domain")]

    def _ensure_source(self, domain: str) -> None:
        self._rows(
            "INSERT INTO sources (domain, name) VALUES (?, ?) ON CONFLICT (domain) DO NOTHING",
            (domain, domain),
        )

"""``DigestStore`` in SQL (mixed into ``SqlStore``): a story's digest is kept as JSON in its
row, with its first sentence (``lead``, what cards show) and its places (``story_places``,
what the place filter reads). The JSON is read and written only here, by ``digest_row`` and
``digest_of``; ``digest_stale`` flags the stories whose stamp is not their articles'."""

from __future__ import annotations

import json

from crosswire.models import Digest, ids_stamp
from crosswire.store.digest_json import digest_from_json, digest_json
from crosswire.store.digests import DigestStore
from crosswire.store.sql_core import SqlCore


def digest_row(digest: Digest) -> tuple[str, str | None, list[tuple[str, str]]]:
    """What a digest is stored as: its JSON (``digest_json``), its lead (the first sentence
    of its summary) and its places as ``(code, name)``, each code once, in the digest's
    order."""
    payload = json.dumps(digest_json(digest), ensure_ascii=False, default=str)
    lead = digest.summary[0].text if digest.summary else None
    places = {p.code: p for p in digest.places if p.code}
    return payload, lead, [(code, str(p.name or code)) for code, p in places.items()]


def digest_of(payload: str | None) -> Digest | None:
    """The digest stored as ``payload`` (None: none stored)."""
    return digest_from_json(json.loads(payload)) if payload else None


class DigestsSql(SqlCore, DigestStore):
    # 0 when the story has no articles or its digest's stamp is theirs; parameters: the
    # number of articles and their stamp (``_story_counts`` gives both)
    _STALE_UNLESS_STAMP = "CASE WHEN ? = 0 OR coalesce(digest_stamp, '') = ? THEN 0 ELSE 1 END"

    def _story_counts(self, story_id: int) -> tuple[int, int, tuple[int, str]]:
        """A story's articles and outlets now, and the parameters of ``_STALE_UNLESS_STAMP``
        (the number of its articles and their ``article_stamp``)."""
        row = self._row(
            "SELECT count(*) AS articles, count(DISTINCT source) AS sources, "
            "max(id) AS top, sum(id) AS total FROM articles WHERE story_id = ?",
            (story_id,),
        )
        assert row is not None
        articles = int(row["articles"])
        return (
            articles,
            int(row["sources"]),
            (articles, ids_stamp(articles, row["top"], row["total"])),
        )

    def save_digest(
        self, story_id: int, digest: Digest, stamp: str, title: str | None = None
    ) -> None:
        payload, lead, places = digest_row(digest)
        with self._tx():
            # the UPDATE locks the story first, so the articles read next include those of
            # any attach that locked it before us; a later one compares with our stamp
            if title:
                self._exec(
                    "UPDATE stories SET digest = ?, digest_stamp = ?, lead = ?, title = ? "
                    "WHERE id = ?",
                    (payload, stamp, lead, title, story_id),
                )
            else:
                self._exec(
                    "UPDATE stories SET digest = ?, digest_stamp = ?, lead = ? WHERE id = ?",
                    (payload, stamp, lead, story_id),
                )
            self._exec("DELETE FROM story_places WHERE story_id = ?", (story_id,))
            for position, (code, name) in enumerate(places):
                self._exec(
                    "INSERT INTO story_places (story_id, code, name, position) VALUES (?, ?, ?, ?)",
                    (story_id, code, name, position),
                )
            _, _, flag = self._story_counts(story_id)
            self._exec(
                f"UPDATE stories SET digest_stale = {self._STALE_UNLESS_STAMP} WHERE id = ?",
                (*flag, story_id),
            )

    def mark_digests_stale(self) -> int:
        built = "WHERE digest IS NOT NULL AND merged_into IS NULL AND digest_stale = 0"
        with self._tx():
            count = int(self._scalar(f"SELECT count(*) AS n FROM stories {built}"))
            self._exec(f"UPDATE stories SET digest_stale = 1 {built}")
        return count

    def stale_digests(self, limit: int = 100) -> list[int]:
        # the partial index stories_digest_stale holds only stale stories: O(stale), not a
        # scan of every article (the flag is kept by _refresh_counts and save_digest)
        rows = self._rows(
            "SELECT id FROM stories WHERE digest_stale = 1 AND merged_into IS NULL "
            "ORDER BY updated_at DESC, id DESC LIMIT ?",
            (limit,),
        )
        return [int(r["id"]) for r in rows]

"""The digests' part of the storage contract (``Store`` inherits it): each story's digest is
cached with a stamp of the articles it covers, and rebuilt when they change."""

from __future__ import annotations

from abc import ABC, abstractmethod

from crosswire.models import Digest


class DigestStore(ABC):
    @abstractmethod
    def save_digest(
        self, story_id: int, digest: Digest, stamp: str, title: str | None = None
    ) -> None:
        """Cache a story's digest, stamped with what it covers."""

    @abstractmethod
    def mark_digests_stale(self) -> int:
        """Flag every live story's digest for rebuilding (the digest code or its settings
        changed); return how many were flagged."""

    @abstractmethod
    def stale_digests(self, limit: int = 100) -> list[int]:
        """Ids of live stories with articles whose digest is missing or does not cover
        exactly their articles (its stamp is not ``article_stamp`` of their ids), most
        recently updated first. Costs O(stale stories): a flag kept with every change of a
        story's articles, cleared by ``save_digest`` only when its stamp matches them."""

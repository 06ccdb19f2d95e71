"""Exact and near copies: the same canonical URL, the same text, or mostly the same words.

Near copies are found with MinHash LSH over word shingles of the body (titles are often
rewritten by the outlets that re-publish wire copy), then confirmed by the estimated share of
the shorter text's shingles found in the other (a trimmed copy is contained in its original).

Of two copies, the original is the one a credit line names ("originally appeared on …"),
else the one published first: a copy that arrives before its original (a slow feed, an
import out of order) hands the role over when the original comes (``make_original``).
"""

from __future__ import annotations

import heapq
from collections import OrderedDict
from dataclasses import dataclass

from datasketch import MinHashLSH

from crosswire.dedup.shingles import estimate_containment, shingle_normalised, sign
from crosswire.models import Article, normalise_text
from crosswire.urls import canonicalise_url


@dataclass(frozen=True)
class CopyOptions:
    containment: float = 0.5  # confirmed near copy at or above this share of shared shingles
    candidate_jaccard: float = 0.2  # LSH recall point; candidates are then confirmed
    shingle_words: int = 4
    num_perm: int = 128
    min_shingles: int = 8  # shorter bodies are only matched exactly
    max_entries: int = 200_000  # the oldest entries are forgotten beyond this


@dataclass
class _Entry:
    article_id: int
    root: int  # the original this article copies, or itself
    source: str
    credit: str
    url: str | None
    text_hash: str | None
    signature: object | None
    size: int
    when: float | None = None  # publication (or fetch) time, seconds since the epoch


class CopyIndex:
    """Remembers recent articles and tells which one a new article copies, if any."""

    def __init__(self, options: CopyOptions | None = None) -> None:
        self.options = options or CopyOptions()
        self._entries: OrderedDict[int, _Entry] = OrderedDict()
        self._by_url: dict[str, int] = {}
        self._by_hash: dict[str, int] = {}
        self._by_time: list[tuple[float, int]] = []  # (when, article id) of dated entries
        self._copies: dict[int, list[int]] = {}  # root -> the ids indexed as its copies
        self._last_described: tuple[Article, _Entry] | None = None
        self._lsh = MinHashLSH(
            threshold=self.options.candidate_jaccard, num_perm=self.options.num_perm
        )

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._entries

    def find(self, article: Article) -> int | None:
        """Id of the indexed article that ``article`` is a copy of (or the original of)."""
        entry = self._describe(article)
        if entry.url and entry.url in self._by_url:
            return self._by_url[entry.url]
        if entry.text_hash and entry.text_hash in self._by_hash:
            return self._by_hash[entry.text_hash]
        if entry.signature is None:
            return None
        best, best_share = None, -1.0
        for key in sorted(self._lsh.query(entry.signature)):
            other = self._entries[key]
            share = estimate_containment(
                entry.signature,
                entry.size,
                other.signature,
                other.size,
            )
            if share >= self.options.containment and share > best_share:
                best, best_share = key, share
        return best

    def root_of(self, article_id: int) -> int:
        entry = self._entries.get(article_id)
        return entry.root if entry else article_id

    def is_original_of(self, article: Article, indexed_id: int) -> bool:
        """Whether ``article`` is the original of the indexed article rather than its copy:
        the indexed article's credit line names ``article``'s outlet; or, ``article``'s own
        credit line not naming the indexed one's, ``article`` was published first."""
        other = self._entries.get(indexed_id)
        if other is None:
            return False
        if _names_outlet(other.credit, article.source, article.site_name):
            return True
        mine = self._describe(article)
        if _names_outlet(mine.credit, other.source, None):
            return False
        return mine.when is not None and other.when is not None and mine.when < other.when

    def make_original(self, article_id: int, old_root: int) -> None:
        """``article_id`` (indexed as its own original) becomes the original of ``old_root``
        and of every copy of it."""
        moved = [old_root, *self._copies.pop(old_root, [])]
        for copy_id in moved:
            entry = self._entries.get(copy_id)
            if entry is not None:
                entry.root = article_id
        self._copies.setdefault(article_id, []).extend(moved)

    def add(self, article: Article, root: int | None = None) -> None:
        """Index ``article`` (with ``root`` the original it copies, if it is a copy)."""
        if article.id is None or article.id in self._entries:
            return
        entry = self._describe(article)
        entry.root = root if root is not None else article.id
        self._entries[article.id] = entry
        if entry.root != article.id:
            self._copies.setdefault(entry.root, []).append(article.id)
        if entry.url:
            self._by_url.setdefault(entry.url, article.id)
        if entry.text_hash:
            self._by_hash.setdefault(entry.text_hash, article.id)
        if entry.signature is not None:
            self._lsh.insert(article.id, entry.signature, check_duplication=False)
        if entry.when is not None:
            heapq.heappush(self._by_time, (entry.when, article.id))
        while len(self._entries) > self.options.max_entries:
            self._forget(next(iter(self._entries)))

    def expire(self, before: float) -> None:
        """Forget the dated articles published before ``before`` (seconds since the epoch):
        wire copy is re-published within days, and the index then holds a window of the
        stream instead of ``max_entries`` articles. Undated ones go only by count."""
        while self._by_time and self._by_time[0][0] < before:
            when, article_id = heapq.heappop(self._by_time)
            entry = self._entries.get(article_id)
            if entry is not None and entry.when == when:  # not one forgotten and re-added
                self._forget(article_id)

    def _forget(self, article_id: int) -> None:
        entry = self._entries.pop(article_id)
        self._copies.pop(article_id, None)
        if entry.url and self._by_url.get(entry.url) == article_id:
            del self._by_url[entry.url]
        if entry.text_hash and self._by_hash.get(entry.text_hash) == article_id:
            del self._by_hash[entry.text_hash]
        if entry.signature is not None:
            self._lsh.remove(article_id)

    def _describe(self, article: Article) -> _Entry:
        # ``find`` then ``add`` describe the same article: sign its text once
        last = self._last_described
        same_id = -1 if article.id is None else article.id
        if last is not None and last[0] is article and last[1].article_id == same_id:
            return last[1]
        entry = self._describe_anew(article)
        self._last_described = (article, entry)
        return entry

    def _describe_anew(self, article: Article) -> _Entry:
        body = normalise_text(article.text or "")
        shingles = shingle_normalised(body, self.options.shingle_words)
        enough = len(shingles) >= self.options.min_shingles
        return _Entry(
            article_id=article.id if article.id is not None else -1,
            root=article.id if article.id is not None else -1,
            source=article.source or "",
            credit=normalise_text(article.origin or ""),
            url=canonicalise_url(article.canonical_url or article.url),
            text_hash=article.content_hash if body else None,
            signature=sign(shingles, self.options.num_perm) if enough else None,
            size=len(shingles),
            when=article.when.timestamp() if article.when is not None else None,
        )


def _names_outlet(credit: str, source: str | None, site_name: str | None) -> bool:
    """Whether a (normalised) credit line names the outlet of ``source`` (a domain) or
    ``site_name``: "wire.example" is named by "wire.example" or "wire"."""
    if not credit:
        return False
    names = {n for n in (source, site_name) if n}
    names |= {n.removeprefix("www.").split(".")[0] for n in list(names) if "." in n}
    return any(normalise_text(n) in credit for n in names if len(n) > 2)

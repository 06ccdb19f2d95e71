"""What a reader mutes: outlets, keywords, and named keyword lists ("filters").

A muted story is hidden from that reader's front page, lists, feeds and API answers:
a story is muted when every outlet that reports it is muted (an outlet muted alone does not
hide a story others report too), or when a muted keyword is a word of its headline or of
its lead (the first sentence of its summary). Keywords match whole words, case- and
width-insensitively; in scripts written without spaces between words (Chinese, Japanese,
Thai …) a keyword matches anywhere. The filters are the topic lists of Kagi News
(``data/content_filters.json``, MIT, see ``data/PROVENANCE``): muting one mutes each of its
keywords in every language it lists.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources

from crosswire.readers.follows import FollowError, normalise_domain

MUTE_KINDS = ("outlet", "keyword", "filter")
MAX_KEYWORD = 100
# scripts whose words are not separated by spaces: a keyword there matches as a substring
_UNSPACED = re.compile(
    "[\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]"
)


@dataclass(frozen=True)
class ContentFilter:
    id: str
    label: str
    keywords: dict[str, tuple[str, ...]]  # language key -> keywords

    def all_keywords(self) -> list[str]:
        """Every keyword of every language, once each."""
        return list(dict.fromkeys(k for words in self.keywords.values() for k in words))


@cache
def content_filters() -> dict[str, ContentFilter]:
    """The named keyword lists shipped with crosswire, by id."""
    raw = (resources.files("crosswire.readers") / "data" / "content_filters.json").read_text(
        "utf-8"
    )
    out = {}
    for item in json.loads(raw)["filters"]:
        words = {lang: tuple(ws) for lang, ws in item["keywords"].items()}
        out[item["id"]] = ContentFilter(item["id"], item["label"], words)
    return out


def fold(text: str) -> str:
    """Text as keywords are compared: NFKC, case-folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def normalise_mute(kind: str, raw: str) -> str:
    """The stored form of a mute; FollowError when it cannot be one."""
    if kind == "outlet":
        return normalise_domain(raw)
    if kind == "filter":
        if raw.strip() not in content_filters():
            raise FollowError(f"no such filter: {raw.strip()[:40]!r}")
        return raw.strip()
    if kind != "keyword":
        raise FollowError(f"cannot mute a {kind!r}: one of {', '.join(MUTE_KINDS)}")
    word = fold(raw)
    if not any(ch.isalnum() for ch in word):
        raise FollowError("a muted keyword needs a letter or a digit")
    if len(word) > MAX_KEYWORD:
        raise FollowError(f"a muted keyword is at most {MAX_KEYWORD} characters")
    return word


@dataclass(frozen=True)
class Mutes:
    """One reader's mutes, ready to test stories against."""

    outlets: frozenset[str] = frozenset()
    keywords: tuple[str, ...] = ()
    rows: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def __bool__(self) -> bool:
        return bool(self.outlets or self.keywords)

    @property
    def key(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """A hashable value that changes whenever the mutes do (for caches)."""
        return tuple(sorted(self.outlets)), self.keywords

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        spaced = [k for k in self.keywords if not _UNSPACED.search(k)]
        unspaced = [k for k in self.keywords if _UNSPACED.search(k)]
        parts = []
        if spaced:
            words = "|".join(re.escape(k) for k in sorted(spaced, key=len, reverse=True))
            parts.append(rf"(?<!\w)(?:{words})(?!\w)")
        if unspaced:
            parts.append("|".join(re.escape(k) for k in sorted(unspaced, key=len, reverse=True)))
        return re.compile("|".join(parts)) if parts else None

    def matching_keyword(self, *texts: str | None) -> str | None:
        """The first muted keyword found in the texts, or None."""
        if self._pattern is None:
            return None
        found = self._pattern.search(fold("\n".join(t for t in texts if t)))
        return found.group(0) if found else None

    def hides(self, title: str | None, lead: str | None, sources: Iterable[str]) -> bool:
        """Whether a story with this headline, lead and outlets is muted."""
        outlets = [s for s in sources if s]
        if self.outlets and outlets and all(s in self.outlets for s in outlets):
            return True
        return self.matching_keyword(title, lead) is not None

    def hides_card(self, card: dict) -> bool:
        """``hides`` for a story card (``crosswire.web.views.story_cards``)."""
        return self.hides(card.get("title"), card.get("lead"), card.get("sources") or ())


def build_mutes(rows: Iterable[tuple[str, str]]) -> Mutes:
    """Mutes from stored ``(kind, value)`` rows; a filter brings in all its keywords."""
    rows = tuple(rows)
    outlets = frozenset(v for k, v in rows if k == "outlet")
    keywords: dict[str, None] = {}
    filters = content_filters()
    for kind, value in rows:
        if kind == "keyword":
            keywords[fold(value)] = None
        elif kind == "filter" and value in filters:
            for word in filters[value].all_keywords():
                keywords[fold(word)] = None
    return Mutes(outlets, tuple(k for k in keywords if k), rows)

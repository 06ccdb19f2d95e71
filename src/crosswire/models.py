"""Dataclasses passed between the pipeline stages.

Stages take and return these; none of them imports the store or the web layer.
All times are timezone-aware UTC datetimes.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import overload


def utcnow() -> datetime:
    return datetime.now(UTC)


@overload
def as_utc(value: datetime) -> datetime: ...
@overload
def as_utc(value: datetime | str | None) -> datetime | None: ...
def as_utc(value: datetime | str | None) -> datetime | None:
    """Parse an ISO-8601 string or normalise a datetime to aware UTC."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip().replace("Z", "+00:00")
        value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def plausible_publication(when: datetime | None) -> datetime | None:
    """A publication time read from a feed or an import file, or None when it lies more
    than a day in the future: a wrong date would otherwise move the story engine's clock
    past every live story (the article then counts from its fetch time, as an undated one).
    Pages need no such guard: their date extraction already refuses dates after today."""
    if when is None or when > utcnow() + timedelta(days=1):
        return None
    return when


_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Case-folded, NFKC, whitespace-collapsed text: the basis of the content hash."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def content_hash(title: str, text: str) -> str:
    body = normalise_text(text) or normalise_text(title)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def article_stamp(article_ids: list[int] | set[int]) -> str:
    """What a cached digest covers; changes whenever the story's article set changes."""
    ids = [int(i) for i in article_ids]
    return ids_stamp(len(ids), max(ids, default=0), sum(ids))


def ids_stamp(count: int, top: int | None, total: int | None) -> str:
    """``article_stamp`` from what a query aggregates: the number, largest and sum of the ids."""
    return f"{int(count)}:{int(top or 0)}:{int(total or 0)}"


@dataclass
class Source:
    """An outlet. Leaning and typology belong to the source, never to an article."""

    domain: str
    name: str = ""
    country: str | None = None  # ISO 3166-1 alpha-2
    language: str | None = None  # ISO 639-1
    leaning: str | None = None  # left, lean-left, center, lean-right, right
    owner: str | None = None
    typology: str | None = None  # private, public-broadcaster, state-controlled, wire, ...
    provenance: str | None = None  # where the metadata came from


@dataclass
class Feed:
    url: str
    id: int | None = None
    source_domain: str | None = None
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    interval_seconds: int = 900
    next_fetch_at: datetime | None = None
    last_fetched_at: datetime | None = None
    last_success_at: datetime | None = None
    error_count: int = 0
    last_error: str | None = None
    claimed_until: datetime | None = None


@dataclass
class Article:
    title: str
    text: str
    url: str | None = None
    id: int | None = None
    external_id: str | None = None  # the id given by an import file
    canonical_url: str | None = None
    byline: str | None = None
    published_at: datetime | None = None
    fetched_at: datetime | None = None
    language: str | None = None
    source: str | None = None  # domain of the Source
    site_name: str | None = None
    content_hash: str | None = None
    duplicate_of: int | None = None
    origin: str | None = None  # credit line: "originally appeared on ..."
    partial: bool = False  # text is the feed summary only
    feed_id: int | None = None
    story_id: int | None = None

    def __post_init__(self) -> None:
        if self.content_hash is None:
            self.content_hash = content_hash(self.title or "", self.text or "")

    @property
    def key(self) -> str:
        """What the outside world calls this article: its import id, else its number."""
        return self.external_id if self.external_id is not None else str(self.id)

    @property
    def when(self) -> datetime | None:
        """When the article appeared (published, else fetched), in aware UTC."""
        return as_utc(self.published_at or self.fetched_at)


@dataclass
class Story:
    title: str
    id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    article_ids: list[int] = field(default_factory=list)
    merged_into: int | None = None
    digest: Digest | None = None
    digest_stamp: str | None = None  # hash of the article ids the digest covers
    hotness: float = 0.0  # front-page order (recency and breadth), kept by the store
    lead: str | None = None  # first summary sentence of the digest, kept by the store
    topic_id: int | None = None  # its developing story: the id of that topic's first story

    @property
    def headline(self) -> str:
        """What the story is called: its digest's headline, else its title."""
        return (self.digest.headline if self.digest else "") or self.title


@dataclass
class Assignment:
    """The story engine's decision for one article."""

    article_id: int
    story_id: int | None  # None: starts a new story
    duplicate_of: int | None = None
    score: float = 0.0
    topic_id: int | None = None  # the developing story (the id of its first story)


@dataclass
class User:
    name: str
    password_hash: str
    id: int | None = None
    role: str = "user"  # user, moderator, admin
    created_at: datetime | None = None
    banned: bool = False


@dataclass
class Submission:
    url: str
    user_id: int
    id: int | None = None
    article_id: int | None = None
    status: str = "pending"  # pending, done, failed
    error: str | None = None
    created_at: datetime | None = None


@dataclass
class Comment:
    story_id: int
    user_id: int
    body: str
    id: int | None = None
    parent_id: int | None = None
    created_at: datetime | None = None
    edited_at: datetime | None = None
    deleted: bool = False
    hidden: bool = False
    score: int = 0
    user_name: str | None = None


@dataclass
class ModerationEntry:
    moderator_id: int
    action: str
    target_type: str
    target_id: int
    reason: str = ""
    id: int | None = None
    created_at: datetime | None = None


@dataclass
class Follow:
    """What a reader follows: a story, a developing story, an outlet, a place or a query
    (``kind``, with ``target`` its id, domain, country code or words)."""

    user_id: int
    kind: str
    target: str
    label: str = ""
    id: int | None = None
    feed_token: str | None = None  # the secret of its private Atom feed; None: no feed
    created_at: datetime | None = None
    seen_at: datetime | None = None  # when the reader last looked at it
    seen_article_id: int = 0  # the newest article id at that moment: newer ones are new

    @property
    def story_id(self) -> int | None:
        """The story or developing story followed (None for the other kinds)."""
        return int(self.target) if self.kind in ("story", "topic") else None


# The digest of a story (``digest.build_digest``), part by part. Stages build and read these;
# JSON exists only where the store keeps them and the API sends them
# (``store.digest_json``). A field marked ``OMIT_DEFAULT`` is left out of that JSON while it
# holds its default (the key is absent, not null), as the digest's JSON has always done.
OMIT_DEFAULT = {"omit_default": True}


@dataclass
class Evidence:
    """Another outlet's sentence credited to a summary sentence."""

    source: str = ""
    article_id: int = 0
    sentence: str = ""
    score: float = 0.0


@dataclass
class DisputeSide:
    """One side of a disagreement as a summary sentence shows it (``here``: the sentence, or
    one credited to it, is on this side)."""

    claim: str = ""
    sources: list[str] = field(default_factory=list)
    published: str | None = field(default=None, metadata=OMIT_DEFAULT)  # changed figures
    here: bool = False


@dataclass
class Dispute:
    """A disagreement (or changed figure) a summary sentence takes part in."""

    kind: str = ""
    topic: str = ""
    sides: list[DisputeSide] = field(default_factory=list)


@dataclass
class SummaryEntry:
    """A summary sentence, crediting every outlet that reports the same thing."""

    text: str = ""
    language: str = ""
    lead_in: str = ""  # a dateline or credit before the sentence, not part of it
    article_id: int = 0
    source: str = ""
    sources: list[str] = field(default_factory=list)
    also_published_by: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    disputed: list[Dispute] = field(default_factory=list)
    changed: list[Dispute] = field(default_factory=list)
    one_side: str | None = None  # "left", "center", "right": only that side reports it


@dataclass
class SideEvidence:
    """A sentence on one side of a conflict."""

    article_id: int = 0
    sentence: str = ""
    source: str = ""


@dataclass
class ConflictSide:
    claim: str = ""
    sources: list[str] = field(default_factory=list)
    sentence: str = ""  # the side's first sentence
    article_id: int = 0
    evidence: list[SideEvidence] = field(default_factory=list)  # every outlet's sentence
    published: str | None = field(default=None, metadata=OMIT_DEFAULT)  # changed: first report


@dataclass
class Conflict:
    """A disagreement between outlets (``changed``: a figure that changed between reports
    hours apart, sides earliest first)."""

    kind: str = ""
    topic: str = ""
    sides: list[ConflictSide] = field(default_factory=list)
    changed: bool = field(default=False, metadata=OMIT_DEFAULT)


@dataclass
class FigureValue:
    text: str = ""
    value: float = 0.0
    unit: str = ""
    source: str = ""
    article_id: int = 0
    sentence: str = ""


@dataclass
class FigureRow:
    """A figure several outlets give (``subject``: its unit), with each outlet's value."""

    subject: str = ""
    conflict: bool = False
    values: list[FigureValue] = field(default_factory=list)
    changed: bool = field(default=False, metadata=OMIT_DEFAULT)


@dataclass
class QuoteVersion:
    """A quote as outlets give it in another language."""

    quote: str = ""
    language: str = ""
    sources: list[str] = field(default_factory=list)


@dataclass
class Quote:
    quote: str = ""
    speaker: str | None = None
    sources: list[str] = field(default_factory=list)
    translations: list[QuoteVersion] = field(default_factory=list)


@dataclass
class OnlyIn:
    """A fact only one outlet reports."""

    source: str = ""
    article_id: int = 0
    sentence: str = ""


@dataclass
class OneSide:
    """A fact only outlets of one side of the spectrum report."""

    side: str = ""
    sentence: str = ""
    article_id: int = 0
    source: str = ""
    sources: list[str] = field(default_factory=list)
    in_summary: bool = False


@dataclass
class Comparison:
    """What the comparison stage finds: figures, conflicts, quotes, lone facts."""

    numbers: list[FigureRow] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    only_in: list[OnlyIn] = field(default_factory=list)
    one_side: list[OneSide] = field(default_factory=list)


@dataclass
class TimelineEntry:
    at: str = ""  # ISO-8601
    source: str | None = ""
    article_id: int | None = 0
    title: str = ""
    kind: str = ""  # first_report, first_from_source, update


@dataclass
class Spread:
    """Outlets (each counted once) by leaning, country, language and typology."""

    leaning: dict[str, int] = field(default_factory=dict)
    country: dict[str, int] = field(default_factory=dict)
    language: dict[str, int] = field(default_factory=dict)
    typology: dict[str, int] = field(default_factory=dict)
    blindspot: str | None = None  # "left", "right" or "country:XX"


@dataclass
class Place:
    """A country the story happens in (``articles``: how many reports name it)."""

    code: str = ""
    name: str = ""
    articles: int = 0


@dataclass
class Copy:
    """A syndicated copy and its original ("also published by")."""

    article_id: int = 0
    source: str = ""
    original_id: int = 0
    original_source: str = ""


@dataclass
class Digest:
    """A story's digest; ``covers``, ``originals`` and ``options_key`` say what it was built
    from (``build_digest`` reuses it while they hold)."""

    headline: str = ""
    language: str = ""
    summary: list[SummaryEntry] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    spread: Spread = field(default_factory=Spread)
    places: list[Place] = field(default_factory=list)
    comparison: Comparison = field(default_factory=Comparison)
    copies: list[Copy] = field(default_factory=list)
    article_count: int = 0
    source_count: int = 0
    covers: list[int] = field(default_factory=list)
    originals: list[int] = field(default_factory=list)
    options_key: str = ""

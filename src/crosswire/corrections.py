"""Moderators' corrections of the story engine: merge two stories into one, or split an
article (with its copies) out of its story, into a new story or into another one.

Each correction is kept (``story_corrections``), written to the public moderation log and
listed by ``/api/corrections``, and the story engine keeps to it: the pipeline passes the
engine's own moves and merges through :func:`respect_corrections`, which drops any that
would put a split article back with the story it was taken from, or take articles out of
a story a moderator merged another into; when it drops one, the pipeline rebuilds the
engine from the store (which holds the corrected stories). A correction made by another
process (the web server, while a worker assigns) reaches the engine through a counter in
the store's meta table (:func:`engine_outdated`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from crosswire.constants import CORRECTIONS_META
from crosswire.models import ModerationEntry, User, utcnow
from crosswire.store.readers import readers_of

_UNSET = object()


class CorrectionError(ValueError):
    """A correction that cannot be made; the message says why in one line."""


def _bump(store: Any) -> None:
    current = store.get_meta(CORRECTIONS_META)
    store.set_meta(CORRECTIONS_META, str(int(current or 0) + 1))


def _live(store: Any, story_id: int, what: str) -> Any:
    story = store.get_story(story_id)
    if story is None:
        raise CorrectionError(f"no such story: {what} {story_id}")
    return story


def merge(store: Any, from_id: int, into_id: int, moderator: User, reason: str = "") -> dict:
    """Move every article of story ``from_id`` into ``into_id``; ``from_id`` redirects."""
    source = _live(store, from_id, "story")
    target = _live(store, into_id, "story")
    if source.id == target.id:
        raise CorrectionError(f"stories {from_id} and {into_id} are already one story")
    at = max(t for t in (source.updated_at, target.updated_at, utcnow()) if t is not None)
    with store.transaction():
        store.merge_stories(source.id, target.id, min(at, utcnow()))
        kept = _record(
            store,
            "merge",
            source.id,
            target.id,
            moderator,
            reason,
            ("story", source.id),
            f"into story {target.id}",
        )
    return kept


def split(
    store: Any, article_id: int, into_id: int | None, moderator: User, reason: str = ""
) -> dict:
    """Take an article and its copies out of their story, into story ``into_id`` or (None)
    a new story of their own. A copy chosen stands for its original."""
    article = store.get_article(article_id)
    if article is None:
        raise CorrectionError(f"no such article: {article_id}")
    if article.duplicate_of is not None:
        original = store.get_article(article.duplicate_of)
        if original is not None and original.story_id == article.story_id:
            article = original
    if article.story_id is None:
        raise CorrectionError(f"article {article.id} has no story yet")
    source = _live(store, article.story_id, "story")
    readers = readers_of(store)
    moving = set(readers.article_copies([article.id]))
    if set(source.article_ids) <= moving:
        raise CorrectionError(f"article {article.id} and its copies are the whole story")
    at = min(article.when or utcnow(), utcnow())
    with store.transaction():
        if into_id is None:
            target_id = int(store.create_story(article.title or "", [], at).id)
        else:
            target_id = int(_live(store, into_id, "story").id)
            if target_id == source.id:
                raise CorrectionError(f"article {article.id} is already in story {target_id}")
        store.move_article(article.id, target_id, at)
        kept = _record(
            store,
            "split",
            int(source.id),
            target_id,
            moderator,
            reason,
            ("article", int(article.id)),
            f"from story {source.id} into story {target_id}",
            article_id=article.id,
        )
    return kept


def _record(
    store: Any,
    kind: str,
    from_story: int,
    into_story: int,
    moderator: User,
    reason: str,
    target: tuple[str, int],
    what: str,
    article_id: int | None = None,
) -> dict[str, Any]:
    """Keep the correction, write it to the moderation log and tell running engines."""
    kept = readers_of(store).record_correction(
        kind,
        from_story=from_story,
        into_story=into_story,
        moderator_id=moderator.id or 0,
        article_id=article_id,
        reason=reason,
    )
    store.log_moderation(
        ModerationEntry(
            moderator_id=moderator.id or 0,
            action=kind,
            target_type=target[0],
            target_id=target[1],
            reason=_why(what, reason),
        )
    )
    _bump(store)
    return kept


def _why(what: str, reason: str) -> str:
    reason = " ".join(reason.split())[:400]
    return f"{what}: {reason}" if reason else what


@dataclass
class Guard:
    """What the engine may not undo."""

    apart: dict[int, set[int]]  # an article (or copy) split out -> the stories it may not join
    merged: set[int]  # stories a moderator merged into: the engine takes nothing out of them


def guard_of(store: Any) -> Guard | None:
    """The corrections as the stories now stand (None: there are none)."""
    readers = readers_of(store)
    pins = readers.split_pins()
    merged = readers.merge_pins()
    if not pins and not merged:
        return None
    apart: dict[int, set[int]] = {}
    for article_id, original in readers.article_copies(pins).items():
        apart[article_id] = pins[original]
    return Guard(apart, merged)


def respect_corrections(
    store: Any, moves: list[tuple[int, int, int]], merges: list[tuple[int, int]]
) -> tuple[list[tuple[int, int, int]], list[tuple[int, int]], bool]:
    """The engine's moves ``(article, from story, into story)`` and merges ``(from, into)``
    less those that undo a correction, and whether any was dropped (then the engine's own
    state is wrong: rebuild it from the store)."""
    if not moves and not merges:
        return moves, merges, False
    guard = guard_of(store)
    if guard is None:
        return moves, merges, False
    kept_moves = [
        (article_id, from_id, into_id)
        for article_id, from_id, into_id in moves
        if from_id not in guard.merged and into_id not in guard.apart.get(article_id, set())
    ]
    where = {a.id: a.story_id for a in store.get_articles(list(guard.apart), text=False)}
    kept_merges = []
    for from_id, into_id in merges:
        sides = {from_id, into_id}
        undoes = any(
            where.get(article_id) in sides and (sides - {where.get(article_id)}) & forbidden
            for article_id, forbidden in guard.apart.items()
        )
        if not undoes:
            kept_merges.append((from_id, into_id))
    dropped = len(kept_moves) < len(moves) or len(kept_merges) < len(merges)
    return kept_moves, kept_merges, dropped


def engine_outdated(pipeline: Any) -> bool:
    """True when stories were corrected since ``pipeline`` last looked (its engine then
    holds assignments the store no longer has)."""
    now = pipeline.store.get_meta(CORRECTIONS_META)
    seen = getattr(pipeline, "_corrections_seen", _UNSET)
    pipeline._corrections_seen = now
    return seen is not _UNSET and seen != now

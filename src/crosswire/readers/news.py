"""A reader's news from the store: labels and new-since counts of its follows, the stories
of one follow or of all of them, with its mutes applied."""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from crosswire.models import Follow
from crosswire.readers.follows import FollowError, normalise_target
from crosswire.readers.mutes import Mutes, build_mutes
from crosswire.store.readers import readers_of
from crosswire.text.places import country_name

NEW_CAP = 100  # a count of new articles stops here ("100+")


class Kept(Protocol):
    """What readers' pages share, kept by the caller while the stories do not change: a
    followed thing's pages of story ids (the same for every reader who follows it) and the
    stories' heads that mutes are checked against."""

    def find(self, key: tuple[Any, ...]) -> Any: ...

    def put(self, key: tuple[Any, ...], value: Any) -> None: ...


def reader_mutes(store: Any, user_id: int | None) -> Mutes:
    if user_id is None:
        return Mutes()
    return build_mutes(readers_of(store).list_mutes(user_id))


def follow_label(store: Any, kind: str, target: str) -> str:
    """How a follow is named when the reader gives no name: the story's headline, the
    outlet's name, the country's name, the search words."""
    if kind in ("story", "topic"):
        story = store.get_story(int(target))
        if story is None:
            raise FollowError(f"no such story: {target}")
        title = story.headline
        return str(title)
    if kind == "outlet":
        source = store.get_source(target)
        if source is None:
            raise FollowError(f"no such outlet: {target}")
        return source.name or source.domain
    if kind == "place":
        return country_name(target) or target
    return target


def make_follow(store: Any, user_id: int, kind: str, raw_target: str, label: str = "") -> Follow:
    """Check and store a follow (the stored one when the reader already follows it)."""
    target = normalise_target(kind, raw_target)
    if kind == "story":  # a merged story's id: follow the story it lives on in
        story = store.get_story(int(target))
        if story is not None:
            target = str(story.id)
    name = " ".join(label.split())[:200] or follow_label(store, kind, target)
    return readers_of(store).add_follow(
        Follow(user_id=user_id, kind=kind, target=target, label=name)
    )


def new_counts(store: Any, follows: Sequence[Follow], mutes: Mutes) -> dict[int, int]:
    """For each follow, its articles new since the reader last looked (up to NEW_CAP)."""
    readers = readers_of(store)
    return {
        f.id or 0: readers.count_new_articles(f, muted_outlets=mutes.outlets, cap=NEW_CAP)
        for f in follows
    }


def visible(
    store: Any, story_ids: Iterable[int], mutes: Mutes, kept: Kept | None = None
) -> list[int]:
    """The ids of ``story_ids`` that are live and not muted, in the order given."""
    ids = list(dict.fromkeys(story_ids))
    if not mutes:
        return ids
    heads = {i: h for i in ids if (h := kept.find(("head", i)))} if kept is not None else {}
    missing = [i for i in ids if i not in heads]
    if missing:
        fresh = readers_of(store).story_heads(missing)
        for i, head in fresh.items():
            if kept is not None:
                kept.put(("head", i), head)
        heads.update(fresh)
    return [
        i
        for i in ids
        if i in heads and not mutes.hides(heads[i]["title"], heads[i]["lead"], heads[i]["sources"])
    ]


def follow_stories(
    store: Any,
    follows: Sequence[Follow],
    mutes: Mutes,
    *,
    limit: int = 30,
    before: int | None = None,
    after: int | None = None,
    kept: Kept | None = None,
) -> list[int]:
    """The unmuted live stories of any of ``follows`` (one follow: its stream; all of them:
    the reader's own front page), highest id first, or from ``after`` upwards, oldest first.
    Muted stories are skipped, reading further until ``limit`` are found; ``kept`` shares
    pages and heads across readers (see ``Kept``)."""
    readers = readers_of(store)
    ascending = after is not None and before is None
    out: list[int] = []
    lo, hi = after, before
    # followed stories: one query for all of them, a list of their own in the merge
    stories = [int(f.target) for f in follows if f.kind == "story"]
    others = [f for f in follows if f.kind != "story"]
    followed = sorted(set(readers.live_story_ids(stories).values()), reverse=not ascending)
    for _ in range(8):  # each round reads a page per follow; muted stories cost a round
        lists = []
        for f in others:
            key = ("page", f.kind, f.target, limit, hi, lo)
            page = kept.find(key) if kept is not None else None
            if page is None:
                page = readers.follow_story_ids(f, limit=limit, before=hi, after=lo)
                if kept is not None:
                    kept.put(key, page)
            lists.append(page)
        lists.append(
            [i for i in followed if (hi is None or i < hi) and (lo is None or i > lo)][:limit]
        )
        merged = list(
            dict.fromkeys(heapq.merge(*lists) if ascending else heapq.merge(*lists, reverse=True))
        )[:limit]
        if not merged:
            break
        out += visible(store, merged, mutes, kept)
        if len(out) >= limit or len(merged) < limit:
            break
        if ascending:
            lo = merged[-1]
        else:
            hi = merged[-1]
    return out[:limit]

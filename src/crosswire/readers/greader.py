"""The Google Reader API's vocabulary (as FreshRSS and Miniflux speak it): stream ids, item
ids in their long and short forms, and the JSON of an item.

A reader's follows are its subscriptions (``feed/FOLLOW_ID``), labelled by their kind;
crosswire's stories are the items, with the story's digest as their content."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from markupsafe import Markup

from crosswire.readers.follows import KIND_LABELS

READING_LIST = "user/-/state/com.google/reading-list"
READ = "user/-/state/com.google/read"
STARRED = "user/-/state/com.google/starred"
KEPT_UNREAD = "user/-/state/com.google/kept-unread"
LABEL = "user/-/label/"
ITEM_PREFIX = "tag:google.com,2005:reader/item/"
_USER = re.compile(r"^user/\d+/")
MAX_ID = 2**63 - 1


class StreamError(ValueError):
    """A stream or item id this server does not know."""


def plain_stream(stream_id: str) -> str:
    """A stream id with the user written as ``-`` (clients may send their own id)."""
    return _USER.sub("user/-/", stream_id.strip())


def label_of(kind: str) -> str:
    return LABEL + KIND_LABELS[kind]


def kind_of_label(stream_id: str) -> str:
    """The follow kind a label stream names."""
    name = stream_id[len(LABEL) :]
    for kind, label in KIND_LABELS.items():
        if label == name:
            return kind
    raise StreamError(f"no such label: {name!r}")


def follow_id_of(stream_id: str) -> int:
    raw = stream_id[len("feed/") :]
    if not raw.isdigit() or not 0 < int(raw) <= MAX_ID:
        raise StreamError(f"no such subscription: {stream_id!r}")
    return int(raw)


def long_item_id(story_id: int) -> str:
    return f"{ITEM_PREFIX}{story_id:016x}"


def parse_item_id(raw: str) -> int:
    """A story id from an item id: the long form (hex), or the short form (decimal, the
    way ``stream/items/ids`` gives it)."""
    text = raw.strip()
    try:
        if text.startswith(ITEM_PREFIX):
            value = int(text[len(ITEM_PREFIX) :], 16)
        else:
            value = int(text, 10)
    except ValueError as exc:
        raise StreamError(f"not an item id: {text[:60]!r}") from exc
    if not 0 < value <= MAX_ID:
        raise StreamError(f"not an item id: {text[:60]!r}")
    return value


def usec(when: datetime | None) -> int:
    return int(when.timestamp() * 1_000_000) if when else 0


@dataclass
class ItemSource:
    """The subscription an item is shown under."""

    stream_id: str
    title: str
    html_url: str


def digest_html(story: Any, outlets: dict[str, str]) -> str:
    """An item's content: the story's digest (each summary sentence with the outlets that
    report it), or its lead when it has no digest yet, and the outlets that report it."""
    parts: list[Markup] = []
    summary = [s for s in (story.digest.summary if story.digest else []) if s.text]
    if summary:
        items = Markup("").join(
            Markup("<li>{} <em>({})</em></li>").format(
                s.text,
                ", ".join(outlets.get(o, o) for o in (s.sources or [s.source]) if o),
            )
            for s in summary
        )
        parts.append(Markup("<ul>{}</ul>").format(items))
    elif story.lead:
        parts.append(Markup("<p>{}</p>").format(story.lead))
    if outlets:
        parts.append(Markup("<p>Reported by {}.</p>").format(", ".join(outlets.values())))
    return str(Markup("").join(parts))


def item_json(
    story: Any,
    *,
    base: str,
    source: ItemSource | None,
    read: bool,
    starred: bool,
    outlets: dict[str, str],
    labels: list[str],
) -> dict[str, Any]:
    created = story.created_at
    updated = story.updated_at or created
    link = f"{base}/stories/{story.id}"
    categories = [READING_LIST, *labels]
    if read:
        categories.append(READ)
    if starred:
        categories.append(STARRED)
    title = story.headline
    out: dict[str, Any] = {
        "id": long_item_id(story.id),
        "crawlTimeMsec": str(usec(created) // 1000),
        "timestampUsec": str(usec(created)),
        "published": int(created.timestamp()) if created else 0,
        "updated": int(updated.timestamp()) if updated else 0,
        "title": title,
        "canonical": [{"href": link}],
        "alternate": [{"href": link, "type": "text/html"}],
        "categories": categories,
        "summary": {"direction": "ltr", "content": digest_html(story, outlets)},
        "author": ", ".join(list(outlets.values())[:3]),
    }
    if source is not None:
        out["origin"] = {
            "streamId": source.stream_id,
            "title": source.title,
            "htmlUrl": source.html_url,
        }
    return out

"""What a reader can follow: a story, a developing story, an outlet, a place or a query."""

from __future__ import annotations

import re
import secrets

from crosswire.models import Follow as Follow  # kept with the data; named here for callers

MAX_ID = 2**63 - 1
MAX_QUERY = 200
KINDS = ("story", "topic", "outlet", "place", "query")
# how the kinds are named to people (and as Google Reader labels)
KIND_LABELS = {
    "story": "Stories",
    "topic": "Developing stories",
    "outlet": "Outlets",
    "place": "Places",
    "query": "Searches",
}
_DOMAIN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}\.)*[a-z0-9-]{1,63}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_SPACE = re.compile(r"\s+")


class FollowError(ValueError):
    """A follow or a mute that cannot be: the message says why in one line."""


def normalise_target(kind: str, raw: str) -> str:
    """The canonical form of what is followed (or muted); FollowError when it is none."""
    if kind not in KINDS:
        raise FollowError(f"cannot follow a {kind!r}: one of {', '.join(KINDS)}")
    text = _SPACE.sub(" ", _CONTROL.sub(" ", str(raw))).strip()
    if kind in ("story", "topic"):
        if not text.isdigit() or not 0 < int(text) <= MAX_ID:
            raise FollowError(f"not a story id: {text!r}")
        return str(int(text))
    if kind == "outlet":
        return normalise_domain(text)
    if kind == "place":
        if not re.fullmatch(r"[A-Za-z]{2}", text):
            raise FollowError(f"not a two-letter country code: {text!r}")
        return text.upper()
    if not text:
        raise FollowError("an empty search follows nothing")
    if len(text) > MAX_QUERY:
        raise FollowError(f"a search is at most {MAX_QUERY} characters")
    return text


def normalise_domain(raw: str) -> str:
    """An outlet's domain as the store keeps it (lower case, without ``www.``)."""
    text = raw.strip().lower()
    if "://" in text:
        text = text.split("://", 1)[1]
    text = text.split("/", 1)[0].split(":", 1)[0]
    if text.startswith("www."):
        text = text[4:]
    if len(text) > 253 or not _DOMAIN.match(text):
        raise FollowError(f"not an outlet's domain: {raw.strip()[:80]!r}")
    return text


def new_feed_token() -> str:
    """A fresh secret for a follow's private feed (URL-safe, 192 bits)."""
    return secrets.token_urlsafe(24)

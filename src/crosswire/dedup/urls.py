"""Canonical form of an article URL, so one page reached by two links is seen once."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING_PREFIXES = ("utm_", "mc_", "pk_")
_TRAILING = re.compile(r"[/\s]+$")
_TRACKING = frozenset(
    "fbclid gclid dclid msclkid igshid ocid cmpid smid ref ref_src ncid share taid".split()
)


def canonicalise_url(url: str | None) -> str | None:
    """Lower-case scheme and host without ``www.``, no fragment, no tracking parameters,
    no trailing slash; ``http`` and ``https`` agree. None for an empty or non-web URL."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:  # an unclosed IPv6 bracket, a port that is no number
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower().removeprefix("www.")
    if not host:  # "https://www./"
        return None
    if ":" in host:  # an IPv6 address keeps its brackets
        host = f"[{host}]"
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING_PREFIXES) and k.lower() not in _TRACKING
    ]
    path = _TRAILING.sub("", parts.path) or "/"  # "/a/" and "/a" agree; so do "/a /" and "/a"
    return urlunsplit(("https", host, path, urlencode(sorted(query)), ""))

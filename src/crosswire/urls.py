"""A URL's identity: when two links are the same link, and when they are the same article.

Two questions, one module, so that extraction and dedup read URLs by the same rules:

- ``normalise_url`` — the same *link*: what extraction stores as an article's URL and
  canonical URL. Scheme and ``www.`` are kept (a site may serve different things on them), the
  parameters keep their order, tracking parameters (``TRACKING_KEYS``) are dropped.
- ``canonicalise_url`` — the same *article*: what dedup compares to see one page reached by
  two links once. ``http`` and ``https`` agree, ``www.`` is dropped, so are trailing slashes;
  the parameters are sorted, and only the narrower ``COPY_TRACKING_KEYS`` are dropped.

The two tracking lists are as the two stages have always used them; making dedup drop the
longer list would make more links one article, a change of behaviour to be measured on its own.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "mtm_", "at_", "ga_", "hsa_")
TRACKING_KEYS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "twclid", "igshid", "mkt_tok",
        "ocid", "cmpid", "cmp", "ito", "icid", "ns_mchannel", "ns_source", "ns_campaign",
        "ns_linkname", "ns_fee", "xtor", "smid", "smtyp", "src", "ref", "ref_src", "referrer",
        "_ga", "_gl", "spm", "share", "soc_src", "soc_trk", "s_cid", "wt_mc", "wt.mc_id",
        "rss", "rssfeed", "feed", "outputtype", "taid", "guccounter", "guce_referrer",
    }
)  # fmt: skip
COPY_TRACKING_PREFIXES = ("utm_", "mc_", "pk_")
COPY_TRACKING_KEYS = frozenset(
    "fbclid gclid dclid msclkid igshid ocid cmpid smid ref ref_src ncid share taid".split()
)
_TRAILING = re.compile(r"[/\s]+$")


def is_tracking(
    key: str,
    keys: frozenset[str] = TRACKING_KEYS,
    prefixes: tuple[str, ...] = TRACKING_PREFIXES,
) -> bool:
    low = key.lower()
    return low in keys or low.startswith(prefixes)


def _bracketed(host: str) -> str:
    """An IPv6 address keeps its brackets."""
    return f"[{host}]" if ":" in host else host


def normalise_url(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking parameters,
    the remaining parameters in their original order; ``/`` for an empty path.

    Raises ``ValueError`` for a string that cannot be a URL (an unclosed IPv6 bracket, a port
    that is no number or out of range)."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = _bracketed((parts.hostname or "").lower().rstrip("."))
    port = parts.port
    netloc = (
        host
        if port is None or (scheme, port) in (("http", 80), ("https", 443))
        else (f"{host}:{port}")
    )
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking(k)
    ]
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query, doseq=True), ""))


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
    host = _bracketed(host)
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not is_tracking(k, COPY_TRACKING_KEYS, COPY_TRACKING_PREFIXES)
    ]
    path = _TRAILING.sub("", parts.path) or "/"  # "/a/" and "/a" agree; so do "/a /" and "/a"
    return urlunsplit(("https", host, path, urlencode(sorted(query)), ""))

"""URL normalisation: what makes two links to the same article compare equal."""

from __future__ import annotations

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


def is_tracking(key: str) -> bool:
    low = key.lower()
    return low in TRACKING_KEYS or low.startswith(TRACKING_PREFIXES)


def normalise_url(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking parameters,
    the remaining parameters in their original order; ``/`` for an empty path.

    Raises ``ValueError`` for a string that cannot be a URL (an unclosed IPv6 bracket, a port
    that is no number or out of range)."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if ":" in host:
        host = f"[{host}]"
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

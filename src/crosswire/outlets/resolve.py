"""Which outlet published a URL: its registry key, from the public-suffix list.

``resolve_outlet("https://edition.cnn.com/2031/world/x")`` is ``cnn.com``: the host's
registrable domain (the Public Suffix List snapshot that tldextract ships; nothing is ever
downloaded), unless the registry knows a more specific key — a kept subdomain
(``arabic.cnn.com``) or a language service under a path (``bbc.com/mundo``) — or an alias
(``bbci.co.uk`` -> ``bbc.com``). Anything that names no outlet (a name, an IP address, a
host without a registrable domain) raises :class:`NotAnOutlet` with a one-line reason.
"""

from __future__ import annotations

import functools
import ipaddress
import re
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

MAX_HOST = 253
_LABEL = re.compile(r"^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_PATH_SEGMENT = re.compile(r"^[a-z0-9_-]{1,40}$")
# country-code domains sold to all comers, which say nothing about an outlet's country
GENERIC_CCTLDS = frozenset(
    "ac ad ag ai am as bz cc cd co cx dj fm gg gl io je la ly me ms mu nu sc sh so st su "
    "tk to tv vc vu ws".split()
)
_CCTLD_COUNTRY = {"uk": "GB"}  # the few country-code domains that are not ISO 3166 codes


class NotAnOutlet(ValueError):
    """The text names no outlet: the message says why, in one line."""


@functools.cache
def _extractor():  # noqa: ANN202 - tldextract's TLDExtract
    import tldextract

    # the bundled snapshot only: no cache directory, no list URLs, so never a download
    return tldextract.TLDExtract(cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True)


def split_address(text: str) -> tuple[str, str]:
    """The lower-case ASCII host (IDNA) and the path of a URL or bare domain."""
    raw = (text or "").strip()
    if not raw:
        raise NotAnOutlet("empty source")
    if len(raw) > 2048:
        raise NotAnOutlet("source longer than any URL")
    if any(c.isspace() for c in raw) or "\x00" in raw:
        raise NotAnOutlet(f"not a URL or domain: {raw[:80]!r}")
    if not _SCHEME.match(raw):
        if raw.startswith("//"):
            raw = "http:" + raw
        else:
            raw = "http://" + raw
    try:
        parts = urlsplit(raw)
        host = parts.hostname or ""
    except ValueError as exc:
        raise NotAnOutlet(f"not a URL or domain: {text[:80]!r} ({exc})") from exc
    host = host.rstrip(".").lower()
    if not host:
        raise NotAnOutlet(f"no host in {text[:80]!r}")
    return _ascii_host(host, text), parts.path or ""


def _ascii_host(host: str, text: str) -> str:
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError as exc:
            raise NotAnOutlet(f"not a valid domain: {text[:80]!r}") from exc
    if _is_ip(host):
        raise NotAnOutlet(f"an IP address names no outlet: {host}")
    labels = host.split(".")
    if len(host) > MAX_HOST or not all(_LABEL.match(label) for label in labels):
        raise NotAnOutlet(f"not a valid domain: {text[:80]!r}")
    return host


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def registrable_domain(host: str) -> str:
    """``feeds.bbci.co.uk`` -> ``bbci.co.uk``: the public suffix and one label before it."""
    parts = _extractor()(host)
    domain = parts.top_domain_under_public_suffix
    if not domain or not parts.suffix:
        raise NotAnOutlet(f"no registrable domain in {host!r}")
    return domain


def public_suffix(domain: str) -> str:
    return str(_extractor()(domain.split("/", 1)[0]).suffix)


def country_of_domain(domain: str) -> str | None:
    """The ISO 3166-1 alpha-2 country of a country-code domain (``bbc.co.uk`` -> ``GB``);
    None for generic domains and for country codes sold to all comers (``.io``, ``.tv``)."""
    suffix = public_suffix(domain)
    last = suffix.rsplit(".", 1)[-1]
    if len(last) != 2 or not last.isalpha() or last in GENERIC_CCTLDS:
        return None
    code = _CCTLD_COUNTRY.get(last, last.upper())
    return code if _iso_country(code) else None


@functools.cache
def _iso_country(code: str) -> bool:
    import pycountry

    return pycountry.countries.get(alpha_2=code) is not None


class Resolver:
    """Resolves against the registry's keys (domains, subdomains, ``domain/path`` services)
    and aliases (another domain of the same outlet -> its key)."""

    def __init__(self, keys: Iterable[str] = (), aliases: Mapping[str, str] | None = None):
        self.keys = set(keys)
        self.aliases = dict(aliases or {})

    def resolve(self, text: str) -> str:
        host, path = split_address(text)
        host = host.removeprefix("www.") if host.count(".") > 1 else host
        base = registrable_domain(host)
        key = self._known(host, base) or self.aliases.get(base, base)
        segment = path.strip("/").split("/", 1)[0].lower()
        if segment and _PATH_SEGMENT.match(segment) and f"{key}/{segment}" in self.keys:
            return f"{key}/{segment}"
        return key

    def _known(self, host: str, base: str) -> str | None:
        """The most specific registry key or alias among the host and its parents, down to
        the registrable domain."""
        name = host
        while True:
            if name in self.aliases:
                return self.aliases[name]
            if name in self.keys:
                return name
            if name == base or "." not in name:
                return None
            name = name.split(".", 1)[1]


def resolve_outlet(text: str, resolver: Resolver | None = None) -> str:
    """The outlet key of a URL or domain (see the module's doc); raises NotAnOutlet."""
    return (resolver or Resolver()).resolve(text)

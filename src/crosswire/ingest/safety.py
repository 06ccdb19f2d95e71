"""The SSRF guard: which URLs crosswire may fetch.

A URL is refused when it is not plain http(s), carries credentials, or when its host is — or
resolves to — an address that is not globally routable: loopback, private, link-local,
multicast, reserved, unspecified, shared (CGNAT). IPv4 written the legacy ways
(``2130706433``, ``0x7f.1``, ``0177.0.0.1``) and IPv4 hidden in IPv6 (``::ffff:10.0.0.1``,
6to4, NAT64) are unwrapped first. A host that resolves to several addresses is refused if
any one of them is refused (DNS round-robin rebinding).

The same policy is applied again at connection time by the fetcher's network backend, on
the address actually connected to, so a name that resolves differently the second time
(DNS rebinding) cannot slip through, and every redirect hop is checked too.

``allow_private`` (the ``allow_private_addresses`` setting) admits loopback, private and
link-local addresses for tests and intranets; cloud metadata endpoints, multicast and the
unspecified address stay refused. ``trusted`` networks (the ``trusted_networks`` setting) are
always admitted: an intranet can open one subnet only, and tests reach a fixture server on
127.0.0.1 while still proving that everything else is refused.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import SplitResult, urlsplit

from crosswire.ingest.errors import ConnectionFailedError, UnsafeURLError

if TYPE_CHECKING:
    from crosswire.settings import Settings

__all__ = [
    "AddressPolicy",
    "UnsafeURLError",
    "check_url",
    "parse_ip",
    "settings_policy",
    "system_resolver",
]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], list[str]]

# Instance metadata services: refused even when private addresses are allowed.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254")
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
# what "private" means here: the networks an intranet uses (RFC 1918, IPv6 unique local)
PRIVATE_NETWORKS = tuple(
    ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7")
)
_LEGACY_IPV4_CHARS = set("0123456789abcdefx.")


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the operating system resolves ``host`` to."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise ConnectionFailedError(f"cannot resolve host {host!r}: {exc}") from exc
    return list(dict.fromkeys(str(info[4][0]).split("%")[0] for info in infos))


def parse_ip(host: str) -> IPAddress | None:
    """The address a host string denotes, including legacy IPv4 spellings; else None."""
    text = host.strip("[]").lower()
    try:
        return ipaddress.ip_address(text.split("%")[0])
    except ValueError:
        pass
    if text and set(text) <= _LEGACY_IPV4_CHARS and any(c.isdigit() for c in text):
        try:  # inet_aton reads "2130706433", "0x7f.1", "0177.0.0.1" like curl and browsers do
            return ipaddress.IPv4Address(socket.inet_aton(text))
        except OSError:
            return None
    return None


def _embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def _kind(ip: IPAddress) -> str | None:
    """Why an address is not public, in one word or two; None when it is public."""
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:
        return "multicast"
    if any(ip.version == net.version and ip in net for net in PRIVATE_NETWORKS):
        return "private"
    if ip.is_reserved:
        return "reserved"
    if not ip.is_global:
        return "not globally routable"
    return None


@dataclass(frozen=True)
class AddressPolicy:
    """Which addresses may be connected to, and how host names are resolved."""

    allow_private: bool = False
    trusted: tuple[IPNetwork, ...] = ()
    resolver: Resolver | None = None

    @classmethod
    def build(
        cls,
        allow_private: bool,
        trusted: Iterable[str | IPNetwork] = (),
        resolver: Resolver | None = None,
    ) -> AddressPolicy:
        networks = tuple(ipaddress.ip_network(n) if isinstance(n, str) else n for n in trusted)
        return cls(allow_private=allow_private, trusted=networks, resolver=resolver)

    def refusal(self, ip: IPAddress) -> str | None:
        """The reason ``ip`` is refused, or None when it may be connected to."""
        if any(ip.version == net.version and ip in net for net in self.trusted):
            return None
        inner = _embedded_ipv4(ip)
        if inner is not None:
            reason = self.refusal(inner)
            return None if reason is None else f"{reason} (embedded {inner})"
        if ip in METADATA_ADDRESSES:
            return "cloud metadata"
        kind = _kind(ip)
        if kind is None:
            return None
        if self.allow_private and kind in ("loopback", "private", "link-local"):
            return None
        return kind

    def resolve(self, host: str, port: int) -> list[str]:
        """The addresses of ``host`` we may connect to; raises when any one is refused."""
        literal = parse_ip(host)
        if literal is not None:
            addresses = [str(literal)]
        else:
            addresses = (self.resolver or system_resolver)(host, port)
            if not addresses:
                raise ConnectionFailedError(f"cannot resolve host {host!r}")
        for text in addresses:
            ip = ipaddress.ip_address(text)
            reason = self.refusal(ip)
            if reason is not None:
                shown = host if str(ip) == host.strip("[]") else f"{host} ({ip})"
                raise UnsafeURLError(f"refused: {shown} is a {reason} address")
        return addresses

    def check_url(self, url: str) -> SplitResult:
        """Refuse a URL we must not fetch; return it split."""
        parts = split_url(url)
        self.resolve(parts.hostname or "", parts.port or default_port(parts.scheme))
        return parts


def default_port(scheme: str) -> int:
    return 443 if scheme == "https" else 80


def split_url(url: str) -> SplitResult:
    """Syntactic checks: http(s), a host, no credentials, a valid port."""
    if not isinstance(url, str) or not url.strip():
        raise UnsafeURLError("refused: empty URL")
    if any(ord(c) < 33 for c in url.strip()):
        raise UnsafeURLError(f"refused: URL contains spaces or control characters: {url!r}")
    try:
        parts = urlsplit(url.strip())
    except ValueError as exc:  # e.g. an unclosed IPv6 bracket
        raise UnsafeURLError(f"refused: malformed URL {url!r}: {exc}") from exc
    if parts.scheme.lower() not in ("http", "https"):
        raise UnsafeURLError(f"refused: only http and https URLs are fetched, not {url!r}")
    if not parts.hostname:
        raise UnsafeURLError(f"refused: URL has no host: {url!r}")
    if parts.username is not None or parts.password is not None:
        raise UnsafeURLError(f"refused: URL carries credentials: {url!r}")
    try:
        port = parts.port
    except ValueError as exc:
        raise UnsafeURLError(f"refused: invalid port in {url!r}") from exc
    if port == 0:
        raise UnsafeURLError(f"refused: invalid port in {url!r}")
    return parts


def parse_networks(text: str) -> list[IPNetwork]:
    """``"10.1.0.0/16, 127.0.0.1/32"`` as networks (the ``trusted_networks`` setting)."""
    try:
        return [ipaddress.ip_network(part.strip()) for part in text.split(",") if part.strip()]
    except ValueError as exc:
        raise ValueError(f"trusted_networks: {exc}") from exc


def settings_policy(
    settings: Settings,
    trusted: Iterable[str | IPNetwork] = (),
    resolver: Resolver | None = None,
) -> AddressPolicy:
    """The policy the settings ask for: ``allow_private_addresses`` and ``trusted_networks``,
    plus any ``trusted`` networks given here."""
    networks = [*parse_networks(settings.trusted_networks), *trusted]
    return AddressPolicy.build(settings.allow_private_addresses, networks, resolver)


def check_url(
    url: str,
    allow_private: bool,
    *,
    trusted: Iterable[str | IPNetwork] = (),
    resolver: Resolver | None = None,
) -> None:
    """Raise ``UnsafeURLError`` (one line) when crosswire must not fetch ``url``.

    A host name that cannot be resolved raises ``ConnectionFailedError`` instead: that URL is
    not known to be unsafe, only unreachable now.
    """
    AddressPolicy.build(allow_private, trusted, resolver).check_url(url)

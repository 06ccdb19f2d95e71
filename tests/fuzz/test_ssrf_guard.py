"""Fuzz the SSRF guard with random addresses, host spellings and URL forms.

The oracle is independent of the guard's code: a list of the networks that must never be
reached from the open web. Whatever the spelling (decimal, hex, octal, short IPv4, IPv4 inside
IPv6), an address in one of them is refused unless a trusted network holds it; the guard
raises only ``UnsafeURLError`` or ``ConnectionFailedError``; and a URL it accepts resolves only
to addresses it would connect to."""

from __future__ import annotations

import ipaddress
import socket

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from crosswire.ingest.errors import ConnectionFailedError, UnsafeURLError
from crosswire.ingest.safety import AddressPolicy, parse_ip
from tests.fuzz.profile import fuzz

pytestmark = pytest.mark.timeout(300)

NEVER_V4 = [
    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
    "172.16.0.0/12", "192.0.0.0/29", "192.0.0.170/31", "192.0.2.0/24", "192.168.0.0/16",
    "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
]  # fmt: skip
NEVER_V6 = ["::/128", "::1/128", "fe80::/10", "fc00::/7", "ff00::/8", "2001:db8::/32"]
NEVER = [ipaddress.ip_network(n) for n in NEVER_V4 + NEVER_V6]
MAPPED = ipaddress.ip_network("::ffff:0:0/96")
NAT64 = ipaddress.ip_network("64:ff9b::/96")
SIX_TO_FOUR = ipaddress.ip_network("2002::/16")


def inner_v4(ip):
    """The IPv4 address an IPv6 one carries (mapped, NAT64, 6to4), else None."""
    if ip.version == 6 and (ip in MAPPED or ip in NAT64):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.version == 6 and ip in SIX_TO_FOUR:
        return ipaddress.IPv4Address((int(ip) >> 80) & 0xFFFFFFFF)
    return None


def must_refuse(ip) -> bool:
    """In a network crosswire must never reach, directly or through an embedded IPv4."""
    if any(ip.version == n.version and ip in n for n in NEVER):
        return True
    inner = inner_v4(ip)
    return inner is not None and must_refuse(inner)


ipv4 = st.builds(ipaddress.IPv4Address, st.integers(0, 2**32 - 1))
ipv6 = st.builds(ipaddress.IPv6Address, st.integers(0, 2**128 - 1))
special_v4 = st.sampled_from(NEVER[: len(NEVER_V4)]).flatmap(
    lambda n: st.integers(0, n.num_addresses - 1).map(lambda i: n[i])
)
embedded_v6 = st.tuples(st.sampled_from(["mapped", "nat64", "6to4"]), special_v4 | ipv4).map(
    lambda kind_v4: _embed(*kind_v4)
)
addresses = st.one_of(
    ipv4,
    ipv6,
    special_v4,
    embedded_v6,
    st.sampled_from(
        [ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254", "::", "::1")]
    ),
)


def _embed(kind, v4):
    if kind == "mapped":
        return ipaddress.IPv6Address(0xFFFF << 32 | int(v4))
    if kind == "nat64":
        return ipaddress.IPv6Address(int(NAT64.network_address) | int(v4))
    return ipaddress.IPv6Address(0x2002 << 112 | int(v4) << 80)


def spellings(ip) -> list[str]:
    """Ways to write ``ip`` as a URL host that a browser or curl would connect to."""
    if ip.version == 6:
        return [f"[{ip}]", f"[{ip.exploded}]", f"[{str(ip).upper()}]"]
    n = int(ip)
    a, b, c, d = ip.packed
    return [
        str(ip),
        str(n),
        hex(n),
        ".".join(oct(x).replace("0o", "0") for x in ip.packed),
        f"{a}.{(b << 16) | (c << 8) | d}",
        f"{a}.{b}.{(c << 8) | d}",
        f"0x{a:02x}.0x{b:02x}.0x{c:02x}.0x{d:02x}",
    ]


def resolver_for(table: dict[str, list[str]]):
    def resolve(host: str, port: int) -> list[str]:
        if host not in table:
            raise ConnectionFailedError(f"cannot resolve host {host!r}")
        return table[host]

    return resolve


trusted_networks = st.lists(
    st.one_of(
        st.tuples(ipv4, st.integers(8, 32)).map(
            lambda t: ipaddress.ip_network(f"{t[0]}/{t[1]}", strict=False)
        ),
        st.tuples(ipv6, st.integers(16, 128)).map(
            lambda t: ipaddress.ip_network(f"{t[0]}/{t[1]}", strict=False)
        ),
    ),
    max_size=2,
)


@fuzz(share=2)
@given(addresses, st.booleans(), trusted_networks, st.data())
def test_no_spelling_of_a_forbidden_address_gets_through(ip, allow_private, trusted, data):
    policy = AddressPolicy.build(allow_private, trusted)
    host = data.draw(st.sampled_from(spellings(ip)))
    assert parse_ip(host) == ip, host  # the guard reads the host as the address it is
    try:
        policy.check_url(f"http://{host}:8080/feed.xml")
    except UnsafeURLError as exc:
        assert str(exc).startswith("refused:") and "\n" not in str(exc)
        return
    admitted = any(ip.version == n.version and ip in n for n in trusted)
    inner = inner_v4(ip)
    admitted |= inner is not None and any(inner in n for n in trusted if n.version == 4)
    if not admitted and must_refuse(ip):
        assert allow_private, f"{host} ({ip}) was let through"
        # allow_private admits loopback, private and link-local only
        plain = inner or ip
        assert plain.is_loopback or plain.is_private or plain.is_link_local, (host, ip)
        assert str(plain) not in ("169.254.169.254", "fd00:ec2::254")


@fuzz(share=2)
@given(st.lists(addresses, min_size=1, max_size=4), trusted_networks)
def test_a_name_resolving_to_any_forbidden_address_is_refused(resolved, trusted):
    policy = AddressPolicy.build(
        False, trusted, resolver=resolver_for({"news.test": [str(a) for a in resolved]})
    )
    try:
        policy.check_url("https://news.test/story")
    except UnsafeURLError:
        return
    for ip in resolved:  # accepted: every address is public or trusted
        trusted_here = any(ip.version == n.version and ip in n for n in trusted)
        inner = inner_v4(ip)
        trusted_here |= inner is not None and any(inner in n for n in trusted if n.version == 4)
        assert trusted_here or not must_refuse(ip), ip


url_parts = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "http://", "https://", "file://", "gopher://", "HTTP://", "//", "http:\\\\",
            "user:pass@", "@", "#", "?", "%00", "%2e", "127.0.0.1", "[::1]", "[fe80::1%25eth0]",
            "localhost", "news.test", ":0", ":99999", ":-1", ":8080", "/..", "\\", " ", "\t",
            "\u3002", "xn--", "0x7f.1", "2130706433", "[::ffff:127.0.0.1]", ".", "%31%32%37.0.0.1",
        ]
    ),
)  # fmt: skip


@fuzz(share=3)
@given(st.lists(url_parts, max_size=6).map("".join))
def test_any_string_is_checked_or_refused_with_a_documented_error(url):
    public = ["93.184.216.34"]

    def resolve(host: str, port: int) -> list[str]:
        try:  # what the operating system makes of a numeric host, without any DNS
            return [socket.inet_ntoa(socket.inet_aton(host))]
        except (OSError, ValueError):
            return public

    policy = AddressPolicy.build(False, resolver=resolve)
    try:
        parts = policy.check_url(url)
    except (UnsafeURLError, ConnectionFailedError) as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert parts.scheme.lower() in ("http", "https") and parts.hostname
    assume(parts.hostname)
    for text in policy.resolve(parts.hostname, parts.port or 80):
        assert not must_refuse(ipaddress.ip_address(text)), (url, text)

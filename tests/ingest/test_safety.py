"""The SSRF guard: no connection is ever attempted to a refused address."""

from __future__ import annotations

import pytest

from crosswire.ingest.errors import ConnectionFailedError, UnsafeURLError
from crosswire.ingest.safety import AddressPolicy, check_url, parse_ip

pytestmark = pytest.mark.timeout(20)

REFUSED = [
    ("http://10.0.0.1/feed", "private"),
    ("http://169.254.169.254/latest/meta-data/", "cloud metadata"),
    ("http://[::1]/", "loopback"),
    ("http://127.0.0.1:8080/", "loopback"),
    ("http://192.168.1.20/", "private"),
    ("http://172.16.5.4/", "private"),
    ("http://100.64.0.7/", "not globally routable"),
    ("http://0.0.0.0/", "unspecified"),
    ("http://224.0.0.251/", "multicast"),
    ("http://[fe80::1]/", "link-local"),
    ("http://[fc00::5]/", "private"),
    ("http://240.0.0.1/", "reserved"),
    # legacy and embedded spellings of the same addresses
    ("http://2130706433/", "loopback"),  # decimal 127.0.0.1
    ("http://0x7f.1/", "loopback"),
    ("http://0177.0.0.1/", "loopback"),
    ("http://167772161/", "private"),  # decimal 10.0.0.1
    ("http://2852039166/", "cloud metadata"),  # decimal 169.254.169.254
    ("http://[::ffff:10.0.0.1]/", "private (embedded 10.0.0.1)"),
    ("http://[::ffff:169.254.169.254]/", "cloud metadata"),
    ("http://[::ffff:7f00:1]/", "loopback"),
    ("http://[2002:0a00:0001::]/", "private (embedded 10.0.0.1)"),  # 6to4
    ("http://[64:ff9b::a00:1]/", "private (embedded 10.0.0.1)"),  # NAT64
]


@pytest.mark.parametrize(("url", "reason"), REFUSED)
def test_non_public_addresses_are_refused_with_the_reason(url, reason):
    with pytest.raises(UnsafeURLError) as caught:
        check_url(url, allow_private=False)
    message = str(caught.value)
    assert reason in message and "\n" not in message


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.org/feed",
        "file:///etc/passwd",
        "gopher://127.0.0.1:70/",
        "javascript:alert(1)",
        "http://user:secret@example.org/",
        "http://example.org:99999/",
        "http:///nohost",
        "",
        "http://exa mple.org/",
    ],
)
def test_malformed_urls_and_other_schemes_are_refused(url):
    with pytest.raises(UnsafeURLError):
        check_url(url, allow_private=True)


def test_allow_private_admits_loopback_and_private_but_not_metadata_or_multicast():
    check_url("http://127.0.0.1:5000/", allow_private=True)
    check_url("http://[::1]/", allow_private=True)
    check_url("http://10.1.2.3/", allow_private=True)
    for url in ("http://169.254.169.254/", "http://224.0.0.1/", "http://0.0.0.0/"):
        with pytest.raises(UnsafeURLError):
            check_url(url, allow_private=True)


def test_trusted_networks_admit_exactly_those_addresses():
    check_url("http://127.0.0.1:5000/", allow_private=False, trusted=["127.0.0.1/32"])
    for url in ("http://[::1]/", "http://127.0.0.2/", "http://10.0.0.1/"):
        with pytest.raises(UnsafeURLError):
            check_url(url, allow_private=False, trusted=["127.0.0.1/32"])


def test_host_names_are_checked_on_every_address_they_resolve_to():
    def resolver(host, port):
        return {
            "public.test": ["93.184.216.34"],
            "rebind.test": ["93.184.216.34", "10.0.0.1"],  # one bad address is enough
            "metadata.test": ["169.254.169.254"],
            "mapped.test": ["::ffff:127.0.0.1"],
        }[host]

    check_url("https://public.test/feed", allow_private=False, resolver=resolver)
    for host, reason in [("rebind", "private"), ("metadata", "metadata"), ("mapped", "loopback")]:
        with pytest.raises(UnsafeURLError, match=reason):
            check_url(f"http://{host}.test/", allow_private=False, resolver=resolver)


def test_unresolvable_host_is_a_connection_error_not_an_unsafe_url():
    def resolver(host, port):
        raise ConnectionFailedError(f"cannot resolve host {host!r}")

    with pytest.raises(ConnectionFailedError):
        check_url("http://nowhere.test/", allow_private=False, resolver=resolver)


def test_parse_ip_reads_legacy_ipv4_spellings():
    assert str(parse_ip("2130706433")) == "127.0.0.1"
    assert str(parse_ip("0x7f000001")) == "127.0.0.1"
    assert str(parse_ip("127.1")) == "127.0.0.1"
    assert str(parse_ip("[::1]")) == "::1"
    assert parse_ip("example.org") is None
    assert parse_ip("deadbeef.example") is None


def test_policy_reports_public_addresses_as_fine():
    policy = AddressPolicy.build(False)
    assert policy.refusal(parse_ip("8.8.8.8")) is None
    assert policy.refusal(parse_ip("2001:4860:4860::8888")) is None

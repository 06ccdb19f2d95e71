"""Bodies: content decoding with a hard cap on inflated size, and charset detection.

httpx would inflate a whole received chunk at once (a 64 KB gzip chunk can become gigabytes
with stacked encodings), so crosswire asks for the raw bytes and inflates them itself, never
producing more output than the bytes still allowed.
"""

from __future__ import annotations

import codecs
import re
import zlib
from collections.abc import Iterable, Iterator

import brotli
import charset_normalizer

from crosswire.ingest.errors import FetchError, TooLargeError

ACCEPT_ENCODING = "gzip, deflate, br"
_STEP = 64 * 1024


class _Zlib:
    def __init__(self, wbits: int) -> None:
        self._d = zlib.decompressobj(wbits)
        self._first = wbits == zlib.MAX_WBITS  # "deflate" may be raw or zlib-wrapped: sniff

    def feed(self, data: bytes, room: int) -> tuple[bytes, bytes]:
        """Inflate at most ``room + 1`` bytes; return (output, input not yet consumed)."""
        if self._first and data:
            self._first = False
            if data[0] & 0x0F != 8:  # not a zlib header: raw deflate
                self._d = zlib.decompressobj(-zlib.MAX_WBITS)
        out = self._d.decompress(data, room + 1)
        return out, self._d.unconsumed_tail


class _Brotli:
    def __init__(self) -> None:
        self._d = brotli.Decompressor()

    def feed(self, data: bytes, room: int) -> tuple[bytes, bytes]:
        limit = room + 1
        out = self._d.process(data, output_buffer_limit=limit)
        # with a limit, unconsumed input stays buffered inside the decompressor
        return out, b""

    def more(self, room: int) -> bytes:
        if self._d.is_finished() or self._d.can_accept_more_data():
            return b""
        return self._d.process(b"", output_buffer_limit=room + 1)


def _decoder(name: str) -> _Zlib | _Brotli | None:
    name = name.strip().lower()
    if name in ("", "identity"):
        return None
    if name in ("gzip", "x-gzip"):
        return _Zlib(16 + zlib.MAX_WBITS)
    if name == "deflate":
        return _Zlib(zlib.MAX_WBITS)
    if name == "br":
        return _Brotli()
    raise FetchError(f"unsupported content encoding {name!r}")


def _inflate(
    chunks: Iterable[bytes], decoder: _Zlib | _Brotli, cap: int, total: list[int]
) -> Iterator[bytes]:
    """Decode ``chunks``; ``total`` counts bytes produced by the last (outermost) layer."""
    try:
        for chunk in chunks:
            data = chunk
            while data:
                room = max(cap - total[0], 0)
                out, data = decoder.feed(data, room)
                yield out
                if isinstance(decoder, _Brotli):
                    while extra := decoder.more(max(cap - total[0], 0)):
                        yield extra
    except (zlib.error, brotli.error) as exc:
        raise FetchError(f"corrupt compressed body: {exc}") from exc


def _count(chunks: Iterable[bytes], cap: int, total: list[int], what: str) -> Iterator[bytes]:
    for chunk in chunks:
        total[0] += len(chunk)
        if total[0] > cap:
            raise TooLargeError(f"body larger than {cap} bytes{what}")
        yield chunk


def decode_body(raw_chunks: Iterable[bytes], content_encoding: str, cap: int) -> bytes:
    """Join the raw chunks, undoing ``content_encoding`` (a comma list, applied in order),
    and refuse — as soon as it is known — a result larger than ``cap`` bytes."""
    layers = [e for e in (content_encoding or "").split(",") if e.strip()]
    decoders = [d for d in (_decoder(e) for e in layers) if d is not None]
    if len(decoders) > 2:
        raise FetchError(f"refused: {len(decoders)} stacked content encodings")
    stream: Iterable[bytes] = raw_chunks
    for dec in reversed(decoders):  # the last encoding applied is undone first
        counter = [0]
        stream = _count(_inflate(stream, dec, cap, counter), cap, counter, " after decompression")
    total = [0]
    return b"".join(_count(stream, cap, total, ""))


# charsets -----------------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_\-.]+)["']""", re.I)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def header_charset(content_type: str | None) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([^\s;\"']+)", content_type or "", re.I)
    return match.group(1) if match else None


def declared_charset(body: bytes, content_type: str | None = None) -> str | None:
    """The charset the document claims: BOM, then HTTP header, then XML/HTML declaration."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    found = header_charset(content_type)
    if found:
        return _codec(found)
    head = body[:4096]
    match = _XML_DECL.search(head) or _META_CHARSET.search(head)
    return _codec(match.group(1).decode("ascii", "replace")) if match else None


def decode_text(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode a body to text, distrusting labels that the bytes contradict.

    Valid UTF-8 with non-ASCII bytes is UTF-8 whatever the label says (a mislabel the other
    way round is the usual one); otherwise the declared charset is used if the bytes decode
    with it, else charset-normalizer's guess. Returns (text, charset used).
    """
    for bom, name in _BOMS:
        if body.startswith(bom):
            return body.decode("utf-8-sig" if name == "utf-8" else name, "replace"), name
    declared = declared_charset(body, content_type)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return text, "utf-8"
    if declared and declared not in ("utf-8", "ascii"):
        try:
            return body.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass
    guess = guess_charset(body)
    return body.decode(guess, "replace"), guess


def guess_charset(body: bytes) -> str:
    """charset-normalizer's guess, except that windows-1252 — by far the web's most common
    legacy charset, and what WHATWG decoders use for mislabeled Latin text — wins a tie."""
    matches = charset_normalizer.from_bytes(body[:200_000])
    best = matches.best()
    if best is None or not best.encoding:
        return "utf-8"
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos + 0.005:
            return "cp1252"
    return _codec(best.encoding) or best.encoding

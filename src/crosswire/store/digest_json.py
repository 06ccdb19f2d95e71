"""The digest's JSON: the one place where a ``models.Digest`` becomes plain data and back
(the store keeps it as JSON, the API and ``crosswire story --json`` send it).

``digest_json`` gives the keys in the dataclasses' field order, leaving out a field marked
``models.OMIT_DEFAULT`` while it holds its default: the JSON the digest has always had.
``digest_from_json`` reads any stored digest, an older one too: missing keys take their
defaults, unknown keys are ignored, a part of the wrong shape is left out."""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, TypeVar

from crosswire.models import Digest

T = TypeVar("T")


def digest_json(digest: Digest) -> dict[str, Any]:
    """``digest`` as JSON-ready data."""
    data = _encode(digest)
    assert isinstance(data, dict)
    return data


def digest_from_json(data: Any) -> Digest:
    """The digest stored as ``data`` (a dict as ``digest_json`` gives, or an older one)."""
    return _decode_dataclass(Digest, data if isinstance(data, dict) else {})


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if f.metadata.get("omit_default") and item == _default(f):
                continue
            out[f.name] = _encode(item)
        return out
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    return value


def _default(f: dataclasses.Field[Any]) -> Any:
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return None


_HINTS: dict[type, dict[str, Any]] = {}


def _decode_dataclass(cls: type[T], data: dict[str, Any]) -> T:
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    given: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]  # T is a dataclass
        if f.name not in data:
            continue
        value = _decode(hints[f.name], data[f.name])
        if value is not _WRONG:
            given[f.name] = value
    return cls(**given)


_WRONG = object()  # a value of the wrong shape: the field keeps its default


def _decode(hint: Any, value: Any) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        if value is None:
            return None if type(None) in args else _WRONG
        (inner,) = [a for a in args if a is not type(None)]
        return _decode(inner, value)
    if value is None:
        return _WRONG
    if dataclasses.is_dataclass(hint):
        assert isinstance(hint, type)
        return _decode_dataclass(hint, value) if isinstance(value, dict) else _WRONG
    if origin is list:
        if not isinstance(value, list):
            return _WRONG
        items = [_decode(args[0], v) for v in value]
        return [v for v in items if v is not _WRONG]
    if origin is dict:
        return dict(value) if isinstance(value, dict) else _WRONG
    return value

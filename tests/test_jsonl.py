"""The shared JSON Lines reader: line numbers, blank lines, ranges, byte-order marks, errors."""

from __future__ import annotations

import pytest

from crosswire.jsonl import LineError, json_lines


def write(tmp_path, data: bytes):
    path = tmp_path / "records.jsonl"
    path.write_bytes(data)
    return path


def test_values_come_with_their_line_numbers_and_blank_lines_are_skipped(tmp_path):
    path = write(tmp_path, b'\xef\xbb\xbf{"a": 1}\r\n\n  \n[2]\n"three"\n')
    assert list(json_lines(path)) == [(1, {"a": 1}), (4, [2]), (5, "three")]
    assert list(json_lines(path, start=1, stop=4)) == [(4, [2])]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"a": 1}\n{"b": \n', "records.jsonl:2: invalid JSON (Expecting value)"),
        (b'{"a": 1}\n\n{"b": "\xff"}\n', "records.jsonl:3: not UTF-8 text"),
    ],
)
def test_a_bad_line_is_named_by_file_and_number(tmp_path, data, message):
    with pytest.raises(LineError) as caught:
        list(json_lines(write(tmp_path, data)))
    assert str(caught.value).endswith(message)
    assert "\n" not in str(caught.value)


def test_a_missing_file_is_an_os_error(tmp_path):
    with pytest.raises(OSError):
        list(json_lines(tmp_path / "absent.jsonl"))

"""The lines of `aws s3 ls` (cli.commands.s3.listing): v2's units, columns and totals."""

from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cli.commands.s3.listing import human_size, object_line, prefix_line, summary_lines

# (bytes, as v2's --human-readable prints them)
HUMAN_SIZES = [
    (0, "0 Bytes"),
    (1, "1 Byte"),
    (2, "2 Bytes"),
    (1023, "1023 Bytes"),
    (1024, "1.0 KiB"),
    (1536, "1.5 KiB"),
    (1024 * 1024 - 1, "1.0 MiB"),   # rounds to 1024 KiB: the next unit, as v2
    (1024 * 1023, "1023.0 KiB"),
    (5 * 1024 ** 2 + 300 * 1024, "5.3 MiB"),
    (1024 ** 3, "1.0 GiB"),
    (3 * 1024 ** 4, "3.0 TiB"),
    (1024 ** 5, "1.0 PiB"),
    (2 * 1024 ** 6, "2.0 EiB"),
    (5000 * 1024 ** 6, "5000.0 EiB"),  # past the last unit: still EiB
]


@pytest.mark.parametrize(("size", "text"), HUMAN_SIZES)
def test_human_size_uses_v2s_units(size, text):
    assert human_size(size) == text


@given(st.integers(min_value=1024, max_value=1024 ** 6 * 900))
def test_human_size_is_within_a_rounding_of_the_size(size):
    number, unit = human_size(size).split()
    scale = 1024 ** (("KiB", "MiB", "GiB", "TiB", "PiB", "EiB").index(unit) + 1)
    assert abs(float(number) * scale - size) <= 0.05 * scale
    assert float(number) < 1024 or unit == "EiB"
    assert float(number) >= 1 or size < scale


STAMP = datetime(2013, 7, 11, 17, 8, 50, tzinfo=timezone.utc)


def test_an_object_line_has_the_time_the_size_in_ten_columns_and_the_name():
    line = object_line({"Key": "a/b/c.txt", "Size": 1234, "LastModified": STAMP}, False, False)
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d       1234 c\.txt\n", line)
    whole = object_line({"Key": "a/b/c.txt", "Size": 3, "LastModified": STAMP}, True, True)
    assert whole.endswith("    3 Bytes a/b/c.txt\n")
    assert whole[19:31] == "    3 Bytes "


def test_a_size_wider_than_ten_columns_pushes_the_name_right():
    line = object_line({"Key": "big", "Size": 12345678901, "LastModified": STAMP}, False, False)
    assert line[20:] == "12345678901 big\n"


def test_a_prefix_line_right_aligns_pre_and_shows_the_last_part():
    assert prefix_line("logs/2024/") == " " * 27 + "PRE 2024/\n"
    assert prefix_line("top/") == "                           PRE top/\n"


def test_the_summary_is_two_right_aligned_lines_after_a_blank_one():
    assert summary_lines(2, 6, False) == "\nTotal Objects: 2\n   Total Size: 6\n"
    assert summary_lines(1, 2048, True) == "\nTotal Objects: 1\n   Total Size: 2.0 KiB\n"


def test_text_the_stream_cannot_encode_is_written_with_question_marks():
    import io

    from cli.commands.s3.listing import writer

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    write = writer(stream)
    write("2013-07-11 17:08:50          3 café.txt\n")
    write("plain\n")
    stream.flush()
    assert raw.getvalue() == b"2013-07-11 17:08:50          3 caf?.txt\nplain\n"

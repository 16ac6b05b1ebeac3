"""cli.commands.s3.timestamps: S3's two timestamp forms read as botocore reads them."""

from __future__ import annotations

import datetime

import pytest
from botocore.utils import parse_timestamp
from hypothesis import given
from hypothesis import strategies as st

from cli.commands.s3 import timestamps

UTC = datetime.timezone.utc

CASES = [
    ("2026-12-04T22:28:36.000Z", datetime.datetime(2026, 12, 4, 22, 28, 36, tzinfo=UTC)),
    ("2026-12-04T22:28:36Z", datetime.datetime(2026, 12, 4, 22, 28, 36, tzinfo=UTC)),
    ("2026-12-04T22:28:36.5Z", datetime.datetime(2026, 12, 4, 22, 28, 36, 500000, tzinfo=UTC)),
    ("2026-12-04T22:28:36.123456Z",
     datetime.datetime(2026, 12, 4, 22, 28, 36, 123456, tzinfo=UTC)),
    ("Fri, 04 Dec 2026 22:28:36 GMT", datetime.datetime(2026, 12, 4, 22, 28, 36, tzinfo=UTC)),
    ("Thu, 01 Jan 1970 00:00:00 GMT", datetime.datetime(1970, 1, 1, tzinfo=UTC)),
    # forms S3 does not send: botocore's reader decides
    ("2026-12-04T22:28:36+01:00", datetime.datetime(2026, 12, 4, 21, 28, 36, tzinfo=UTC)),
    ("1700000000", datetime.datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)),
    ("2026-12-04 22:28:36", None),  # no zone: botocore's reader, compared below
]


@pytest.mark.parametrize("text, expected", CASES)
def test_forms(text, expected):
    got = timestamps.parse(text)
    assert got == parse_timestamp(text)
    assert got.utcoffset() == parse_timestamp(text).utcoffset()
    if expected is not None:
        assert got == expected


@pytest.mark.parametrize("text", ["Fri, 31 Apr 2026 22:28:36 GMT", "2026-02-30T00:00:00Z",
                                  "not a time", "2026-13-01T00:00:00Z"])
def test_what_botocore_refuses_is_refused_the_same_way(text):
    with pytest.raises(ValueError) as expected:
        parse_timestamp(text)
    with pytest.raises(ValueError) as got:
        timestamps.parse(text)
    assert str(got.value) == str(expected.value)


moments = st.datetimes(min_value=datetime.datetime(1970, 1, 2),
                       max_value=datetime.datetime(9999, 12, 30))


@given(moments, st.integers(0, 6))
def test_iso_form_matches_botocore(moment, digits):
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    if digits:
        text += "." + f"{moment.microsecond:06d}"[:digits]
    text += "Z"
    got = timestamps.parse(text)
    assert got == parse_timestamp(text)
    assert got.utcoffset() == datetime.timedelta(0)


@given(moments)
def test_http_form_matches_botocore(moment):
    text = moment.strftime("%a, %d %b %Y %H:%M:%S GMT")
    got = timestamps.parse(text)
    assert got == parse_timestamp(text)
    assert got == moment.replace(microsecond=0, tzinfo=UTC)

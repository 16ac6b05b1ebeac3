"""Reading S3's timestamps without dateutil's general parser.

botocore reads every timestamp of a response (a listing's LastModified, each
GetObject's Last-Modified header) with dateutil's parser, which tries every
format it knows: ~0.1 ms each, a tenth of a small download's CPU. S3 sends two
forms only:

    2026-12-04T22:28:36.000Z          (XML bodies: ISO 8601, UTC)
    Fri, 04 Dec 2026 22:28:36 GMT     (headers: RFC 1123)

`parse` reads those directly into the same value botocore's reader gives (a
datetime in dateutil's UTC); anything else goes to botocore's reader, whose
result and errors are then the ones the caller gets.
"""

from __future__ import annotations

import re

_ISO = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?Z\Z")
_HTTP = re.compile(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d\d) ([A-Z][a-z]{2}) (\d{4}) "
                   r"(\d\d):(\d\d):(\d\d) GMT\Z")
_MONTHS = {name: number for number, name in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1)}


def parse(value):
    """A response's timestamp as botocore.utils.parse_timestamp reads it."""
    if isinstance(value, str):
        found = _ISO.match(value)
        if found:
            year, month, day, hour, minute, second, fraction = found.groups()
            micro = int(fraction.ljust(6, "0")) if fraction else 0
            return _datetime(int(year), int(month), int(day), int(hour), int(minute),
                             int(second), micro, value)
        found = _HTTP.match(value)
        if found and found.group(2) in _MONTHS:
            day, month, year, hour, minute, second = found.groups()
            return _datetime(int(year), _MONTHS[month], int(day), int(hour), int(minute),
                             int(second), 0, value)
    from botocore.utils import parse_timestamp

    return parse_timestamp(value)


def _datetime(year, month, day, hour, minute, second, micro, value):
    import datetime

    from dateutil.tz import tzutc

    try:
        return datetime.datetime(year, month, day, hour, minute, second, micro, tzinfo=tzutc())
    except ValueError:  # e.g. 31 April, second 60: botocore's reader decides, as before
        from botocore.utils import parse_timestamp

        return parse_timestamp(value)

"""`aws logs tail`: a CloudWatch Logs group's events, printed as v2 prints them, or followed.

The events come from FilterLogEvents (interleaved across streams). Without
--follow the pages are read once; with --follow the call is repeated every
few seconds from the newest timestamp seen, and events already printed at
that timestamp are recognised by their id and skipped (a poll that starts
at timestamp T sees again every event at T). Ctrl-C ends a follow quietly,
with exit code 0, as v2's does.
"""

from __future__ import annotations

import re

from cli.commands import Argument, HandCommand
from cli.errors import CliError

POLL_SECONDS = 5  # v2's pause between polls when the last page is reached

_RELATIVE = re.compile(r"(?P<amount>\d+)(?P<unit>[smhdw])$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}

# ANSI colours v2 uses (colorama's Fore.GREEN, Fore.CYAN, Style.RESET_ALL)
_GREEN, _CYAN, _RESET = "\x1b[32m", "\x1b[36m", "\x1b[0m"


class InvalidTimestamp(CliError):
    """--since is neither a relative time nor a timestamp (v2: exit 255)."""


# -- --since ------------------------------------------------------------------


def since_to_millis(text: str, now_seconds: float) -> int:
    """Epoch milliseconds of --since: `<n><s|m|h|d|w>` before `now_seconds`, or a timestamp.

    A timestamp is whatever botocore's parse_timestamp reads (ISO 8601, epoch
    seconds, dates dateutil understands), naive ones taken as UTC, as v2 does.
    """
    match = _RELATIVE.match(text)
    if match:
        seconds = int(match["amount"]) * _UNIT_SECONDS[match["unit"]]
        return int((now_seconds - seconds) * 1000)
    from botocore.utils import datetime2timestamp, parse_timestamp

    try:
        moment = parse_timestamp(text)
    except ValueError as error:
        raise InvalidTimestamp(str(error)) from None
    return int(datetime2timestamp(moment) * 1000)


# -- line formats -------------------------------------------------------------


def _moment(millis: int):
    from datetime import datetime, timezone

    return datetime.fromtimestamp(millis / 1000.0, timezone.utc)


def _paint(text: str, colour: str, colorize: bool) -> str:
    return colour + text + _RESET if colorize else text


def _pretty_json(message: str) -> str:
    import json

    try:
        return "\n" + json.dumps(json.loads(message), indent=4)
    except ValueError:
        return message


def format_event(event: dict, style: str, colorize: bool) -> str:
    """One event as v2's --format prints it, ending in exactly one newline.

    detailed: ISO time with microseconds and offset, stream, message
    short:    time to the second (UTC), message
    json:     ISO time, stream, and a message that is wholly JSON pretty-printed
    """
    moment = _moment(event["timestamp"])
    message = event["message"]
    if style == "short":
        line = f"{_paint(moment.strftime('%Y-%m-%dT%H:%M:%S'), _GREEN, colorize)} {message}"
    else:
        stamp = moment.isoformat(timespec="microseconds") if style == "detailed" else \
            moment.isoformat()
        if style == "json":
            message = _pretty_json(message)
        line = (f"{_paint(stamp, _GREEN, colorize)} "
                f"{_paint(event['logStreamName'], _CYAN, colorize)} {message}")
    return line.rstrip() + "\n"


# -- reading events -----------------------------------------------------------


def read_once(client, request: dict):
    """Every matching event, page by page (no --follow)."""
    for page in client.get_paginator("filter_log_events").paginate(**request):
        yield from page["events"]


def follow(client, request: dict, sleep):
    """Matching events as they arrive, forever: each one once.

    After the last page the next poll starts at the newest timestamp seen;
    the ids of the events at that timestamp are kept so that the poll's
    repeats of them are skipped, and only those (older ids can not come back).
    """
    request = dict(request)
    seen: dict[int, set[str]] = {}
    while True:
        response = client.filter_log_events(**request)
        for event in response["events"]:
            ids = seen.setdefault(event["timestamp"], set())
            if event["eventId"] not in ids:
                ids.add(event["eventId"])
                yield event
        if seen:
            newest = max(seen)
            seen = {newest: seen[newest]}
        if "nextToken" in response:
            request["nextToken"] = response["nextToken"]
        else:
            request.pop("nextToken", None)
            if seen:
                request["startTime"] = max(seen)
            sleep(POLL_SECONDS)


def filter_request(values: dict, now_seconds: float) -> dict:
    """The FilterLogEvents parameters of a tail's values."""
    request = {"logGroupName": values["group_name"], "interleaved": True}
    if values["since"] is not None:
        request["startTime"] = since_to_millis(values["since"], now_seconds)
    for py_name, key in (("filter_pattern", "filterPattern"),
                         ("log_stream_names", "logStreamNames"),
                         ("log_stream_name_prefix", "logStreamNamePrefix")):
        if values[py_name] is not None:
            request[key] = values[py_name]
    return request


def run_tail(values: dict, context) -> int:
    import time

    from cli.present import color

    request = filter_request(values, time.time())
    client = context.client("logs")
    colorize = color(context.args, context.env)
    out = context.env.stdout
    if not values["follow"]:
        for event in read_once(client, request):
            out.write(format_event(event, values["format"], colorize))
        return 0
    interrupted = []

    def sleep(seconds: float) -> None:
        if not interrupted:
            time.sleep(seconds)
        if interrupted:  # a Ctrl-C that a finalizer swallowed still ends the follow
            raise KeyboardInterrupt

    restore = _ctrl_c_raises(interrupted)
    try:
        for event in follow(client, request, sleep):
            out.write(format_event(event, values["format"], colorize))
            out.flush()
    except KeyboardInterrupt:  # the only way out of --follow; v2 ends it with 0
        return 0
    finally:
        restore()
    return 0


def _ctrl_c_raises(interrupted: list):
    """While following, Ctrl-C raises KeyboardInterrupt here instead of ending the process
    with 130 (cli.__main__); returns the function that puts the previous handler back."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def handler(signum, frame):
        interrupted.append(signum)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, handler)
    return lambda: signal.signal(signal.SIGINT, previous)


COMMANDS = (
    HandCommand(
        ("logs", "tail"), run_tail,
        summary="Print a log group's recent events, and optionally follow new ones.",
        description=(
            "Prints the events of a CloudWatch Logs group from all of its streams (or the "
            "streams chosen), starting ten minutes ago unless --since says otherwise. "
            "Events of different streams are interleaved; their order by time is not "
            "guaranteed.\n\n"
            "With --follow the command keeps asking for new events every five seconds and "
            "prints each one once, until Control-C ends it (exit code 0)."
        ),
        arguments=(
            Argument("group_name", positional=True, required=True,
                     documentation="The name of the log group."),
            Argument("since", documentation=(
                "Where to start: a relative time, a number and one unit (s, m, h, d or w, "
                "e.g. 5m or 2h; one unit only), or a timestamp such as "
                "2024-01-31T08:00:00Z. The default is 10m."), default="10m"),
            Argument("follow", "boolean", "Keep polling for new events until Control-C.",
                     default=False),
            Argument("format", documentation=(
                "How each event is printed. detailed (the default): the time with "
                "microseconds and its offset, the stream and the message. short: the time "
                "to the second and the message. json: as detailed, with messages that are "
                "JSON documents pretty-printed."),
                choices=("detailed", "short", "json"), default="detailed"),
            Argument("filter-pattern", documentation=(
                "A CloudWatch Logs filter pattern the events must match; all events when "
                "not given.")),
            Argument("log-stream-names", nargs="+", documentation=(
                "Only the events of these streams (not together with "
                "--log-stream-name-prefix).")),
            Argument("log-stream-name-prefix", documentation=(
                "Only the events of streams whose names start with this prefix (not "
                "together with --log-stream-names).")),
        ),
        examples=(
            "To print the last hour of a group's events::\n\n"
            "    aws logs tail /aws/lambda/my-function --since 1h",
            "To follow a group's events in the short format::\n\n"
            "    aws logs tail /aws/lambda/my-function --follow --format short",
        ),
    ),
)

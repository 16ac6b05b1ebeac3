"""`aws logs tail` against a real moto server: v2's line formats, colours, filters,
--since, the unknown group, and --follow printing each event once and ending
quietly on Ctrl-C (exit 0, as v2)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time

import pytest

from cli.commands import logs
from tests.runner import AWS, run

GROUP = "tail-group"


@pytest.fixture(scope="module")
def group(moto):
    """A group with two streams and events one minute and thirty seconds old."""
    env = moto.environ()
    assert run(["logs", "create-log-group", "--log-group-name", GROUP], env).exit_code == 0
    for stream in ("web-1", "worker-1"):
        assert run(["logs", "create-log-stream", "--log-group-name", GROUP,
                    "--log-stream-name", stream], env).exit_code == 0
    now = int(time.time()) * 1000
    events = {"web-1": [(now - 60000, "GET /index 200"), (now - 30000, '{"level": "info"}')],
              "worker-1": [(now - 45000, "job done   ")]}
    for stream, items in events.items():
        payload = json.dumps([{"timestamp": t, "message": m} for t, m in items])
        result = run(["logs", "put-log-events", "--log-group-name", GROUP, "--log-stream-name",
                      stream, "--log-events", payload], env)
        assert result.exit_code == 0, result.stderr
    return now


def stamp(millis: int, spec: str) -> str:
    from datetime import datetime, timezone

    moment = datetime.fromtimestamp(millis / 1000, timezone.utc)
    return {"detailed": moment.isoformat(timespec="microseconds"),
            "short": moment.strftime("%Y-%m-%dT%H:%M:%S"), "json": moment.isoformat()}[spec]


def test_detailed_is_the_default(moto, group):
    result = run(["logs", "tail", GROUP], moto.environ())
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"{stamp(group - 60000, 'detailed')} web-1 GET /index 200\n"
        f"{stamp(group - 45000, 'detailed')} worker-1 job done\n"
        f"{stamp(group - 30000, 'detailed')} web-1 {{\"level\": \"info\"}}\n")


def test_short_and_json_formats(moto, group):
    short = run(["logs", "tail", GROUP, "--format", "short"], moto.environ()).stdout
    assert short.splitlines()[0] == f"{stamp(group - 60000, 'short')} GET /index 200"
    pretty = run(["logs", "tail", GROUP, "--format", "json"], moto.environ()).stdout
    # a message that is wholly JSON starts on its own line, indented by four
    assert pretty.endswith(f"{stamp(group - 30000, 'json')} web-1 \n"
                           '{\n    "level": "info"\n}\n')


def test_colour_on_paints_time_green_and_stream_cyan(moto, group):
    out = run(["logs", "tail", GROUP, "--color", "on"], moto.environ()).stdout
    first = out.splitlines()[0]
    assert first == (f"\x1b[32m{stamp(group - 60000, 'detailed')}\x1b[0m "
                     "\x1b[36mweb-1\x1b[0m GET /index 200")
    assert "\x1b[" not in run(["logs", "tail", GROUP], moto.environ()).stdout


@pytest.mark.parametrize("args, messages", [
    (["--filter-pattern", "done"], ["job done"]),
    (["--log-stream-names", "worker-1"], ["job done"]),
    (["--since", "40s"], ['{"level": "info"}']),
])
def test_filters_and_since(moto, group, args, messages):
    result = run(["logs", "tail", GROUP, "--format", "short", *args], moto.environ())
    assert [line.split(" ", 1)[1] for line in result.stdout.splitlines()] == messages


def test_request_carries_every_filter():
    """moto ignores logStreamNamePrefix, so the request itself is checked."""
    values = {"group_name": "g", "since": "1m", "filter_pattern": "ERROR",
              "log_stream_names": None, "log_stream_name_prefix": "web"}
    assert logs.filter_request(values, 100.0) == {
        "logGroupName": "g", "interleaved": True, "startTime": 40000,
        "filterPattern": "ERROR", "logStreamNamePrefix": "web"}


def test_since_as_iso_timestamp(moto, group):
    from datetime import datetime, timezone

    start = datetime.fromtimestamp((group - 50000) / 1000, timezone.utc).isoformat()
    result = run(["logs", "tail", GROUP, "--since", start, "--format", "short"],
                 moto.environ())
    assert len(result.stdout.splitlines()) == 2


@pytest.mark.parametrize("text, seconds_back", [
    ("5m", 300), ("2h", 7200), ("1d", 86400), ("1w", 604800), ("30s", 30)])
def test_relative_since(text, seconds_back):
    assert logs.since_to_millis(text, 1_000_000.0) == (1_000_000 - seconds_back) * 1000


def test_since_timestamps_are_utc_when_naive():
    assert logs.since_to_millis("1970-01-02T00:00:00", 0) == 86_400_000
    assert logs.since_to_millis("1970-01-02T01:00:00+01:00", 0) == 86_400_000


def test_unknown_group_is_v2s_service_error(moto):
    result = run(["logs", "tail", "no-such-group"], moto.environ())
    assert result == ("", "\naws: [ERROR]: An error occurred (ResourceNotFoundException) when "
                      "calling the FilterLogEvents operation: The specified log group does "
                      "not exist.\n", 254)


def test_bad_since_is_v2s_error(moto):
    result = run(["logs", "tail", GROUP, "--since", "soon"], moto.environ())
    assert result == ("", '\naws: [ERROR]: Invalid timestamp "soon": Unknown string '
                      "format: soon\n", 255)


def test_group_is_required():
    result = run(["logs", "tail"], {})
    assert result.exit_code == 252
    assert "the following arguments are required: group_name" in result.stderr


# -- --follow -----------------------------------------------------------------


def test_follow_prints_each_event_once_across_polls(moto):
    """Events arriving between polls, some at the very timestamp the next poll starts
    from, are printed once each; the poll after the last page restarts there."""
    from botocore.session import get_session

    env = moto.environ()
    name = "follow-group"
    assert run(["logs", "create-log-group", "--log-group-name", name], env).exit_code == 0
    assert run(["logs", "create-log-stream", "--log-group-name", name,
                "--log-stream-name", "s"], env).exit_code == 0
    base = int(time.time()) * 1000 - 5000

    def put(*items):
        payload = json.dumps([{"timestamp": t, "message": m} for t, m in items])
        assert run(["logs", "put-log-events", "--log-group-name", name,
                    "--log-stream-name", "s", "--log-events", payload], env).exit_code == 0

    put((base, "one"), (base + 1000, "two"))
    arrivals = [[(base + 1000, "two again, same time"), (base + 2000, "three")],
                [(base + 3000, "four")], []]
    pauses = []

    def sleep(seconds):
        pauses.append(seconds)
        if not arrivals:
            raise KeyboardInterrupt
        batch = arrivals.pop(0)
        if batch:
            put(*batch)

    client = get_session().create_client(
        "logs", region_name="us-west-2", endpoint_url=moto.endpoint,
        aws_access_key_id="testing", aws_secret_access_key="testing")
    request = logs.filter_request({"group_name": name, "since": "1h", "filter_pattern": None,
                                   "log_stream_names": None, "log_stream_name_prefix": None},
                                  time.time())
    seen = []
    with pytest.raises(KeyboardInterrupt):
        for event in logs.follow(client, request, sleep):
            seen.append(event["message"])
    assert seen == ["one", "two", "two again, same time", "three", "four"]
    assert pauses == [logs.POLL_SECONDS] * 4


def test_follow_ends_quietly_on_ctrl_c_with_exit_0(moto, group):
    """A real process, interrupted: what it printed stays, nothing on stderr, exit 0."""
    proc = subprocess.Popen([AWS, "logs", "tail", GROUP, "--follow", "--format", "short"],
                            env=moto.environ(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    printed = [proc.stdout.readline() for _ in range(3)]  # all three: now it is polling
    os.kill(proc.pid, signal.SIGINT)
    rest, err = proc.communicate(timeout=30)
    assert [line.split(" ", 1)[1] for line in printed] == [
        "GET /index 200\n", "job done\n", '{"level": "info"}\n']
    assert (rest, err, proc.returncode) == ("", "", 0)

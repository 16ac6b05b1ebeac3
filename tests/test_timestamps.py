"""Timestamps with fractional seconds go on the wire as v2 sends them, for each protocol's format.

The expected requests were recorded from AWS CLI v2 2.36.7 against the same loopback server:
unix timestamps in whole seconds, ISO 8601 to the microsecond, RFC 822 in seconds.
"""

from __future__ import annotations

import json
import os

import pytest

from tests.fault_server import FaultServer
from tests.runner import run

MICRO = "2024-01-02T03:04:05.678901Z"
CASES = [
    # (id, argv with T for the timestamp, T, where to look, what v2 sent)
    ("json-unix", "application-autoscaling get-predictive-scaling-forecast --service-namespace ecs"
     " --resource-id r --scalable-dimension ecs:service:DesiredCount --policy-name p"
     " --start-time T --end-time T", MICRO, "json:StartTime", 1704164645),
    ("json-unix-offset", "application-autoscaling get-predictive-scaling-forecast"
     " --service-namespace ecs --resource-id r --scalable-dimension ecs:service:DesiredCount"
     " --policy-name p --start-time T --end-time T", "2024-01-02T03:04:05.5+02:00",
     "json:StartTime", 1704157445),
    ("json-unix-epoch", "application-autoscaling get-predictive-scaling-forecast"
     " --service-namespace ecs --resource-id r --scalable-dimension ecs:service:DesiredCount"
     " --policy-name p --start-time T --end-time T", "1704164645.678", "json:StartTime",
     1704164645),
    ("rest-json-body", "amplify generate-access-logs --domain-name d --app-id a --start-time T",
     MICRO, "json:startTime", 1704164645),
    ("rest-json-explicit-unix", "supplychain send-data-integration-event"
     " --instance-id 12345678-1234-1234-1234-123456789012 --event-type scn.data.forecast"
     " --data x --event-group-id g --event-timestamp T", MICRO, "json:eventTimestamp",
     1704164645),
    ("query-iso", "autoscaling describe-scheduled-actions --start-time T", MICRO, "body",
     "StartTime=2024-01-02T03%3A04%3A05.678901Z"),
    ("ec2-iso", "ec2 describe-spot-price-history --start-time T", MICRO, "body",
     "StartTime=2024-01-02T03%3A04%3A05.678901Z"),
    ("rest-json-query-iso", "bedrock delete-automated-reasoning-policy-build-workflow"
     " --policy-arn arn:aws:bedrock:us-west-2:123456789012:automated-reasoning-policy/abcdefghijkl"
     " --build-workflow-id b --last-updated-at T", MICRO, "head",
     "?updatedAt=2024-01-02T03%3A04%3A05.678901Z "),
    ("rest-xml-header-rfc822", "s3api get-object --bucket b --key k --if-modified-since T OUT",
     MICRO, "head", "If-Modified-Since: Tue, 02 Jan 2024 03:04:05 GMT"),
    ("rest-xml-header-iso", "s3api copy-object --bucket b --key k --copy-source a/b"
     " --object-lock-retain-until-date T", MICRO, "head",
     "x-amz-object-lock-retain-until-date: 2024-01-02T03:04:05Z"),
]


@pytest.mark.parametrize("argv,value,where,expected", [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_timestamp_on_the_wire(tmp_path, argv, value, where, expected):
    environ = {"HOME": str(tmp_path), "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
               "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
               "AWS_DEFAULT_REGION": "us-west-2", "AWS_PAGER": "", "AWS_MAX_ATTEMPTS": "1"}
    words = [value if w == "T" else str(tmp_path / "out") if w == "OUT" else w
             for w in argv.split()]
    with FaultServer("close") as server:
        run([*words, "--endpoint-url", server.endpoint], environ)
    assert server.requests, "nothing was sent"
    head, body = server.requests[0]
    if where.startswith("json:"):
        assert json.loads(body)[where[5:]] == expected
        assert type(json.loads(body)[where[5:]]) is int
    elif where == "body":
        assert expected in body.decode()
    else:
        assert expected in head.decode()

"""Peak memory of a large response, shapecli beside the reference CLI, for bench/run.py.

A loopback server (tests/fault_server.py) answers `cognito-idp list-users` with the same
~21 MB JSON body every time: about 55,000 users, each with attributes and two timestamps,
so the response is parsed, converted (timestamps) and rendered like a real one. Each CLI
prints it once per output format (stdout to /dev/null); the figure is the process's peak
resident set size, from os.wait4 (ru_maxrss) in a small launcher process. One untimed run of each CLI against a tiny
body first builds any model cache, so the measured run pays only for the response.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from typing import NamedTuple

BODY_BYTES = 21_000_000
MEMORY_FLOOR = 1.00   # shapecli's peak must not exceed the reference's
MEMORY_AIM = 0.70     # what it aims for
FORMATS = ("json", "text", "table", "yaml")


class MemoryJob(NamedTuple):
    name: str
    argv: list[str]
    floor: float = MEMORY_FLOOR
    needs_endpoint: bool = False  # False: it brings its own server (the 21 MB body)


MEMORY_JOBS = [
    MemoryJob(f"memory-{fmt}", ["cognito-idp", "list-users", "--user-pool-id",
                                "us-west-2_benchmark", "--output", fmt])
    for fmt in FORMATS
] + [
    # The single call of the `call` job, against moto: its peak is botocore's start-up
    # (issue 9: at most 0.6 of the reference's).
    MemoryJob("memory-call", ["cognito-idp", "list-user-pools", "--max-results", "10"],
              floor=0.60, needs_endpoint=True),
]


def users_body(size: int = BODY_BYTES) -> bytes:
    """A ListUsers response of about `size` bytes (deterministic)."""
    users, total, i = [], 2, 0
    while total < size:
        user = {"Username": f"user-{i:06d}-{'x' * 20}",
                "Attributes": [{"Name": "sub", "Value": f"{i:08d}-aaaa-bbbb-cccc-dddddddddddd"},
                               {"Name": "email", "Value": f"user{i}@example.com"},
                               {"Name": "custom:note", "Value": "note " * 8}],
                "UserCreateDate": 1700000000.123 + i, "UserLastModifiedDate": 1700000500.5 + i,
                "Enabled": True, "UserStatus": "CONFIRMED"}
        users.append(user)
        total += len(json.dumps(user)) + 2
        i += 1
    return json.dumps({"Users": users}).encode()


def peak_rss(side, argv: list[str], timeout: float) -> tuple[float, int, float, str]:
    """(peak MB, exit code, wall seconds, stderr) of one run of `side` with stdout discarded.

    Measured through bench.batch's launcher: a process forked from the benchmark itself
    would count the benchmark's own peak (the ~21 MB body and the users it was made from).
    """
    from bench.batch import run_reaped

    try:
        run = run_reaped([side.executable, *argv], side.environ, os.devnull, timeout)
    except subprocess.TimeoutExpired:
        return 0.0, -1, timeout, f"timed out after {timeout:.0f} s"
    return run.peak_rss_mb, run.exit_code, run.seconds, run.stderr


def measure_memory(job: MemoryJob, sides: list, timeout: float, big: str, tiny: str) -> dict:
    """Peak RSS of one run per side after a warm-up run: against `big` after `tiny`."""
    result: dict = {"name": job.name, "argv": [*job.argv, "--endpoint-url",
                                               big if job.needs_endpoint else "<loopback>"],
                    "floor": job.floor, "aim": min(MEMORY_AIM, job.floor), "kind": "memory",
                    "body_bytes": None if job.needs_endpoint else BODY_BYTES,
                    "needs_endpoint": job.needs_endpoint}
    for side in sides:
        peak_rss(side, [*job.argv, "--endpoint-url", tiny], timeout)  # warm any cache
        mb, code, seconds, stderr = peak_rss(side, [*job.argv, "--endpoint-url", big], timeout)
        error = None if code == 0 else f"exit {code}: {stderr.strip().splitlines()[-1:] or ''}"
        result[side.label] = {"peak_mb": None if error else mb, "seconds": seconds,
                              "exit_code": code, "error": error, "stderr": stderr}
    s, r = result["shapecli"]["peak_mb"], result["reference"]["peak_mb"]
    result["ratio"] = s / r if s and r else None
    result["verdict"] = ("PASS" if result["ratio"] is not None and result["ratio"] <= job.floor
                         else "FAIL")
    if s and result["reference"]["exit_code"] in (2, 252):
        result["verdict"] = "SKIP"  # the reference has no such format (v1: no --output yaml)
    return result


def print_memory(result: dict) -> None:
    size = f"  ({result['body_bytes'] / 1e6:.0f} MB response)" if result["body_bytes"] else ""
    print(f"\n{result['name']}: aws {' '.join(result['argv'])}{size}")
    print(f"  {'cli':<10} {'peak MB':>9} {'wall s':>9}  exit")
    for label in ("shapecli", "reference"):
        side = result[label]
        if side["error"]:
            print(f"  {label:<10} {label} failed: {side['error']}")
            continue
        print(f"  {label:<10} {side['peak_mb']:>9.1f} {side['seconds']:>9.2f}  "
              f"{side['exit_code']}")
    if result["verdict"] == "SKIP":
        print("  ratio   -      (the reference does not offer this format)  SKIP")
    elif result["ratio"] is None:
        print(f"  ratio   -      (floor <= {result['floor']:.2f})  FAIL")
    else:
        print(f"  ratio   {result['ratio']:.3f}  (floor <= {result['floor']:.2f}, aim "
              f"{result['aim']:.2f})  {result['verdict']}")

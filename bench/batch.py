"""The batch scenario of bench/run.py: N confirmations in one --cli-input-jsonl run.

What a user would otherwise do is a shell loop: one reference `aws cognito-idp
admin-confirm-sign-up` per user. The scenario times

- the reference CLI's single confirmation (median of `runs` fresh users), so the loop costs
  N x that;
- shapecli's single confirmation, for scale;
- shapecli confirming N fresh users in one `--cli-input-jsonl` run (median of `batch_runs`
  runs, each on a fresh pool whose users are created, untimed, by a batch run first), checked
  by its records (N, all ok, in order) and by the server (every user CONFIRMED);

and prints loop / batch. It then measures bounded memory: the peak RSS of two runs over
inputs of `memory_lines / 10` and `memory_lines` lines. Those lines fail botocore's
client-side validation (`{"Username": 0}`), so they go through every stage of a batch run
(reader, parse, merge, worker, record, writer) without costing the server anything.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
import time
from typing import NamedTuple

GOAL = 100.0  # loop time / batch time, for N = 2000 on 2 cores


class Timed(NamedTuple):
    seconds: float
    exit_code: int
    peak_rss_mb: float
    stderr: str


# A small process between the benchmark and the measured one: a child's peak RSS counts the
# image it was forked from, and the benchmark's own (a moto server, boto3) is large.
LAUNCHER = """
import json, os, sys, time
report = int(sys.argv[1])
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.close(report)
    os.execv(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
os.write(report, json.dumps([time.perf_counter() - start, os.waitstatus_to_exitcode(status),
                        usage.ru_maxrss]).encode())
"""


def run_reaped(argv: list[str], environ: dict, out_path: str, timeout: float) -> Timed:
    """Wall time, exit code and peak RSS of one run of `argv`; stdout to a file."""
    import sys

    read_end, write_end = os.pipe()
    try:
        with open(out_path, "w") as out, tempfile.TemporaryFile("w+") as err:
            proc = subprocess.Popen(
                [sys.executable, "-S", "-c", LAUNCHER, str(write_end), *argv], env=environ,
                stdout=out, stderr=err, stdin=subprocess.DEVNULL, pass_fds=(write_end,),
                start_new_session=True)
            os.close(write_end)
            write_end = -1
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, 9)  # the launcher and the measured process
                proc.wait()
                raise
            seconds, exit_code, rss_kb = json.loads(os.read(read_end, 1024))
            err.seek(0)
            return Timed(seconds, exit_code, rss_kb / 1024, err.read())
    finally:
        os.close(read_end)
        if write_end >= 0:
            os.close(write_end)


class Moto:
    """What the scenario needs of the server: pools and users, read back through boto3."""

    def __init__(self, endpoint: str):
        import boto3  # moto's own dependency; only the benchmark process imports it

        self.client = boto3.client("cognito-idp", endpoint_url=endpoint, region_name="us-west-2",
                                   aws_access_key_id="testing", aws_secret_access_key="testing")

    def pool(self, name: str) -> str:
        return self.client.create_user_pool(PoolName=name)["UserPool"]["Id"]

    def statuses(self, pool_id: str) -> dict[str, str]:
        pages = self.client.get_paginator("list_users").paginate(UserPoolId=pool_id)
        return {u["Username"]: u["UserStatus"] for p in pages for u in p["Users"]}


def scenario(shapecli, reference, endpoint: str, *, lines: int, runs: int, batch_runs: int,
             memory_lines: int, timeout: float) -> dict:
    """Run the scenario; `shapecli` and `reference` are bench/run.py Sides."""
    moto = Moto(endpoint)
    work = tempfile.mkdtemp(prefix="shapecli-bench-batch-")
    endpoint_args = ["--endpoint-url", endpoint]

    def users_file(names: list[str]) -> str:
        path = os.path.join(work, f"users-{len(names)}-{time.monotonic_ns()}.jsonl")
        with open(path, "w") as f:
            f.writelines(json.dumps({"Username": n}) + "\n" for n in names)
        return path

    def fresh_pool(count: int, tag: str) -> tuple[str, list[str]]:
        pool_id = moto.pool(f"bench-batch-{tag}")
        names = [f"{tag}-{i}@example.com" for i in range(count)]
        created = run_reaped(
            [shapecli.executable, "cognito-idp", "admin-create-user", "--user-pool-id", pool_id,
             "--message-action", "SUPPRESS", "--cli-input-jsonl", f"file://{users_file(names)}",
             *endpoint_args], shapecli.environ, os.devnull, timeout)
        if created.exit_code != 0:
            raise SystemExit(f"bench: creating {count} users failed: {created.stderr}")
        return pool_id, names

    def single_calls(side, tag: str) -> list[float]:
        pool_id, names = fresh_pool(runs + 2, tag)
        times = []
        for i, name in enumerate(names):
            run = run_reaped([side.executable, "cognito-idp", "admin-confirm-sign-up",
                              "--user-pool-id", pool_id, "--username", name, *endpoint_args],
                             side.environ, os.devnull, timeout)
            if run.exit_code != 0:
                raise SystemExit(f"bench: {side.label} confirmation failed: {run.stderr}")
            if i >= 2:  # two warm-up calls
                times.append(run.seconds)
        if set(moto.statuses(pool_id).values()) != {"CONFIRMED"}:
            raise SystemExit(f"bench: {side.label} left users unconfirmed")
        return times

    result: dict = {"lines": lines, "goal": GOAL}
    result["reference_call"] = statistics.median(single_calls(reference, "ref"))
    result["shapecli_call"] = statistics.median(single_calls(shapecli, "one"))

    batch_times, batch_rss = [], []
    for run_index in range(batch_runs):
        pool_id, names = fresh_pool(lines, f"batch{run_index}")
        out = os.path.join(work, f"records-{run_index}.jsonl")
        run = run_reaped([shapecli.executable, "cognito-idp", "admin-confirm-sign-up",
                          "--user-pool-id", pool_id, "--cli-input-jsonl",
                          f"file://{users_file(names)}", *endpoint_args],
                         shapecli.environ, out, timeout)
        with open(out) as f:
            records = [json.loads(line) for line in f]
        problems = []
        if run.exit_code != 0:
            problems.append(f"exit {run.exit_code}: {run.stderr.strip()[-300:]}")
        if [(r["line"], r["status"]) for r in records] != [(i + 1, "ok") for i in range(lines)]:
            problems.append("records are not one ok per line, in order")
        statuses = moto.statuses(pool_id)
        if sorted(statuses) != sorted(names) or set(statuses.values()) != {"CONFIRMED"}:
            problems.append("the server does not have every user CONFIRMED")
        if problems:
            raise SystemExit("bench: batch run failed: " + "; ".join(problems))
        batch_times.append(run.seconds)
        batch_rss.append(run.peak_rss_mb)
    result["batch_times"] = batch_times
    result["batch"] = statistics.median(batch_times)
    result["batch_peak_rss_mb"] = max(batch_rss)
    result["loop"] = lines * result["reference_call"]
    result["ratio"] = result["loop"] / result["batch"]
    result["verdict"] = "PASS" if result["ratio"] >= GOAL else "FAIL"
    result["memory"] = memory(shapecli, endpoint_args, work, memory_lines, timeout)
    return result


def memory(shapecli, endpoint_args: list[str], work: str, largest: int,
           timeout: float) -> list[dict]:
    """Peak RSS of runs over `largest / 10` and `largest` lines that fail client-side."""
    rows = []
    for count in (max(1, largest // 10), largest):
        path = os.path.join(work, f"memory-{count}.jsonl")
        with open(path, "w") as f:
            f.writelines('{"Username": 0}\n' for _ in range(count))
        out = os.path.join(work, "memory-records.jsonl")
        run = run_reaped([shapecli.executable, "cognito-idp", "admin-confirm-sign-up",
                          "--user-pool-id", "us-west-2_nopool", "--cli-input-jsonl",
                          f"file://{path}", *endpoint_args], shapecli.environ, out, timeout)
        with open(out) as f:
            written = sum(1 for _ in f)
        if run.exit_code != 252 or written != count:
            raise SystemExit(f"bench: memory run over {count} lines: exit {run.exit_code}, "
                             f"{written} records: {run.stderr.strip()[-300:]}")
        rows.append({"lines": count, "peak_rss_mb": run.peak_rss_mb, "seconds": run.seconds,
                     "input_mb": os.path.getsize(path) / 1e6})
        os.remove(path)
    return rows


def print_scenario(result: dict) -> None:
    n = result["lines"]
    print(f"\nbatch: {n} confirmations (admin-confirm-sign-up) against moto")
    print(f"  reference, one call           {result['reference_call']:9.4f} s (median)")
    print(f"  shapecli, one call            {result['shapecli_call']:9.4f} s (median)")
    print(f"  shell loop of reference calls {result['loop']:9.1f} s  ({n} x one call)")
    times = ", ".join(f"{t:.2f}" for t in result["batch_times"])
    print(f"  shapecli --cli-input-jsonl    {result['batch']:9.2f} s (median of {times}); "
          f"{n / result['batch']:.0f} lines/s; peak RSS {result['batch_peak_rss_mb']:.1f} MB")
    print(f"  ratio loop / batch  {result['ratio']:.0f}x  (goal >= {result['goal']:.0f}x)  "
          f"{result['verdict']}")
    for row in result["memory"]:
        print(f"  memory: {row['lines']:>9,} lines ({row['input_mb']:.1f} MB input), peak RSS "
              f"{row['peak_rss_mb']:.1f} MB, {row['seconds']:.1f} s")

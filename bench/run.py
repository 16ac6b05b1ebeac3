"""Time shapecli's `aws` against a reference AWS CLI, side by side, in one run.

    .venv/bin/python bench/run.py [--runs N] [--jobs a,b,...] [--reference PATH] [--json PATH]

Every job is one fresh process per run, timed as wall time around subprocess.run. The two CLIs
alternate (which one goes first flips every iteration) so that drift in machine load lands on
both. The memory-* jobs (bench/memory.py) measure peak resident memory instead, printing a
~21 MB response in each output format; the s3 job (bench/s3sync.py) syncs 1,000 small files
and copies a 200 MB file through a latency proxy. Each CLI keeps one HOME for the whole benchmark, so shapecli's model cache under
HOME/.cache, built in the warm-up runs, is what the timed runs use.

The reference is AWS CLI v1 from PyPI, installed on first run into bench/.ref-venv (never into
the project's venv), or whatever --reference / REFERENCE_AWS names (e.g. a real AWS CLI v2).

Exit status: 0 if every job ran and met its floor, 1 otherwise.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from typing import NamedTuple

from memory import MEMORY_JOBS, measure_memory, print_memory, users_body

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
REF_VENV = os.path.join(BENCH, ".ref-venv")
REF_READY = os.path.join(REF_VENV, ".installed")  # written only after pip succeeded
SHAPECLI = os.path.join(os.path.dirname(sys.executable), "aws")

LOCAL_FLOOR = 0.10  # shapecli/reference median ratio a local job must not exceed
CALL_FLOOR = 0.40   # the same for a job that talks to the endpoint
# Against AWS CLI v2 (faster to start than v1) some jobs have targets of their own:
V2_CALL_FLOOR = 0.25      # one call (issue 9)
V2_COMPLETE_FLOOR = 0.60  # one Tab press (issue 10)
SERVED_LOCAL_FLOOR = 0.05  # a local job served by the resident server (issue 20)
SERVED_CALL_FLOOR = 0.12   # a call served by it (aim 0.10)
# Jobs that are scenarios of their own module (bench/batch.py, bench/s3sync.py).
SCENARIOS = ("batch", "s3")


class Job(NamedTuple):
    name: str
    argv: list[str]
    floor: float
    shapecli_codes: tuple[int, ...]   # exit codes that mean "the job worked"
    reference_codes: tuple[int, ...]
    expect: str                        # must appear in stdout or stderr
    needs_endpoint: bool = False
    program: str = "aws"               # or a script beside it: aws_completer
    environ: tuple = ()                # (name, value) pairs added to the environment
    v2_floor: float | None = None      # the floor when the reference is AWS CLI v2


COMPLETE_LINE = "aws ec2 describe-instances --"
BENCH_BUCKET = "bench-listing"  # seeded with a few objects for hand-call


JOBS = [
    Job("version", ["--version"], LOCAL_FLOOR, (0,), (0,), "Python/"),
    # v1 stops in argparse (exit 2) or in its own validation (252); both are the same failure.
    Job("arg-error", ["cognito-idp", "admin-confirm-sign-up", "--user-pool-id", "p"],
        LOCAL_FLOOR, (252,), (252, 2), "--username"),
    Job("skeleton", ["cognito-idp", "admin-create-user", "--generate-cli-skeleton"],
        LOCAL_FLOOR, (0,), (0,), "UserPoolId"),
    Job("help", ["cognito-idp", "admin-confirm-sign-up", "help"],
        LOCAL_FLOOR, (0,), (0,), "admin-confirm-sign-up"),
    # Hand-written commands (cli.commands) are local work too: a page and an argument error.
    Job("hand-help", ["s3", "cp", "help"], LOCAL_FLOOR, (0,), (0,), "--recursive"),
    Job("hand-arg-error", ["s3", "cp", "only-one-path"], LOCAL_FLOOR, (252,), (252, 2),
        "paths"),
    Job("call", ["cognito-idp", "list-user-pools", "--max-results", "10"],
        CALL_FLOOR, (0,), (0,), "UserPools", needs_endpoint=True, v2_floor=V2_CALL_FLOOR),
    # A hand-written command's call: its client has the service's whole model (s3 ls).
    Job("hand-call", ["s3", "ls", f"s3://{BENCH_BUCKET}/"], CALL_FLOOR, (0,), (0,),
        "listing.txt", needs_endpoint=True, v2_floor=V2_CALL_FLOOR),
    # A Tab press: the shell runs aws_completer with the line in COMP_LINE.
    Job("complete", [], LOCAL_FLOOR, (0,), (0,), "--instance-ids", program="aws_completer",
        environ=(("COMP_LINE", COMPLETE_LINE), ("COMP_POINT", str(len(COMPLETE_LINE)))),
        v2_floor=V2_COMPLETE_FLOOR),
]
# The same jobs served by the resident command server (issue 20): shapecli with
# SHAPECLI_SERVER=on (the reference ignores it), the server started and warm before the
# first timed run, and stopped after the last.
SERVED = (("SHAPECLI_SERVER", "on"),)
SERVED_JOBS = [
    job._replace(name=f"served-{job.name}", environ=SERVED,
                 floor=SERVED_CALL_FLOOR if job.needs_endpoint else SERVED_LOCAL_FLOOR,
                 v2_floor=None)
    for job in JOBS if job.name in ("version", "arg-error", "skeleton", "help", "call")
]


class Run(NamedTuple):
    seconds: float
    exit_code: int
    stdout: str
    stderr: str


class Side:
    """One CLI under test: its executable, its own HOME, and what its runs of a job gave."""

    def __init__(self, label: str, executable: str, environ: dict[str, str]) -> None:
        self.label = label
        self.executable = executable
        self.environ = environ

    def run(self, argv: list[str], timeout: float, program: str = "aws",
            environ: tuple = ()) -> Run:
        executable = self.executable if program == "aws" else os.path.join(
            os.path.dirname(self.executable), program)
        start = time.perf_counter()
        proc = subprocess.run([executable, *argv], env={**self.environ, **dict(environ)},
                              capture_output=True,
                              text=True, errors="replace", stdin=subprocess.DEVNULL,
                              timeout=timeout)
        seconds = time.perf_counter() - start
        return Run(seconds, proc.returncode, proc.stdout, proc.stderr)


# -- the reference CLI ----------------------------------------------------------------------

def reference_executable(option: str | None) -> str:
    """--reference, else REFERENCE_AWS, else AWS CLI v1 in bench/.ref-venv (built if missing)."""
    chosen = option or os.environ.get("REFERENCE_AWS")
    if chosen:
        path = shutil.which(chosen) or chosen
        if not (os.path.isfile(path) and os.access(path, os.X_OK)):
            sys.exit(f"bench: reference {chosen!r} is not an executable file")
        return os.path.abspath(path)
    aws = os.path.join(REF_VENV, "bin", "aws")
    if not os.path.exists(REF_READY):
        build_reference_venv()
    return aws


def build_reference_venv() -> None:
    # The same interpreter as shapecli's venv, so the comparison is of the CLIs, not of Pythons.
    if os.path.isdir(REF_VENV):  # a half-built venv from an interrupted first run
        shutil.rmtree(REF_VENV)
    print(f"bench: installing AWS CLI v1 (awscli from PyPI) into {REF_VENV} ...", flush=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "venv", REF_VENV], check=True)
    pip = os.path.join(REF_VENV, "bin", "pip")
    proc = subprocess.run([pip, "install", "-q", "--disable-pip-version-check", "awscli"],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout + proc.stderr)
        sys.exit(f"bench: pip install awscli failed (exit {proc.returncode})")
    with open(REF_READY, "w") as f:
        f.write("awscli\n")
    print(f"bench: done in {time.perf_counter() - start:.0f} s", flush=True)


# -- the environment ------------------------------------------------------------------------

def clean_environ(home: str) -> dict[str, str]:
    """What both CLIs see: test credentials, a region, no pager, an empty HOME of their own."""
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL", "TZ")}
    return {
        **keep,
        "HOME": home,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-west-2",
        "AWS_PAGER": "",
        "PAGER": "cat",
        "MANPAGER": "cat",
    }


def seed_user_pools(endpoint: str, count: int = 3) -> None:
    """A few pools, so `call` renders a real response rather than an empty list."""
    import boto3  # moto's own dependency; only the benchmark process imports it

    client = boto3.client("cognito-idp", endpoint_url=endpoint, region_name="us-west-2",
                          aws_access_key_id="testing", aws_secret_access_key="testing")
    for i in range(count):
        client.create_user_pool(PoolName=f"bench-{i}")


def seed_bucket(endpoint: str, count: int = 3) -> None:
    """A bucket with a few objects, so `hand-call` lists something."""
    import boto3

    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-west-2",
                          aws_access_key_id="testing", aws_secret_access_key="testing")
    client.create_bucket(Bucket=BENCH_BUCKET,
                         CreateBucketConfiguration={"LocationConstraint": "us-west-2"})
    for i in range(count):
        client.put_object(Bucket=BENCH_BUCKET, Key=f"{i}/listing.txt", Body=b"x" * i)
        client.put_object(Bucket=BENCH_BUCKET, Key=f"listing.txt.{i}", Body=b"y")


# -- measuring ------------------------------------------------------------------------------

def check(job: Job, codes: tuple[int, ...], run: Run) -> str | None:
    """None if the run did the job, else why not, in one line."""
    if run.exit_code not in codes:
        first = next((line for line in run.stderr.splitlines() if line.strip()), "")
        return f"exit {run.exit_code}: {first or '(no stderr)'}"
    if job.expect not in run.stdout and job.expect not in run.stderr:
        return f"exit {run.exit_code} but {job.expect!r} is not in its output"
    return None


def measure(job: Job, sides: list[Side], runs: int, warmup: int, timeout: float,
            endpoint: str | None, reference_is_v2: bool = False) -> dict:
    """Warm up, then time `runs` alternating runs of each side; a failing side stops early."""
    argv = [*job.argv, "--endpoint-url", endpoint] if job.needs_endpoint else list(job.argv)
    codes = {"shapecli": job.shapecli_codes, "reference": job.reference_codes}
    floor = job.v2_floor if reference_is_v2 and job.v2_floor is not None else job.floor
    result: dict = {"name": job.name, "argv": argv, "floor": floor,
                    "needs_endpoint": job.needs_endpoint, "program": job.program,
                    "environ": dict(job.environ)}
    per_side = {s.label: {"times": [], "exit_codes": [], "error": None, "stderr": ""}
                for s in sides}

    def attempt(side: Side) -> float | None:
        record = per_side[side.label]
        if record["error"]:
            return None
        try:
            run = side.run(argv, timeout, job.program, job.environ)
        except subprocess.TimeoutExpired:
            record["error"] = f"timed out after {timeout:.0f} s"
            return None
        error = check(job, codes[side.label], run)
        if error:
            record["error"], record["stderr"] = error, run.stderr
            return None
        record["exit_codes"].append(run.exit_code)
        return run.seconds

    if job.environ == SERVED:
        start_server(sides[0], timeout)
    for _ in range(warmup):
        for side in sides:
            attempt(side)
    for record in per_side.values():
        record["exit_codes"].clear()
    for i in range(runs):
        for side in (sides if i % 2 == 0 else sides[::-1]):
            seconds = attempt(side)
            if seconds is not None:
                per_side[side.label]["times"].append(seconds)

    for label, record in per_side.items():
        times = record["times"]
        result[label] = {
            "median": statistics.median(times) if times and not record["error"] else None,
            "min": min(times) if times and not record["error"] else None,
            "times": times,
            "exit_codes": sorted(set(record["exit_codes"])),
            "error": record["error"],
            "stderr": record["stderr"],
        }
    s, r = result["shapecli"]["median"], result["reference"]["median"]
    result["ratio"] = s / r if s is not None and r else None
    result["verdict"] = ("PASS" if result["ratio"] is not None and result["ratio"] <= floor
                         else "FAIL")
    return result


def start_server(side: Side, timeout: float) -> None:
    """Start shapecli's command server (if it is not running) and wait until it answers."""
    shapecli = os.path.join(os.path.dirname(side.executable), "shapecli")
    environ = {**side.environ, **dict(SERVED)}
    # Any command but a bare --version (which the client prints itself) starts it.
    subprocess.run([side.executable, "cognito-idp", "admin-confirm-sign-up"], env=environ,
                   capture_output=True, timeout=timeout)
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        status = subprocess.run([shapecli, "server", "status"], env=environ,
                                capture_output=True, text=True, timeout=timeout)
        if "server:  running" in status.stdout:
            return
        time.sleep(0.1)


def stop_server(side: Side) -> None:
    shapecli = os.path.join(os.path.dirname(side.executable), "shapecli")
    subprocess.run([shapecli, "server", "stop"], env={**side.environ, **dict(SERVED)},
                   capture_output=True, timeout=60)


# -- reporting ------------------------------------------------------------------------------

def print_job(result: dict) -> None:
    if result["program"] == "aws":
        settings = "".join(f"{k}={v} " for k, v in result["environ"].items())
        print(f"\n{result['name']}: {settings}aws {' '.join(result['argv'])}")
    else:
        settings = " ".join(f"{k}={v!r}" for k, v in result["environ"].items())
        print(f"\n{result['name']}: {settings} {result['program']}")
    print(f"  {'cli':<10} {'median s':>9} {'min s':>9}  exit")
    for label in ("shapecli", "reference"):
        side = result[label]
        if side["error"]:
            print(f"  {label:<10} {label} failed: {side['error']}")
            continue
        codes = ",".join(str(c) for c in side["exit_codes"])
        print(f"  {label:<10} {side['median']:>9.4f} {side['min']:>9.4f}  {codes}")
    if result["ratio"] is None:
        print(f"  ratio   -      (floor <= {result['floor']:.2f})  FAIL")
    else:
        print(f"  ratio   {result['ratio']:.3f}  (floor <= {result['floor']:.2f})  "
              f"{result['verdict']}")
    for label in ("shapecli", "reference"):
        side = result[label]
        if side["error"] and result["needs_endpoint"] and side["stderr"]:
            # A failed call is the one job that must never fail quietly.
            print(f"  --- {label} stderr ---\n{side['stderr'].rstrip()}\n  ---")


def version_line(side: Side) -> str:
    try:
        run = side.run(["--version"], 60)
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"(--version failed: {e})"
    return (run.stdout.strip() or run.stderr.strip()).splitlines()[0] if (
        run.stdout.strip() or run.stderr.strip()) else f"(--version exit {run.exit_code})"


def machine() -> dict:
    return {
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        # Wall times on a shared machine are only as good as its idleness; this says how idle.
        "loadavg_1m": round(os.getloadavg()[0], 2),
    }


# -- main -----------------------------------------------------------------------------------

def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bench/run.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per job per CLI")
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs first (default 3)")
    parser.add_argument("--jobs", default=",".join([*(j.name for j in JOBS + SERVED_JOBS
                                                              + MEMORY_JOBS), *SCENARIOS]),
                        help="comma-separated subset of: %(default)s")
    parser.add_argument("--reference", help="reference `aws` executable (default: "
                        "$REFERENCE_AWS, else AWS CLI v1 in bench/.ref-venv)")
    parser.add_argument("--reference-env", action="append", default=[], metavar="NAME=VALUE",
                        help="an environment variable for the reference only, e.g. "
                        "AWS_DATA_PATH=/path/to/botocore-data (repeatable)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per run")
    parser.add_argument("--json", metavar="PATH", help="also write the numbers here")
    parser.add_argument("--batch-lines", type=int, default=2000,
                        help="confirmations in the batch scenario (default 2000)")
    parser.add_argument("--batch-runs", type=int, default=3,
                        help="timed batch runs, each on fresh users (default 3)")
    parser.add_argument("--memory-lines", type=int, default=200_000,
                        help="lines of the larger memory run of the batch scenario")
    parser.add_argument("--s3-runs", type=int, default=3,
                        help="runs of each CLI's small-file sync in the s3 scenario (default 3)")
    parser.add_argument("--no-s3-large", dest="s3_large", action="store_false",
                        help="leave out the s3 scenario's 200 MB file")
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.jobs.split(",") if n.strip()]
    known = {j.name: j for j in JOBS + SERVED_JOBS + MEMORY_JOBS}
    unknown = [n for n in names if n not in known and n not in SCENARIOS]
    if unknown or not names:
        parser.error(f"unknown job(s) {', '.join(unknown) or '(none)'}; "
                     f"choose from {', '.join([*known, *SCENARIOS])}")
    if any("=" not in pair for pair in args.reference_env):
        parser.error("--reference-env takes NAME=VALUE")
    if args.runs < 1 or args.batch_lines < 1 or args.batch_runs < 1:
        parser.error("--runs, --batch-lines and --batch-runs must be at least 1")
    args.batch = "batch" in names
    args.s3 = "s3" in names
    args.jobs = [known[n] for n in names if n not in SCENARIOS]
    return args


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    if not os.access(SHAPECLI, os.X_OK):
        sys.exit(f"bench: no shapecli `aws` next to {sys.executable}; run with .venv/bin/python")
    reference = reference_executable(args.reference)

    homes = [tempfile.mkdtemp(prefix=f"shapecli-bench-{label}-")
             for label in ("shapecli", "reference")]
    sides = [Side("shapecli", SHAPECLI, clean_environ(homes[0])),
             Side("reference", reference,
                  {**clean_environ(homes[1]),
                   **dict(pair.split("=", 1) for pair in args.reference_env)})]
    versions = {s.label: version_line(s) for s in sides}
    print(f"shapecli:  {SHAPECLI}\n           {versions['shapecli']}")
    print(f"reference: {reference}\n           {versions['reference']}")
    print(f"{args.runs} timed runs per job per CLI after {args.warmup} warm-up runs; "
          "wall seconds")

    with contextlib.ExitStack() as stack:
        if any(job in SERVED_JOBS for job in args.jobs):
            stack.callback(stop_server, sides[0])
        for home in homes:
            stack.callback(shutil.rmtree, home, ignore_errors=True)
        endpoint = None
        if args.batch or any(j.needs_endpoint for j in args.jobs):
            sys.path.insert(0, ROOT)
            from tests.moto_server import MotoServer

            moto = stack.enter_context(MotoServer())
            stack.callback(shutil.rmtree, moto.home, ignore_errors=True)
            endpoint = moto.endpoint
            seed_user_pools(endpoint)
            seed_bucket(endpoint)
        big = tiny = None
        if any(j in MEMORY_JOBS and not j.needs_endpoint for j in args.jobs):
            sys.path.insert(0, ROOT)
            from tests.fault_server import FaultServer

            big = stack.enter_context(FaultServer(body=users_body())).endpoint
            tiny = stack.enter_context(FaultServer(body=b'{"Users": []}')).endpoint
        results = []
        for job in args.jobs:
            if job in MEMORY_JOBS:
                results.append(measure_memory(job, sides, args.timeout,
                                              *((endpoint, endpoint) if job.needs_endpoint
                                                else (big, tiny))))
                print_memory(results[-1])
                continue
            results.append(measure(job, sides, args.runs, args.warmup, args.timeout, endpoint,
                                   versions["reference"].startswith("aws-cli/2.")))
            print_job(results[-1])
        scenario = None
        if args.batch:
            from bench import batch

            scenario = batch.scenario(*sides, endpoint, lines=args.batch_lines,
                                      runs=args.runs, batch_runs=args.batch_runs,
                                      memory_lines=args.memory_lines,
                                      timeout=max(args.timeout, 600))
            batch.print_scenario(scenario)
        s3_scenario = None
        if args.s3:
            sys.path.insert(0, ROOT)
            from bench import s3sync

            # A v2 built from source finds its models through AWS_DATA_PATH (given to the
            # benchmark, or as --reference-env, which the reference's side holds already).
            data_path = {k: v for k, v in os.environ.items() if k == "AWS_DATA_PATH"}
            s3_scenario = s3sync.scenario(*sides, runs=args.s3_runs,
                                          timeout=max(args.timeout, 900), large=args.s3_large,
                                          reference_environ=data_path)
            s3sync.print_scenario(s3_scenario)

    info = machine()
    print(f"\nmachine: nproc {info['nproc']}, Python {info['python']}, {info['platform']}, "
          f"load average {info['loadavg_1m']} at the end")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"machine": info, "runs": args.runs, "warmup": args.warmup,
                       "shapecli": {"path": SHAPECLI, "version": versions["shapecli"]},
                       "reference": {"path": reference, "version": versions["reference"]},
                       "jobs": results, "batch": scenario, "s3": s3_scenario}, f, indent=2)
            f.write("\n")
        print(f"numbers written to {args.json}")
    verdicts = [r["verdict"] for r in results] + [
        s["verdict"] for s in (scenario, s3_scenario) if s]
    return 0 if all(v in ("PASS", "SKIP") for v in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Run one `aws s3` scenario with shapecli and with AWS CLI v2 on the same moto server and
compare what each did: every step's stdout, stderr and exit code, then the files and objects
left. Each CLI gets its own bucket(s) and folder, with names of the same length, replaced by
placeholders before comparing. Used by tests/test_s3_transfer_v2*.py (v2_reference)."""

from __future__ import annotations

import hashlib
import os
import random
import re
import shlex
import subprocess
import tempfile
from dataclasses import dataclass, field
from typing import Callable, Union

from tests.conftest import V2_AWS
from tests.runner import AWS as SHAPECLI_AWS

# A file's mtime in the scenarios (1 Jan 2020), so that sync's comparison does not depend on
# when a scenario ran.
OLD_MTIME = 1577836800


def blob(size: int, seed: int = 0) -> bytes:
    """`size` bytes that differ from one seed to another."""
    return random.Random(seed).randbytes(size)


@dataclass
class Step:
    command: str  # with {b} {b2} (buckets) and {d} (the scenario's folder)
    stdin: bytes | None = None
    cwd: str = ""  # relative to the scenario's folder
    own_lines: bool = False  # keep only the lines that name this scenario's buckets
    sort: bool | None = None  # None: sorted for cp/mv/rm/sync (their order is concurrent)


Action = Union[str, Step, Callable[[str], None]]  # a callable changes the folder between steps


@dataclass
class Scenario:
    name: str
    steps: list[Action]
    files: dict[str, bytes] = field(default_factory=dict)  # relative path -> content
    objects: dict[str, bytes] = field(default_factory=dict)  # key in {b} -> content
    objects2: dict[str, bytes] | None = None  # None: no second bucket; else {b2}'s keys
    bucket: bool = True  # False: {b} is not created
    config: str = ""  # the profile's ~/.aws/config, if any


@dataclass
class Outcome:
    steps: list[tuple[str, str, int]]
    files: dict[str, str]
    buckets: dict[str, object]


def _hash(data: bytes) -> str:
    return f"{len(data)}:{hashlib.md5(data).hexdigest()[:12]}"


class SideBySide:
    def __init__(self, moto, run_id: str) -> None:
        import botocore.session

        self.moto = moto
        self.run_id = run_id
        self.s3 = botocore.session.Session().create_client(
            "s3", region_name="us-west-2", endpoint_url=moto.endpoint,
            aws_access_key_id="testing", aws_secret_access_key="testing")
        self.root = tempfile.mkdtemp(prefix="s3sbs-")

    def compare(self, scenario: Scenario, number: int) -> tuple[Outcome, Outcome]:
        return (self._run(scenario, number, "sc", SHAPECLI_AWS),
                self._run(scenario, number, "v2", V2_AWS))

    def _run(self, scenario: Scenario, number: int, who: str, aws: str) -> Outcome:
        names = {"b": f"x-{who}-{self.run_id}-{number}", "b2": f"x-{who}-{self.run_id}-{number}-two"}
        folder = os.path.join(self.root, who, str(number))
        os.makedirs(folder)
        names["d"] = folder
        self._prepare(scenario, names, folder)
        home = tempfile.mkdtemp(prefix="home-", dir=self.root)
        if scenario.config:
            os.makedirs(os.path.join(home, ".aws"))
            with open(os.path.join(home, ".aws", "config"), "w") as f:
                f.write(scenario.config)
        environ = {**self.moto.environ(), "HOME": home}
        replace = [(folder, "DIR"), (names["b2"], "BUCKET2"), (names["b"], "BUCKET")]
        steps = []
        for action in scenario.steps:
            if callable(action):
                action(folder)
                continue
            step = Step(action) if isinstance(action, str) else action
            argv = [word.format(**names) for word in shlex.split(step.command)]
            proc = subprocess.run([aws, *argv], input=step.stdin or b"", capture_output=True,
                                  env=environ, cwd=os.path.join(folder, step.cwd), timeout=300)
            steps.append(self._normalise(step, argv, proc, replace, names))
        return Outcome(steps, self._files(folder),
                       {key: self._objects(names[key]) for key in ("b", "b2")})

    def _prepare(self, scenario: Scenario, names: dict, folder: str) -> None:
        for path, content in scenario.files.items():
            full = os.path.join(folder, path)
            if path.endswith("/"):
                os.makedirs(full, exist_ok=True)
                continue
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "wb") as f:
                f.write(content)
            os.utime(full, (OLD_MTIME, OLD_MTIME))
        buckets = [("b", scenario.objects)] if scenario.bucket else []
        if scenario.objects2 is not None:
            buckets.append(("b2", scenario.objects2))
        for key, objects in buckets:
            self.s3.create_bucket(Bucket=names[key], CreateBucketConfiguration={
                "LocationConstraint": "us-west-2"})
            for name, content in objects.items():
                self.s3.put_object(Bucket=names[key], Key=name, Body=content)

    @staticmethod
    def _normalise(step: Step, argv, proc, replace, names) -> tuple[str, str, int]:
        def clean(raw: bytes) -> list[str]:
            text = raw.decode("utf-8", "replace")
            for old, new in replace:
                text = text.replace(old, new)
            text = re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", "DATE", text)
            text = re.sub(r"(\.[0-9A-Za-z]{8})'", ".TEMP'", text)  # s3transfer's temp file name
            text = re.sub(r"X-Amz-(Date|Signature)=[^&\s]*", r"X-Amz-\1=X", text)
            text = re.sub(r"(X-Amz-Credential=testing%2F)\d{8}", r"\1DAY", text)
            lines = []
            # the final newline (v2's may be followed by a progress line that is dropped)
            for line in text.removesuffix("\n").split("\n"):
                # v2 writes its progress line into pipes too, ended by \r (deliberate difference)
                # and then blanks it out with spaces: a line left blank by that is dropped
                pieces = line.split("\r")
                kept = [p for p in pieces if not p.startswith("Completed ")]
                if kept and not (len(kept) < len(pieces) and not kept[-1].strip()):
                    lines.append(kept[-1].rstrip())
            return lines

        out, err = clean(proc.stdout), clean(proc.stderr)
        if step.own_lines:
            out = [line for line in out if "BUCKET" in line]
        concurrent = step.sort if step.sort is not None else argv[1] in ("cp", "mv", "rm", "sync") or (
            argv[1] == "rb" and "--force" in argv)
        if concurrent:
            out, err = sorted(out), sorted(err)
        return "\n".join(out), "\n".join(err), proc.returncode

    @staticmethod
    def _files(folder: str) -> dict[str, str]:
        found = {}
        for top, dirs, files in os.walk(folder):
            for name in dirs + files:
                full = os.path.join(top, name)
                relative = os.path.relpath(full, folder)
                if os.path.islink(full) and not os.path.exists(full):
                    found[relative] = "broken link"
                elif not os.path.isdir(full) and not os.path.isfile(full):
                    found[relative] = "special"  # a FIFO: opening it would wait for a writer
                elif os.path.isdir(full):
                    found[relative + "/"] = "dir"
                else:
                    with open(full, "rb") as f:
                        found[relative] = _hash(f.read())
                    if os.path.islink(full):
                        found[relative] += " link"
                    elif os.stat(full).st_mtime == OLD_MTIME:  # not written since prepared
                        found[relative] += " old"
        return found

    def _objects(self, bucket: str):
        try:
            pages = self.s3.get_paginator("list_objects_v2").paginate(Bucket=bucket)
            keys = [item["Key"] for page in pages for item in page.get("Contents", [])]
        except self.s3.exceptions.NoSuchBucket:
            return None
        objects = {}
        for key in keys:
            try:
                body = self.s3.get_object(Bucket=bucket, Key=key)
            except self.s3.exceptions.InvalidObjectState:  # archived: its class tells
                head = self.s3.head_object(Bucket=bucket, Key=key)
                objects[key] = (head["ContentLength"], head.get("StorageClass"))
                continue
            objects[key] = (_hash(body["Body"].read()), body.get("ContentType"),
                            body["ETag"].count("-") and body["ETag"].split("-")[-1],
                            body.get("Metadata"), body.get("CacheControl"),
                            body.get("ContentDisposition"), body.get("ContentEncoding"),
                            body.get("StorageClass"))
        return objects


def differences(scenario: Scenario, ours: Outcome, theirs: Outcome) -> list[str]:
    """What differs, readable: the step's command, then shapecli's and v2's results."""
    commands = [a if isinstance(a, str) else a.command for a in scenario.steps if not callable(a)]
    found = []
    for command, mine, v2 in zip(commands, ours.steps, theirs.steps):
        if mine != v2:
            found.append(f"$ aws {command}\n  shapecli: {mine!r}\n  v2:       {v2!r}")
    for what in ("files", "buckets"):
        if getattr(ours, what) != getattr(theirs, what):
            found.append(f"{what} left:\n  shapecli: {getattr(ours, what)!r}\n"
                         f"  v2:       {getattr(theirs, what)!r}")
    return found


def assert_same_as_v2(side_by_side: SideBySide, number: int, scenario: Scenario) -> None:
    """One scenario run by both CLIs (the `side_by_side` fixture of tests/conftest.py): no
    difference in any step's output or exit code, or in the files and objects left."""
    ours, theirs = side_by_side.compare(scenario, number)
    found = differences(scenario, ours, theirs)
    assert not found, "\n".join(found)

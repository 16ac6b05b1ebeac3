"""Run the CLI in-process or as a real process, and capture what it did."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from typing import NamedTuple

from cli.env import Env
from cli.main import main

AWS = os.path.join(os.path.dirname(sys.executable), "aws")


class Result(NamedTuple):
    stdout: str
    stderr: str
    exit_code: int


def run(argv: list[str], environ: dict[str, str] | None = None, stdin: str = "") -> Result:
    """Run `aws argv` in this process with captured streams.

    botocore reads the process environment itself, so `environ` also stands
    in for os.environ while the command runs.
    """
    environ = dict(os.environ if environ is None else environ)
    out, err = io.StringIO(), io.StringIO()
    env = Env(environ=environ, stdin=io.StringIO(stdin), stdout=out, stderr=err,
              stdout_isatty=False, stderr_isatty=False)
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(environ)
    try:
        code = main(argv, env)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return Result(out.getvalue(), err.getvalue(), code)


def run_process(argv: list[str], environ: dict[str, str] | None = None, stdin: str = "",
                timeout: float = 60) -> Result:
    """Run the installed `aws` console script as a real process."""
    proc = subprocess.run([AWS, *argv], input=stdin, capture_output=True, text=True,
                          env=environ, timeout=timeout)
    return Result(proc.stdout, proc.stderr, proc.returncode)

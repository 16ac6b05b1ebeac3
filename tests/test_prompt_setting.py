"""Turning the prompt on: the flags, AWS_CLI_AUTO_PROMPT, cli_auto_prompt, and a terminal.

The matrix at the bottom runs every combination of the sources through the
real `aws` process, on a terminal and piped: each must end (a timeout
proves there is no hang) with the exit code its precedence gives.
"""

from __future__ import annotations

import io
import itertools
import os
import subprocess

import pytest

from cli.env import Env
from cli.prompt.setting import UNCONFIRMED_PARTIAL, NoTerminal, config_mode, prompt_mode
from cli.request import ParamValidation
from tests.runner import AWS, run
from tests.terminal import CTRL_D, Terminal

COMMAND = ["cognito-idp", "admin-confirm-sign-up", "--user-pool-id", "p", "--username", "u",
           "--generate-cli-skeleton"]
SHOWN = "> aws cognito-idp admin-confirm-sign-up --user-pool-id p --username u"


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _env(environ: dict, *, stdin_tty: bool = True, stdout_tty: bool = True) -> Env:
    stdin = _Tty() if stdin_tty else io.StringIO()
    return Env(environ=environ, stdin=stdin, stdout=io.StringIO(), stderr=io.StringIO(),
               stdout_isatty=stdout_tty, stderr_isatty=stdout_tty)


@pytest.fixture
def home(tmp_path, monkeypatch):
    """An empty home; botocore (which reads os.environ) sees the same environment."""
    environ = {"HOME": str(tmp_path), "PATH": os.environ.get("PATH", "")}
    monkeypatch.setattr(os, "environ", dict(environ))
    return environ


def _config(home: dict, text: str) -> None:
    path = os.path.join(home["HOME"], ".aws", "config")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


MODES = [
    # argv, environment, config file text -> mode
    (["sts", "get-caller-identity"], {}, None, "off"),
    (["sts", "get-caller-identity", "--cli-auto-prompt"], {}, None, "on"),
    (["--cli-auto-p", "sts", "get-caller-identity"], {}, None, "on"),  # argparse's abbreviation
    (["sts", "get-caller-identity", "--no-cli-auto-prompt"], {"AWS_CLI_AUTO_PROMPT": "on"},
     "[default]\ncli_auto_prompt = on\n", "off"),
    (["sts", "get-caller-identity"], {"AWS_CLI_AUTO_PROMPT": "on-partial"}, None, "on-partial"),
    (["sts", "get-caller-identity"], {"AWS_CLI_AUTO_PROMPT": "ON"}, None, "on"),
    (["sts", "get-caller-identity"], {"AWS_CLI_AUTO_PROMPT": "yes"}, None, "off"),
    (["sts", "get-caller-identity"], {"AWS_CLI_AUTO_PROMPT": "off"},
     "[default]\ncli_auto_prompt = on\n", "off"),
    # The config file's on-partial is confirmed once the command fails (config_mode below).
    (["sts", "get-caller-identity"], {}, "[default]\ncli_auto_prompt = on-partial\n",
     UNCONFIRMED_PARTIAL),
    (["sts", "get-caller-identity"], {}, "[default]\nCLI_Auto_Prompt : On-Partial \n",
     UNCONFIRMED_PARTIAL),
    (["sts", "get-caller-identity"], {}, "[default]\ncli_auto_prompt = off\n", "off"),
    (["sts", "get-caller-identity"], {}, "[default]\ncli_auto_prompt = on # no\n", "off"),
    (["sts", "get-caller-identity"], {}, "[default]\nregion = us-east-1\n", "off"),
    (["sts", "get-caller-identity"], {}, "[default]\ncli_auto_prompt = off\n"
     "[profile dev]\ncli_auto_prompt = on\n", "off"),
    (["sts", "get-caller-identity", "--profile", "dev"], {},
     "[default]\ncli_auto_prompt = off\n[profile dev]\ncli_auto_prompt = on\n", "on"),
    (["sts", "get-caller-identity"], {"AWS_PROFILE": "dev"},
     "[default]\ncli_auto_prompt = off\n[profile dev]\ncli_auto_prompt = on\n", "on"),
    (["sts", "get-caller-identity", "--profile", "nope"], {},
     "[default]\ncli_auto_prompt = on\n", "off"),  # an unknown profile: v2 does not prompt
    (["sts", "get-caller-identity", "help", "--cli-auto-prompt"], {}, None, "off"),
    (["--version", "--cli-auto-prompt"], {"AWS_CLI_AUTO_PROMPT": "on"}, None, "off"),
    (["--cli-auto-prompt"], {}, None, "on"),
]


@pytest.mark.parametrize("argv,environ,config,mode", MODES,
                         ids=[" ".join(m[0]) + f" {m[1]} {m[2]!r}" for m in MODES])
def test_mode(argv, environ, config, mode, home, monkeypatch):
    for name, value in environ.items():
        monkeypatch.setitem(os.environ, name, value)
    if config is not None:
        _config(home, config)
    assert prompt_mode(argv, _env({**home, **environ})) == mode


CONFIRMED = [
    # config file, argv, environment -> what botocore's chain says
    ("[default]\ncli_auto_prompt = on-partial\n", [], {}, "on-partial"),
    ("[default]\ncli_auto_prompt = off\n[profile dev]\ncli_auto_prompt = on-partial\n",
     [], {}, "off"),
    ("[default]\ncli_auto_prompt = off\n[profile dev]\ncli_auto_prompt = on-partial\n",
     ["--profile", "dev"], {}, "on-partial"),
    ("[profile dev]\ncli_auto_prompt = on-partial\n", [], {"AWS_PROFILE": "dev"},
     "on-partial"),
    ("[default]\ncli_auto_prompt = ON-PARTIAL\n", ["--profile", "nope"], {}, "off"),
]


@pytest.mark.parametrize("config,argv,environ,mode", CONFIRMED)
def test_the_config_files_on_partial_confirmed(config, argv, environ, mode, home, monkeypatch):
    for name, value in environ.items():
        monkeypatch.setitem(os.environ, name, value)
    _config(home, config)
    argv = ["sts", "get-caller-identity", *argv]
    env = _env({**home, **environ})
    assert prompt_mode(argv, env) == UNCONFIRMED_PARTIAL
    assert config_mode(argv, env) == mode


@pytest.mark.parametrize("stdin_tty,stdout_tty", [(False, True), (True, False), (False, False)])
def test_no_terminal_no_prompt(stdin_tty, stdout_tty, home):
    _config(home, "[default]\ncli_auto_prompt = on\n")
    env = _env({**home, "AWS_CLI_AUTO_PROMPT": "on"}, stdin_tty=stdin_tty, stdout_tty=stdout_tty)
    assert prompt_mode(["sts", "get-caller-identity"], env) == "off"
    with pytest.raises(NoTerminal) as caught:
        prompt_mode(["sts", "get-caller-identity", "--cli-auto-prompt"], env)
    missing = "standard input" if not stdin_tty else "standard output"
    assert caught.value.message == f"--cli-auto-prompt needs a terminal, and {missing} is not one"


def test_both_flags_are_v2s_error(home):
    with pytest.raises(ParamValidation):
        prompt_mode(["--cli-auto-prompt", "--no-cli-auto-prompt"], _env(home))
    result = run(["sts", "get-caller-identity", "--cli-auto-prompt", "--no-cli-auto-prompt"],
                 home)
    assert (result.exit_code, result.stderr) == (
        252, "\naws: [ERROR]: An error occurred (ParamValidation): Both --cli-auto-prompt and "
             "--no-cli-auto-prompt cannot be specified at the same time.\n")


def test_explicit_flag_without_a_terminal_is_one_line(home):
    result = run(["sts", "get-caller-identity", "--cli-auto-prompt"], home)
    assert (result.exit_code, result.stdout, result.stderr) == (
        252, "", "\naws: [ERROR]: --cli-auto-prompt needs a terminal, and standard input is "
                 "not one\n")


# -- every combination, through the real process -------------------------------------

FLAGS = {"none": [], "on": ["--cli-auto-prompt"], "off": ["--no-cli-auto-prompt"]}
SETTINGS = [None, "on", "on-partial", "off"]


def _expected(flag: str, variable: str | None, config: str | None, terminal: bool) -> str:
    """"prompt", "runs" or "no terminal", by the precedence the README states."""
    if flag == "off":
        return "runs"
    if flag == "on":
        return "prompt" if terminal else "no terminal"
    if not terminal:
        return "runs"
    setting = variable if variable is not None else config
    return "prompt" if setting == "on" else "runs"


COMBINATIONS = list(itertools.product(FLAGS, SETTINGS, SETTINGS))


@pytest.fixture(scope="session")
def cache(tmp_path_factory) -> str:
    """One model cache for the processes below (each has a home of its own): built once."""
    return str(tmp_path_factory.mktemp("cache"))


def _environ(tmp_path, variable: str | None, config: str | None,
             cache: str | None = None) -> dict[str, str]:
    environ = {"HOME": str(tmp_path), "PATH": os.environ.get("PATH", ""), "TERM": "xterm",
               "AWS_PAGER": ""}
    if cache is not None:
        environ["SHAPECLI_CACHE_DIR"] = cache
    if variable is not None:
        environ["AWS_CLI_AUTO_PROMPT"] = variable
    if config is not None:
        os.makedirs(tmp_path / ".aws", exist_ok=True)
        (tmp_path / ".aws" / "config").write_text(f"[default]\ncli_auto_prompt = {config}\n")
    return environ


@pytest.mark.parametrize("flag,variable,config", COMBINATIONS,
                         ids=[f"flag={f}-env={v}-config={c}" for f, v, c in COMBINATIONS])
def test_piped(flag, variable, config, tmp_path, cache):
    """stdin and stdout piped: never a prompt, never a hang."""
    proc = subprocess.run([AWS, *COMMAND, *FLAGS[flag]], stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=30,
                          env=_environ(tmp_path, variable, config, cache))
    if _expected(flag, variable, config, terminal=False) == "no terminal":
        assert (proc.returncode, proc.stdout) == (252, "")
        assert proc.stderr == ("\naws: [ERROR]: --cli-auto-prompt needs a terminal, and "
                               "standard input is not one\n")
    else:
        assert (proc.returncode, proc.stderr) == (0, "")
        assert '"UserPoolId": ""' in proc.stdout


@pytest.mark.parametrize("flag,variable,config", COMBINATIONS,
                         ids=[f"flag={f}-env={v}-config={c}" for f, v, c in COMBINATIONS])
def test_on_a_terminal(flag, variable, config, tmp_path, cache):
    with Terminal([*COMMAND, *FLAGS[flag]], _environ(tmp_path, variable, config, cache)) as term:
        if _expected(flag, variable, config, terminal=True) == "prompt":
            term.wait_for(SHOWN, "[Ctrl-D] quit")
            term.send(CTRL_D)
            assert term.exit_code() == 0
        else:
            assert term.exit_code() == 0
            assert '"UserPoolId": ""' in term.text() and "[Ctrl-D] quit" not in term.transcript


@pytest.mark.parametrize("redirect,missing", [("< /dev/null", "standard input"),
                                              ("> \"$HOME/out\"", "standard output")])
def test_half_a_terminal(redirect, missing, tmp_path, cache):
    """One of stdin and stdout on the terminal is not enough: with the setting, the command runs."""
    environ = _environ(tmp_path, "on", "on", cache)
    script = f'"{AWS}" "$@" {redirect}'
    with Terminal(["-c", script, "aws", *COMMAND], environ, command="/bin/sh") as term:
        assert term.exit_code() == 0
    with Terminal(["-c", script, "aws", *COMMAND, "--cli-auto-prompt"], environ,
                  command="/bin/sh") as term:
        assert term.exit_code() == 252
        assert f"--cli-auto-prompt needs a terminal, and {missing} is not one" in term.text()


@pytest.mark.parametrize("profile,prompts", [("default", False), ("dev", True)])
def test_the_config_files_on_partial_is_the_profiles(profile, prompts, tmp_path, cache):
    """An incomplete command prompts only where the profile in use says on-partial."""
    environ = {**_environ(tmp_path, None, None, cache), "AWS_PROFILE": profile}
    os.makedirs(tmp_path / ".aws")
    (tmp_path / ".aws" / "config").write_text(
        "[default]\ncli_auto_prompt = off\n[profile dev]\ncli_auto_prompt = on-partial\n")
    with Terminal(["cognito-idp", "admin-confirm-sign-up", "--user-pool-id", "p"],
                  environ) as term:
        if prompts:
            term.wait_for("> aws cognito-idp admin-confirm-sign-up --user-pool-id p",
                          "the following arguments are required: --username", "[Ctrl-D] quit")
            term.send(CTRL_D)
            assert term.exit_code() == 0
        else:
            assert term.exit_code() == 252
            assert "the following arguments are required: --username" in term.text()
            assert "[Ctrl-D] quit" not in term.transcript

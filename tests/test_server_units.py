"""The command server's small parts: the config setting, the peer check, the request, the paths."""

from __future__ import annotations

import os
import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cli.server import client, service, worker

CONFIG = """\
# cli_server = on in a comment line is no setting
[default]
region = us-west-2
cli_server = on

[profile fast]
CLI_SERVER : On
[profile slow]
cli_server = off
[profile two words]
cli_server = on
[fast]
cli_server = off
[profile   spaced  ]
 cli_server = on
"""

SETTINGS = [
    ("default", "on"),
    ("fast", "On"),       # any case in the name, `:` as well as `=`
    ("slow", "off"),
    ("two words", None),  # botocore reads `profile two words` as no profile
    ("missing", None),
    ("spaced", None),     # an indented line continues the value before it: no setting
]


@pytest.mark.parametrize("profile,expected", SETTINGS)
def test_config_setting(profile, expected):
    assert client.config_setting(CONFIG, profile, "cli_server") == expected


NAMES = st.sampled_from(["default", "a", "b", "dev-1"])
KEYS = st.sampled_from(["cli_server", "CLI_Server", "region", "output"])
VALUES = st.sampled_from(["on", "off", "ON", "us-west-2", ""])
LINE = st.tuples(KEYS, st.sampled_from(["=", ":", " = ", " : "]), VALUES)
SECTION = st.tuples(NAMES, st.booleans(), st.lists(LINE, max_size=4))


@settings(max_examples=60, deadline=None)
@given(sections=st.lists(SECTION, max_size=4, unique_by=lambda s: (s[0], s[1])),
       profile=NAMES)
def test_config_setting_reads_as_botocore_reads(sections, profile, tmp_path_factory):
    from botocore.configloader import raw_config_parse

    lines = []
    headers = set()
    for name, prefixed, pairs in sections:
        header = f"profile {name}" if prefixed else name
        if header in headers or (name == "default" and ("default" in headers or
                                                        "profile default" in headers)):
            continue  # botocore rejects a repeated section
        headers.add(header)
        lines.append(f"[{header}]")
        keys = set()
        for key, delimiter, value in pairs:
            if key.lower() not in keys:  # botocore rejects a repeated key too
                keys.add(key.lower())
                lines.append(f"{key}{delimiter}{value}")
    text = "\n".join(lines) + "\n"
    path = tmp_path_factory.mktemp("config") / "config"
    path.write_text(text)
    parsed = raw_config_parse(str(path))
    section = None
    for header in parsed:
        words = header.split()
        if (profile == "default" and header == "default") or words == ["profile", profile]:
            section = parsed[header]
    expected = (section or {}).get("cli_server")
    assert client.config_setting(text, profile, "cli_server") == expected


def test_only_a_peer_of_the_same_user_is_served():
    uid = os.getuid()
    assert service.peer_allowed(struct.pack("3i", 1234, uid, 0), uid)
    assert not service.peer_allowed(struct.pack("3i", 1234, uid + 1, 0), uid)
    assert not service.peer_allowed(struct.pack("3i", 1234, 0, 0), 1000)
    assert not service.peer_allowed(b"", uid)


def test_a_request_reads_back_as_written(monkeypatch):
    monkeypatch.setenv("SERVED_VALUE", "a=b \u00e9")
    argv = ["cognito-idp", "list-users", "--filter", 'name = "\u00e9"', ""]
    body = client.request(argv, 0o027)
    (length,) = struct.unpack("!I", body[:4])
    assert length == len(body) - 4
    request = worker.parse_request(body[4:], (10, 11, 12, 13))
    assert request.kind == worker.MAGIC and request.umask == 0o027
    assert list(request.argv) == argv
    assert dict(request.environ)[b"SERVED_VALUE"] == "a=b \u00e9".encode()
    assert request.fds == (10, 11, 12, 13) and len(request.streams) == 3


@pytest.mark.parametrize("body,fds", [(b"shapecli-0\x00022", (1, 2, 3, 4)),
                                      (b"shapecli-1\x00022\x001", (1, 2, 3, 4)),
                                      (b"", ())])
def test_a_foreign_request_is_refused(body, fds):
    with pytest.raises(worker.BadRequest):
        worker.parse_request(body, fds)


def test_the_socket_directory_must_be_private(tmp_path):
    runtime = tmp_path / "run"
    runtime.mkdir()
    environ = {"XDG_RUNTIME_DIR": str(runtime)}
    assert client.private_directory(environ) == f"{runtime}/shapecli"
    assert os.stat(runtime / "shapecli").st_mode & 0o777 == 0o700
    os.chmod(runtime / "shapecli", 0o755)
    assert client.private_directory(environ) is None  # open to others: not used
    os.rmdir(runtime / "shapecli")
    os.symlink(tmp_path, runtime / "shapecli")
    assert client.private_directory(environ) is None  # a symlink: not used


def test_the_installation_key_names_the_data_path():
    first = client.installation_key({"AWS_DATA_PATH": "/a"})
    assert first == client.installation_key({"AWS_DATA_PATH": "/a"})
    assert first != client.installation_key({"AWS_DATA_PATH": "/b"})
    assert len(first) == 16 and int(first, 16) >= 0


def test_the_installation_key_names_home():
    # botocore fixes the SSO token cache and ~/.aws/models below HOME when it is imported.
    assert client.installation_key({"HOME": "/home/a"}) != client.installation_key(
        {"HOME": "/home/b"})


@pytest.mark.parametrize("environ,argv,on", [
    ({"SHAPECLI_SERVER": "on"}, [], True),
    ({"SHAPECLI_SERVER": " ON "}, [], True),
    ({"SHAPECLI_SERVER": "off"}, [], False),
    ({"SHAPECLI_SERVER": "1"}, [], False),
    ({}, [], False),
])
def test_wanted_from_the_environment(environ, argv, on, tmp_path):
    environ = {**environ, "AWS_CONFIG_FILE": str(tmp_path / "none")}
    assert client.wanted(argv, environ) is on


def _imported(environ) -> set[str]:
    """The modules `aws cognito-idp admin-confirm-sign-up` imports (python -X importtime)."""
    import subprocess
    import sys

    from tests.runner import AWS

    proc = subprocess.run([sys.executable, "-X", "importtime", AWS, "cognito-idp",
                           "admin-confirm-sign-up"], env=environ, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 252, proc.stderr
    return {line.rpartition("|")[2].strip() for line in proc.stderr.splitlines()
            if line.startswith("import time:")}


def test_with_the_server_off_nothing_of_it_is_imported(tmp_path):
    environ = {"HOME": str(tmp_path), "PATH": os.environ["PATH"]}
    assert not {m for m in _imported(environ) if m.startswith("cli.server")}


def test_a_served_command_imports_only_the_client(tmp_path):
    from tests.server_helpers import Server

    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    environ = {"HOME": str(tmp_path), "PATH": os.environ["PATH"], "SHAPECLI_SERVER": "on",
               "XDG_RUNTIME_DIR": str(runtime)}
    server = Server(environ, runtime / "shapecli")
    server.start()
    try:
        bare = _imported({**environ, "SHAPECLI_SERVER": "off"})  # what runs it here
        served = _imported(environ)
        assert server.served_count() == 1
    finally:
        server.stop()
    assert {"cli.server.client", "_socket"} <= served
    assert "cli.main" in bare and "cli.main" not in served
    assert sorted(served - {"cli.__main__", "gc", "cli.server", "cli.server.client", "_socket",
                            "_struct", "cli"} - _interpreter_modules()) == []


def _interpreter_modules() -> set[str]:
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", "pass"],
                          capture_output=True, text=True, timeout=60)
    return {line.rpartition("|")[2].strip() for line in proc.stderr.splitlines()
            if line.startswith("import time:")}


def test_the_fingerprint_changes_with_a_file_of_the_installation(tmp_path):
    module = tmp_path / "module.py"
    module.write_text("A = 1\n")
    before = service.fingerprint((str(module),))
    assert service.fingerprint((str(module),)) == before
    module.write_text("A = 22\n")  # an edit (another size)
    assert service.fingerprint((str(module),)) != before
    replaced = tmp_path / "new.py"
    replaced.write_text("A = 22\n")
    after_edit = service.fingerprint((str(module),))
    os.replace(replaced, module)  # an upgrade (a new file in its place)
    assert service.fingerprint((str(module),)) != after_edit
    module.unlink()
    assert service.fingerprint((str(module),)) == (None,)


def test_the_watched_files_are_the_loaded_code_of_shapecli_and_botocore():
    import botocore
    import cli.main  # noqa: F401

    files = service.installation_files()
    assert botocore.__file__ in files
    assert any(f.endswith(os.path.join("cli", "main.py")) for f in files)
    assert any(f.endswith(os.path.join("cli", "server", "worker.py")) for f in files)


def test_shapecli_server_takes_status_and_stop_only(tmp_path):
    import subprocess

    from tests.server_helpers import SHAPECLI

    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    environ = {"HOME": str(tmp_path), "PATH": os.environ["PATH"],
               "XDG_RUNTIME_DIR": str(runtime)}
    status = subprocess.run([SHAPECLI, "server", "status"], env=environ, capture_output=True,
                            text=True, timeout=60)
    assert status.returncode == 0 and "server:  not running" in status.stdout
    assert f"socket:  {runtime}/shapecli/" in status.stdout
    wrong = subprocess.run([SHAPECLI, "server", "restart"], env=environ, capture_output=True,
                           text=True, timeout=60)
    assert (wrong.returncode, wrong.stderr) == (252, "usage: shapecli server status | stop\n")

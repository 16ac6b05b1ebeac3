"""What codeartifact login asks of each tool (cli/commands/codeartifact_tools.py): tables
of v2's facts, and properties of the two little readers (nuget's source list, ~/.netrc)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cli.commands import codeartifact_tools as tools

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)


@pytest.mark.parametrize("seconds, words", [
    (43200, "12 hours"),
    (43170, "12 hours"),  # 11:59:30 and v2's 30 seconds more
    (43140, "11 hours and 59 minutes"),
    (3700, "1 hour and 2 minutes"),
    (3600, "1 hour"),
    (900, "15 minutes"),
    (90000, "1 day and 1 hour"),
    (86400 + 60, "1 day"),  # two units at most, and only neighbours
    (29, ""),
])
def test_expiry_in_words(seconds, words):
    assert tools.expires_in(NOW + timedelta(seconds=seconds), NOW) == words


@pytest.mark.parametrize("namespace, scope", [
    (None, None), ("team", "@team"), ("@team", "@team"), ("a-b.c_d~", "@a-b.c_d~"),
])
def test_npm_scopes(namespace, scope):
    assert tools.npm_scope(namespace) == scope


@pytest.mark.parametrize("namespace", ["@Team", "_x", ".x", ""])
def test_npm_scopes_refused(namespace):
    with pytest.raises(tools.ToolError, match="Invalid scope name"):
        tools.npm_scope(namespace)


@pytest.mark.parametrize("namespace, ok", [
    ("Team-1", True), ("a" * 39, True), ("a" * 40, False), ("-a", False), ("a--b", False),
    ("a_b", False),
])
def test_swift_scopes(namespace, ok):
    if ok:
        assert tools.swift_scope(namespace) == namespace
    else:
        with pytest.raises(tools.ToolError, match="no more than 39 characters"):
            tools.swift_scope(namespace)


def test_nuget_source_list():
    listing = ("Registered Sources:\n\n  1.  nuget.org [Enabled]\n      https://api.nuget.org/v3/"
               "index.json\n  100.  Name with spaces [Activé]\n       https://x/index.json\n")
    assert tools.nuget_sources(listing) == {"nuget.org": "https://api.nuget.org/v3/index.json",
                                            "Name with spaces": "https://x/index.json"}


@given(st.text())
def test_nuget_source_list_reads_anything(text):
    assert isinstance(tools.nuget_sources(text), dict)


@pytest.mark.parametrize("sources, name, exists", [
    ({}, "d/r", False),
    ({"d/r": "https://old/index.json"}, "d/r", True),
    ({"mine": "https://h/r/v3/index.json", "d/r": "x"}, "mine", True),
])
def test_nuget_source_names(sources, name, exists):
    assert tools.nuget_source_name(sources, "https://h/r/v3/index.json", "d/r") == (name, exists)


@pytest.mark.parametrize("before, after", [
    ("", "machine h.example.com login token password NEW\n"),
    ("machine other login a password b", "machine other login a password b\n"
                                         "machine h.example.com login token password NEW\n"),
    ("machine h.example.com login token password OLD\nmachine z login a password b\n",
     "machine h.example.com login token password NEW\nmachine z login a password b\n"),
    ("machine h.example.com login token password NEW\n",
     "machine h.example.com login token password NEW\n"),
])
def test_netrc_entries(before, after):
    assert tools.netrc_updated(before, "https://h.example.com/swift/d/r/", "NEW") == after


lines = st.lists(st.sampled_from(["machine a login x password y", "default login q password r",
                                  "machine h.example.com login token password OLD", "", "#"]))


@given(lines)
def test_netrc_keeps_other_lines_and_holds_the_host_once(lines_before):
    before = "\n".join(lines_before)
    after = tools.netrc_updated(before, "https://h.example.com/x/", "TOKEN")
    host_lines = [line for line in after.splitlines() if "h.example.com" in line]
    expected = max(1, sum("h.example.com" in line for line in lines_before))
    assert len(host_lines) == expected
    assert all(line.endswith("password TOKEN") for line in host_lines)
    others = [line for line in after.splitlines() if "h.example.com" not in line]
    assert [line for line in others if line] == [line for line in lines_before
                                                 if line and "h.example.com" not in line]


def test_a_new_pypirc():
    assert tools.pypirc(None, "https://e/pypi/r/", "T") == (
        "[distutils]\nindex-servers = \n\tpypi\n\tcodeartifact\n\n"
        "[codeartifact]\nrepository = https://e/pypi/r/\nusername = aws\npassword = T\n\n")


def test_pip_and_npm_commands():
    assert tools.pip_commands("https://d-1.d.codeartifact.us-west-2.amazonaws.com/pypi/r/", "T") \
        == [["pip", "config", "set", "global.index-url",
             "https://aws:T@d-1.d.codeartifact.us-west-2.amazonaws.com/pypi/r/simple/"]]
    assert tools.npm_commands("https://h/npm/r/", "T", None)[0] == [
        tools.NPM, "config", "set", "registry", "https://h/npm/r/"]

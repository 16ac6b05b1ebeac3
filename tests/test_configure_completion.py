"""Completion of the configure and sso commands: words, options, profile names, sso-session
names and config keys (read from the config files of the environment)."""

import pytest

from cli.completion import complete
from cli.completion_data import CacheIndex

CONFIG = ("[default]\nregion = us-east-1\n[profile dev]\n[sso-session corp]\n"
          "sso_region = us-east-1\n[sso-session lab]\n")


@pytest.fixture
def index(tmp_path):
    (tmp_path / ".aws").mkdir()
    (tmp_path / ".aws" / "config").write_text(CONFIG)
    return CacheIndex({"HOME": str(tmp_path)})


@pytest.mark.parametrize("line, expected", [
    ("aws configure l", ["list", "list-profiles"]),
    ("aws configure ex", ["export-credentials"]),
    ("aws configure sso", ["sso", "sso-session"]),
    ("aws sso log", ["login", "logout"]),
    ("aws sso login --", ["--no-browser", "--use-device-code", "--sso-session"]),
    ("aws sso login --sso-session ", ["corp", "lab"]),
    ("aws configure get --sso-session l", ["lab"]),
    ("aws configure set --profile d", ["default", "dev"]),
    ("aws configure get sso_r", ["sso_region", "sso_role_name", "sso_registration_scopes"]),
    ("aws configure set s3.multipart_", ["s3.multipart_threshold", "s3.multipart_chunksize"]),
    ("aws configure export-credentials --format env", ["env", "env-no-export"]),
])
def test_completion(index, line, expected):
    found = complete(line, len(line), index)
    assert sorted(c.strip() for c in found if c.strip() in expected) == sorted(expected), found

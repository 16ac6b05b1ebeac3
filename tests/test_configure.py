"""aws configure (the wizard), configure set / get / list / list-profiles, on real files in a
temporary HOME. Expected outputs are what AWS CLI v2 2.36.7 printed for the same files."""

import os
import stat

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.runner import run


@pytest.fixture
def home(tmp_path):
    environ = {"HOME": str(tmp_path), "PATH": os.environ.get("PATH", ""), "AWS_PAGER": ""}
    return tmp_path, environ


def _files(tmp_path):
    aws = tmp_path / ".aws"
    return (aws / "config").read_text(), (aws / "credentials").read_text()


KEY, SECRET = "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"


def test_wizard_from_a_pipe_writes_both_files_as_v2(home):
    tmp_path, environ = home
    result = run(["configure"], environ, stdin=f"{KEY}\n{SECRET}\nus-west-2\njson\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ("AWS Access Key ID [None]: AWS Secret Access Key [None]: "
                             "Default region name [None]: Default output format [None]: ")
    config, credentials = _files(tmp_path)
    assert config == "[default]\nregion = us-west-2\noutput = json\n"
    assert credentials == (f"[default]\naws_access_key_id = {KEY}\n"
                           f"aws_secret_access_key = {SECRET}\n")
    for name in ("config", "credentials"):
        assert stat.S_IMODE(os.stat(tmp_path / ".aws" / name).st_mode) == 0o600


def test_wizard_shows_masked_values_and_enter_keeps_them(home):
    tmp_path, environ = home
    run(["configure"], environ, stdin=f"{KEY}\n{SECRET}\nus-west-2\njson\n")
    result = run(["configure"], environ, stdin="\n\nus-east-1\n\n")
    assert result.stdout == ("AWS Access Key ID [****************MPLE]: "
                             "AWS Secret Access Key [****************EKEY]: "
                             "Default region name [us-west-2]: Default output format [json]: ")
    assert _files(tmp_path)[0] == "[default]\nregion = us-east-1\noutput = json\n"


def test_wizard_with_profile_and_temporary_key_asks_for_the_token(home):
    tmp_path, environ = home
    (tmp_path / ".aws").mkdir()
    (tmp_path / ".aws" / "config").write_text("# mine\n[default]\nregion = eu-west-1\n")
    result = run(["configure", "--profile", "tmp"], environ,
                 stdin="ASIAXXX\nsecret\ntok\n\ntext\n")
    assert "AWS Session Token [None]: " in result.stdout
    config, credentials = _files(tmp_path)
    assert config == "# mine\n[default]\nregion = eu-west-1\n[profile tmp]\noutput = text\n"
    assert credentials == ("[tmp]\naws_access_key_id = ASIAXXX\naws_secret_access_key = "
                           "secret\naws_session_token = tok\n")
    # a long-term key replaces the temporary one: the old token goes
    run(["configure", "--profile", "tmp"], environ, stdin="AKIANEW\n\n\n\n")
    assert "aws_session_token" not in _files(tmp_path)[1]


def test_wizard_at_end_of_input_writes_nothing(home):
    tmp_path, environ = home
    result = run(["configure"], environ, stdin="AKIA\n")
    assert result.exit_code == 255
    assert result.stderr == "\naws: [ERROR]: EOF when reading a line\n"
    assert not (tmp_path / ".aws").exists()


SET_CASES = [
    (["region", "us-east-1", "--profile", "zz"], "config", "[profile zz]\nregion = us-east-1\n"),
    (["profile.a.s3.max_concurrent_requests", "10"], "config",
     "[profile a]\ns3 =\n    max_concurrent_requests = 10\n"),
    (["default.s3.addressing_style", "path"], "config",
     "[default]\ns3 =\n    addressing_style = path\n"),
    (["s3.multipart_threshold", "64MB"], "config", "[default]\ns3 =\n    multipart_threshold = 64MB\n"),
    (["aws_access_key_id", "AKIA1", "--profile", "q"], "credentials",
     "[q]\naws_access_key_id = AKIA1\n"),
    (["profile.q.aws_secret_access_key", "s"], "credentials", "[q]\naws_secret_access_key = s\n"),
    (["sso_region", "us-east-1", "--sso-session", "corp"], "config",
     "[sso-session corp]\nsso_region = us-east-1\n"),
    (["plugins.foo", "bar"], "config", "[plugins]\nfoo = bar\n"),
    (["output", "json", "--profile", "my dev"], "config", "[profile 'my dev']\noutput = json\n"),
]


@pytest.mark.parametrize("argv, name, expected", SET_CASES)
def test_set_writes_the_section_v2_writes(home, argv, name, expected):
    tmp_path, environ = home
    result = run(["configure", "set", *argv], environ)
    assert (result.exit_code, result.stderr) == (0, "")
    assert (tmp_path / ".aws" / name).read_text() == expected


def test_set_updates_a_nested_block_in_place(home):
    tmp_path, environ = home
    (tmp_path / ".aws").mkdir()
    (tmp_path / ".aws" / "config").write_text(
        "[default]\ns3 =\n    max_concurrent_requests = 4\nregion = us-east-1\n\n[profile x]\n")
    run(["configure", "set", "default.s3.max_concurrent_requests", "10"], environ)
    run(["configure", "set", "default.s3.addressing_style", "path"], environ)
    assert (tmp_path / ".aws" / "config").read_text() == (
        "[default]\ns3 =\n    max_concurrent_requests = 10\n    addressing_style = path\n"
        "region = us-east-1\n\n[profile x]\n")


CONFIG = ("[default]\nregion = eu-west-1\ns3 =\n    addressing_style = path\n"
          "[profile p]\nregion = us-east-2\n[sso-session corp]\nsso_region = us-east-1\n")

GET_CASES = [
    (["region"], 0, "eu-west-1\n", ""),
    (["region", "--profile", "p"], 0, "us-east-2\n", ""),
    (["profile.p.region"], 0, "us-east-2\n", ""),
    (["p.region"], 0, "us-east-2\n", ""),
    (["default.s3.addressing_style"], 0, "path\n", ""),
    (["aws_access_key_id"], 0, "AKIAFILE\n", ""),
    (["nope"], 1, "", ""),
    (["default.s3.nope"], 1, "", ""),
    (["s3"], 1, "", "varname (s3) must reference a value, not a section or sub-section."),
    (["sso_region", "--sso-session", "corp"], 0, "us-east-1\n", ""),
    (["sso_region", "--sso-session", "nope"], 255, "",
     "\naws: [ERROR]: The config sub-section (nope) could not be found\n"),
    (["region", "--profile", "zz"], 255, "",
     "\naws: [ERROR]: The config profile (zz) could not be found\n"),
]


@pytest.mark.parametrize("argv, code, stdout, stderr", GET_CASES)
def test_get_prints_the_value_or_exits_1(home, argv, code, stdout, stderr):
    tmp_path, environ = home
    (tmp_path / ".aws").mkdir()
    (tmp_path / ".aws" / "config").write_text(CONFIG)
    (tmp_path / ".aws" / "credentials").write_text("[default]\naws_access_key_id = AKIAFILE\n")
    result = run(["configure", "get", *argv], environ)
    assert (result.exit_code, result.stdout, result.stderr) == (code, stdout, stderr)


def test_list_shows_sources_as_v2(home):
    tmp_path, environ = home
    run(["configure"], environ, stdin=f"{KEY}\n{SECRET}\nus-west-2\njson\n")
    result = run(["configure", "list"], environ)
    assert result.stdout == (
        "NAME       : VALUE                    : TYPE             : LOCATION\n"
        "profile    : <not set>                : None             : None\n"
        "access_key : ****************MPLE     : shared-credentials-file : \n"
        "secret_key : ****************EKEY     : shared-credentials-file : \n"
        "region     : us-west-2                : config-file      : ~/.aws/config\n")
    environ = dict(environ, AWS_ACCESS_KEY_ID="AKIAENV000001234", AWS_SECRET_ACCESS_KEY="envsecret",
                   AWS_REGION="ap-south-1")
    result = run(["configure", "list"], environ)
    assert result.stdout.splitlines()[1:] == [
        "profile    : <not set>                : None             : None",
        "access_key : ****************1234     : env              : ",
        "secret_key : ****************cret     : env              : ",
        "region     : ap-south-1               : env              : ['AWS_REGION', 'AWS_DEFAULT_REGION']"]


def test_list_of_an_unknown_profile(home):
    result = run(["configure", "list", "--profile", "nope"], home[1])
    assert result.exit_code == 255
    assert result.stdout.splitlines()[-1].startswith("profile    : nope ")
    assert result.stderr == "\naws: [ERROR]: The config profile (nope) could not be found\n"


def test_list_profiles(home):
    tmp_path, environ = home
    (tmp_path / ".aws").mkdir()
    (tmp_path / ".aws" / "config").write_text(CONFIG)
    (tmp_path / ".aws" / "credentials").write_text("[default]\n[only-creds]\n")
    assert run(["configure", "list-profiles"], environ).stdout == "default\np\nonly-creds\n"


def test_config_path_is_a_directory(home):
    tmp_path, environ = home
    (tmp_path / ".aws" / "config").mkdir(parents=True)
    result = run(["configure", "set", "region", "x"], environ)
    assert result.exit_code == 255
    path = tmp_path / ".aws" / "config"
    assert result.stderr == f"\naws: [ERROR]: [Errno 21] Is a directory: '{path}'\n"


def _lock(folder) -> None:
    """Make `folder` refuse new files: mode 0500, and for root (who ignores modes) the
    immutable attribute (chattr +i, on ext4 and most local file systems)."""
    folder.chmod(0o500)
    if os.geteuid() == 0:
        import subprocess

        if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode:
            pytest.skip("root, and this file system has no immutable attribute")


def _unlock(folder) -> None:
    if os.geteuid() == 0:
        import subprocess

        subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
    folder.chmod(0o700)


def test_unwritable_folder_leaves_the_file_as_it_was(home):
    tmp_path, environ = home
    aws = tmp_path / ".aws"
    aws.mkdir()
    (aws / "config").write_text("[default]\nregion = a\n")
    _lock(aws)
    try:
        result = run(["configure", "set", "region", "b"], environ)
    finally:
        _unlock(aws)
    assert result.exit_code == 255
    assert ("Permission denied" in result.stderr or "Operation not permitted" in result.stderr)
    assert result.stderr.count("\n") == 2  # one line (after v2's blank one)
    assert (aws / "config").read_text() == "[default]\nregion = a\n"
    assert os.listdir(aws) == ["config"]


def test_credentials_readable_by_others_are_warned_of(home):
    tmp_path, environ = home
    (tmp_path / ".aws").mkdir()
    (tmp_path / ".aws" / "credentials").write_text("")
    os.chmod(tmp_path / ".aws" / "credentials", 0o644)
    result = run(["configure", "set", "aws_access_key_id", "AKIA"], environ)
    path = tmp_path / ".aws" / "credentials"
    assert result.stderr == (f"\naws: [WARNING]: The file '{path}' is accessible by other users."
                             f" Consider running 'chmod 600 {path}' to restrict access to only "
                             "your user.\n")


def test_files_named_by_the_environment(home):
    tmp_path, environ = home
    environ = dict(environ, AWS_CONFIG_FILE=str(tmp_path / "c"),
                   AWS_SHARED_CREDENTIALS_FILE=str(tmp_path / "k"))
    run(["configure"], environ, stdin="AKIA\nsecret\nus-east-1\n\n")
    assert (tmp_path / "c").read_text() == "[default]\nregion = us-east-1\n"
    assert (tmp_path / "k").read_text().startswith("[default]\naws_access_key_id = AKIA\n")


def test_a_value_with_a_line_break_is_refused(home):
    tmp_path, environ = home
    result = run(["configure", "set", "region", "a\n[evil]"], environ)
    assert result.exit_code == 255
    assert "newline characters" in result.stderr and "[evil]" not in result.stderr
    assert not (tmp_path / ".aws").exists()


def test_wizard_refuses_a_config_directory_before_writing_credentials(home):
    tmp_path, environ = home
    (tmp_path / ".aws" / "config").mkdir(parents=True)
    result = run(["configure"], environ, stdin="AKIA\nsecret\nus-east-1\n\n")
    assert result.exit_code == 255 and "Is a directory" in result.stderr
    assert not (tmp_path / ".aws" / "credentials").exists()


class _Session:
    profile = None

    def get_config_variable(self, name):
        return None


@pytest.mark.parametrize("varname, expected", [
    ("region", ("default", "region", "v")),
    ("default.s3.max_concurrent_requests", ("default", "s3", {"max_concurrent_requests": "v"})),
    ("profile.dev.region", ("dev", "region", "v")),
    ("profile.dev.s3.x", ("dev", "s3", {"x": "v"})),
    ("s3.x", ("default", "s3", {"x": "v"})),
    ("plugins.foo", ("plugins", "foo", "v")),
])
def test_where_a_varname_is_set(varname, expected):
    from cli.commands.configure.settings import _where_to_set

    assert _where_to_set(_Session(), varname, "v") == expected


@given(st.text(alphabet="abc.-_ ", max_size=30))
def test_any_varname_gives_a_place_or_bad_setting(varname):
    from cli.commands.configure.settings import BadSetting, _where_to_set

    try:
        section, key, _ = _where_to_set(_Session(), varname, "v")
    except BadSetting:
        return
    assert isinstance(section, str) and isinstance(key, str)

"""cli.commands.config_file: setting keys in the config/credentials files as AWS CLI v2 does.

The expected texts of CASES are what v2 2.36.7's writer produced from the same
input (its quirks included: a new key after a blank line that follows the
section's last key, no blank line before an appended section).
"""

import os
import stat

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cli.commands import config_file

CASES = [
    (None,
     'default', {'region': 'us-west-2'},
     '[default]\nregion = us-west-2\n'),
    (None,
     'profile dev', {'region': 'eu-west-1', 'output': 'json'},
     '[profile dev]\nregion = eu-west-1\noutput = json\n'),
    ('[default]\nregion = us-east-1\n',
     'default', {'region': 'us-west-2'},
     '[default]\nregion = us-west-2\n'),
    ('[default]\nregion = us-east-1\n',
     'default', {'output': 'text'},
     '[default]\nregion = us-east-1\noutput = text\n'),
    ('[default]\nregion = us-east-1',
     'profile dev', {'output': 'text'},
     '[default]\nregion = us-east-1\n[profile dev]\noutput = text\n'),
    ('# my settings\n[default]\n# keep me\nregion = us-east-1\n\n[profile dev]\noutput = json\n',
     'default', {'output': 'yaml'},
     '# my settings\n[default]\n# keep me\nregion = us-east-1\noutput = yaml\n\n[profile dev]\noutput = json\n'),
    ('[default]\nregion = us-east-1\n\n[profile dev]\noutput = json\n',
     'profile dev', {'region': 'eu-west-1'},
     '[default]\nregion = us-east-1\n\n[profile dev]\noutput = json\nregion = eu-west-1\n'),
    ('[default]\nregion = us-east-1\n',
     'default', {'s3': {'max_concurrent_requests': '10'}},
     '[default]\nregion = us-east-1\ns3 =\n    max_concurrent_requests = 10\n'),
    ('[default]\ns3 =\n    max_concurrent_requests = 4\nregion = us-east-1\n',
     'default', {'s3': {'max_concurrent_requests': '10'}},
     '[default]\ns3 =\n    max_concurrent_requests = 10\nregion = us-east-1\n'),
    ('[default]\ns3 =\n    max_concurrent_requests = 4\nregion = us-east-1\n',
     'default', {'s3': {'addressing_style': 'path'}},
     '[default]\ns3 =\n    max_concurrent_requests = 4\n    addressing_style = path\nregion = us-east-1\n'),
    ('[default]\ns3 =\n    max_concurrent_requests = 4\n',
     'default', {'s3': {'addressing_style': 'path'}},
     '[default]\ns3 =\n    max_concurrent_requests = 4\n    addressing_style = path\n'),
    ('[default]\naws_session_token = abc\naws_access_key_id = AKIA\n',
     'default', {'aws_session_token': None},
     '[default]\naws_access_key_id = AKIA\n'),
    ('[profile "my dev"]\nregion = us-east-1\n',
     "profile 'my dev'", {'region': 'us-west-1'},
     '[profile "my dev"]\nregion = us-east-1\n[profile \'my dev\']\nregion = us-west-1\n'),
    ('[sso-session corp]\nsso_region = us-east-1\n',
     'sso-session corp', {'sso_start_url': 'https://d-1.awsapps.com/start'},
     '[sso-session corp]\nsso_region = us-east-1\nsso_start_url = https://d-1.awsapps.com/start\n'),
    ('# [default]\n[default]\nregion = a\n',
     'default', {'region': 'b'},
     '# [default]\n[default]\nregion = b\n'),
    ('[default]\nregion = a\n\n# trailing comment\n',
     'default', {'output': 'json'},
     '[default]\nregion = a\n\noutput = json\n# trailing comment\n'),
]


@pytest.mark.parametrize("text, section, values, expected", CASES)
def test_update_as_v2(text, section, values, expected):
    assert config_file.update(text, section, values) == expected


@pytest.mark.parametrize("profile, section", [
    ("default", "default"), ("dev", "profile dev"), ("my dev", "profile 'my dev'")])
def test_section_for_profile(profile, section):
    assert config_file.section_for_profile(profile) == section


@pytest.mark.parametrize("section, values, message", [
    ("default", {"region": "a\nb"}, "Invalid value for key region: newline characters"),
    ("default", {"s3": {"x": "1\r2"}}, "Invalid value for key s3: newline characters"),
    ("default", {"a\nb": "1"}, "Invalid key: newline characters"),
    ("x\n[y]", {"a": "1"}, "Invalid section name: newline characters"),
])
def test_line_breaks_are_refused(section, values, message):
    with pytest.raises(config_file.InvalidValue) as caught:
        config_file.update("[default]\n", section, values)
    assert str(caught.value).startswith(message)
    assert "1\r2" not in str(caught.value) and "a\nb\n" not in str(caught.value)


# -- untouched sections survive any update ------------------------------------------

_NAMES = st.sampled_from(["default", "profile dev", "profile ops", "sso-session corp", "prod"])
_KEYS = st.sampled_from(["region", "output", "sso_region", "s3", "role_arn"])
_TEXT = st.text(alphabet="abcdefgh-_./ 0123456789", max_size=12).map(str.strip)
_LINE = st.one_of(
    st.builds(lambda k, v: f"{k} = {v}", _KEYS, _TEXT),
    st.builds(lambda t: f"# {t}", _TEXT),
    st.just(""),
    st.builds(lambda v: f"    max_concurrent_requests = {v}", _TEXT))
_SECTION = st.tuples(_NAMES, st.lists(_LINE, max_size=5))
_VALUE = st.one_of(_TEXT.filter(bool), st.none(),
                   st.dictionaries(st.sampled_from(["max_concurrent_requests", "x"]),
                                   _TEXT.filter(bool), min_size=1, max_size=1))


def _blocks(text):
    """{header line: the block of lines it heads}, for headers that appear once."""
    blocks, current, seen = {}, None, []
    for line in text.splitlines():
        if line.startswith("["):
            current = line
            seen.append(line)
            blocks[current] = []
        elif current is not None:
            blocks[current].append(line)
    return {h: b for h, b in blocks.items() if seen.count(h) == 1}


@settings(max_examples=300, deadline=None)
@given(st.lists(_SECTION, max_size=5), _NAMES, st.dictionaries(_KEYS, _VALUE, min_size=1,
                                                                max_size=3))
def test_other_sections_are_left_as_they_were(sections, target, values):
    text = "".join(f"[{name}]\n" + "".join(line + "\n" for line in lines)
                   for name, lines in sections)
    before = _blocks(text)
    result = config_file.update(text, target, values)
    after = _blocks(result)
    for header, block in before.items():
        if header != f"[{target}]":
            assert after[header][:len(block)] == block or after[header] == block
    assert f"[{target}]\n" in result


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), _NAMES, st.dictionaries(_KEYS, _VALUE, min_size=1, max_size=2))
def test_any_text_gives_text_or_invalid_value(text, section, values):
    try:
        result = config_file.update(text, section, values)
    except config_file.InvalidValue:
        return
    assert isinstance(result, str)


# -- the file ------------------------------------------------------------------------


def test_new_file_is_0600_and_existing_keeps_its_mode(tmp_path):
    path = tmp_path / "sub" / "config"
    config_file.write_values(str(path), "default", {"region": "us-west-2"})
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert path.read_text() == "[default]\nregion = us-west-2\n"
    os.chmod(path, 0o644)
    config_file.write_values(str(path), "profile dev", {"output": "json"})
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o644
    assert path.read_text() == "[default]\nregion = us-west-2\n[profile dev]\noutput = json\n"


def test_a_directory_in_the_way_raises_oserror(tmp_path):
    with pytest.raises(IsADirectoryError):
        config_file.write_values(str(tmp_path), "default", {"region": "x"})
    assert os.listdir(tmp_path) == []

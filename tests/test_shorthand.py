"""Shorthand parsing, coercion and printing as tables of data.

Inputs are those of the conformance goldens (golden/public/shorthand.jsonl)
and v2's own parsing cases; values are what v2 sends.
"""

import pytest

from shorthand import FileRef, ShorthandError, ShorthandTypeError, coerce, parse, render_value
from shorthand.tokens import Kind, Scanner, Token

PARSE_CASES = [
    # map<string,string>
    ("foo=bar", {"foo": "bar"}),
    ("foo=bar,baz=qux", {"foo": "bar", "baz": "qux"}),
    ("foo=", {"foo": ""}),
    ("foo=,bar=", {"foo": "", "bar": ""}),
    ("foo=a,b=with space", {"foo": "a", "b": "with space"}),
    ("foo=a,b=with trailing space  ", {"foo": "a", "b": "with trailing space"}),
    ("foo=a space,bar=a space,baz=a space", {"foo": "a space", "bar": "a space", "baz": "a space"}),
    ("with-dash=bar", {"with-dash": "bar"}),
    ("with_underscore=bar", {"with_underscore": "bar"}),
    ("#key=value", {"#key": "value"}),
    ("some/thing=value", {"some/thing": "value"}),
    ("foo='bar'", {"foo": "bar"}),
    ("foo='bar,baz'", {"foo": "bar,baz"}),
    ("foo='bar\\\\baz'", {"foo": "bar\\baz"}),
    ("foo='it\\'s'", {"foo": "it's"}),
    ('foo="bar"', {"foo": "bar"}),
    ('foo="bar,baz"', {"foo": "bar,baz"}),
    ('foo="bar\\\\baz"', {"foo": "bar\\baz"}),
    ('foo="say \\"hi\\""', {"foo": 'say "hi"'}),
    ("foo=a\\,b", {"foo": "a,b"}),
    ("foo=\\,", {"foo": ","}),
    ("foo= bar", {"foo": "bar"}),
    ("foo = bar", {"foo": "bar"}),
    ("foo  =   bar", {"foo": "bar"}),
    ("foo = bar,baz = qux", {"foo": "bar", "baz": "qux"}),
    ("foo = ", {"foo": ""}),
    ("A=b,\nC=d,\nE=f\n", {"A": "b", "C": "d", "E": "f"}),
    ("foo@=bar,baz@=qux", {"foo": "bar", "baz": "qux"}),
    ("foo@=,bar@=", {"foo": "", "bar": ""}),
    ("foo=a,b@=with trailing space  ", {"foo": "a", "b": "with trailing space"}),
    ("aws:service:region:124:foo/bar@=baz", {"aws:service:region:124:foo/bar": "baz"}),
    ("A=b,\nC@=d,\nE@=f\n", {"A": "b", "C": "d", "E": "f"}),
    ("json='{\"a\": 1}'", {"json": '{"a": 1}'}),
    ("=bar", {"": "bar"}),
    ("foo=bar baz=qux", {"foo": "bar baz=qux"}),
    # csv and explicit lists
    ("foo=a,b,c", {"foo": ["a", "b", "c"]}),
    ("foo=a,b,bar=c,d", {"foo": ["a", "b"], "bar": ["c", "d"]}),
    ("foo=[]", {"foo": []}),
    ("foo=[a]", {"foo": ["a"]}),
    ("foo=[a,b],bar=c,d", {"foo": ["a", "b"], "bar": ["c", "d"]}),
    ("foo=[a,b],bar=[c,d]", {"foo": ["a", "b"], "bar": ["c", "d"]}),
    ("foo=a,b,bar=[c,d]", {"foo": ["a", "b"], "bar": ["c", "d"]}),
    ("foo=[ a , b  , c  ]", {"foo": ["a", "b", "c"]}),
    ("foo  =  [ a , b  , c  ]", {"foo": ["a", "b", "c"]}),
    ("foo='bar','baz'", {"foo": ["bar", "baz"]}),
    ("foo=bar,'baz'", {"foo": ["bar", "baz"]}),
    ("foo=bar,'--option=bar space'", {"foo": ["bar", "--option=bar space"]}),
    ('foo="bar","baz"', {"foo": ["bar", "baz"]}),
    ('foo=bar,"baz=qux"', {"foo": ["bar", "baz=qux"]}),
    ("foo=a,b\\,c", {"foo": ["a", "b,c"]}),
    ("foo=a,b\\,", {"foo": ["a", "b,"]}),
    ("a=b,c=  d,  e,  f", {"a": "b", "c": ["d", "e", "f"]}),
    ("Name=foo,Values=  a  ,  b  ,  c  ", {"Name": "foo", "Values": ["a", "b", "c"]}),
    ("Name=foo,\nValues=a,b,c", {"Name": "foo", "Values": ["a", "b", "c"]}),
    ("foo=\u2713,\u2713", {"foo": ["\u2713", "\u2713"]}),
    ("foo@=\u2713,\u2713", {"foo": ["\u2713", "\u2713"]}),
    ("foo=[a,b],bar@=[c,d]", {"foo": ["a", "b"], "bar": ["c", "d"]}),
    ("foo  @=  [ a , b  , c  ]", {"foo": ["a", "b", "c"]}),
    ("commands=['echo a,b','ls']", {"commands": ["echo a,b", "ls"]}),
    ("Values=[web,db]", {"Values": ["web", "db"]}),
    # hash literals and nesting
    ("Name={foo=bar,baz=qux}", {"Name": {"foo": "bar", "baz": "qux"}}),
    ("Name={foo=[a,b,c],bar=baz}", {"Name": {"foo": ["a", "b", "c"], "bar": "baz"}}),
    ("Bar={baz=qux},Name={foo=bar}", {"Bar": {"baz": "qux"}, "Name": {"foo": "bar"}}),
    ("Bar@={baz=qux},Name={foo@=bar}", {"Bar": {"baz": "qux"}, "Name": {"foo": "bar"}}),
    ("Name={}", {"Name": {}}),
    ("a={b={c=d}}", {"a": {"b": {"c": "d"}}}),
    ("Name={L=[{S=bar}, {S=qux}]}", {"Name": {"L": [{"S": "bar"}, {"S": "qux"}]}}),
    ("Name={L=[{SS=[a,b]}, {NS=[1,2]}]}", {"Name": {"L": [{"SS": ["a", "b"]}, {"NS": ["1", "2"]}]}}),
    ("a={B=aGVsbG8=}", {"a": {"B": "aGVsbG8="}}),
    ("Ebs={VolumeSize=20,DeleteOnTermination=true}",
     {"Ebs": {"VolumeSize": "20", "DeleteOnTermination": "true"}}),
    ("Variables={KEY1=v1,KEY2='a,b'}", {"Variables": {"KEY1": "v1", "KEY2": "a,b"}}),
    ('IpRanges=[{CidrIp=10.0.0.0/8,Description="ssh, admin"}]',
     {"IpRanges": [{"CidrIp": "10.0.0.0/8", "Description": "ssh, admin"}]}),
    ("a=[[b,c],[]]", {"a": [["b", "c"], []]}),
    # @= marks file:// and fileb:// values; plain = never does
    ("foo@=file://val.txt", {"foo": FileRef("file://val.txt")}),
    ("foo@=fileb://v.bin,bar=x", {"foo": FileRef("fileb://v.bin"), "bar": "x"}),
    ("foo@=plain,bar@=file://v.txt", {"foo": "plain", "bar": FileRef("file://v.txt")}),
    ("Bar={Baz@=file://val.txt}", {"Bar": {"Baz": FileRef("file://val.txt")}}),
    ("Bar@={Baz=file://val.txt}", {"Bar": {"Baz": "file://val.txt"}}),
    ("foo=file://val.txt", {"foo": "file://val.txt"}),
    ("foo@=[file://a,b]", {"foo": [FileRef("file://a"), "b"]}),
    ("foo@='file://a b'", {"foo": FileRef("file://a b")}),
    # quoting as v2's backtracking expression reads it
    ('foo="a\\\\",b=c', {"foo": "a\\", "b": "c"}),
    ('foo="a\\"', {"foo": "a\\"}),
]

ERROR_CASES = [
    ("foo", "Expected: '=', received: 'EOF' for input:\n foo\n   ^"),
    ('foo="bar', "Expected: '<double quoted>', received: '<none>' for input:\n foo=\"bar\n    ^"),
    ("foo='bar", "Expected: '<singled quoted>', received: '<none>' for input:\n foo='bar\n    ^"),
    ("foo=[bar", "Expected: ',', received: 'EOF' for input:\n foo=[bar\n        ^"),
    ("foo={bar}", "Expected: '=', received: '}' for input:\n foo={bar}\n        ^"),
    ("foo={bar=bar", "Expected: ',', received: 'EOF' for input:\n foo={bar=bar\n            ^"),
    ("foo==bar,\nbar=baz", "Expected: ',', received: '=' for input:\n foo==bar,\n    ^\nbar=baz"),
    ("foo=bar,\nbar==baz", "Expected: ',', received: '=' for input:\n foo=bar,\nbar==baz\n    ^"),
    ("foo=bar,foo=qux",
     'Second instance of key "foo" encountered for input:\nfoo=bar,foo=qux\n        ^\n'
     'This is often because there is a preceding "," instead of a space.'),
    ("a={b=c},a={d=e}",
     'Second instance of key "a" encountered for input:\na={b=c},a={d=e}\n        ^\n'
     'This is often because there is a preceding "," instead of a space.'),
    ('foo="' + "\\" * 99,
     "Expected: '<double quoted>', received: '<none>' for input:\n foo=\"" + "\\" * 99 + "\n    ^"),
    ("commands=[ls,pwd", "Expected: ',', received: 'EOF' for input:\n commands=[ls,pwd\n                ^"),
    ("player_params.x={'k=1'=\"v,2\",y=z}",
     "Expected: '=', received: ''' for input:\n player_params.x={'k=1'=\"v,2\",y=z}\n"
     "                 ^"),
    ("", "Expected: '=', received: 'EOF' for input:\n \n^"),
    ("foo=a,", "Expected: '<second>', received: '<none>' for input:\n foo=a,\n      ^"),
    ("foo=\U0001F600", "Expected: ',', received: '\U0001F600' for input:\n foo=\U0001F600\n    ^"),
    ("foo@bar", "Expected: '=', received: 'b' for input:\n foo@bar\n    ^"),
]


@pytest.mark.parametrize("text, expected", PARSE_CASES, ids=[c[0] for c in PARSE_CASES])
def test_parse(text, expected):
    assert parse(text) == expected


@pytest.mark.parametrize("text, message", ERROR_CASES, ids=[c[0] for c in ERROR_CASES])
def test_parse_error(text, message):
    with pytest.raises(ShorthandError) as info:
        parse(text)
    assert str(info.value) == message
    assert info.value.text == text
    assert 0 <= info.value.position <= len(text)


def test_error_carries_position():
    with pytest.raises(ShorthandError) as info:
        parse("x={a")
    assert (info.value.position, info.value.message) == (4, "Expected: '=', received: 'EOF'")


def test_scanner_tokens():
    scan = Scanner("key @= 'v,w' ")
    assert scan.key() == Token(Kind.KEY, "key", 0, 3)
    assert scan.assign() == Token(Kind.ASSIGN, "@=", 4, 7)
    assert scan.quoted() == Token(Kind.QUOTED, "v,w", 7, 12)
    assert Scanner("a b ,c").word(first=True) == Token(Kind.WORD, "a b", 0, 4)


def test_file_ref():
    ref = FileRef("fileb://dir/x.bin")
    assert (ref.binary, ref.path) == (True, "dir/x.bin")
    assert (FileRef("file://x").binary, FileRef("file://x").path) == (False, "x")


# -- coercion ----------------------------------------------------------------


class S:
    """A duck-typed shape, as coerce() reads one."""

    def __init__(self, type_name, members=None, member=None, value=None, document=False):
        self.type_name = type_name
        self.members = members or {}
        self.member = member
        self.key = S("string") if type_name == "map" else None
        self.value = value
        self.is_document = document


STR, INT, LONG, DBL, FLT, BOOL, TS, BLOB = (S(t) for t in (
    "string", "integer", "long", "double", "float", "boolean", "timestamp", "blob"))
EBS = S("structure", {"VolumeSize": INT, "DeleteOnTermination": BOOL, "VolumeType": STR,
                      "Iops": LONG})
BDM = S("list", member=S("structure", {"DeviceName": STR, "Ebs": EBS}))
MAP_LIST = S("map", value=S("list", member=STR))
POLICY = S("structure", {"TargetValue": DBL, "Ratio": FLT, "When": TS, "Data": BLOB,
                         "Ports": S("list", member=INT), "Doc": S("structure", document=True)})

COERCE_CASES = [
    ({"foo": "bar"}, MAP_LIST, {"foo": ["bar"]}),
    ({"foo": ["a", "b"], "bar": ""}, MAP_LIST, {"foo": ["a", "b"], "bar": [""]}),
    ({"Name": {"foo": "bar"}}, S("map", value=MAP_LIST), {"Name": {"foo": ["bar"]}}),
    ([{"DeviceName": "/dev/sda1", "Ebs": {"VolumeSize": "20", "DeleteOnTermination": "true"}}],
     BDM, [{"DeviceName": "/dev/sda1", "Ebs": {"VolumeSize": 20, "DeleteOnTermination": True}}]),
    ([{"Ebs": {"DeleteOnTermination": "False", "Iops": "+007"}}], BDM,
     [{"Ebs": {"DeleteOnTermination": False, "Iops": 7}}]),
    ([{"Ebs": {"DeleteOnTermination": "yes"}}], BDM, [{"Ebs": {"DeleteOnTermination": "yes"}}]),
    ([{"Ebs": {"Unknown": "1", "VolumeSize": ["1"]}}], BDM,
     [{"Ebs": {"Unknown": "1", "VolumeSize": ["1"]}}]),
    ({"DeviceName": "x"}, BDM, [{"DeviceName": "x"}]),
    ({"TargetValue": "75.5", "Ratio": "3", "When": "2024-01-01", "Data": "aGk=", "Ports": "22",
      "Doc": {"a": "1"}}, POLICY,
     {"TargetValue": 75.5, "Ratio": 3.0, "When": "2024-01-01", "Data": "aGk=", "Ports": ["22"],
      "Doc": {"a": "1"}}),
    # wrapped into a list and left as it is, as v2 does: the validator reports it
    ({"Ports": "x"}, POLICY, {"Ports": ["x"]}),
    ({"Ports": ["22", "+1"]}, POLICY, {"Ports": [22, 1]}),
    ({"Ebs": {"VolumeSize": "1"}}, BDM, [{"Ebs": {"VolumeSize": "1"}}]),
    ({"a": {"b": {"c": "d"}}}, S("map", value=STR), {"a": {"b": {"c": "d"}}}),
    (None, BDM, None),
]


@pytest.mark.parametrize("value, shape, expected", COERCE_CASES)
def test_coerce(value, shape, expected):
    before = repr(value)
    assert coerce(value, shape) == expected
    assert repr(value) == before  # the input is not changed


COERCE_ERRORS = [
    ([{"Ebs": {"VolumeSize": "abc"}}], BDM, "BlockDeviceMappings",
     "Invalid value for parameter BlockDeviceMappings[0].Ebs.VolumeSize, value: 'abc', "
     "expected: integer"),
    ({"TargetValue": "lots"}, POLICY, "Config",
     "Invalid value for parameter Config.TargetValue, value: 'lots', expected: double"),
    ({"Ports": ["1", "x"]}, POLICY, "",
     "Invalid value for parameter Ports[1], value: 'x', expected: integer"),
]


@pytest.mark.parametrize("value, shape, path, message", COERCE_ERRORS)
def test_coerce_error(value, shape, path, message):
    with pytest.raises(ShorthandTypeError) as info:
        coerce(value, shape, path)
    assert str(info.value) == message


# -- printing ----------------------------------------------------------------

RENDER_CASES = [
    ({"KeyName1": "string", "KeyName2": "string"}, "KeyName1=string,KeyName2=string"),
    ({"Name": "string", "Value": "string"}, "Name=string,Value=string"),
    ({"a": ["x", "y"], "b": {"c": "d"}}, "a=[x,y],b={c=d}"),
    ({"a": "x,y", "b": "", "c": 'q"\\'}, 'a="x,y",b="",c="q\\"\\\\"'),
    ({"a": "trailing ", "b": "[x", "c": "x=y"}, 'a="trailing ",b="[x",c=x=y'),
    ({"a": FileRef("file://v.txt")}, "a@=file://v.txt"),
    (["a", {"k": []}], "[a,{k=[]}]"),
    ("plain text", "plain text"),
]


@pytest.mark.parametrize("value, text", RENDER_CASES)
def test_render(value, text):
    assert render_value(value) == text
    if isinstance(value, dict):
        assert parse(text) == value


@pytest.mark.parametrize("value", [{"bad key": "x"}, {"a": 1}, {"a": "\U0001F600"},
                                   {"a": [FileRef("file://x")]}])
def test_render_rejects(value):
    with pytest.raises(ValueError):
        render_value(value)

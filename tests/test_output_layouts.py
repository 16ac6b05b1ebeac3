"""More formatter cases: inputs the output goldens do not cover, checked against v2.

Each expected text is what v2 writes for the data: yaml through ruamel.yaml
(`typ='safe'`, block style) on libyaml's C emitter, text and table by v2's
`text.py` and `TableFormatter`. Widths: 80 columns, or 40 to see a table
turned on its side. The title of every table is "Op".
"""

import pytest

import output

CASES = [
    # (id, data, format, terminal width, expected)
    ("json.numbers", {"a": 1.0, "b": 1, "c": 1e100, "d": 1e-05, "e": 12345678901234567890123,
                      "f": -0.0}, "json", 80,
     '{\n    "a": 1.0,\n    "b": 1,\n    "c": 1e+100,\n    "d": 1e-05,\n'
     '    "e": 12345678901234567890123,\n    "f": -0.0\n}\n'),
    ("json.control_characters", {"a": "x\ty\n\u0007", "b": "😀"}, "json", 80,
     '{\n    "a": "x\\ty\\n\\u0007",\n    "b": "😀"\n}\n'),
    ("yaml.list_of_scalars", ["x", None], "yaml", 80, "- x\n- null\n"),
    ("yaml.bare_float", 1e-05, "yaml", 80, "1e-05\n"),
    ("yaml.bare_null", None, "yaml", 80, "null\n"),
    ('yaml.multiline_folded', {'Script': '#!/bin/sh\necho hi\n'}, 'yaml', 80,
     "Script: '#!/bin/sh\n\n  echo hi\n\n  '\n"),
    ('yaml.multiline_with_quote', {'a': "it's\nok"}, 'yaml', 80,
     "a: 'it''s\n\n  ok'\n"),
    ('yaml.blank_lines_doubled', {'a': 'l1\nl2\n\nl4'}, 'yaml', 80,
     "a: 'l1\n\n  l2\n\n\n  l4'\n"),
    ('yaml.leading_spaces_multiline', {'a': '  x\ny'}, 'yaml', 80,
     "a: '  x\n\n  y'\n"),
    ('yaml.tab_and_newline', {'a': 'a\nb\tc'}, 'yaml', 80,
     'a: "a\\nb\\tc"\n'),
    ('yaml.only_newline', {'a': '\n'}, 'yaml', 80,
     "a: '\n\n  '\n"),
    ('yaml.quotes_single_doubled', {'a': "'x'", 'b': '"q\''}, 'yaml', 80,
     'a: \'\'\'x\'\'\'\nb: \'"q\'\'\'\n'),
    ('yaml.emoji_escaped', {'a': 'té😀'}, 'yaml', 80,
     'a: "té\\U0001F600"\n'),
    ('yaml.next_line_escaped', {'a': 'x\x85y'}, 'yaml', 80,
     'a: "x\\Ny"\n'),
    ('yaml.combining_plain', {'a': 'e\u0301'}, 'yaml', 80,
     'a: é\n'),
    ('yaml.long_plain_folded', {'a': 'word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word '}, 'yaml', 80,
     "a: 'word word word word word word word word word word word word word word word word\n  word word word word word word word word word word word word word word '\n"),
    ('yaml.long_no_spaces', {'a': 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'}, 'yaml', 80,
     'a: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n'),
    ('yaml.long_quoted_folded', {'a': 'word word word word word word word word word word word word word word word word word word word word \nline2'}, 'yaml', 80,
     'a: "word word word word word word word word word word word word word word word word\n  word word word word \\nline2"\n'),
    ('yaml.empty_key', {'': 1, '-': 2, 'true': 3, '123': 4}, 'yaml', 80,
     "'': 1\n'-': 2\n'123': 4\n'true': 3\n"),
    ('yaml.bools_1_2', {'a': 'y', 'b': 'no', 'c': 'True', 'd': 'tRue', 'e': 'OFF'}, 'yaml', 80,
     "a: y\nb: no\nc: 'True'\nd: tRue\ne: OFF\n"),
    ('yaml.nulls_quoted', {'a': 'null', 'b': 'Null', 'c': '~', 'd': 'nil'}, 'yaml', 80,
     "a: 'null'\nb: 'Null'\nc: '~'\nd: nil\n"),
    ('yaml.special_floats', {'a': '.inf', 'b': '-.Inf', 'c': '.nan', 'd': 'inf', 'e': 'nan'}, 'yaml', 80,
     "a: '.inf'\nb: '-.Inf'\nc: '.nan'\nd: inf\ne: nan\n"),
    ('yaml.int_forms', {'a': '0x1F', 'b': '0o7', 'c': '0b101', 'd': '1_000', 'e': '1,000', 'f': '010', 'g': '-0', 'h': '+1'}, 'yaml', 80,
     "a: '0x1F'\nb: '0o7'\nc: '0b101'\nd: '1_000'\ne: 1,000\nf: '010'\ng: '-0'\nh: '+1'\n"),
    ('yaml.float_forms', {'a': '1.5', 'b': '1.', 'c': '.5', 'd': '1e5', 'e': '1E-5', 'f': '6.8523015e+5'}, 'yaml', 80,
     "a: '1.5'\nb: '1.'\nc: '.5'\nd: '1e5'\ne: '1E-5'\nf: '6.8523015e+5'\n"),
    ('yaml.date_forms', {'a': '2024-01-01', 'b': '2024-1-1', 'c': '2024-01-01T00:00:00Z', 'd': '2024-01-01 00:00:00', 'e': '2024-01-01T00:00:00.000Z'}, 'yaml', 80,
     "a: '2024-01-01'\nb: 2024-1-1\nc: '2024-01-01T00:00:00Z'\nd: '2024-01-01 00:00:00'\ne: '2024-01-01T00:00:00.000Z'\n"),
    ('yaml.indicators', {'a': '- x', 'b': '#x', 'c': 'x #y', 'd': 'a: b', 'e': 'x:', 'f': '@x', 'g': '`x', 'h': '%x', 'i': '!x', 'j': '&x', 'k': '*x', 'l': '{x}', 'm': '[x]', 'n': 'x,y', 'o': '|', 'p': '>', 'q': '?', 'r': '---', 's': '...', 't': 'http://x', 'u': '=', 'v': '<<'}, 'yaml', 80,
     "a: '- x'\nb: '#x'\nc: 'x #y'\nd: 'a: b'\ne: 'x:'\nf: '@x'\ng: '`x'\nh: '%x'\ni: '!x'\nj: '&x'\nk: '*x'\nl: '{x}'\nm: '[x]'\nn: x,y\no: '|'\np: '>'\nq: '?'\nr: '---'\ns: '...'\nt: http://x\nu: '='\nv: '<<'\n"),
    ('yaml.numbers', {'a': 1e-05, 'b': 1e+100, 'c': 1.0, 'd': 12345678901234567890123, 'e': -0.0, 'f': 1e+16, 'g': 0.1}, 'yaml', 80,
     'a: 1e-05\nb: 1e+100\nc: 1.0\nd: 12345678901234567890123\ne: -0.0\nf: 1e+16\ng: 0.1\n'),
    ('yaml.empties_inside', {'a': [], 'b': {}, 'c': [None], 'd': [[]], 'e': [{}], 'f': None, 'g': True}, 'yaml', 80,
     'a: []\nb: {}\nc:\n- null\nd:\n- []\ne:\n- {}\nf: null\ng: true\n'),
    ('yaml.list_of_lists', [['a', 'b'], ['c'], []], 'yaml', 80,
     '- - a\n  - b\n- - c\n- []\n'),
    ('yaml.json_in_string', {'a': '{"k": 1}', 'b': '[1, 2]'}, 'yaml', 80,
     'a: \'{"k": 1}\'\nb: \'[1, 2]\'\n'),
    ('yaml_stream.multiline', {'a': 'x\ny'}, 'yaml-stream', 80,
     "- a: 'x\n\n    y'\n"),
    ('yaml_stream.list_page', [1, 'a'], 'yaml-stream', 80,
     '- - 1\n  - a\n'),
    ('yaml_stream.empty_dict_page', {}, 'yaml-stream', 80,
     '- {}\n'),
    ('yaml_stream.null_page', None, 'yaml-stream', 80,
     '- null\n'),
    ('text.list_of_scalar_lists', {'Groups': [['a', 'b'], ['c', 'd']]}, 'text', 80,
     'GROUPS\ta\nGROUPS\tb\nGROUPS\tc\nGROUPS\td\n'),
    ('text.nested_scalar_list_in_dict', {'Name': 'f', 'Archs': ['x86_64', 'arm64'], 'Layers': []}, 'text', 80,
     'f\nARCHS\tx86_64\nARCHS\tarm64\n'),
    ('text.list_of_lists_ragged_nested', [['a', ['b', 'c']], ['d']], 'text', 80,
     'a\nb\tc\nd\n'),
    ('text.empty_dict_and_list_inside', {'A': {}, 'B': [], 'C': 'x', 'D': [{}], 'E': [[]]}, 'text', 80,
     'x\n'),
    ('text.none_bool_numbers', {'N': None, 'T': True, 'F': False, 'I': 12345678901234567890, 'Fl': 1e-05, 'Big': 1e+100, 'One': 1.0}, 'text', 80,
     '1e+100\tFalse\t1e-05\t12345678901234567890\tNone\t1.0\tTrue\n'),
    ('text.list_of_dicts_nested', {'Items': [{'Id': '1', 'Tags': [{'Key': 'k', 'Value': 'v'}]}, {'Id': '2', 'Extra': 'e'}]}, 'text', 80,
     'ITEMS\t\t1\nTAGS\tk\tv\nITEMS\te\t2\n'),
    ('text.list_of_dicts_missing_keys', [{'a': 1}, {'b': 2}, {'a': 3, 'c': {'d': 4}}], 'text', 80,
     '1\t\n\t2\n3\t\nC\t4\n'),
    ('text.wide_unicode', {'Name': '\u65e5\u672c\u8a9e\u30c6\u30ad\u30b9\u30c8', 'Emoji': '\U0001f600x', 'Combining': 'e\u0301', 'Ambiguous': '\xb1\xb0'}, 'text', 80,
     '±°\té\t😀x\t日本語テキスト\n'),
    ('text.tabs_newlines', {'A': 'x\ty', 'B': 'l1\nl2'}, 'text', 80,
     'x\ty\tl1\nl2\n'),
    ('text.long_value', {'Desc': 'word word word word word word word word word word word word word word word word word word word word word word word word word ', 'Id': 'i-1'}, 'text', 80,
     'word word word word word word word word word word word word word word word word word word word word word word word word word \ti-1\n'),
    ('text.single_scalar_key_nested', {'Outer': {'Only': 'one'}, 'Other': {'A': 1, 'B': 2}}, 'text', 80,
     'OTHER\t1\t2\nOUTER\tone\n'),
    ('text.scalar_list_top', ['a', 'b', None, True, 1.5], 'text', 80,
     'a\tb\tNone\tTrue\t1.5\n'),
    ('text.list_of_dicts_with_scalar_lists', [{'Name': 'a', 'Vals': ['x', 'y']}, {'Name': 'b', 'Vals': []}], 'text', 80,
     'a\nVALS\tx\nVALS\ty\nb\n'),
    ('text.deep', {'L1': {'L2': {'L3': {'L4': [{'K': 'v'}]}, 'S': 1}}}, 'text', 80,
     'L2\t1\nL4\tv\n'),
    ('text.scalar_string', 'just text', 'text', 80,
     'just text\n'),
    ('text.scalar_zero', 0, 'text', 80,
     '0\n'),
    ('text.scalar_false', False, 'text', 80,
     'False\n'),
    ('text.scalar_none', None, 'text', 80,
     'None\n'),
    ('text.empty_list', [], 'text', 80,
     ''),
    ('text.empty_dict', {}, 'text', 80,
     ''),
    ('table.list_of_scalar_lists', {'Groups': [['a', 'b'], ['c', 'd']]}, 'table', 80, (
      '--------------\n'
      '|     Op     |\n'
      '+------------+\n'
      '||  Groups  ||\n'
      '|+----+-----+|\n'
      '||  a |  b  ||\n'
      '||  c |  d  ||\n'
      '|+----+-----+|\n'
    )),
    ('table.nested_scalar_list_in_dict', {'Name': 'f', 'Archs': ['x86_64', 'arm64'], 'Layers': []}, 'table', 80, (
      '---------------\n'
      '|     Op      |\n'
      '+-------+-----+\n'
      '|  Name |  f  |\n'
      '+-------+-----+\n'
      '||   Archs   ||\n'
      '|+-----------+|\n'
      '||  x86_64   ||\n'
      '||  arm64    ||\n'
      '|+-----------+|\n'
    )),
    ('table.empty_dict_and_list_inside', {'A': {}, 'B': [], 'C': 'x', 'D': [{}], 'E': [[]]}, 'table', 80, (
      '------------\n'
      '|    Op    |\n'
      '+----+-----+\n'
      '|  C |  x  |\n'
      '+----+-----+\n'
      '||    D   ||\n'
      '||    E   ||\n'
    )),
    ('table.none_bool_numbers', {'N': None, 'T': True, 'F': False, 'I': 12345678901234567890, 'Fl': 1e-05, 'Big': 1e+100, 'One': 1.0}, 'table', 80, (
      '-----------------------------------------------------------------------------\n'
      '|                                    Op                                     |\n'
      '+--------+--------+--------+------------------------+-------+------+--------+\n'
      '|   Big  |   F    |  Fl    |           I            |   N   | One  |   T    |\n'
      '+--------+--------+--------+------------------------+-------+------+--------+\n'
      '|  1e+100|  False |  1e-05 |  12345678901234567890  |  None |  1.0 |  True  |\n'
      '+--------+--------+--------+------------------------+-------+------+--------+\n'
    )),
    ('table.list_of_dicts_nested', {'Items': [{'Id': '1', 'Tags': [{'Key': 'k', 'Value': 'v'}]}, {'Id': '2', 'Extra': 'e'}]}, 'table', 80, (
      '----------------------\n'
      '|         Op         |\n'
      '+--------------------+\n'
      '||       Items      ||\n'
      '|+----------+-------+|\n'
      '||   Extra  |  Id   ||\n'
      '|+----------+-------+|\n'
      '||          |  1    ||\n'
      '|+----------+-------+|\n'
      '|||      Tags      |||\n'
      '||+------+---------+||\n'
      '|||  Key |  Value  |||\n'
      '||+------+---------+||\n'
      '|||  k   |  v      |||\n'
      '||+------+---------+||\n'
      '||       Items      ||\n'
      '|+----------+-------+|\n'
      '||   Extra  |  Id   ||\n'
      '|+----------+-------+|\n'
      '||  e       |  2    ||\n'
      '|+----------+-------+|\n'
    )),
    ('table.wide_unicode', {'Name': '\u65e5\u672c\u8a9e\u30c6\u30ad\u30b9\u30c8', 'Emoji': '\U0001f600x', 'Combining': 'e\u0301', 'Ambiguous': '\xb1\xb0'}, 'table', 80, (
      '-------------------------------------------------------\n'
      '|                         Op                          |\n'
      '+-----------+------------+--------+-------------------+\n'
      '| Ambiguous | Combining  | Emoji  |       Name        |\n'
      '+-----------+------------+--------+-------------------+\n'
      '|  ±°     |  é       |  😀x   |  日本語テキスト   |\n'
      '+-----------+------------+--------+-------------------+\n'
    )),
    ('table.tabs_newlines', {'A': 'x\ty', 'B': 'l1\nl2'}, 'table', 80, (
      '------------------\n'
      '|       Op       |\n'
      '+------+---------+\n'
      '|   A  |    B    |\n'
      '+------+---------+\n'
      '|  x\ty |  l1\n'
      'l2  |\n'
      '+------+---------+\n'
    )),
    ('table_40_cols.long_value', {'Desc': 'word word word word word word word word word word word word word word word word word word word word word word word word word ', 'Id': 'i-1'}, 'table', 40, (
      '-------------------------------------------------------------------------------------------------------------------------------------------\n'
      '|                                                                   Op                                                                    |\n'
      '+------+----------------------------------------------------------------------------------------------------------------------------------+\n'
      '|  Desc|  word word word word word word word word word word word word word word word word word word word word word word word word word    |\n'
      '|  Id  |  i-1                                                                                                                             |\n'
      '+------+----------------------------------------------------------------------------------------------------------------------------------+\n'
    )),
    ('table.single_scalar_key_nested', {'Outer': {'Only': 'one'}, 'Other': {'A': 1, 'B': 2}}, 'table', 80, (
      '-------------------\n'
      '|       Op        |\n'
      '+-----------------+\n'
      '||     Other     ||\n'
      '|+------+--------+|\n'
      '||   A  |   B    ||\n'
      '|+------+--------+|\n'
      '||  1   |  2     ||\n'
      '|+------+--------+|\n'
      '||     Outer     ||\n'
      '|+-------+-------+|\n'
      '||  Only |  one  ||\n'
      '|+-------+-------+|\n'
    )),
    ('table.scalar_list_top', ['a', 'b', None, True, 1.5], 'table', 80, (
      '----------\n'
      '|   Op   |\n'
      '+--------+\n'
      '|  a     |\n'
      '|  b     |\n'
      '|  None  |\n'
      '|  True  |\n'
      '|  1.5   |\n'
      '+--------+\n'
    )),
    ('table_40_cols.list_of_dicts_with_scalar_lists', [{'Name': 'a', 'Vals': ['x', 'y']}, {'Name': 'b', 'Vals': []}], 'table', 40, (
      '----------\n'
      '|   Op   |\n'
      '+--------+\n'
      '|  Name  |\n'
      '+--------+\n'
      '|  a     |\n'
      '+--------+\n'
      '|| Vals ||\n'
      '|+------+|\n'
      '||  x   ||\n'
      '||  y   ||\n'
      '|+------+|\n'
      '|   Op   |\n'
      '+--------+\n'
      '|  Name  |\n'
      '+--------+\n'
      '|  b     |\n'
      '+--------+\n'
    )),
    ('table.scalar_string', 'just text', 'table', 80, (
      '----\n'
      '|Op|\n'
      '+--+\n'
    )),
    ('table.scalar_zero', 0, 'table', 80,
     ''),
    ('table.scalar_none', None, 'table', 80,
     ''),
]


@pytest.mark.parametrize("data,fmt,width,expected", [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_render(data, fmt, width, expected):
    assert output.render(data, fmt, title="Op", terminal_width=width) == expected


# v2 cannot draw rows of different lengths in one section: it stops with this
# message (the CLI prints it and exits 255).
TABLE_ERRORS = [
    ("ragged_nested_lists", [["a", ["b", "c"]], ["d"]],
     "Row should have 1 elements, instead it has 2"),
    ("empty_list_then_scalar", [[], {}, "x"], "Row should have 0 elements, instead it has 1"),
    ("scalar_then_dict", ["x", {"a": 1, "b": 2}], "Row should have 1 elements, instead it has 2"),
]


@pytest.mark.parametrize("data,message", [c[1:] for c in TABLE_ERRORS],
                         ids=[c[0] for c in TABLE_ERRORS])
def test_table_rows_of_different_lengths(data, message):
    with pytest.raises(ValueError) as raised:
        output.render(data, "table", title="Op")
    assert str(raised.value) == message

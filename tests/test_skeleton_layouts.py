"""Skeleton corners that AWS CLI v2 prints in its own way, as tables of exact text.

Each expectation was worked out from v2's algorithm (botocore's
ArgumentGenerator, v2's YAML generator, ruamel.yaml 0.17.21's emitter) and
checked against that algorithm run on every operation of the installed models.
"""

from __future__ import annotations

import json
import os

import pytest

import skeleton
from cli.catalog import Catalog
from cli.model import Shape
from skeleton.docs import overview


@pytest.fixture(scope="module")
def catalog():
    return Catalog(os.environ)


def printed(operation, kind: str) -> str:
    """The skeleton as v2 prints it (JSON with 4-space indents and a newline)."""
    result = skeleton.generate(operation, kind)
    return result if kind == "yaml-input" else json.dumps(result, indent=4) + "\n"


# -- lines of real operations' skeletons ------------------------------------------

# (command, operation, kind, consecutive lines the skeleton must contain)
MODEL_LINES = [
    # A list of lists under a commented key: ruamel breaks the line after `- -`
    # (a scalar, a map or a list as the inner list's first item alike).
    ("customer-profiles", "create-domain", "yaml-input",
     "      MatchingAttributesList:  # [REQUIRED] A list of matching criteria.\n"
     "      - -\n"
     "          ''\n"
     "    ConflictResolution: # How the auto-merging process"),
    ("quicksight", "create-data-set", "yaml-input",
     "  TagRuleConfigurations: # A list of tag configuration rules to apply to a dataset.\n"
     "  - -\n"
     "      ''\n"
     "ColumnLevelPermissionRules:"),
    ("geo-routes", "calculate-routes", "yaml-input",
     "        LineString:  # [REQUIRED] An ordered list of positions used to plot a route on a map.\n"
     "        - -\n"
     "            0.0\n"
     "        Radius: 0 # [REQUIRED]"),
    ("deploy", "create-deployment", "yaml-input",
     "    ec2TagSetList:  # A list that contains other lists of Amazon EC2 instance tag groups.\n"
     "    - -\n"
     "        Key: ''  # The tag filter key.\n"
     "        Value: '' # The tag filter value.\n"),
    ("codebuild", "create-webhook", "yaml-input",
     "filterGroups: # An array of arrays of WebhookFilter objects used to determine which "
     "webhooks are triggered.\n"
     "- -\n"
     "    type: EVENT  # [REQUIRED]  The type of webhook filter."),
    ("rds-data", "batch-execute-statement", "yaml-input",
     "parameterSets: # The parameter set for the batch operation.\n"
     "- -\n"
     "    name: ''  # The name of the parameter.\n"
     "    value: # The value of the parameter.\n"),
    # Only the first inner list is broken; below it the dashes share a line again.
    ("sagemaker-geospatial", "search-raster-data-collection", "yaml-input",
     "        Coordinates:  # [REQUIRED] The coordinates of the multipolygon geometry.\n"
     "        - -\n"
     "            - - 0.0\n"
     "      PolygonGeometry: # The structure representing Polygon Geometry.\n"),
    ("geo-routes", "calculate-isolines", "input",
     '                            "LineString": [\n'
     "                                [\n"
     "                                    0.0\n"
     "                                ]\n"
     "                            ],\n"),
]


@pytest.mark.parametrize("command,cli_name,kind,lines", MODEL_LINES,
                         ids=[f"{c}.{o}.{k}" for c, o, k, _ in MODEL_LINES])
def test_model_skeleton_lines(catalog, command, cli_name, kind, lines):
    assert lines in printed(catalog.operation(command, cli_name), kind)


# Members botocore merges in from `service-2.sdk-extras.json`; v2's model has them.
SDK_EXTRAS_LINES = [
    ("rds", "copy-db-snapshot", "input", '    "SourceRegion": ""\n}\n'),
    ("docdb", "create-db-cluster", "yaml-input",
     "SourceRegion: '' # The ID of the region that contains the source for the db cluster.\n"),
    ("s3api", "put-object", "input", '    "Expires": "1970-01-01T00:00:00",\n'),
    ("s3api", "put-object", "yaml-input",
     "Expires: 1970-01-01 00:00:00 # The date and time at which the object is no longer "
     "cacheable.\n"),
]


@pytest.mark.parametrize("command,cli_name,kind,lines", SDK_EXTRAS_LINES,
                         ids=[f"{c}.{o}.{k}" for c, o, k, _ in SDK_EXTRAS_LINES])
def test_sdk_extras_members(catalog, command, cli_name, kind, lines):
    assert lines in printed(catalog.operation(command, cli_name), kind)


# -- the YAML layout on small made-up shapes ---------------------------------------

SHAPES = {
    "String": {"type": "string"},
    "Blob": {"type": "blob"},
    "Time": {"type": "timestamp"},
    "Empty": {"type": "structure", "members": {}},
    "Strings": {"type": "list", "member": {"shape": "String"}},
    "StringGrid": {"type": "list", "member": {"shape": "Strings"}},
    "StringCube": {"type": "list", "member": {"shape": "StringGrid"}},
    "Blobs": {"type": "list", "member": {"shape": "Blob"}},
    "BlobGrid": {"type": "list", "member": {"shape": "Blobs"}},
    "Times": {"type": "list", "member": {"shape": "Time"}},
    "TimeGrid": {"type": "list", "member": {"shape": "Times"}},
    "Empties": {"type": "list", "member": {"shape": "Empty"}},
    "EmptyGrid": {"type": "list", "member": {"shape": "Empties"}},
    "Pair": {"type": "structure", "members": {
        "K": {"shape": "String", "documentation": "<p>Key.</p>"},
        "Grid": {"shape": "StringGrid", "documentation": "<p>Inner grid.</p>"},
    }},
    "Pairs": {"type": "list", "member": {"shape": "Pair"}},
    "PairGrid": {"type": "list", "member": {"shape": "Pairs"}},
    "GridMap": {"type": "map", "key": {"shape": "String"}, "value": {"shape": "StringGrid"}},
}

# root structure members -> the whole yaml-input skeleton
YAML_LAYOUTS = [
    # No comment, no line break after the dashes.
    ({"Plain": {"shape": "StringGrid"}},
     "Plain:\n- - ''\n"),
    # Empty flow collections and tagged scalars stay on the dashes' line.
    ({"Grid": {"shape": "EmptyGrid", "documentation": "<p>Empty.</p>"}},
     "Grid:  # Empty.\n- - {}\n"),
    ({"Grid": {"shape": "BlobGrid", "documentation": "<p>Blobs.</p>"}},
     "Grid:  # Blobs.\n- - !!binary ''\n"),
    # Plain scalars and blocks move to the next line.
    ({"Grid": {"shape": "TimeGrid", "documentation": "<p>Times.</p>"}},
     "Grid:  # Times.\n- -\n    1970-01-01 00:00:00\n"),
    ({"First": {"shape": "String"},
      "Cube": {"shape": "StringCube", "documentation": "<p>Cube.</p>"}},
     "First: ''\nCube:  # Cube.\n- -\n    - ''\n"),
    ({"P": {"shape": "PairGrid", "documentation": "<p>Pairs.</p>"}},
     "P:  # Pairs.\n- -\n    K: ''  # Key.\n    Grid: # Inner grid.\n    - -\n        ''\n"),
    ({"P": {"shape": "Pairs", "documentation": "<p>Pairs.</p>"}},
     "P:  # Pairs.\n- K: ''  # Key.\n  Grid: # Inner grid.\n  - -\n      ''\n"),
    # The comment is on the map's key, not on the list inside it.
    ({"M": {"shape": "GridMap", "documentation": "<p>Map.</p>"}},
     "M:  # Map.\n  KeyName:\n  - - ''\n"),
]


@pytest.mark.parametrize("members,expected", YAML_LAYOUTS)
def test_yaml_layout(members, expected):
    shapes = dict(SHAPES, Root={"type": "structure", "members": members})
    assert skeleton.generate(_Operation(Shape("Root", shapes["Root"], shapes)),
                             "yaml-input") == expected


class _Operation:
    def __init__(self, input_shape):
        self.input_shape = input_shape


# -- the one-line comment: v2's first sentence of a namespace-aware DOM's text ---------

DOC_OVERVIEWS = [
    ("<p>Plain. Second.</p>", "Plain."),
    ("<p>Key: value.</p>", "Key."),
    ("<p>No sentence end</p>", "No sentence end."),
    ("<p>Entities &lt;b&gt; &amp; &#160;x. y</p>", "Entities <b> & \xa0x."),
    ("<p>Spaces\n  and\u2028lines. y</p>", "Spaces   and lines."),
    ("<p>x <![CDATA[hidden]]> <!-- c --> y. z</p>", "x   y."),
    # Malformed markup is kept as it is, cut at its first '.' or ':'.
    ("<p>An &nbsp; entity. y</p>", "<p>An &nbsp; entity."),
    ("<p>Unbound <x:y>prefix</x:y>. z</p>", "<p>Unbound <x."),
    ("<p>Broken <b>nesting</p></b>. z</p>", "<p>Broken <b>nesting</p></b>."),
    # A bound prefix is fine.
    ('<p xmlns:x="urn:x">Bound <x:y>prefix</x:y>. z</p>', "Bound prefix."),
    # The parser turns every line end into "\n", which becomes a space.
    ("Carriage\r\nreturn\rends. z", "Carriage return ends."),
    ("", ""),
    ("<p></p>", ""),
    (" ", " ."),
]


@pytest.mark.parametrize("documentation,expected", DOC_OVERVIEWS)
def test_doc_overview(documentation, expected):
    assert overview(documentation) == expected

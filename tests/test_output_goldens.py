"""`output.render` against AWS CLI v2's recorded stdout for the conformance cases.

Each case's canned HTTP response is parsed by botocore's own parser, as the
CLI would, then ResponseMetadata is dropped and the case's --query applied;
the rendered text must equal v2's stdout byte for byte.
"""

from __future__ import annotations

import json

import pytest

import output

from tests.paths import CONFORMANCE, require_shared

require_shared()
# Cases whose stdout is not decided by the formatter alone.
NOT_FORMATTER = {
    "output.misc.invalid_output_value": "argparse error",
    "output.misc.timestamp_format_wire": "timestamp parsing is the engine's",
}
PAGINATED = "paginated: output built page by page by the engine"


def _load(topic):
    cases_file = CONFORMANCE / "cases" / "public" / f"{topic}.jsonl"
    golden_file = CONFORMANCE / "golden" / "public" / f"{topic}.jsonl"
    if not cases_file.exists():
        return []
    goldens = {}
    for line in golden_file.read_text().splitlines():
        golden = json.loads(line)
        goldens[golden["id"]] = golden
    cases = [json.loads(line) for line in cases_file.read_text().splitlines()]
    return [(case, goldens[case["id"]]) for case in cases if case["id"] in goldens]


def _option(argv, name, default=None):
    if name in argv:
        return argv[argv.index(name) + 1]
    return default


def _parse(case):
    """The parsed response botocore gives for the case's (first) canned answer."""
    import botocore.parsers
    import botocore.session

    argv = case["argv"]
    service, command = argv[0], argv[1]
    model = botocore.session.get_session().get_service_model(service)
    from botocore import xform_name

    op_name = next(op for op in model.operation_names if xform_name(op, "-") == command)
    operation = model.operation_model(op_name)
    canned = case["responses"][0]
    if "json" in canned:
        body = json.dumps(canned["json"]).encode()
    else:
        body = canned.get("body", "").encode()
    response = {
        "status_code": canned.get("status", 200),
        "headers": canned.get("headers", {}),
        "body": body,
    }
    from cli.dispatch import iso_timestamp

    factory = botocore.parsers.ResponseParserFactory()
    factory.set_parser_defaults(timestamp_parser=iso_timestamp)  # as a call does
    parser = factory.create_parser(model.metadata["protocol"])
    parsed = parser.parse(response, operation.output_shape)
    parsed.pop("ResponseMetadata", None)
    return _full_result(service, op_name, parsed), op_name


def _full_result(service, op_name, page):
    """What a paginator's full result keeps of a single page: no token keys."""
    import botocore.session

    session = botocore.session.get_session()
    try:
        config = session.get_paginator_model(service).get_paginator(op_name)
    except Exception:
        return page
    drop = set()
    for key in ("output_token", "more_results"):
        value = config.get(key)
        drop.update(value if isinstance(value, list) else [value] if value else [])
    return {key: value for key, value in page.items() if key not in drop}


def _cases():
    for case, golden in _load("output"):
        if case["id"] in NOT_FORMATTER or golden["exit_code"] != 0:
            continue
        yield pytest.param(case, golden, id=case["id"])


@pytest.mark.parametrize("case,golden", list(_cases()))
def test_render_matches_v2(case, golden):
    import jmespath

    data, op_name = _parse(case)
    argv = case["argv"]
    query = _option(argv, "--query")
    if query is not None:
        data = jmespath.search(query, data)
    config = case.get("config") or ""
    fmt = _option(argv, "--output") or (case.get("env") or {}).get("AWS_DEFAULT_OUTPUT") or "json"
    if "output = " in config and "--output" not in argv:
        fmt = config.split("output = ")[1].split()[0]
    color = _option(argv, "--color") == "on"
    assert output.render(data, fmt, color=color, title=op_name) == golden["stdout"]

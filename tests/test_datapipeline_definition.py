"""datapipeline put-/get-pipeline-definition: the definition file <-> API objects translation
(tables), the request on the wire (recording server), v2's errors, and a round trip
through a real moto server."""

from __future__ import annotations

import json
import os

import pytest

from tests.conftest import V2_SOURCE

from cli.commands import datapipeline as dp
from tests.runner import run

DEFINITION = {
    "objects": [
        {"id": "Default", "scheduleType": "cron", "schedule": {"ref": "Daily"},
         "role": "DataPipelineDefaultRole"},
        {"id": "Daily", "name": "Every day", "type": "Schedule", "period": "1 day",
         "tags": ["a", "b"], "inputs": [{"ref": "In1"}, {"ref": "In2"}]},
    ],
    "parameters": [{"id": "myInput", "type": "AWS::S3::ObjectKey", "description": "in"}],
    "values": {"myInput": "s3://bucket/in", "myList": ["x", "y"]},
}

API_OBJECTS = [
    {"id": "Default", "name": "Default", "fields": [
        {"key": "role", "stringValue": "DataPipelineDefaultRole"},
        {"key": "schedule", "refValue": "Daily"},
        {"key": "scheduleType", "stringValue": "cron"}]},
    {"id": "Daily", "name": "Every day", "fields": [
        {"key": "inputs", "refValue": "In1"}, {"key": "inputs", "refValue": "In2"},
        {"key": "period", "stringValue": "1 day"},
        {"key": "tags", "stringValue": "a"}, {"key": "tags", "stringValue": "b"},
        {"key": "type", "stringValue": "Schedule"}]},
]
API_PARAMETERS = [{"id": "myInput", "attributes": [
    {"key": "description", "stringValue": "in"},
    {"key": "type", "stringValue": "AWS::S3::ObjectKey"}]}]
API_VALUES = [{"id": "myInput", "stringValue": "s3://bucket/in"},
              {"id": "myList", "stringValue": "x"}, {"id": "myList", "stringValue": "y"}]


def test_definition_to_api():
    assert dp.objects_to_api(DEFINITION) == API_OBJECTS
    assert dp.parameters_to_api(DEFINITION) == API_PARAMETERS
    assert dp.values_to_api(DEFINITION) == API_VALUES
    assert dp.parameters_to_api({"objects": []}) is None
    assert dp.values_to_api({"objects": []}) is None


def test_api_to_definition_gathers_repeated_keys_into_lists():
    response = {"pipelineObjects": API_OBJECTS, "parameterObjects": API_PARAMETERS,
                "parameterValues": API_VALUES}
    back = dp.api_to_definition(response)
    assert back["objects"][1] == {**DEFINITION["objects"][1]}
    assert back["objects"][0] == {"id": "Default", "name": "Default",
                                  **{k: v for k, v in DEFINITION["objects"][0].items()
                                     if k != "id"}}
    assert back["parameters"] == DEFINITION["parameters"]
    assert back["values"] == DEFINITION["values"]
    assert "pipelineObjects" in response  # the response itself is left alone


@pytest.mark.parametrize("words, expected", [
    (["a=1"], [{"id": "a", "stringValue": "1"}]),
    (["a=1", "a=2", "b=x=y"], [{"id": "a", "stringValue": "1"}, {"id": "a", "stringValue": "2"},
                               {"id": "b", "stringValue": "x=y"}]),
    (["a="], [{"id": "a", "stringValue": ""}]),
])
def test_inline_values(words, expected):
    assert dp.inline_values(words) == expected


ERROR = "\naws: [ERROR]: An error occurred (ParamValidation): {}\n"


@pytest.mark.parametrize("extra, definition, message, code", [
    ([], '{"x": 1}', ERROR.format('Error in pipeline definition: Missing "objects" key'), 252),
    ([], '{"objects": [{"name": "n"}]}',
     ERROR.format('Error in pipeline definition: Missing "id" key of element: {"name": "n"}'),
     252),
    ([], '{"objects": [], "parameters": [{"type": "t"}]}',
     ERROR.format('Error in pipeline definition: Missing "id" key of parameter: {"type": "t"}'),
     252),
    # v2: its decoder's bare message, exit 255; here the option is named, as for any JSON
    ([], "nope", ERROR.format("Error parsing parameter '--pipeline-definition': Invalid JSON: "
                              "Expecting value: line 1 column 1 (char 0)\nJSON received: nope"),
     252),
    (["--parameter-values", "a=b", "c"], '{"objects": []}',
     ERROR.format("Error in parameter: Invalid inline parameter format: c"), 252),
    (["--parameter-values-uri", '{"values": {}}'], '{"objects": [], "values": {"a": "b"}}',
     ERROR.format("Only parameter-values or parameter-values-uri is allowed"), 252),
])
def test_v2s_errors(recorder, extra, definition, message, code):
    env = {**os.environ, "AWS_ENDPOINT_URL": recorder.endpoint, "AWS_ACCESS_KEY_ID": "t",
           "AWS_SECRET_ACCESS_KEY": "t", "AWS_DEFAULT_REGION": "us-east-1"}
    result = run(["datapipeline", "put-pipeline-definition", "--pipeline-id", "df-1",
                  "--pipeline-definition", definition, *extra], env)
    assert (result.stderr, result.exit_code) == (message, code)
    assert recorder.requests == []


def _sent(recorder, tmp_path, *extra: str, definition: dict = DEFINITION) -> dict:
    path = tmp_path / "pipeline.json"
    path.write_text(json.dumps(definition))
    env = {**os.environ, "AWS_ENDPOINT_URL": recorder.endpoint, "AWS_ACCESS_KEY_ID": "t",
           "AWS_SECRET_ACCESS_KEY": "t", "AWS_DEFAULT_REGION": "us-east-1"}
    result = run(["datapipeline", "put-pipeline-definition", "--pipeline-id", "df-1",
                  "--pipeline-definition", f"file://{path}", *extra], env)
    assert result.exit_code == 0, result.stderr
    (request,) = recorder.requests
    headers = {key.lower(): value for key, value in request.headers.items()}
    assert headers["x-amz-target"] == "DataPipeline.PutPipelineDefinition"
    return request.json()


def test_request_from_a_definition_file(recorder, tmp_path):
    assert _sent(recorder, tmp_path) == {
        "pipelineId": "df-1", "pipelineObjects": API_OBJECTS,
        "parameterObjects": API_PARAMETERS, "parameterValues": API_VALUES}


def test_command_line_parameters_replace_the_definitions(recorder, tmp_path):
    params = tmp_path / "params.json"
    params.write_text(json.dumps({"parameters": [{"id": "other", "type": "String"}]}))
    sent = _sent(recorder, tmp_path, "--parameter-objects", f"file://{params}",
                 "--parameter-values", "k=1", "k=2")
    assert sent["parameterObjects"] == [
        {"id": "other", "attributes": [{"key": "type", "stringValue": "String"}]}]
    assert sent["parameterValues"] == [{"id": "k", "stringValue": "1"},
                                       {"id": "k", "stringValue": "2"}]


def test_values_uri_when_the_definition_has_none(recorder, tmp_path):
    values = tmp_path / "values.json"
    values.write_text(json.dumps({"values": {"v": "1"}}))
    sent = _sent(recorder, tmp_path, "--parameter-values-uri", f"file://{values}",
                 definition={"objects": [{"id": "o"}]})
    assert sent == {"pipelineId": "df-1", "parameterValues": [{"id": "v", "stringValue": "1"}],
                    "pipelineObjects": [{"id": "o", "name": "o", "fields": []}]}


EXAMPLE = os.path.join(V2_SOURCE or "", "awscli/examples/datapipeline/get-pipeline-definition.rst")


@pytest.mark.v2_reference(needs="source")
def test_published_example_round_trips_through_moto(moto, tmp_path):
    """AWS's published definition (the output shown in v2's get-pipeline-definition
    example, read from v2's source, not copied here) put with the published command line,
    then got back: the same objects (moto keeps no parameter objects or values)."""
    text = open(EXAMPLE).read().split("example output::", 1)[1]
    definition = json.loads("\n".join(line[2:] for line in text.splitlines()))
    path = tmp_path / "my-pipeline-definition.json"
    path.write_text(json.dumps(definition))
    env = moto.environ()
    created = run(["datapipeline", "create-pipeline", "--name", "p", "--unique-id", "u"], env)
    pipeline_id = json.loads(created.stdout)["pipelineId"]
    put = run(["datapipeline", "put-pipeline-definition", "--pipeline-id", pipeline_id,
               "--pipeline-definition", f"file://{path}"], env)
    assert (put.stderr, put.exit_code) == ("", 0)
    assert json.loads(put.stdout) == {"errored": False}
    got = run(["datapipeline", "get-pipeline-definition", "--pipeline-id", pipeline_id], env)
    assert got.exit_code == 0, got.stderr
    back = json.loads(got.stdout)

    def by_id(items):
        return {item["id"]: {**item, "name": item.get("name", item["id"])} for item in items}

    assert by_id(back["objects"]) == by_id(definition["objects"])

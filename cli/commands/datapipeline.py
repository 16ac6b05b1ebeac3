"""`aws datapipeline put-pipeline-definition` / `get-pipeline-definition` with v2's definition file.

AWS Data Pipeline's definition file writes each object as one JSON object,

    {"objects": [{"id": "Default", "name": "Default", "scheduleType": "cron",
                  "schedule": {"ref": "DailySchedule"}, ...}],
     "parameters": [{"id": "myS3InputLoc", "type": "AWS::S3::ObjectKey", ...}],
     "values": {"myS3InputLoc": "s3://bucket/in", "myTags": ["a", "b"]}}

while the API wants lists of fields: {"id", "name", "fields": [{"key",
"stringValue" | "refValue"}]}, parameter objects with "attributes", and
values as {"id", "stringValue"} pairs. A list value is one field per item;
the API's repeated keys become a list again on the way back. v2 translates
both ways (awscli/customizations/datapipeline/translator.py); so does this
module, in its own code, and these two commands replace the generated
operations of the same names.
"""

from __future__ import annotations

import json

from cli.commands import Argument, HandCommand
from cli.errors import CliError, ExitCode


class DefinitionError(CliError):
    """The definition or a parameter does not fit the file format (v2: ParamValidation, 252)."""

    exit_code = ExitCode.USAGE
    code = "ParamValidation"


# -- definition file -> API -----------------------------------------------------


def _field(key: str, value) -> dict:
    if isinstance(value, dict) and list(value) == ["ref"]:
        return {"key": key, "refValue": value["ref"]}
    return {"key": key, "stringValue": value}


def _fields(element: dict) -> list[dict]:
    """An object's keys (sorted, as v2 sends them) as fields; a list is one field per item."""
    fields = []
    for key, value in sorted(element.items()):
        for item in value if isinstance(value, list) else [value]:
            fields.append(_field(key, item))
    return fields


def _without_id(element: dict, what: str) -> tuple[str, dict]:
    if not isinstance(element, dict) or "id" not in element:
        raise DefinitionError(f"Error in pipeline definition: Missing \"id\" key of {what}: "
                              f"{json.dumps(element)}")
    rest = dict(element)
    return rest.pop("id"), rest


def objects_to_api(definition: dict) -> list[dict]:
    """The definition's "objects" as the API's pipelineObjects (a name defaults to the id)."""
    if "objects" not in definition:
        raise DefinitionError('Error in pipeline definition: Missing "objects" key')
    api_objects = []
    for element in definition["objects"]:
        object_id, rest = _without_id(element, "element")
        name = rest.pop("name", object_id)
        api_objects.append({"id": object_id, "name": name, "fields": _fields(rest)})
    return api_objects


def parameters_to_api(definition: dict) -> list[dict] | None:
    """The definition's "parameters" as parameterObjects; None when it has none."""
    if "parameters" not in definition:
        return None
    parameter_objects = []
    for element in definition["parameters"]:
        parameter_id, rest = _without_id(element, "parameter")
        parameter_objects.append({"id": parameter_id, "attributes": _fields(rest)})
    return parameter_objects


def values_to_api(definition: dict) -> list[dict] | None:
    """The definition's "values" as parameterValues; None when it has none."""
    if "values" not in definition:
        return None
    pairs = []
    for key, value in definition["values"].items():
        for item in value if isinstance(value, list) else [value]:
            pairs.append({"id": key, "stringValue": item})
    return pairs


def inline_values(words: list[str]) -> list[dict]:
    """--parameter-values key=value ...: a key given again makes a list."""
    values: dict = {}
    for word in words:
        if "=" not in word:
            raise DefinitionError(f"Error in parameter: Invalid inline parameter format: {word}")
        key, value = word.split("=", 1)
        _add(values, key, value)
    return values_to_api({"values": values})


# -- API -> definition file -----------------------------------------------------


def _add(mapping: dict, key: str, value) -> None:
    """A key met again turns its value into a list (the API repeats keys for lists)."""
    if key not in mapping:
        mapping[key] = value
    elif isinstance(mapping[key], list):
        mapping[key].append(value)
    else:
        mapping[key] = [mapping[key], value]


def api_to_definition(response: dict) -> dict:
    """GetPipelineDefinition's response with its objects in the definition file's shape."""
    result = dict(response)
    if "pipelineObjects" in result:
        objects = []
        for element in result.pop("pipelineObjects"):
            current = {"id": element["id"], "name": element["name"]}
            for field in element["fields"]:
                value = field["stringValue"] if "stringValue" in field else \
                    {"ref": field["refValue"]}
                _add(current, field["key"], value)
            objects.append(current)
        result["objects"] = objects
    if "parameterObjects" in result:
        parameters = []
        for element in result.pop("parameterObjects"):
            current = {"id": element["id"]}
            for attribute in element["attributes"]:
                _add(current, attribute["key"], attribute["stringValue"])
            parameters.append(current)
        result["parameters"] = parameters
    if "parameterValues" in result:
        values: dict = {}
        for element in result.pop("parameterValues"):
            _add(values, element["id"], element["stringValue"])
        result["values"] = values
    return result


# -- the commands -----------------------------------------------------------------


def _json_argument(text: str, cli_name: str):
    """A JSON argument, read from file:// first, as every JSON argument is read (cli.values):
    bad JSON names the option (exit 252), where v2 prints the bare decoder message (255)."""
    from cli.values import FILE_PREFIXES, json_argument, load_file

    if text.startswith(FILE_PREFIXES):
        text = load_file(text, cli_name)
    return json_argument(text, cli_name)


def put_request(values: dict) -> dict:
    """PutPipelineDefinition's parameters, built in v2's order: --parameter-objects and
    --parameter-values first, then the definition fills in what they left out, then
    --parameter-values-uri, which may not meet values already given (from either)."""
    request = {"pipelineId": values["pipeline_id"]}
    if values["parameter_objects"] is not None:
        parsed = _json_argument(values["parameter_objects"], "--parameter-objects")
        request["parameterObjects"] = parameters_to_api(parsed)
    if values["parameter_values"] is not None:
        request["parameterValues"] = inline_values(values["parameter_values"])
    definition = _json_argument(values["pipeline_definition"], "--pipeline-definition")
    request["pipelineObjects"] = objects_to_api(definition)
    for key, made in (("parameterObjects", parameters_to_api(definition)),
                      ("parameterValues", values_to_api(definition))):
        if key not in request and made is not None:
            request[key] = made
    if values["parameter_values_uri"] is not None:
        if request.get("parameterValues") is not None:
            raise DefinitionError("Only parameter-values or parameter-values-uri is allowed")
        parsed = _json_argument(values["parameter_values_uri"], "--parameter-values-uri")
        request["parameterValues"] = values_to_api(parsed)
    return request


def run_put(values: dict, context) -> int:
    request = put_request(values)
    response = context.client("datapipeline").put_pipeline_definition(**request)
    response.pop("ResponseMetadata", None)
    return context.print_result(response)


def run_get(values: dict, context) -> int:
    request = {"pipelineId": values["pipeline_id"]}
    if values["pipeline_version"] is not None:
        request["version"] = values["pipeline_version"]
    response = context.client("datapipeline").get_pipeline_definition(**request)
    response.pop("ResponseMetadata", None)
    return context.print_result(api_to_definition(response))


_PIPELINE_ID = Argument("pipeline-id", required=True, documentation="The ID of the pipeline.")

COMMANDS = (
    HandCommand(
        ("datapipeline", "put-pipeline-definition"), run_put,
        summary="Add or replace a pipeline's definition, given as a definition file.",
        description=(
            "Sends a pipeline definition to AWS Data Pipeline. The definition is the "
            "definition file's JSON (\"objects\", and optionally \"parameters\" and "
            "\"values\"), usually given as file://path; it is turned into the API's "
            "pipeline objects: each key of an object becomes a field, a {\"ref\": id} value a "
            "reference, a list one field per item.\n\n"
            "Parameter objects and values given on the command line take the place of "
            "those in the definition."
        ),
        arguments=(
            _PIPELINE_ID,
            Argument("parameter-objects", documentation=(
                "Parameter objects as JSON with a \"parameters\" list (file://path reads a "
                "file); they replace the definition's.")),
            Argument("parameter-values", nargs="+", documentation=(
                "Parameter values as key=value words; a key given again makes a list value. "
                "They replace the definition's.")),
            Argument("pipeline-definition", required=True, documentation=(
                "The pipeline definition as JSON, or file://path to read it from a file.")),
            Argument("parameter-values-uri", documentation=(
                "Parameter values as JSON with a \"values\" object (file://path reads a "
                "file); not together with --parameter-values or values in the definition.")),
        ),
        examples=(
            "To upload a pipeline's definition from a file::\n\n"
            "    aws datapipeline put-pipeline-definition --pipeline-id df-0123456789ABCDEFGHIJ "
            "--pipeline-definition file://pipeline.json",
        ),
        output="validationErrors, validationWarnings and errored, as the API returns them.",
    ),
    HandCommand(
        ("datapipeline", "get-pipeline-definition"), run_get,
        summary="Print a pipeline's definition in the definition file's format.",
        description=(
            "Gets the definition of a pipeline and prints it as a definition file: "
            "\"objects\", \"parameters\" and \"values\", each object's fields as its keys "
            "(references as {\"ref\": id}, repeated fields as lists). The output can be "
            "given back to put-pipeline-definition."
        ),
        arguments=(
            _PIPELINE_ID,
            Argument("pipeline-version", documentation=(
                "Which version to get: active (the last activated) or latest (the last "
                "saved, the default).")),
        ),
        examples=(
            "To save a pipeline's definition to a file::\n\n"
            "    aws datapipeline get-pipeline-definition --pipeline-id df-0123456789ABCDEFGHIJ "
            "> pipeline.json",
        ),
        output="The pipeline definition: objects, parameters and values.",
    ),
)

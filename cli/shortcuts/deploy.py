"""deploy: a revision's location given as --s3-location or --github-location."""

from __future__ import annotations

from cli.errors import ParamError, ValidationError
from cli.options import Option

_S3_MEMBERS = ("bucket", "key", "bundleType", "eTag", "version")


def _fields(value: str, cli_name: str) -> dict:
    """key=value,... shorthand or a JSON object."""
    if value.lstrip().startswith("{"):
        import json

        try:
            return json.loads(value)
        except ValueError as e:
            raise ParamError(cli_name, f"Invalid JSON: {e}\nJSON received: {value}") from None
    import shorthand

    try:
        parsed = shorthand.parse(value)
    except shorthand.ShorthandError as e:
        raise ParamError(cli_name, str(e)) from None
    return parsed if isinstance(parsed, dict) else {}


def _s3_location(value: str, params: dict) -> None:
    fields = _fields(value, "--s3-location")
    if not all(fields.get(k) for k in ("bucket", "key", "bundleType")):
        raise ValidationError("--s3-location must specify bucket, key and bundleType.")
    params["revision"] = {"revisionType": "S3", "s3Location": {
        k: fields[k] for k in _S3_MEMBERS if k in fields}}


def _github_location(value: str, params: dict) -> None:
    fields = _fields(value, "--github-location")
    if not all(fields.get(k) for k in ("repository", "commitId")):
        raise ValidationError("--github-location must specify repository and commitId.")
    params["revision"] = {"revisionType": "GitHub", "gitHubLocation": {
        "repository": fields["repository"], "commitId": fields["commitId"]}}


_LOCATIONS = (
    (Option("s3-location", "string",
            "Where the revision is in Amazon S3: bucket=...,key=...,bundleType=tar|tgz|zip, "
            "optionally eTag=... and version=...."), _s3_location),
    (Option("github-location", "string",
            "Where the revision is in GitHub: repository=account/repository,commitId=SHA1."),
     _github_location),
)

EXTRA_ARGUMENTS = {("deploy", operation): _LOCATIONS for operation in (
    "create-deployment", "get-application-revision", "register-application-revision")}

"""`cloudformation package`'s work: a template's local artifacts uploaded, the template rewritten.

Which properties of which resource types name local files or folders is data
(ARTIFACTS below, the same list v2 packages). A property that names a folder
is zipped (files only, paths relative to the folder); a file is uploaded as it
is, or zipped first when the type needs a zip (Lambda code); a missing
property means the template's own folder when the type allows it. Relative
paths are relative to the template's folder. The property becomes the
object's s3:// URL, or a {bucket, key[, version]} object for the types that
want one; an s3:// URL or an object (an intrinsic function) is left alone.

Nested stacks (AWS::CloudFormation::Stack TemplateURL, AWS::Serverless::
Application Location) naming a local template are packaged the same way,
their result uploaded as MD5.template and the property set to its
path-style https URL. `Fn::Transform` AWS::Include locations anywhere in the
template, and the ServerlessRepo metadata's readme and licence, are uploaded too.
"""

from __future__ import annotations

import os
from typing import NamedTuple

from cli.commands.cloudformation.uploader import is_s3_url, parse_s3_url
from cli.errors import CliError


class Artifact(NamedTuple):
    resource_type: str
    prop: str  # a property path; "Command.ScriptLocation" is nested
    package_missing: bool = True  # no value: package the template's folder
    force_zip: bool = False  # a single file is zipped before it goes up
    as_object: tuple[str, str, str | None] | None = None  # (bucket, key, version) names
    nested_template: bool = False


_S3 = ("Bucket", "Key", "Version")

ARTIFACTS: tuple[Artifact, ...] = (
    Artifact("AWS::Serverless::Function", "CodeUri", force_zip=True),
    Artifact("AWS::Serverless::Api", "DefinitionUri", package_missing=False),
    Artifact("AWS::AppSync::GraphQLSchema", "DefinitionS3Location", package_missing=False),
    Artifact("AWS::AppSync::Resolver", "RequestMappingTemplateS3Location",
             package_missing=False),
    Artifact("AWS::AppSync::Resolver", "ResponseMappingTemplateS3Location",
             package_missing=False),
    Artifact("AWS::AppSync::FunctionConfiguration", "RequestMappingTemplateS3Location",
             package_missing=False),
    Artifact("AWS::AppSync::FunctionConfiguration", "ResponseMappingTemplateS3Location",
             package_missing=False),
    Artifact("AWS::ApiGateway::RestApi", "BodyS3Location", package_missing=False,
             as_object=_S3),
    Artifact("AWS::Lambda::Function", "Code", force_zip=True,
             as_object=("S3Bucket", "S3Key", "S3ObjectVersion")),
    Artifact("AWS::ElasticBeanstalk::ApplicationVersion", "SourceBundle",
             as_object=("S3Bucket", "S3Key", None)),
    Artifact("AWS::CloudFormation::Stack", "TemplateURL", nested_template=True),
    Artifact("AWS::Serverless::Application", "Location", nested_template=True),
    Artifact("AWS::Serverless::LayerVersion", "ContentUri", force_zip=True),
    Artifact("AWS::Lambda::LayerVersion", "Content", force_zip=True,
             as_object=("S3Bucket", "S3Key", "S3ObjectVersion")),
    Artifact("AWS::Glue::Job", "Command.ScriptLocation"),
    Artifact("AWS::StepFunctions::StateMachine", "DefinitionS3Location",
             package_missing=False, as_object=_S3),
    Artifact("AWS::Serverless::StateMachine", "DefinitionUri", package_missing=False,
             as_object=_S3),
    Artifact("AWS::CodeCommit::Repository", "Code.S3", package_missing=False, force_zip=True,
             as_object=("Bucket", "Key", "ObjectVersion")),
)

METADATA_ARTIFACTS: tuple[Artifact, ...] = (
    Artifact("AWS::ServerlessRepo::Application", "ReadmeUrl", package_missing=False),
    Artifact("AWS::ServerlessRepo::Application", "LicenseUrl", package_missing=False),
)


class ExportError(CliError):
    """An artifact that could not be packaged (v2: exit 255, its messages)."""


def invalid_local_path(resource_id: str, prop: str, path) -> ExportError:
    return ExportError(f"Parameter {prop} of resource {resource_id} refers to a file or "
                       f"folder that does not exist {path}")


# -- property paths -----------------------------------------------------------


def _get(properties: dict, path: str):
    value = properties
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _set(properties: dict, path: str, value) -> None:
    *parents, last = path.split(".")
    for part in parents:
        properties = properties.setdefault(part, {})
    properties[last] = value


def _absolute(folder: str, path):
    if isinstance(path, str) and not os.path.isabs(path):
        return os.path.normpath(os.path.join(folder, path))
    return path


def _is_file(path) -> bool:
    return isinstance(path, str) and os.path.isfile(path)


def _is_folder(path) -> bool:
    return isinstance(path, str) and os.path.isdir(path)


# -- zips ---------------------------------------------------------------------


def make_zip(folder: str, zip_path: str) -> str:
    """The files under `folder` (links followed), named relative to it, deflated."""
    import zipfile

    folder = os.path.abspath(folder)
    with open(zip_path, "wb") as f, zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as archive:
        for root, _dirs, files in os.walk(folder, followlinks=True):
            for name in files:
                full = os.path.join(root, name)
                archive.write(full, os.path.relpath(full, folder))
    return zip_path


def _upload_folder(folder: str, uploader) -> str:
    import tempfile

    with tempfile.TemporaryDirectory(prefix="shapecli-package-") as scratch:
        return uploader.upload_with_dedup(make_zip(folder, os.path.join(scratch, "data.zip")))


# -- exporting ----------------------------------------------------------------


class Exporter:
    """Packages one template file (and, through it, its nested templates)."""

    def __init__(self, uploader):
        self.uploader = uploader

    def export_file(self, template_path: str, parent_dir: str) -> dict:
        """The template at `template_path` (relative to `parent_dir`), its artifacts uploaded."""
        from cli.commands.cloudformation import templates

        path = _absolute(parent_dir, template_path)
        with open(path, encoding="utf-8") as f:
            template = templates.parse(f.read())
        return self.export(template, os.path.dirname(path))

    def export(self, template: dict, folder: str) -> dict:
        metadata = template.get("Metadata")
        if isinstance(metadata, dict):
            for kind, section in metadata.items():
                for artifact in METADATA_ARTIFACTS:
                    if artifact.resource_type == kind:
                        self._export_artifact(artifact, kind, section, folder)
        if "Resources" not in template:
            return template
        self._export_includes(template, folder)
        self._export_resources(template["Resources"], folder)
        return template

    def _export_includes(self, node: dict, folder: str) -> None:
        for key, value in node.items():
            if key == "Fn::Transform":
                self._export_include(value, folder)
            elif isinstance(value, dict):
                self._export_includes(value, folder)
            elif isinstance(value, list):
                for item in value:
                    if isinstance(item, dict):
                        self._export_includes(item, folder)

    def _export_include(self, transform, folder: str) -> None:
        if not isinstance(transform, dict) or transform.get("Name") != "AWS::Include":
            return
        parameters = transform.get("Parameters") or {}
        location = parameters.get("Location")
        if not location or not isinstance(location, str) or is_s3_url(location):
            return
        path = os.path.join(folder, location)
        if not _is_file(path):
            raise invalid_local_path("AWS::Include", "Location", path)
        parameters["Location"] = self.uploader.upload_with_dedup(path)

    def _export_resources(self, resources: dict, folder: str) -> None:
        for resource_id, resource in resources.items():
            if resource_id.startswith("Fn::ForEach::"):
                if not isinstance(resource, list) or len(resource) != 3:
                    raise ExportError(f'The value of {resource_id} has an invalid '
                                      f'"Fn::ForEach::" format: Must be a list of three entries')
                self._export_resources(resource[2], folder)
                continue
            if not isinstance(resource, dict):
                continue
            for artifact in ARTIFACTS:
                if artifact.resource_type == resource.get("Type"):
                    self._export_artifact(artifact, resource_id, resource.get("Properties"),
                                          folder)

    def _export_artifact(self, artifact: Artifact, resource_id: str, properties,
                         folder: str) -> None:
        if properties is None:
            return
        value = _get(properties, artifact.prop)
        if not value and not artifact.package_missing:
            return
        if isinstance(value, dict):
            return  # an intrinsic function or an S3 location object
        import shutil
        import tempfile

        scratch = None
        # like v2, a file to zip is looked for relative to the working folder here
        if artifact.force_zip and _is_file(value) and not _is_zip(value):
            scratch = tempfile.mkdtemp(prefix="shapecli-package-")
            shutil.copy(value, os.path.join(scratch, os.path.basename(value)))
            _set(properties, artifact.prop, scratch)
        try:
            if artifact.nested_template:
                self._export_nested(artifact, resource_id, properties, folder)
            else:
                self._export_local(artifact, resource_id, properties, folder)
        except Exception as error:
            raise ExportError(f"Unable to upload artifact {value} referenced by "
                              f"{artifact.prop} parameter of {resource_id} resource."
                              f"\n{_describe(error)}") from None
        finally:
            if scratch:
                shutil.rmtree(scratch, ignore_errors=True)

    def _export_local(self, artifact: Artifact, resource_id: str, properties: dict,
                      folder: str) -> None:
        url = self._upload_local(resource_id, properties, artifact.prop, folder)
        if artifact.as_object is not None:
            bucket, key, version = artifact.as_object
            _set(properties, artifact.prop, parse_s3_url(url, bucket, key, version))
        else:
            _set(properties, artifact.prop, url)

    def _upload_local(self, resource_id: str, properties: dict, prop: str,
                      folder: str) -> str:
        path = _get(properties, prop)
        if path is None:
            path = folder
        if is_s3_url(path):
            return path
        path = _absolute(folder, path)
        if _is_folder(path):
            return _upload_folder(path, self.uploader)
        if _is_file(path):
            return self.uploader.upload_with_dedup(path)
        raise invalid_local_path(resource_id, prop, path)

    def _export_nested(self, artifact: Artifact, resource_id: str, properties: dict,
                       folder: str) -> None:
        from cli.commands.cloudformation import templates

        location = properties.get(artifact.prop)
        if location is None or is_s3_url(location) or location.startswith(
                ("http://", "https://")):
            return
        path = _absolute(folder, location)
        if not _is_file(path):
            raise ExportError(f"{artifact.prop} parameter of {resource_id} resource is "
                              "invalid. It must be a S3 URL or path to CloudFormation "
                              f"template file. Actual: {path}")
        exported = Exporter(self.uploader).export_file(location, folder)
        url = self.upload_template(templates.dump(exported))
        _set(properties, artifact.prop, url)

    def upload_template(self, text: str) -> str:
        """A template's text uploaded as MD5.template; its path-style https URL."""
        import tempfile

        with tempfile.TemporaryDirectory(prefix="shapecli-package-") as scratch:
            path = os.path.join(scratch, "template")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            url = self.uploader.upload_with_dedup(path, "template")
        parts = parse_s3_url(url, version_key="Version")
        return self.uploader.path_style_url(parts["Key"], parts.get("Version"))


def _is_zip(path: str) -> bool:
    import zipfile

    return zipfile.is_zipfile(path)


def _describe(error: Exception) -> str:
    """An error's text as v2 prints it inside "Unable to upload artifact ...": str() of it."""
    return error.message if isinstance(error, CliError) else str(error)

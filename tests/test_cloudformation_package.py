"""`aws cloudformation package` against moto's S3: each kind of artifact uploaded under its
MD5 and the template rewritten as v2 rewrites it, nested stacks, AWS::Include, the
ServerlessRepo metadata, de-duplication and --force-upload, --use-json, the output file
and v2's messages and errors."""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile

import pytest

from cli.commands.cloudformation import exporter, templates
from tests.runner import run

TEMPLATE = """\
AWSTemplateFormatVersion: '2010-09-09'
Metadata:
  AWS::ServerlessRepo::Application:
    Name: app
    ReadmeUrl: README.md
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src
      Handler: app.handler
  Plain:
    Type: AWS::Lambda::Function
    Properties:
      Code: single.py
      Role: !GetAtt Role.Arn
  Remote:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: s3://elsewhere/code.zip
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      BodyS3Location: api.json
  Glue:
    Type: AWS::Glue::Job
    Properties:
      Command:
        ScriptLocation: script.py
  Child:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: nested/child.yaml
  Included:
    Type: AWS::S3::Bucket
    Properties:
      Fn::Transform:
        Name: AWS::Include
        Parameters:
          Location: include.yaml
"""

CHILD = """\
Resources:
  ChildFn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: ../src
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    files = {"template.yaml": TEMPLATE, "nested/child.yaml": CHILD, "src/app.py": "def h(): 1\n",
             "src/lib/util.py": "X = 1\n", "single.py": "print(1)\n", "api.json": "{}\n",
             "script.py": "print(2)\n", "README.md": "# app\n", "include.yaml": "a: 1\n"}
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)  # v2 looks for a single file to zip from the working folder
    return tmp_path


@pytest.fixture(scope="module")
def bucket(moto):
    name = "package-artifacts"
    result = run(["s3api", "create-bucket", "--bucket", name, "--create-bucket-configuration",
                  "LocationConstraint=us-west-2"], moto.environ())
    assert result.exit_code == 0, result.stderr
    return name


def _object(moto, bucket, key) -> bytes:
    import botocore.session

    client = botocore.session.get_session().create_client(
        "s3", region_name="us-west-2", endpoint_url=moto.endpoint,
        aws_access_key_id="testing", aws_secret_access_key="testing")
    return client.get_object(Bucket=bucket, Key=key)["Body"].read()


def _md5(data: bytes) -> str:
    return hashlib.md5(data).hexdigest()


def test_every_artifact_is_uploaded_and_the_template_rewritten(moto, bucket, project):
    result = run(["cloudformation", "package", "--template-file", "template.yaml",
                  "--s3-bucket", bucket, "--s3-prefix", "p1"], moto.environ())
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("\n")
    out = templates.parse(result.stdout)
    resources = out["Resources"]

    def key_of(url: str) -> str:
        assert url.startswith(f"s3://{bucket}/p1/")
        return url.split("/", 3)[3]

    # a file goes up as it is, under its MD5
    for url, name in ((out["Metadata"]["AWS::ServerlessRepo::Application"]["ReadmeUrl"],
                       "README.md"),
                      (resources["Glue"]["Properties"]["Command"]["ScriptLocation"],
                       "script.py"),
                      (resources["Included"]["Properties"]["Fn::Transform"]["Parameters"]
                       ["Location"], "include.yaml")):
        data = (project / name).read_bytes()
        assert key_of(url) == f"p1/{_md5(data)}"
        assert _object(moto, bucket, key_of(url)) == data
    # a folder goes up zipped, its files named relative to it
    zipped = _object(moto, bucket, key_of(resources["Fn"]["Properties"]["CodeUri"]))
    assert sorted(zipfile.ZipFile(io.BytesIO(zipped)).namelist()) == ["app.py", "lib/util.py"]
    assert key_of(resources["Fn"]["Properties"]["CodeUri"]) == f"p1/{_md5(zipped)}"
    # Lambda code: a single file zipped, the property an {S3Bucket, S3Key} object
    code = resources["Plain"]["Properties"]["Code"]
    assert set(code) == {"S3Bucket", "S3Key"} and code["S3Bucket"] == bucket
    archive = zipfile.ZipFile(io.BytesIO(_object(moto, bucket, code["S3Key"])))
    assert archive.namelist() == ["single.py"]
    assert resources["Plain"]["Properties"]["Role"] == {"Fn::GetAtt": ["Role", "Arn"]}
    api = resources["Api"]["Properties"]["BodyS3Location"]
    assert api == {"Bucket": bucket, "Key": f"p1/{_md5(b'{}' + bytes([10]))}"}
    assert resources["Remote"]["Properties"]["CodeUri"] == "s3://elsewhere/code.zip"


def test_nested_stack_is_packaged_and_uploaded_as_a_template(moto, bucket, project):
    result = run(["cloudformation", "package", "--template-file", "template.yaml",
                  "--s3-bucket", bucket], moto.environ())
    assert result.exit_code == 0, result.stderr
    url = templates.parse(result.stdout)["Resources"]["Child"]["Properties"]["TemplateURL"]
    prefix = f"{moto.endpoint}/{bucket}/"
    assert url.startswith(prefix) and url.endswith(".template")
    child_text = _object(moto, bucket, url[len(prefix):])
    assert url[len(prefix):] == f"{_md5(child_text)}.template"
    child = templates.parse(child_text.decode())
    # the child's relative path was taken from the child's own folder
    assert child["Resources"]["ChildFn"]["Properties"]["CodeUri"] == \
        templates.parse(result.stdout)["Resources"]["Fn"]["Properties"]["CodeUri"]


def test_uploaded_once_unless_forced(moto, bucket, project):
    env = moto.environ()
    first = run(["cloudformation", "package", "--template-file", "template.yaml",
                 "--s3-bucket", bucket, "--s3-prefix", "dedup"], env)
    readme = f"dedup/{_md5((project / 'README.md').read_bytes())}"
    assert f"\rUploading to {readme}  6 / 6.0  (100.00%)" in first.stderr
    again = run(["cloudformation", "package", "--template-file", "template.yaml",
                 "--s3-bucket", bucket, "--s3-prefix", "dedup"], env)
    assert readme not in again.stderr
    forced = run(["cloudformation", "package", "--template-file", "template.yaml",
                  "--s3-bucket", bucket, "--s3-prefix", "dedup", "--force-upload",
                  "--metadata", "team=core,app=demo"], env)
    assert readme in forced.stderr
    head = json.loads(run(["s3api", "head-object", "--bucket", bucket, "--key", readme],
                          env).stdout)
    assert head["Metadata"] == {"team": "core", "app": "demo"}
    assert head["ServerSideEncryption"] == "AES256"


def test_output_file_and_json(moto, bucket, project):
    result = run(["cloudformation", "package", "--template-file", "template.yaml",
                  "--s3-bucket", bucket, "--output-template-file", "out/packaged.json",
                  "--use-json"], moto.environ())
    assert result.exit_code == 0, result.stderr
    path = os.path.abspath("out/packaged.json")
    assert result.stdout == (
        "\nSuccessfully packaged artifacts and wrote output template to file "
        "out/packaged.json.\nExecute the following command to deploy the packaged template\n"
        f"aws cloudformation deploy --template-file {path} --stack-name <YOUR STACK NAME>\n")
    text = open(path).read()
    assert text.startswith('{\n    "AWSTemplateFormatVersion": "2010-09-09",')
    assert json.loads(text)["Resources"]["Plain"]["Properties"]["Role"] == {
        "Fn::GetAtt": ["Role", "Arn"]}


ERRORS = [
    ("Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties:\n"
     "      CodeUri: missing\n",
     "Unable to upload artifact missing referenced by CodeUri parameter of F resource.\n"
     "Parameter CodeUri of resource F refers to a file or folder that does not exist "
     "{dir}/missing"),
    ("Resources:\n  C:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n"
     "      TemplateURL: missing.yaml\n",
     "Unable to upload artifact missing.yaml referenced by TemplateURL parameter of C "
     "resource.\nTemplateURL parameter of C resource is invalid. It must be a S3 URL or "
     "path to CloudFormation template file. Actual: {dir}/missing.yaml"),
    ("Resources:\n  Fn::ForEach::X: [a, b]\n",
     'The value of Fn::ForEach::X has an invalid "Fn::ForEach::" format: Must be a list '
     "of three entries"),
    ("Resources:\n  B:\n    Properties:\n      Fn::Transform: {Name: AWS::Include, "
     "Parameters: {Location: missing.yaml}}\n",
     "Parameter Location of resource AWS::Include refers to a file or folder that does "
     "not exist {dir}/missing.yaml"),
]


@pytest.mark.parametrize("text, message", ERRORS)
def test_v2s_errors(moto, bucket, tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    result = run(["cloudformation", "package", "--template-file", str(path),
                  "--s3-bucket", bucket], moto.environ())
    assert result == ("", f"\naws: [ERROR]: {message.format(dir=tmp_path)}\n", 255)


def test_missing_bucket_and_missing_template(moto, project):
    env = moto.environ()
    result = run(["cloudformation", "package", "--template-file", "template.yaml",
                  "--s3-bucket", "no-such-bucket-here"], env)
    assert result.exit_code == 255
    assert result.stderr.endswith(
        "\naws: [ERROR]: Unable to upload artifact README.md referenced by ReadmeUrl "
        "parameter of AWS::ServerlessRepo::Application resource.\nS3 Bucket does not exist. "
        "Execute the command to create a new bucket\naws s3 mb s3://no-such-bucket-here\n")
    missing = run(["cloudformation", "package", "--template-file", "nope.yaml",
                   "--s3-bucket", "b"], env)
    assert missing == ("", "\naws: [ERROR]: Invalid template path nope.yaml\n", 255)


def test_the_table_is_v2s_list():
    assert {(a.resource_type, a.prop) for a in exporter.ARTIFACTS} >= {
        ("AWS::Serverless::Function", "CodeUri"), ("AWS::Lambda::Function", "Code"),
        ("AWS::CloudFormation::Stack", "TemplateURL"),
        ("AWS::Serverless::Application", "Location"),
        ("AWS::CodeCommit::Repository", "Code.S3"),
        ("AWS::StepFunctions::StateMachine", "DefinitionS3Location")}
    assert len(exporter.ARTIFACTS) == 18


@pytest.mark.parametrize("text, expected", [
    ("a=b,c=d", {"a": "b", "c": "d"}),
    ('{"a": "b"}', {"a": "b"}),
    (None, None),
])
def test_metadata_forms(text, expected):
    from cli.values import string_map

    assert string_map(text, "--metadata") == expected


def test_metadata_values_must_be_strings():
    result = run(["cloudformation", "package", "--template-file", "t.yaml", "--s3-bucket", "b",
                  "--metadata", '{"a": 1, "b": true}'], {})
    assert result == ("", "\naws: [ERROR]: An error occurred (ParamValidation): Parameter "
                      "validation failed:\nInvalid type for parameter a, value: 1, type: "
                      "<class 'int'>, valid types: <class 'str'>\nInvalid type for parameter "
                      "b, value: True, type: <class 'bool'>, valid types: <class 'str'>\n", 252)


def test_a_large_artifact_goes_up_in_parts_with_v2s_progress_lines(moto, bucket, tmp_path,
                                                                   monkeypatch):
    monkeypatch.chdir(tmp_path)
    body = os.urandom(9 * 1024 * 1024)  # above s3transfer's 8 MB threshold, as v2's
    (tmp_path / "big.json").write_bytes(body)
    (tmp_path / "t.yaml").write_text(
        "Resources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n"
        "    Properties:\n      BodyS3Location: big.json\n")
    result = run(["cloudformation", "package", "--template-file", "t.yaml",
                  "--s3-bucket", bucket, "--s3-prefix", "large"], moto.environ())
    assert result.exit_code == 0, result.stderr
    key = f"large/{_md5(body)}"
    lines = result.stderr.split("\r")[1:]
    assert len(lines) > 1 and all(line.startswith(f"Uploading to {key}  ") for line in lines)
    assert lines[-1] == f"Uploading to {key}  {len(body)} / {float(len(body))}  (100.00%)"
    head = json.loads(run(["s3api", "head-object", "--bucket", bucket, "--key", key],
                          moto.environ()).stdout)
    assert head["ContentLength"] == len(body) and head["ETag"].endswith('-2"')  # two parts

"""`aws cloudformation package`: upload a template's local artifacts, print or write the result."""

from __future__ import annotations

import os

from cli.errors import CliError


class InvalidTemplatePath(CliError):
    def __init__(self, path: str):
        super().__init__(f"Invalid template path {path}")


def s3_uploader(context, values: dict, bucket: str, metadata=None):
    from cli.commands.cloudformation.uploader import Uploader

    client = context.client("s3", signature_version="s3v4")
    return Uploader(client, bucket, values["s3_prefix"], values["kms_key_id"],
                    bool(values["force_upload"]), metadata, progress=context.env.stderr)


def run_package(values: dict, context) -> int:
    import json

    from cli.commands.cloudformation import templates
    from cli.commands.cloudformation.exporter import Exporter
    from cli.values import string_map

    metadata = string_map(values["metadata"], "--metadata")
    path = values["template_file"]
    if not os.path.isfile(path):
        raise InvalidTemplatePath(path)
    uploader = s3_uploader(context, values, values["s3_bucket"], metadata)
    exported = Exporter(uploader).export_file(path, os.getcwd())
    if values["use_json"]:
        text = json.dumps(exported, indent=4, ensure_ascii=False)
    else:
        text = templates.dump(exported)
    out = context.env.stdout
    out.write("\n")
    output_file = values["output_template_file"]
    if output_file is None:
        out.write(text)
        return 0
    from cli.files import write_atomically

    write_atomically(output_file, text.encode("utf-8"))
    out.write(f"Successfully packaged artifacts and wrote output template to file "
              f"{output_file}.\nExecute the following command to deploy the packaged template"
              f"\naws cloudformation deploy --template-file {os.path.abspath(output_file)} "
              "--stack-name <YOUR STACK NAME>\n")
    return 0

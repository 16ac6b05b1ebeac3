"""The request parameters each S3 call of a transfer gets from the command's options.

    upload (PutObject, CreateMultipartUpload, UploadPart), download (GetObject),
    copy (CopyObject, UploadPartCopy), delete (DeleteObject), list, head

s3transfer takes one `extra_args` dict per transfer and hands each call the
keys it accepts, so one dict per kind of transfer is built here, once.
"""

from __future__ import annotations

from cli.errors import ValidationError

GENERAL = {"acl": "ACL", "storage_class": "StorageClass", "website_redirect":
           "WebsiteRedirectLocation", "content_type": "ContentType", "cache_control":
           "CacheControl", "content_disposition": "ContentDisposition", "content_encoding":
           "ContentEncoding", "content_language": "ContentLanguage", "expires": "Expires"}
GRANT_PARAMS = {"read": "GrantRead", "full": "GrantFullControl", "readacl": "GrantReadACP",
                "writeacl": "GrantWriteACP"}


def _general(values: dict, params: dict) -> None:
    for name, param in GENERAL.items():
        if values.get(name):
            params[param] = values[name]
    for grant in values.get("grants") or ():
        permission, sep, grantee = grant.partition("=")
        if not sep:
            raise ValidationError("grants should be of the form permission=principal")
        if permission not in GRANT_PARAMS:
            raise ValidationError("permission must be one of: read|readacl|writeacl|full")
        params[GRANT_PARAMS[permission]] = grantee


def _sse(values: dict, params: dict) -> None:
    if values.get("sse"):
        params["ServerSideEncryption"] = values["sse"]
    if values.get("sse_kms_key_id"):
        params["SSEKMSKeyId"] = values["sse_kms_key_id"]


def _sse_c(values: dict, params: dict) -> None:
    if values.get("sse_c"):
        params["SSECustomerAlgorithm"] = values["sse_c"]
        params["SSECustomerKey"] = values["sse_c_key"]


def _copy_source_sse_c(values: dict, params: dict) -> None:
    if values.get("sse_c_copy_source"):
        params["CopySourceSSECustomerAlgorithm"] = values["sse_c_copy_source"]
        params["CopySourceSSECustomerKey"] = values["sse_c_copy_source_key"]


def _payer(values: dict, params: dict) -> None:
    if values.get("request_payer"):
        params["RequestPayer"] = values["request_payer"]


def upload(values: dict, metadata: dict | None) -> dict:
    params: dict = {}
    _general(values, params)
    if metadata:
        params["Metadata"] = metadata
    _sse(values, params)
    _sse_c(values, params)
    _payer(values, params)
    if values.get("checksum_algorithm"):
        params["ChecksumAlgorithm"] = values["checksum_algorithm"]
    return params


def download(values: dict) -> dict:
    params: dict = {}
    _sse_c(values, params)
    _payer(values, params)
    if values.get("checksum_mode"):
        params["ChecksumMode"] = values["checksum_mode"]
    return params


def copy(values: dict, metadata: dict | None) -> dict:
    params: dict = {}
    _general(values, params)
    if values.get("metadata_directive"):
        params["MetadataDirective"] = values["metadata_directive"]
    if metadata:
        params["Metadata"] = metadata
        params.setdefault("MetadataDirective", "REPLACE")
    _sse(values, params)
    _sse_c(values, params)
    _copy_source_sse_c(values, params)
    _payer(values, params)
    if values.get("checksum_algorithm"):
        params["ChecksumAlgorithm"] = values["checksum_algorithm"]
    return params


def head_source(values: dict) -> dict:
    """HeadObject of a source object (a copy's source uses the copy-source key)."""
    params: dict = {}
    if values.get("sse_c_copy_source"):
        params["SSECustomerAlgorithm"] = values["sse_c_copy_source"]
        params["SSECustomerKey"] = values["sse_c_copy_source_key"]
    else:
        _sse_c(values, params)
    _payer(values, params)
    return params


def payer_only(values: dict) -> dict:
    params: dict = {}
    _payer(values, params)
    return params


def check_sse_c(values: dict, paths_type: str) -> None:
    """v2's pairing rules for the SSE-C options, in v2's order and words."""
    for kind in ("sse_c", "sse_c_copy_source"):
        key = kind + "_key"
        option, key_option = "--" + kind.replace("_", "-"), "--" + key.replace("_", "-")
        if values.get(kind) and not values.get(key):
            raise ValidationError(f"If {option} is specified, {key_option} must be specified "
                                  "as well.")
        if values.get(key) and not values.get(kind):
            raise ValidationError(f"If {key_option} is specified, {option} must be specified "
                                  "as well.")
    if values.get("sse_c_copy_source") and paths_type != "s3s3":
        raise ValidationError("--sse-c-copy-source is only supported for copy operations.")


def parse_metadata(text: str | None) -> dict | None:
    """--metadata as v2 takes it: JSON, or shorthand Key=Value,Key2=Value2 (a map of strings)."""
    from cli.values import string_map

    return string_map(text or None, "--metadata")

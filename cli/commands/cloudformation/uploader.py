"""Artifacts to S3 under their content's MD5, as v2's package and deploy name them.

    <prefix/>MD5          a file (a zip made of a folder is a file too)
    <prefix/>MD5.template a template (deploy's large template, a nested stack's)

An object already at that key is not uploaded again unless --force-upload
(the key says the content is the same). Objects are encrypted at rest:
AES256, or aws:kms with --kms-key-id. While a file goes up, stderr shows
v2's progress line ("\\rUploading to KEY  SENT / SIZE  (PCT%)"). Uploads go through
s3transfer, as v2's: parts of 8 MB above its threshold.
"""

from __future__ import annotations

import hashlib
import os

from cli.errors import CliError


class NoSuchBucket(CliError):
    def __init__(self, bucket: str):
        super().__init__("S3 Bucket does not exist. Execute the command to create a new bucket"
                         f"\naws s3 mb s3://{bucket}")


def file_md5(path: str) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


class Uploader:
    """Uploads to one bucket (and prefix) with one client; `metadata` goes on every object."""

    def __init__(self, s3_client, bucket: str, prefix: str | None = None,
                 kms_key_id: str | None = None, force: bool = False, metadata=None,
                 progress=None):
        self.s3 = s3_client
        self.bucket = bucket
        self.prefix = prefix
        self.kms_key_id = kms_key_id or None
        self.force = force
        self.metadata = metadata
        self.progress = progress  # a text stream (stderr) or None

    def upload_with_dedup(self, path: str, extension: str | None = None) -> str:
        """Upload `path` as MD5[.extension] (unless it is there); its s3:// URL."""
        name = file_md5(path) + (f".{extension}" if extension else "")
        return self.upload(path, name)

    def upload(self, path: str, name: str) -> str:
        key = f"{self.prefix}/{name}" if self.prefix else name
        if not self.force and self._exists(key):
            return self._url(key)
        extra = {"ServerSideEncryption": "AES256"}
        if self.kms_key_id:
            extra = {"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": self.kms_key_id}
        if self.metadata:
            extra["Metadata"] = dict(self.metadata)
        from botocore.exceptions import ClientError

        try:
            self._transfer(path, key, extra)
        except ClientError as failed:
            if failed.response.get("Error", {}).get("Code") == "NoSuchBucket":
                raise NoSuchBucket(self.bucket) from None
            raise
        return self._url(key)

    def _transfer(self, path: str, key: str, extra: dict) -> None:
        """The upload through s3transfer, as v2's: one request, or parts above its 8 MB
        threshold; v2's progress line on stderr as the body is read."""
        from s3transfer.manager import TransferManager

        subscribers = [] if self.progress is None else [_Progress(key, path, self.progress)]
        with TransferManager(self.s3) as manager:
            manager.upload(path, self.bucket, key, extra_args=extra,
                           subscribers=subscribers).result()

    def _exists(self, key: str) -> bool:
        from botocore.exceptions import ClientError

        try:
            self.s3.head_object(Bucket=self.bucket, Key=key)
            return True
        except ClientError:
            return False

    def _url(self, key: str) -> str:
        return f"s3://{self.bucket}/{key}"

    def path_style_url(self, key: str, version: str | None = None) -> str:
        """https://endpoint/bucket/key[?versionId=]: what TemplateURL accepts."""
        url = f"{self.s3.meta.endpoint_url}/{self.bucket}/{key}"
        return f"{url}?versionId={version}" if version else url


class _Progress:
    """An s3transfer subscriber writing v2's line ("\\rUploading to KEY  SENT / SIZE  (PCT%)")
    each time a piece of the body has been read."""

    def __init__(self, key: str, path: str, stream):
        import threading

        self.key, self.stream = key, stream
        self.size = float(os.path.getsize(path))
        self.sent = 0
        self.lock = threading.Lock()

    def on_queued(self, future, **kwargs):
        pass

    def on_progress(self, future, bytes_transferred, **kwargs):
        with self.lock:
            self.sent += bytes_transferred
            percent = self.sent / self.size * 100 if self.size else 100.0
            self.stream.write(f"\rUploading to {self.key}  {self.sent} / {self.size}  "
                              f"({percent:.2f}%)")
            self.stream.flush()

    def on_done(self, future, **kwargs):
        pass


def parse_s3_url(url, bucket_key: str = "Bucket", object_key: str = "Key",
                 version_key: str | None = None) -> dict:
    """s3://bucket/key[?versionId=v] as {bucket_key: ..., object_key: ...[, version_key: v]};
    ValueError for anything else."""
    from urllib.parse import parse_qs, urlparse

    if isinstance(url, str) and url.startswith("s3://"):
        parsed = urlparse(url[3:])  # "//bucket/key?..." parses its query on every Python
        if parsed.netloc and parsed.path:
            result = {bucket_key: parsed.netloc, object_key: parsed.path.lstrip("/")}
            versions = parse_qs(parsed.query).get("versionId", [])
            if version_key is not None and len(versions) == 1:
                result[version_key] = versions[0]
            return result
    raise ValueError(f"URL given to the parse method is not a valid S3 url {url}")


def is_s3_url(url) -> bool:
    try:
        parse_s3_url(url)
        return True
    except ValueError:
        return False

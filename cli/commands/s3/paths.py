"""What the bucket commands ask of the s3 package's shared helpers: a path's bucket and
key, and an S3 client configured from the profile.

Interim: the transfer commands' helpers (cli.commands.s3.uri for paths and
ARNs, cli.commands.s3.settings for the profile's s3 block) take over these two
names when they land; callers import from here only.
"""

from __future__ import annotations


def split_path(path: str) -> tuple[str, str]:
    """"bucket/some/key" (no s3:// scheme) -> ("bucket", "some/key")."""
    bucket, _, key = path.partition("/")
    return bucket, key


def client_for(context, region: str | None = None):
    """The S3 client of a command: the global options applied."""
    return context.client("s3", region=region)

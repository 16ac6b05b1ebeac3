"""--include / --exclude as v2 applies them: in command-line order, the last match wins.

Every file starts included. Each rule's pattern is joined to the root of the
source and, separately, to the root of the destination (sync --delete filters
the destination's files by the same rules), and matched with fnmatch against
a file's full path: `*` crosses "/" and so matches in every sub-folder.

    rule    = ("include" | "exclude", pattern)
    root    = local: the absolute folder (the file's own folder when not recursive)
              s3:    bucket "/" prefix (the key's "folder" when not recursive)
"""

from __future__ import annotations

import fnmatch
import os

from cli.commands.s3 import uri


class Filter:
    """Whether a listed file passes the rules; no rules pass everything."""

    __slots__ = ("rules", "_src_rules", "_dest_rules")

    def __init__(self, rules: list[tuple[str, str]], src_root: str | None = None,
                 dest_root: str | None = None):
        self.rules = list(rules or ())
        self._src_rules = [(kind, os.path.join(src_root, pattern)) for kind, pattern in self.rules
                           ] if self.rules else []
        self._dest_rules = [(kind, os.path.join(dest_root, pattern))
                            for kind, pattern in self.rules] if self.rules else []

    def passes(self, path: str, is_local: bool) -> bool:
        """`path`: a local file's absolute path, or an object's "bucket/key"."""
        if not self.rules:
            return True
        included = True
        for (kind, src_pattern), (_, dest_pattern) in zip(self._src_rules, self._dest_rules):
            for pattern in (src_pattern, dest_pattern):
                pattern = pattern.replace("/", os.sep) if is_local else pattern.replace(os.sep, "/")
                if fnmatch.fnmatch(path, pattern):
                    included = kind == "include"
        return included


def root(path: str, dir_op: bool) -> str:
    """The folder a rule's pattern is joined to, for a command-line path."""
    if uri.is_s3(path):
        bucket, key = uri.split(path)
        if not dir_op and not key.endswith("/"):
            key = "/".join(key.split("/")[:-1])
        return f"{bucket}/{key}"
    if dir_op:
        return os.path.abspath(path)
    return os.path.abspath(os.path.dirname(path))


def make(rules, src: str, dest: str, dir_op: bool) -> Filter:
    """The filter of a command: its rules joined to the source's and destination's roots."""
    if not rules:
        return Filter([])
    return Filter(rules, root(src, dir_op), root(dest, dir_op))

"""sync's rules: which source files to transfer and which destination files to delete.

The source and destination listings come in the same order (compare keys in
byte order), so one pass walks both, as v2's comparator does:

    only at the source       transfer
    at both                  transfer when the sizes differ, or when the times say so:
                               upload, copy: the source is newer than the destination
                               download:     the destination is newer than the source
                               --exact-timestamps (downloads): the times differ at all
                             --size-only: the sizes alone decide
    only at the destination  delete, with --delete
"""

from __future__ import annotations


class Rules:
    """The options of sync that decide (--size-only, --exact-timestamps, --delete)."""

    __slots__ = ("size_only", "exact_timestamps", "delete")

    def __init__(self, size_only: bool = False, exact_timestamps: bool = False,
                 delete: bool = False):
        self.size_only = size_only
        self.exact_timestamps = exact_timestamps
        self.delete = delete

    def changed(self, src, dest, operation: str) -> bool:
        """Whether a file at both places is transferred."""
        if src.size != dest.size:
            return True
        if self.size_only:
            return False
        delta = dest.mtime - src.mtime
        if operation == "download":
            if self.exact_timestamps:
                return delta != 0
            return delta > 0
        return delta < 0


def walk(sources, destinations, rules: Rules, operation: str):
    """("transfer", item) and ("delete", item) in v2's order, from two ordered listings."""
    sources = iter(sources)
    destinations = iter(destinations)
    src = next(sources, None)
    dest = next(destinations, None)
    while src is not None or dest is not None:
        if dest is None or (src is not None and src.compare_key < dest.compare_key):
            yield "transfer", src
            src = next(sources, None)
        elif src is None or dest.compare_key < src.compare_key:
            if rules.delete:
                yield "delete", dest
            dest = next(destinations, None)
        else:
            if rules.changed(src, dest, operation):
                yield "transfer", src
            src = next(sources, None)
            dest = next(destinations, None)

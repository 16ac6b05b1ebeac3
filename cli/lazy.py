"""Importing botocore for a call without paying for what the call never uses.

botocore's import graph is most of a call's wall time. Two parts of it do
work at import that a CLI call rarely or never needs:

- urllib3 2.x imports `importlib.metadata` (zipfile, pathlib, csv, ...) only
  to read h2's version when HTTP/2 is switched on, which botocore never does;
- about ninety module-level regular expressions (urllib3's URL grammar,
  email's header parser, botocore's validators, ...) are compiled at import,
  though a call uses a handful of them.

`import_botocore_session` imports botocore.session with both deferred: a
stand-in serves `importlib.metadata` until it is really used, and
`re.compile` called by the modules being imported returns a pattern that
compiles itself on first use. Nothing outside that one import is affected.
"""

from __future__ import annotations

import re
import sys
import threading


def import_botocore_session():
    """botocore.session, imported once with metadata and regexes deferred."""
    if "botocore.session" in sys.modules:
        return sys.modules["botocore.session"]
    defer_metadata_import()
    with deferred_regexes():
        import botocore.session
    return botocore.session


def defer_metadata_import() -> None:
    """Let urllib3 import without importlib.metadata until it is really used.

    A stand-in module serves `version` lazily and loads the real module on
    any other attribute.
    """
    import importlib
    import types

    if "importlib.metadata" in sys.modules:
        return

    def load():
        if isinstance(sys.modules.get("importlib.metadata"), _Deferred):
            del sys.modules["importlib.metadata"]
        return importlib.import_module("importlib.metadata")

    class _Deferred(types.ModuleType):
        def __getattr__(self, name):
            if name.startswith("__"):  # the import system probing (__path__, ...)
                raise AttributeError(name)
            return getattr(load(), name)

    stand_in = _Deferred("importlib.metadata")
    stand_in.version = lambda distribution_name: load().version(distribution_name)
    sys.modules["importlib.metadata"] = stand_in
    importlib.metadata = stand_in


class DeferredPattern:
    """A compiled regular expression that compiles itself when first used.

    Every attribute (match, sub, pattern, flags, ...) is the real pattern's.
    """

    __slots__ = ("_source", "_flags", "_compiled")

    def __init__(self, source, flags: int = 0):
        self._source = source
        self._flags = flags
        self._compiled = None

    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            source = self._source
            if isinstance(source, DeferredPattern):
                source = source.compiled()
            self._compiled = _compile(source, self._flags)
        return self._compiled

    def __getattr__(self, name: str):
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return repr(self.compiled())


_compile = re.compile


class deferred_regexes:
    """Within the block, `re.compile` on the main thread returns DeferredPatterns.

    Other threads (a test's server, say) keep the real `re.compile`.
    """

    def __enter__(self) -> "deferred_regexes":
        main = threading.main_thread().ident

        def compile_later(pattern, flags=0):
            if threading.get_ident() != main:
                return _compile(pattern, flags)
            return DeferredPattern(pattern, flags)

        re.compile = compile_later
        return self

    def __exit__(self, *exc) -> None:
        re.compile = _compile

"""The call path defers importlib.metadata without breaking anyone who uses it."""

import subprocess
import sys

PROBE = """
import sys
from cli.lazy import defer_metadata_import
defer_metadata_import()
import botocore.session
loaded_early = type(sys.modules['importlib.metadata']).__name__
import importlib.metadata
version = importlib.metadata.version('botocore')
from importlib.metadata import distribution
print(loaded_early, version == distribution('botocore').version,
      type(sys.modules['importlib.metadata']).__name__)
"""


def test_metadata_is_deferred_then_real_on_use():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["_Deferred", "True", "module"]


def test_deferred_pattern_behaves_like_the_compiled_one():
    import re

    from cli.lazy import DeferredPattern

    lazy = DeferredPattern(r"(?P<word>[a-z]+)-(\d+)", re.I)
    assert lazy._compiled is None  # nothing compiled until used
    assert lazy.match("Ab-12").group("word") == "Ab"
    assert lazy.sub(r"\2", "x-1 y-2") == "1 2"
    assert (lazy.pattern, lazy.flags & re.I) == (r"(?P<word>[a-z]+)-(\d+)", re.I)
    assert DeferredPattern(lazy).fullmatch("q-7")  # compiling a deferred pattern
    assert isinstance(lazy.compiled(), re.Pattern)


def test_deferral_covers_the_main_thread_only_and_ends_with_the_block():
    import re
    import threading

    from cli.lazy import DeferredPattern, deferred_regexes

    seen = {}
    with deferred_regexes():
        seen["main"] = re.compile("a+")
        worker = threading.Thread(target=lambda: seen.update(thread=re.compile("b+")))
        worker.start()
        worker.join()
    seen["after"] = re.compile("c+")
    assert isinstance(seen["main"], DeferredPattern)
    assert isinstance(seen["thread"], re.Pattern)
    assert isinstance(seen["after"], re.Pattern)

"""The call path defers importlib.metadata without breaking anyone who uses it."""

import subprocess
import sys

PROBE = """
import sys
from cli.dispatch import defer_metadata_import
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

import os

import pytest

from tests.moto_server import MotoServer


@pytest.fixture(scope="session")
def moto():
    """One moto server for the whole session, stopped afterwards."""
    with MotoServer() as server:
        yield server


@pytest.fixture
def recorder():
    """A loopback server recording the requests a command sends (tests/recording_server.py)."""
    from tests.recording_server import RecordingServer

    with RecordingServer() as server:
        yield server


# Side-by-side checks with AWS CLI v2 built from source (not installable from the project's
# files: v2 is not on PyPI) run only where one is named: SHAPECLI_V2_AWS (its `aws`, e.g. a
# wrapper that sets AWS_DATA_PATH to botocore 1.44.8's data) and SHAPECLI_V2_SOURCE (its
# source tree, for AWS's published examples). Elsewhere they are deselected, not skipped.
V2_AWS = os.environ.get("SHAPECLI_V2_AWS")
V2_SOURCE = os.environ.get("SHAPECLI_V2_SOURCE")


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "v2_reference: compares with AWS CLI v2 (SHAPECLI_V2_AWS / SHAPECLI_V2_SOURCE)")


def pytest_collection_modifyitems(config, items):
    kept, dropped = [], []
    for item in items:
        marker = item.get_closest_marker("v2_reference")
        needs = marker.kwargs.get("needs", "aws") if marker else None
        wanted = {"aws": V2_AWS, "source": V2_SOURCE}.get(needs) if marker else True
        (kept if wanted else dropped).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture(scope="module")
def side_by_side(moto):
    """tests/s3_side_by_side.py's runner of one scenario by shapecli and by v2, on one moto
    server, its names unique to the module."""
    import uuid

    from tests.s3_side_by_side import SideBySide

    return SideBySide(moto, uuid.uuid4().hex[:6])

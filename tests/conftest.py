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

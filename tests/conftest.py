import pytest

from tests.moto_server import MotoServer


@pytest.fixture(scope="session")
def moto():
    """One moto server for the whole session, stopped afterwards."""
    with MotoServer() as server:
        yield server

"""cli.dispatch: the data a call hands botocore resolves as botocore's own data does."""

from __future__ import annotations

import pytest

from cli.dispatch import BOTOCORE_OWN_CLIENTS, pruned_endpoints

REGIONS = ["us-west-2", "us-east-1", "eu-central-1", "aws-global", "us-gov-west-1",
           "cn-north-1", "us-iso-east-1", "mars-west-1"]


def outcome(function, *args):
    """What a call returns, or the error it raises (as type and message)."""
    try:
        return function(*args)
    except Exception as e:
        return type(e), str(e)


@pytest.fixture(scope="module")
def endpoints():
    from botocore.loaders import create_loader

    return create_loader().load_data("endpoints")


@pytest.mark.parametrize("called", ["cognito-idp", "iam", "route53", "s3", "dynamodb"])
def test_pruned_endpoints_resolve_as_the_full_data_for_every_kept_service(endpoints, called):
    from botocore.regions import EndpointResolver

    prefixes = tuple(sorted({called, *BOTOCORE_OWN_CLIENTS}))
    full, pruned = EndpointResolver(endpoints), EndpointResolver(
        pruned_endpoints(endpoints, prefixes))
    for prefix in prefixes:
        for region in REGIONS:
            for fips in (False, True):
                assert pruned.construct_endpoint(prefix, region, use_fips_endpoint=fips) == \
                    full.construct_endpoint(prefix, region, use_fips_endpoint=fips)
            assert outcome(pruned.get_partition_for_region, region) == \
                outcome(full.get_partition_for_region, region)
    for partition in full.get_available_partitions():
        assert pruned.get_available_endpoints("s3", partition) == \
            full.get_available_endpoints("s3", partition)
    # The rest is left out: that is the point.
    kept = {name for p in pruned_endpoints(endpoints, prefixes)["partitions"]
            for name in p["services"]}
    assert kept <= set(prefixes) and called in kept  # signin has no entry in endpoints.json


# -- a hand-written command's session (dispatch.use_model_cache) --------------------------


@pytest.fixture()
def cached_session(tmp_path):
    import botocore.session

    from cli.catalog import Catalog
    from cli.dispatch import use_model_cache

    session = botocore.session.get_session()
    use_model_cache(session, Catalog({"HOME": str(tmp_path), "SHAPECLI_CACHE_DIR":
                                      str(tmp_path / "cache")}))
    return session


@pytest.mark.parametrize("type_name", ["service-2", "paginators-1", "endpoint-rule-set-1"])
def test_known_services_are_botocores_list(cached_session, type_name):
    from botocore.loaders import create_loader

    listed = create_loader().list_available_services(type_name)
    names = cached_session.get_component("data_loader").list_available_services(type_name)
    assert all(name in names for name in listed)  # asked one by one
    assert "no-such-service" not in names and "" not in names
    assert list(names) == listed and len(names) == len(listed)  # and whole


def test_models_load_as_botocore_loads_them_without_listing_every_service(
        cached_session, monkeypatch):
    import os

    import botocore.loaders
    import botocore.session

    plain = botocore.session.get_session()
    listed = []
    real_listdir = os.listdir

    def listdir(path="."):
        listed.append(str(path))
        return real_listdir(path)

    cases = [(service, type_name) for service in ("s3", "cognito-idp", "sts")
             for type_name in ("service-2", "paginators-1", "waiters-2", "endpoint-rule-set-1")]
    expected = {case: outcome(plain.get_component("data_loader").load_service_model, *case)
                for case in cases}
    loader = cached_session.get_component("data_loader")
    monkeypatch.setattr(botocore.loaders.os, "listdir", listdir)
    data_roots = {os.path.normpath(p) for p in loader.search_paths}
    for case in cases:  # the same model, or the same error (cognito-idp has no waiters)
        del listed[:]
        assert outcome(loader.load_service_model, *case) == expected[case]
        if isinstance(expected[case], dict):  # only botocore's error message lists them all
            assert not [p for p in listed if os.path.normpath(p) in data_roots], case


def test_an_unknown_service_fails_as_in_botocore(cached_session):
    import botocore.session
    from botocore.exceptions import UnknownServiceError

    with pytest.raises(UnknownServiceError) as plain:
        botocore.session.get_session().create_client("no-such-service", region_name="us-east-1")
    with pytest.raises(UnknownServiceError) as cached:
        cached_session.create_client("no-such-service", region_name="us-east-1")
    assert str(cached.value) == str(plain.value)

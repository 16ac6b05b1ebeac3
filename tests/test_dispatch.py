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

"""cloudfront: invalidate paths, a distribution from one origin, a new root object,
without the JSON."""

from __future__ import annotations

from cli.options import Option


def caller_reference(prefix: str = "cli") -> str:
    """A fresh CallerReference, as v2 makes them: prefix-<epoch seconds>-<random>."""
    import random
    import time

    return f"{prefix}-{int(time.time())}-{random.randint(1, 1000000)}"


def _paths(value: list[str], params: dict) -> None:
    params["InvalidationBatch"] = {"CallerReference": caller_reference(),
                                   "Paths": {"Quantity": len(value), "Items": value}}


def _distribution_config(params: dict) -> dict:
    """The distribution the shortcuts fill in: one origin, defaults for the rest."""
    return params.setdefault("DistributionConfig", {
        "CallerReference": caller_reference(),
        "Origins": {"Quantity": 0, "Items": []},
        "DefaultCacheBehavior": {
            "TargetOriginId": "placeholder",
            "ForwardedValues": {"QueryString": False, "Cookies": {"Forward": "none"}},
            "TrustedSigners": {"Enabled": False, "Quantity": 0},
            "ViewerProtocolPolicy": "allow-all",
            "MinTTL": 0,
        },
        "Enabled": True,
        "Comment": "",
    })


def _origin_domain_name(value: str, params: dict) -> None:
    config = _distribution_config(params)
    origin_id = caller_reference(prefix=value)
    origin = {"Id": origin_id, "DomainName": value, "OriginPath": ""}
    if value.endswith(".s3.amazonaws.com"):
        origin["S3OriginConfig"] = {"OriginAccessIdentity": ""}
    else:
        origin["CustomOriginConfig"] = {"HTTPPort": 80, "HTTPSPort": 443,
                                        "OriginProtocolPolicy": "http-only"}
    config["Origins"] = {"Quantity": 1, "Items": [origin]}
    config["DefaultCacheBehavior"]["TargetOriginId"] = origin_id


def _default_root_object(value: str, params: dict) -> None:
    _distribution_config(params)["DefaultRootObject"] = value


_CREATE_DISTRIBUTION = (
    (Option("origin-domain-name", "string",
            "The domain name of the distribution's one origin (an S3 bucket's domain, or a "
            "web server). Cannot be combined with --distribution-config."),
     _origin_domain_name),
    (Option("default-root-object", "string",
            "The object CloudFront returns for a request to the root URL, such as "
            "index.html. Cannot be combined with --distribution-config."),
     _default_root_object),
)

def _later(value: str, params: dict) -> None:
    """Applied before the call, once the distribution is read (_update_root_object)."""


def _update_root_object(given: dict, params: dict, fetch) -> None:
    """update-distribution --default-root-object: the distribution as it is, one change."""
    value = given.get("default_root_object")
    if value is None:
        return
    current = fetch("get-distribution-config", {"Id": params["Id"]})
    params["IfMatch"] = current["ETag"]
    params["DistributionConfig"] = {**current["DistributionConfig"], "DefaultRootObject": value}


EXTRA_ARGUMENTS = {
    ("cloudfront", "create-invalidation"): (
        (Option("paths", "string",
                "The paths to invalidate, separated by spaces. Cannot be combined with "
                "--invalidation-batch.", nargs="+"), _paths),),
    ("cloudfront", "create-distribution"): _CREATE_DISTRIBUTION,
    ("cloudfront", "update-distribution"): (
        (Option("default-root-object", "string",
                "The object CloudFront returns for a request to the root URL, such as "
                "index.html. The distribution's other settings are read first "
                "(get-distribution-config) and kept. Cannot be combined with "
                "--distribution-config."), _later),),
}

BEFORE_CALL = {("cloudfront", "update-distribution"): (_update_root_object,)}

EXCLUSIVE = {
    ("cloudfront", "create-invalidation"): (
        (("InvalidationBatch", "invalidation-batch"), ("paths",), "key"),),
    ("cloudfront", "create-distribution"): (
        (("DistributionConfig", "distribution-config"),
         ("default-root-object", "origin-domain-name"), "key"),),
    ("cloudfront", "update-distribution"): (
        (("DistributionConfig", "distribution-config"), ("default-root-object",), "key"),),
}

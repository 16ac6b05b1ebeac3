"""ec2's shortcuts: run-instances --count and network-interface options, the
security-group options, protocol names for network ACL entries,
get-password-data --priv-launch-key, and bundle-instance's storage options."""

from __future__ import annotations

from cli.errors import CliError, ValidationError
from cli.options import Option


def _instance_count(value: str, params: dict) -> None:
    """`--count N` or `--count MIN:MAX` -> MinCount and MaxCount (N means N:N)."""
    low, colon, high = value.partition(":")
    try:
        counts = {"MinCount": int(low), "MaxCount": int(high if colon else low)}
    except ValueError:
        counts = None
    if counts is None or ":" in high:
        raise ValidationError("count parameter should be of form min[:max] (e.g. 1 or 1:10)")
    params.update(counts)


def _permission(params: dict) -> dict:
    """The one IpPermissions entry the security-group shortcuts fill in."""
    return params.setdefault("IpPermissions", [{}])[0]


def _protocol(value: str, params: dict) -> None:
    """tcp, udp, icmp, all (-1) or a protocol number 0-255 (-1 for all)."""
    try:
        number = int(value)
    except ValueError:
        if value not in ("tcp", "udp", "icmp", "all"):
            raise ValidationError("protocol parameter should be one of: tcp|udp|icmp|all or any "
                           "valid protocol number.") from None
        value = "-1" if value == "all" else value
    else:
        if not (0 <= number <= 255 or number == -1):
            raise ValidationError("protocol numbers must be in the range 0-255 or -1 to specify "
                           "all protocols")
    _permission(params)["IpProtocol"] = value


def _port(value: str, params: dict) -> None:
    """A port, a range from-to, or all/-1 (all ports; for ICMP, type-code)."""
    if value in ("-1", "all"):
        low, high = "-1", "-1"
    else:
        low, dash, high = value.partition("-")
        high = high if dash else low
    try:
        ports = {"FromPort": int(low), "ToPort": int(high)}
    except ValueError:
        raise ValidationError("port parameter should be of the form <from[-to]> (e.g. 22 or 22-25)"
                       ) from None
    _permission(params).update(ports)


def _cidr(value: str, params: dict) -> None:
    _permission(params)["IpRanges"] = [{"CidrIp": value}]


def _group_pair(params: dict) -> dict:
    return _permission(params).setdefault("UserIdGroupPairs", [{}])[0]


def _source_group(value: str, params: dict) -> None:
    _group_pair(params)["GroupId" if value.startswith("sg-") else "GroupName"] = value


def _group_owner(value: str, params: dict) -> None:
    _group_pair(params)["UserId"] = value


_SECURITY_GROUP_SHORTCUTS = (
    (Option("protocol", "string",
            "The IP protocol of this permission: tcp, udp, icmp, all, or a protocol number. "
            "Without --port it applies to all ports of that protocol."), _protocol),
    (Option("port", "string",
            "For TCP or UDP, the range of ports to allow: a single integer or min-max. For "
            "ICMP, type-code; -1 means all ICMP codes (of all types, or of the given type)."),
     _port),
    (Option("cidr", "string", "The CIDR IP range."), _cidr),
    (Option("source-group", "string",
            "The name or ID of the source security group. Cannot be used with --cidr."),
     _source_group),
    (Option("group-owner", "string",
            "The AWS account ID that owns the source security group. Cannot be used with "
            "--cidr."), _group_owner),
)


# -- run-instances: the first network interface, from simple options ---------

def _interface(params: dict) -> dict:
    return params.setdefault("NetworkInterfaces", [{"DeviceIndex": 0}])[0]


def _secondary_addresses(value: list[str], params: dict) -> None:
    if value:
        _interface(params).setdefault(
            "PrivateIpAddresses", [{"PrivateIpAddress": v, "Primary": False} for v in value])


def _secondary_count(value: int, params: dict) -> None:
    if value:
        _interface(params)["SecondaryPrivateIpAddressCount"] = value


def _public_ip(value: bool, params: dict) -> None:
    _interface(params)["AssociatePublicIpAddress"] = value


_INTERFACE_MEMBERS = ("PrivateIpAddresses", "SecondaryPrivateIpAddressCount",
                      "AssociatePublicIpAddress")


def _into_interface(params: dict) -> None:
    """Instance members the API refuses beside a network interface move into it."""
    interfaces = params.get("NetworkInterfaces")
    if not interfaces or not any(m in interfaces[0] for m in _INTERFACE_MEMBERS):
        return
    interface = interfaces[0]
    if "SubnetId" in params:
        interface["SubnetId"] = params.pop("SubnetId")
    if "SecurityGroupIds" in params:
        interface["Groups"] = params.pop("SecurityGroupIds")
    if "PrivateIpAddress" in params:  # as v2: it replaces any secondary addresses
        interface["PrivateIpAddresses"] = [
            {"PrivateIpAddress": params.pop("PrivateIpAddress"), "Primary": True}]
    for member in ("Ipv6AddressCount", "Ipv6Addresses"):
        if member in params:
            interface[member] = params.pop(member)
    if "EnablePrimaryIpv6" in params:
        interface["PrimaryIpv6"] = params.pop("EnablePrimaryIpv6")


_RUN_INSTANCES = (
    (Option("count", "string",
            "How many instances to launch: N, or MIN:MAX for at least MIN and at most MAX "
            "(1 when not given)."), _instance_count),
    (Option("secondary-private-ip-addresses", "string",
            "Secondary private IP addresses for the instance's network interface, within its "
            "subnet. To have addresses chosen for you, use "
            "--secondary-private-ip-address-count.", nargs="*"), _secondary_addresses),
    (Option("secondary-private-ip-address-count", "int",
            "How many secondary private IP addresses the instance's network interface gets, "
            "chosen for you."), _secondary_count),
    (Option("associate-public-ip-address", "boolean",
            "Give the instance a public IP address (in a VPC).",
            dest="associate_public_ip_address"), _public_ip),
    (Option("no-associate-public-ip-address", "boolean",
            "Give the instance no public IP address (in a VPC).",
            dest="associate_public_ip_address", const=False), _public_ip),
)


def _protocol_number(params: dict) -> None:
    """Network ACL entries take protocol numbers; v2 also accepts these names."""
    names = {"tcp": "6", "udp": "17", "icmp": "1", "all": "-1"}
    if params.get("Protocol") in names:
        params["Protocol"] = names[params["Protocol"]]


# -- get-password-data --priv-launch-key: the password decrypted -----------------

_LAUNCH_KEY = Option("priv-launch-key", "string",
                     "The private key file the instance was launched with (PEM); given, the "
                     "password data is decrypted before it is printed.", no_paramfile=True)


def _launch_key_path(value: str) -> str:
    import os

    path = os.path.expanduser(os.path.expandvars(value))
    if not os.path.isfile(path):
        # v2's words; it exits 255 here.
        raise CliError("priv-launch-key should be a path to the local SSH private key file "
                       "used to launch the instance.")
    return path


def _check_launch_key(value: str, params: dict) -> None:
    _launch_key_path(value)


def _decrypt_password(given: dict, response: dict) -> None:
    key_file = given.get(_LAUNCH_KEY.py_name)
    data = response.get("PasswordData")
    if not key_file or not data:
        return
    import base64

    from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    try:
        with open(_launch_key_path(key_file), "rb") as f:
            key = load_pem_private_key(f.read(), password=None)
        clear = key.decrypt(base64.b64decode(data.strip()), PKCS1v15())
    except (ValueError, TypeError, OSError):
        raise CliError("Unable to decrypt password data using provided private key "
                       "file.") from None
    response["PasswordData"] = clear.decode("utf-8")


# -- bundle-instance: the S3 storage from simple options, its upload policy signed --

def _storage_member(member: str):
    def apply(value: str, params: dict) -> None:
        if value:
            params.setdefault("Storage", {}).setdefault("S3", {})[member] = value
    return apply


def _keep_secret(value: str, params: dict) -> None:
    """--owner-sak only signs the upload policy (_sign_upload_policy); it is never sent."""


_BUNDLE_STORAGE = (
    (Option("bucket", "string", "The S3 bucket the bundle is stored in: one you own, or a "
            "new one EC2 creates for you."), _storage_member("Bucket")),
    (Option("prefix", "string", "The prefix of the names the bundle's parts get in the "
            "bucket."), _storage_member("Prefix")),
    (Option("owner-akid", "string", "The access key ID of the bucket's owner."),
     _storage_member("AWSAccessKeyId")),
    (Option("owner-sak", "string", "The secret access key of the bucket's owner: it signs "
            "the upload policy here and is not sent to EC2.", sensitive=True), _keep_secret),
    (Option("policy", "string", "The S3 upload policy that lets EC2 upload the bundle on "
            "the owner's behalf (signed with --owner-sak). Without it, a policy for the "
            "bucket and prefix that expires in 24 hours is made for you."),
     _storage_member("UploadPolicy")),
)


def _sign_upload_policy(given: dict, params: dict, fetch) -> None:
    """An upload policy where none was given, signed (HMAC-SHA1) with the owner's secret key."""
    storage = (params.get("Storage") or {}).get("S3")
    if not isinstance(storage, dict):
        return  # no storage at all: the request validator says what is missing
    import base64
    import json

    if "UploadPolicy" not in storage and "Bucket" in storage and "Prefix" in storage:
        import datetime

        expires = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=24)
        storage["UploadPolicy"] = json.dumps(
            {"expiration": expires.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
             "conditions": [{"bucket": storage["Bucket"]}, {"acl": "ec2-bundle-read"},
                            ["starts-with", "$key", storage["Prefix"]]]},
            separators=(",", ":")).encode("utf-8")
    policy, secret = storage.get("UploadPolicy"), given.get("owner_sak")
    if policy and secret and "UploadPolicySignature" not in storage:
        import hashlib
        import hmac

        policy = policy.encode("utf-8") if isinstance(policy, str) else policy
        digest = hmac.new(secret.encode("utf-8"), base64.b64encode(policy),
                          hashlib.sha1).digest()
        storage["UploadPolicySignature"] = base64.b64encode(digest).decode("ascii")


_SECURITY_GROUP_OPERATIONS = ("authorize-security-group-ingress",
                              "authorize-security-group-egress",
                              "revoke-security-group-ingress", "revoke-security-group-egress")

EXTRA_ARGUMENTS = {
    ("ec2", "run-instances"): _RUN_INSTANCES,
    ("ec2", "get-password-data"): ((_LAUNCH_KEY, _check_launch_key),),
    ("ec2", "bundle-instance"): _BUNDLE_STORAGE,
    **{("ec2", operation): _SECURITY_GROUP_SHORTCUTS for operation in _SECURITY_GROUP_OPERATIONS},
}

AFTER_CALL = {("ec2", "get-password-data"): (_decrypt_password,)}

BEFORE_CALL = {("ec2", "bundle-instance"): (_sign_upload_policy,)}

FINISHERS = {
    ("ec2", "run-instances"): (_into_interface,),
    ("ec2", "create-network-acl-entry"): (_protocol_number,),
    ("ec2", "replace-network-acl-entry"): (_protocol_number,),
}

EXCLUSIVE = {
    ("ec2", "bundle-instance"): ((("Storage", "storage"),
                                  tuple(o.name for o, _ in _BUNDLE_STORAGE), "advice"),),
    ("ec2", "run-instances"): (
        (("NetworkInterfaces", "network-interfaces"),
         ("secondary-private-ip-addresses", "secondary-private-ip-address-count",
          "associate-public-ip-address"), "mixing"),),
    **{("ec2", operation): ((("IpPermissions", "ip-permissions"),
                             tuple(o.name for o, _ in _SECURITY_GROUP_SHORTCUTS), "option"),)
       for operation in _SECURITY_GROUP_OPERATIONS},
}

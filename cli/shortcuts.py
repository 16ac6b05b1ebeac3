"""The arguments v2 adds to a few operations, and how they become request parameters.

Each shortcut is an option (shown in help, parsed like any other) and a
function that writes its value into the request: `ec2 run-instances
--count`, the `ec2 ... security-group-*` shortcuts (--protocol, --port,
--cidr, --source-group, --group-owner) and the `cloudwatch put-metric-data`
ones (--metric-name, --value, ...). Invalid values are ValidationErrors
(exit 252) with v2's wording, where v2 itself exits 255.
"""

from __future__ import annotations

from cli.errors import ParamError, ValidationError
from cli.options import Option


def _invalid(message: str) -> ValidationError:
    return ValidationError(message)


def _instance_count(value: str, params: dict) -> None:
    """`--count N` or `--count MIN:MAX` -> MinCount and MaxCount (N means N:N)."""
    low, colon, high = value.partition(":")
    try:
        counts = {"MinCount": int(low), "MaxCount": int(high if colon else low)}
    except ValueError:
        counts = None
    if counts is None or ":" in high:
        raise _invalid("count parameter should be of form min[:max] (e.g. 1 or 1:10)")
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
            raise _invalid("protocol parameter should be one of: tcp|udp|icmp|all or any "
                           "valid protocol number.") from None
        value = "-1" if value == "all" else value
    else:
        if not (0 <= number <= 255 or number == -1):
            raise _invalid("protocol numbers must be in the range 0-255 or -1 to specify "
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
        raise _invalid("port parameter should be of the form <from[-to]> (e.g. 22 or 22-25)"
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

def _metric(params: dict) -> dict:
    """The one MetricData entry the put-metric-data shortcuts fill in."""
    return params.setdefault("MetricData", [{}])[0]


def _pairs(value: str, option: str) -> dict:
    """`a=1,b=2` read as shorthand, for the put-metric-data shortcuts."""
    import shorthand

    try:
        pairs = shorthand.parse(value)
    except shorthand.ShorthandError as e:
        raise ParamError("--" + option, str(e)) from None
    return {key: str(item) for key, item in pairs.items()}


def _number(value: str, option: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise _invalid(f"argument --{option}: invalid float value: '{value}'") from None


def _metric_field(member: str):
    def apply(value: str, params: dict) -> None:
        _metric(params)[member] = value
    return apply


def _metric_value(value: str, params: dict) -> None:
    _metric(params)["Value"] = _number(value, "value")


def _metric_dimensions(value: str, params: dict) -> None:
    _metric(params)["Dimensions"] = [
        {"Name": name, "Value": item} for name, item in _pairs(value, "dimensions").items()]


def _metric_statistics(value: str, params: dict) -> None:
    _metric(params)["StatisticValues"] = {
        name: _number(item, "statistic-values")
        for name, item in _pairs(value, "statistic-values").items()}


def _metric_resolution(value: str, params: dict) -> None:
    try:
        _metric(params)["StorageResolution"] = int(value)
    except ValueError:
        raise _invalid(f"argument --storage-resolution: invalid int value: '{value}'") from None


_PUT_METRIC_SHORTCUTS = (
    (Option("metric-name", "string", "The name of the metric."), _metric_field("MetricName")),
    (Option("timestamp", "string",
            "The time stamp used for the metric. If not specified, the default value is set "
            "to the time the metric data was received."), _metric_field("Timestamp")),
    (Option("unit", "string", "The unit of metric."), _metric_field("Unit")),
    (Option("value", "string",
            "The value for the metric. CloudWatch truncates values with base-10 exponents "
            "greater than 126 or less than -130."), _metric_value),
    (Option("dimensions", "string",
            "Dimensions of the metric as Name=Value pairs separated by commas, for example "
            "InstanceID=i-1234,InstanceType=m1.small."), _metric_dimensions),
    (Option("statistic-values", "string",
            "A set of statistical values describing the metric, e.g. "
            "SampleCount=3,Sum=30,Minimum=1,Maximum=20."), _metric_statistics),
    (Option("storage-resolution", "string",
            "1 for a high-resolution metric (one-second granularity), 60 for standard "
            "resolution."), _metric_resolution),
)

# Arguments v2 adds to an operation: the option, and how its value goes into
# the request parameters (a function that updates them).
EXTRA_ARGUMENTS = {
    ("ec2", "run-instances"): (
        (Option("count", "string",
                "Number of instances to launch. If a single number is provided, it is the "
                "minimum and the maximum to launch (default 1). If a range is provided in the "
                "form min:max, the first number is the minimum number of instances to launch "
                "and the second the maximum."),
         _instance_count),
    ),
    ("cloudwatch", "put-metric-data"): _PUT_METRIC_SHORTCUTS,
    **{("ec2", operation): _SECURITY_GROUP_SHORTCUTS for operation in (
        "authorize-security-group-ingress", "authorize-security-group-egress",
        "revoke-security-group-ingress", "revoke-security-group-egress")},
}

# (member, argument) that the extra arguments of an operation cannot be combined with.
EXCLUSIVE_WITH = {
    ("cloudwatch", "put-metric-data"): ("MetricData", "metric-data"),
    **{("ec2", operation): ("IpPermissions", "ip-permissions")
       for operation in ("authorize-security-group-ingress", "authorize-security-group-egress",
                         "revoke-security-group-ingress", "revoke-security-group-egress")},
}


def extra_options(command: str, operation: str) -> tuple[Option, ...]:
    return tuple(option for option, _ in EXTRA_ARGUMENTS.get((command, operation), ()))


def apply_extra_arguments(command: str, operation: str, given: dict, params: dict) -> dict:
    """`params` with the extra arguments given (by py_name) on the command line applied."""
    chosen = [(option, apply) for option, apply in EXTRA_ARGUMENTS.get((command, operation), ())
              if given.get(option.py_name)]
    member, argument = EXCLUSIVE_WITH.get((command, operation), (None, None))
    if chosen and member in params:
        raise _invalid(f"The --{chosen[0][0].name} option is not compatible with the "
                       f"--{argument} option")
    params = dict(params)
    for option, apply in chosen:
        apply(given[option.py_name], params)
    return params

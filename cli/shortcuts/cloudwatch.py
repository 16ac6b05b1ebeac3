"""cloudwatch put-metric-data: one metric from simple options (--metric-name, --value, ...)."""

from __future__ import annotations

from cli.errors import ParamError, ValidationError
from cli.options import Option


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
        raise ValidationError(f"argument --{option}: invalid float value: '{value}'") from None


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
        raise ValidationError(f"argument --storage-resolution: invalid int value: '{value}'") from None


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

EXTRA_ARGUMENTS = {("cloudwatch", "put-metric-data"): _PUT_METRIC_SHORTCUTS}

EXCLUSIVE = {
    ("cloudwatch", "put-metric-data"): (
        (("MetricData", "metric-data"), tuple(o.name for o, _ in _PUT_METRIC_SHORTCUTS),
         "option"),),
}

"""emr: list-clusters by state (--active, --terminated, --failed) and add-tags k=v."""

from __future__ import annotations

from cli.errors import ValidationError
from cli.options import Option

_STATES = {
    "active": ["STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING", "TERMINATING"],
    "terminated": ["TERMINATED"],
    "failed": ["TERMINATED_WITH_ERRORS"],
}


def _state_filter(name: str):
    def apply(value: bool, params: dict) -> None:
        if not value:
            return
        if params.get("ClusterStates"):
            raise ValidationError("You can specify only one of the cluster state filters: "
                                  "--cluster-states, --active, --terminated, --failed.")
        params["ClusterStates"] = list(_STATES[name])
    return apply


def _tags(value: list[str], params: dict) -> None:
    """`Key=Value` words (a word without = is a key with an empty value)."""
    tags = []
    for word in value:
        key, _, text = word.partition("=")
        tags.append({"Key": key, "Value": text})
    params["Tags"] = tags


EXTRA_ARGUMENTS = {
    ("emr", "list-clusters"): tuple(
        (Option(name, "boolean", f"Only the clusters in the {name} states: "
                + ", ".join(states) + ".", dest=name, group="state"), _state_filter(name))
        for name, states in _STATES.items()),
    ("emr", "add-tags"): (
        (Option("tags", "string",
                "The tags to add, as Key=Value words separated by spaces (Key alone for an "
                "empty value).", nargs="+", required=True), _tags),),
}

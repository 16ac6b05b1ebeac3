"""Kubeconfig files as `aws eks update-kubeconfig` reads, merges and writes them (v2's rules).

Pure functions over plain dicts, apart from `load` (reads a file) and `save`
(writes one through cli.files):

    paths(kubeconfig_option, KUBECONFIG, home)   the candidate files, first is the default
    load(path) -> dict                           a missing file is a new, empty config
    merge(config, cluster, user, alias) -> ctx   entries replaced by name, others kept
    dump(config) -> str                          block-style YAML, keys in their order

A kubeconfig keeps every cluster, context and user it had; an entry with the
same name as a new one is replaced in place, and current-context becomes the
new context.
"""

from __future__ import annotations

import os

from cli.errors import CliError


class KubeconfigError(CliError):
    """A kubeconfig that cannot be read, parsed or written (v2: a general error, exit 255)."""


def empty() -> dict:
    """A new kubeconfig's content, in the order v2 writes its keys."""
    return {"apiVersion": "v1", "clusters": [], "contexts": [], "current-context": "",
            "kind": "Config", "preferences": {}, "users": []}


def paths(option: str | None, variable: str, home: str) -> list[str]:
    """The kubeconfig files to consider: --kubeconfig alone when given, else KUBECONFIG's
    files (parted by os.pathsep, blanks skipped), else ~/.kube/config."""
    default = os.path.join(home, ".kube", "config")
    if option is not None:
        return [_absolute(option, home)]
    found = [_absolute(p, home) for p in (variable or default).split(os.pathsep) if p.strip()]
    return found or [default]


def _absolute(path: str, home: str) -> str:
    if path == "~" or path.startswith("~" + os.sep):
        path = home + path[1:]
    return os.path.abspath(path)


def load(path: str) -> dict:
    """The content of the kubeconfig at `path` (a new one when there is no file), checked."""
    import yaml

    try:
        with open(path, encoding="utf-8") as f:
            content = yaml.safe_load(f)
    except FileNotFoundError:
        content = None
    except OSError as e:
        raise KubeconfigError(f"Can't open kubeconfig for reading: {e}") from None
    except yaml.YAMLError as e:
        raise KubeconfigError(f"YamlError while loading kubeconfig: {e}") from None
    if content is None:
        content = empty()
    check(content)
    return content


def check(content) -> None:
    """Raise KubeconfigError when a known key holds the wrong kind of value (v2's checks)."""
    if not isinstance(content, dict):
        raise KubeconfigError(f"Content not a {dict}.")
    for key, model in empty().items():
        value = content.get(key)
        if value is not None and not isinstance(value, type(model)):
            raise KubeconfigError(f"{key} is wrong type: {type(value)} "
                                  f"(Should be {type(model)})")
    for key, model in empty().items():
        if isinstance(model, list) and isinstance(content.get(key), list):
            if any(not isinstance(entry, dict) for entry in content[key]):
                raise KubeconfigError(f"Entry in {key} not a {dict}. ")


def has_cluster(content: dict, name: str) -> bool:
    return any(isinstance(c, dict) and c.get("name") == name
               for c in content.get("clusters") or [])


def choose(candidates: list[str], cluster_name: str, warn) -> tuple[str, dict]:
    """(path, content) of the first candidate that has the cluster already, else the first.

    A candidate that cannot be read is passed over with a warning (`warn(line)`),
    unless it is the first and nothing else has the cluster.
    """
    for path in candidates:
        try:
            content = load(path)
        except KubeconfigError as e:
            warn(f"Passing {path}:{e.message}")
            continue
        if has_cluster(content, cluster_name):
            return path, content
    return candidates[0], load(candidates[0])


def _insert(content: dict, key: str, entry: dict) -> None:
    entries = content.get(key) or []
    content[key] = entries
    for i, existing in enumerate(entries):
        if existing.get("name") == entry["name"]:
            entries[i] = entry
            return
    entries.append(entry)


def merge(content: dict, cluster: dict, user: dict, alias: str | None = None) -> dict:
    """Put the cluster, the user and a context joining them into `content`; return the context.

    The context is named `alias`, or else after the user; it becomes current.
    """
    context = {"context": {"cluster": cluster["name"], "user": user["name"]},
               "name": alias or user["name"]}
    _insert(content, "clusters", cluster)
    _insert(content, "users", user)
    _insert(content, "contexts", context)
    content["current-context"] = context["name"]
    return context


def dump(data) -> str:
    """Block-style YAML with the keys in their order and no line folding (as v2 writes)."""
    import yaml

    return yaml.safe_dump(data, default_flow_style=False, sort_keys=False,
                          width=float("inf"), allow_unicode=True)


def save(path: str, content: dict) -> None:
    """Write the kubeconfig whole (cli.files); a new file is readable by its owner only."""
    from cli.files import SECRET, atomic_file

    try:
        with atomic_file(path, mode=SECRET, text=True) as f:
            f.write(dump(content))
    except OSError as e:
        raise KubeconfigError(f"Can't open kubeconfig for writing: {e}") from None

"""Where the models live, and the per-operation cache derived from them.

Local work (argv errors, skeletons, help) must not pay for botocore's client
stack, so this module reads botocore's data files itself and keeps, per
operation, one small JSON file: the operation, the shapes it reaches, its
paginator and its parameter names. The cache directory is keyed by the
botocore installation (path, size and mtime of its package) and by
AWS_DATA_PATH, so an upgrade or a new model path starts a fresh cache. A
miss builds the entry from the service model; if the data cannot be read
the usual way, botocore's own loader is the fallback.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs milliseconds at every keystroke
if TYPE_CHECKING:
    from typing import Any, Mapping

import marshal
import os
import sys

from cli.customizations import COMMAND_RENAMES, command_table
from cli.errors import UnknownCommandError
from cli.model import Operation, Shape

CACHE_FORMAT = "7"



def _botocore_dir() -> str:
    # A plain walk of sys.path: importlib.util (and botocore itself) cost
    # milliseconds that a keystroke should not pay.
    for entry in sys.path:
        candidate = os.path.join(entry or os.getcwd(), "botocore")
        if os.path.isfile(os.path.join(candidate, "__init__.py")):
            return candidate
    raise RuntimeError("botocore is not installed")


class DataPaths:
    """The model search path botocore would use, most specific first."""

    __slots__ = ("search_paths", "botocore_dir")

    def __init__(self, search_paths: tuple[str, ...], botocore_dir: str):
        self.search_paths = search_paths
        self.botocore_dir = botocore_dir

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> "DataPaths":
        botocore_dir = _botocore_dir()
        extra = [
            os.path.expanduser(p)
            for p in environ.get("AWS_DATA_PATH", "").split(os.pathsep)
            if p
        ]
        customer = os.path.join(environ.get("HOME", os.path.expanduser("~")), ".aws", "models")
        builtin = os.path.join(botocore_dir, "data")
        return cls(tuple(extra + [customer, builtin]), botocore_dir)

    def cache_key(self) -> str:
        parts = [CACHE_FORMAT, self.botocore_dir]
        init = os.path.join(self.botocore_dir, "__init__.py")
        try:
            st = os.stat(init)
            parts += [str(st.st_mtime_ns), str(st.st_size)]
        except OSError:
            pass
        for path in self.search_paths:
            try:
                parts += [path, str(os.stat(path).st_mtime_ns)]
            except OSError:
                parts.append(path + ":absent")
        # crc32, not a cryptographic hash: _hashlib alone costs milliseconds.
        import zlib

        joined = "|".join(parts).encode()
        return f"{zlib.crc32(joined):08x}{zlib.adler32(joined):08x}"

    # -- reading botocore's data files -------------------------------------

    def load_json(self, relative: str) -> Any:
        """The first `relative`(.json|.json.gz) along the search path."""
        import json

        for base in self.search_paths:
            path = os.path.join(base, relative)
            if os.path.isfile(path + ".json"):
                with open(path + ".json", "rb") as f:
                    return json.loads(f.read())
            if os.path.isfile(path + ".json.gz"):
                import gzip

                with gzip.open(path + ".json.gz", "rb") as f:
                    return json.loads(f.read())
        raise FileNotFoundError(relative)

    def service_names(self) -> list[str]:
        names = set()
        for base in self.search_paths:
            try:
                entries = os.listdir(base)
            except OSError:
                continue
            for entry in entries:
                if self._api_versions_in(os.path.join(base, entry)):
                    names.add(entry)
        return sorted(names)

    @staticmethod
    def _api_versions_in(service_dir: str) -> list[str]:
        try:
            versions = os.listdir(service_dir)
        except OSError:
            return []
        return [
            v
            for v in versions
            if os.path.isfile(os.path.join(service_dir, v, "service-2.json"))
            or os.path.isfile(os.path.join(service_dir, v, "service-2.json.gz"))
        ]

    def latest_api_version(self, service_name: str) -> str:
        versions: set[str] = set()
        for base in self.search_paths:
            versions.update(self._api_versions_in(os.path.join(base, service_name)))
        if not versions:
            raise FileNotFoundError(service_name)
        return max(versions)

    def service_model(self, service_name: str) -> tuple[dict, dict]:
        """(service-2 model, paginators) for the latest API version, extras merged."""
        try:
            version = self.latest_api_version(service_name)
            model = self._with_extras(f"{service_name}/{version}/service-2")
            try:
                paginators = self._with_extras(f"{service_name}/{version}/paginators-1")
            except FileNotFoundError:
                paginators = {}
            return model, paginators.get("pagination", {})
        except (OSError, ValueError):
            return _load_with_botocore(service_name, self)

    def _with_extras(self, relative: str) -> dict:
        """A data file with its `.sdk-extras` file merged in, as botocore's loader does."""
        data = self.load_json(relative)
        try:
            extras = self.load_json(relative + ".sdk-extras")
        except FileNotFoundError:
            return data
        _deep_merge(data, extras.get("merge", {}))
        return data


def _deep_merge(base: dict, extra: dict) -> None:
    """Merge `extra` into `base` in place: dicts merge key by key, anything else replaces."""
    for key, value in extra.items():
        if isinstance(base.get(key), dict) and isinstance(value, dict):
            _deep_merge(base[key], value)
        else:
            base[key] = value


def _load_with_botocore(service_name: str, paths: DataPaths) -> tuple[dict, dict]:
    import json

    from botocore.exceptions import DataNotFoundError
    from botocore.loaders import Loader

    loader = Loader(extra_search_paths=list(paths.search_paths[:-1]))
    model = loader.load_service_model(service_name, "service-2")
    try:
        paginators = loader.load_service_model(service_name, "paginators-1")
    except DataNotFoundError:
        paginators = {}
    # botocore's loader gives OrderedDicts; the cache keeps plain dicts.
    model, paginators = json.loads(json.dumps([model, paginators]))
    return model, paginators.get("pagination", {})


class Catalog:
    """Services, operations and operation models, served from the cache."""

    def __init__(self, environ: Mapping[str, str]):
        self.paths = DataPaths.from_environ(environ)
        root = environ.get("SHAPECLI_CACHE_DIR") or os.path.join(
            environ.get("XDG_CACHE_HOME")
            or os.path.join(environ.get("HOME", os.path.expanduser("~")), ".cache"),
            "shapecli",
        )
        self.cache_dir = os.path.join(root, self.paths.cache_key())
        self._services: dict[str, str] | None = None
        self._models: dict[str, tuple[dict, dict]] = {}
        self._entries: dict[tuple[str, str], dict] = {}
        self._tables: dict[str, tuple[dict, dict]] = {}

    # -- cache files ------------------------------------------------------

    # Cache entries are marshal: it loads faster than json, and needs no import.
    def _read_cache(self, *parts: str) -> Any | None:
        try:
            with open(os.path.join(self.cache_dir, *parts), "rb") as f:
                return marshal.loads(f.read())
        except (OSError, ValueError, EOFError, TypeError):
            return None

    def _write_cache(self, data: Any, *parts: str) -> None:
        path = os.path.join(self.cache_dir, *parts)
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            tmp = f"{path}.{os.getpid()}.tmp"
            with open(tmp, "wb") as f:
                f.write(marshal.dumps(data))
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only home only costs speed

    def derived_text(self, name: str, packages: tuple[str, ...], produce) -> str:
        """Text derived from the model (a help page, a skeleton), cached on first use.

        The entry is keyed by `name` and by the size and mtime of the source
        files of the packages that produce it, so editing them starts afresh;
        the model's own changes already start a new cache directory.
        """
        path = os.path.join(self.cache_dir, "_derived", _code_stamp(packages), name)
        try:
            with open(path, encoding="utf-8") as f:
                return f.read()
        except (OSError, ValueError):
            pass
        text = produce()
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            tmp = f"{path}.{os.getpid()}.tmp"
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(text)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only cache only costs speed
        return text

    def _service_model(self, service_name: str) -> tuple[dict, dict]:
        if service_name not in self._models:
            self._models[service_name] = self.paths.service_model(service_name)
        return self._models[service_name]

    # -- services ---------------------------------------------------------

    def commands(self) -> dict[str, str]:
        """CLI command name -> botocore service name, for every service."""
        if self._services is None:
            services = self._read_cache("_services")
            if services is None:
                services = {
                    COMMAND_RENAMES.get(name, name): name for name in self.paths.service_names()
                }
                self._write_cache(services, "_services")
            self._services = services
        return self._services

    def service_name(self, command_name: str) -> str:
        try:
            return self.commands()[command_name]
        except KeyError:
            raise UnknownCommandError("command", command_name, sorted(self.commands())) from None

    def service_index(self, service_name: str) -> dict:
        """{"documentation", "metadata", "operations": {cli_name: name}}."""
        index = self._read_cache(service_name, "index")
        if index is None:
            from botocore import xform_name

            model, _ = self._service_model(service_name)
            index = {
                "documentation": model.get("documentation", ""),
                "metadata": model.get("metadata", {}),
                "operations": {
                    xform_name(name, "-"): name for name in sorted(model.get("operations", {}))
                },
            }
            self._write_cache(index, service_name, "index")
        return index

    def operation_names(self, service_name: str) -> dict[str, str]:
        """The operations v2 offers for a service: {cli name: model key}, sorted."""
        return self._command_table(service_name)[0]

    def _command_table(self, service_name: str) -> tuple[dict, dict]:
        # Customizations apply as the index is read, never to the cached
        # index itself: the cache holds only what the model says.
        if service_name not in self._tables:
            command = COMMAND_RENAMES.get(service_name, service_name)
            self._tables[service_name] = command_table(
                command, self.service_index(service_name)["operations"])
        return self._tables[service_name]

    # -- waiters ----------------------------------------------------------

    def waiters(self, service_name: str) -> dict[str, dict]:
        """The service's waiters, named as v2 names them: {cli name: config}, sorted.

        A config is botocore's waiter configuration (operation, delay,
        maxAttempts, acceptors, maybe description) with the waiter's model
        name under "name"; {} when the service has no waiters.
        """
        waiters = self._read_cache(service_name, "_waiters")
        if waiters is None:
            waiters = self._build_waiters(service_name)
            self._write_cache(waiters, service_name, "_waiters")
        return waiters

    def _build_waiters(self, service_name: str) -> dict[str, dict]:
        from botocore import xform_name

        try:
            # The waiters of the API version the client will use: the latest.
            version = self.paths.latest_api_version(service_name)
            data = self.paths._with_extras(f"{service_name}/{version}/waiters-2")
        except FileNotFoundError:
            return {}
        named = {xform_name(name, "-"): {**config, "name": name}
                 for name, config in data.get("waiters", {}).items()}
        return dict(sorted(named.items()))

    def waiter(self, command_name: str, cli_name: str) -> tuple[dict, Operation]:
        """A wait command: the waiter's config and its operation.

        The operation is named `<command> wait` / `<waiter>`, as v2 names
        the command, so that it has the model's arguments only (v2's
        per-operation customizations do not reach wait commands).
        """
        service_name = self.service_name(command_name)
        waiters = self.waiters(service_name)
        try:
            config = waiters[cli_name]
        except KeyError:
            raise UnknownCommandError("subcommand", cli_name, list(waiters)) from None
        entry = self.operation_entry(service_name, config["operation"])
        return config, _operation_from_entry(entry, f"{command_name} wait", cli_name)

    # -- operations -------------------------------------------------------

    def operation(self, command_name: str, cli_name: str) -> Operation:
        service_name = self.service_name(command_name)
        operations, aliases = self._command_table(service_name)
        cli_name = aliases.get(cli_name, cli_name)
        try:
            name = operations[cli_name]
        except KeyError:
            raise UnknownCommandError("operation", cli_name, sorted(operations)) from None
        return _operation_from_entry(self.operation_entry(service_name, name), command_name, cli_name)

    def forget(self, service_name: str) -> None:
        """Drop what this catalog holds in memory for one service (for walks over all)."""
        self._models.pop(service_name, None)
        self._tables.pop(service_name, None)
        for key in [k for k in self._entries if k[0] == service_name]:
            del self._entries[key]

    def operation_entry(self, service_name: str, name: str) -> dict:
        """The cached model of one operation (a pruned service model), read once."""
        key = (service_name, name)
        if key not in self._entries:
            entry = self._read_cache(service_name, name)
            if entry is None:
                entry = self._build_entry(service_name, name)
                self._write_cache(entry, service_name, name)
            self._entries[key] = entry
        return self._entries[key]

    def _build_entry(self, service_name: str, name: str) -> dict:
        from botocore import xform_name

        model, paginators = self._service_model(service_name)
        op = model["operations"][name]
        all_shapes = model.get("shapes", {})
        shapes: dict[str, Any] = {}
        for key in ("input", "output"):
            if key in op:
                _collect_shapes(op[key]["shape"], all_shapes, shapes)
        for error in op.get("errors", []):
            _collect_shapes(error["shape"], all_shapes, shapes)
        names = {}
        if "input" in op:
            names = {
                member: xform_name(member, "-")
                for member in all_shapes[op["input"]["shape"]].get("members", {})
            }
        return {
            "service_name": service_name,
            "key": name,  # the model's key for the operation; op["name"] is its wire name
            "metadata": model.get("metadata", {}),
            "version": model.get("version"),
            "operation": op,
            "shapes": shapes,
            "paginator": paginators.get(name),
            "parameter_names": names,
        }


def _code_stamp(packages: tuple[str, ...]) -> str:
    """A short stamp of the Python sources of `packages` (top-level package names)."""
    import zlib

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parts = []
    for package in packages:
        try:
            entries = os.scandir(os.path.join(root, *package.split(".")))
        except OSError:
            continue
        with entries:
            for entry in entries:
                if entry.name.endswith(".py"):
                    st = entry.stat()
                    parts.append(f"{package}/{entry.name}:{st.st_mtime_ns}:{st.st_size}")
    return f"{zlib.crc32('|'.join(sorted(parts)).encode()):08x}"


def _collect_shapes(name: str, all_shapes: Mapping[str, Any], out: dict[str, Any]) -> None:
    stack = [name]
    while stack:
        current = stack.pop()
        if current in out:
            continue
        definition = all_shapes[current]
        out[current] = definition
        refs = list(definition.get("members", {}).values())
        refs += [definition[k] for k in ("member", "key", "value") if k in definition]
        stack.extend(ref["shape"] for ref in refs)


def _operation_from_entry(entry: Mapping[str, Any], command_name: str, cli_name: str) -> Operation:
    op = entry["operation"]
    shapes = entry["shapes"]

    def shape_of(key: str) -> Shape | None:
        if key not in op:
            return None
        return Shape("", {"type": "structure"}, shapes).resolve(op[key])

    return Operation(
        service_name=entry["service_name"],
        command_name=command_name,
        name=entry["key"],
        cli_name=cli_name,
        documentation=op.get("documentation", ""),
        input_shape=shape_of("input"),
        output_shape=shape_of("output"),
        paginator=entry.get("paginator"),
        protocol=entry["metadata"].get("protocol", ""),
        parameter_names=entry["parameter_names"],
        deprecated=bool(op.get("deprecated")),
    )

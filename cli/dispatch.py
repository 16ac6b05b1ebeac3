"""Calling the service through botocore: session, client, paginator.

This is the only module that imports botocore's client stack, and it does
so inside functions, so local jobs never pay for it. The client is built
from a loader that serves the operation's pruned model from shapecli's
cache, so a call does not re-read the whole service model.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs milliseconds at every keystroke
if TYPE_CHECKING:
    from typing import Any, Iterator, Mapping

from cli import __version__
from cli.catalog import Catalog
from cli.errors import (
    CliError,
    ConfigError,
    ConnectionFailure,
    ServiceError,
    UsageError,
    ValidationError,
)
from cli.model import Operation


class CallSettings:
    """The global options that shape a call (a plain class: dataclasses import slowly)."""

    __slots__ = ("profile", "region", "endpoint_url", "verify_ssl", "ca_bundle",
                 "sign_request", "read_timeout", "connect_timeout", "debug")

    def __init__(self, profile: str | None = None, region: str | None = None,
                 endpoint_url: str | None = None, verify_ssl: bool = True,
                 ca_bundle: str | None = None, sign_request: bool = True,
                 read_timeout: int | None = None, connect_timeout: int | None = None,
                 debug: bool = False):
        self.profile = profile
        self.region = region
        self.endpoint_url = endpoint_url
        self.verify_ssl = verify_ssl
        self.ca_bundle = ca_bundle
        self.sign_request = sign_request
        self.read_timeout = read_timeout
        self.connect_timeout = connect_timeout
        self.debug = debug


class ServiceCallError(ServiceError):
    """A service error, rendered in the --cli-error-format the user chose."""

    def __init__(self, text: str, error: dict[str, Any]):
        super().__init__(text)
        self.error = error  # Message, Code, then the response's other fields
        self.error_format: str | None = None

    def render(self) -> str:
        fmt = self.error_format or "enhanced"
        if fmt in ("json", "yaml", "text", "table"):
            import output

            return output.render(self.error, fmt, title="error")
        text = super().render()
        details = {k: v for k, v in self.error.items() if k not in ("Code", "Message", "message")}
        if fmt == "legacy" or not details:
            return text
        lines = ["", "Additional error details:"]
        complex_value = False
        for key, value in details.items():
            if isinstance(value, (dict, list)):
                complex_value = True
                value = "<complex value>"
            lines.append(f"{key}: {value}")
        if complex_value:
            lines.append('Use "--cli-error-format json" or another error format to see the '
                         "full details.")
        return text + "\n".join(lines) + "\n"


# The settings v2 reads beyond botocore's own, wired into botocore's config
# chain (command line > environment > config file > default), so the
# environment and ~/.aws/config are read by botocore, not by hand.
SESSION_VARIABLES = {
    "region": ("region", ["AWS_REGION", "AWS_DEFAULT_REGION"], None, None),
    "output": ("output", "AWS_DEFAULT_OUTPUT", "json", None),
    "cli_binary_format": ("cli_binary_format", None, "base64", None),
    "cli_timestamp_format": ("cli_timestamp_format", None, "iso8601", None),
    "cli_error_format": ("cli_error_format", "AWS_CLI_ERROR_FORMAT", "enhanced", None),
    "cli_auto_prompt": ("cli_auto_prompt", "AWS_CLI_AUTO_PROMPT", "off", None),
}


def make_session(settings: CallSettings, environ: Mapping[str, str]):
    import botocore.session as botocore_session

    session = botocore_session.Session(session_vars=SESSION_VARIABLES,
                                       profile=settings.profile)
    session.user_agent_name = "shapecli"
    session.user_agent_version = __version__
    from cli import responses

    responses.install(session)
    session.register("creating-serializer", _timestamps_as_v2_sends_them)
    if settings.debug:
        from cli import redact

        redact.watch(session)
    return session


def _timestamps_as_v2_sends_them(serializer_kwargs, **_) -> None:
    # v2 sends unix timestamps in whole seconds, ISO 8601 ones to the
    # microsecond and RFC 822 ones in seconds: botocore's "legacy" precision.
    serializer_kwargs["timestamp_precision"] = "legacy"


def check_profile(session) -> None:
    from botocore.exceptions import ProfileNotFound

    try:
        session.get_scoped_config()
    except ProfileNotFound as e:
        raise ConfigError(str(e)) from None


def config_value(session, name: str) -> Any:
    """A setting through botocore's chain: environment, config file, default."""
    from botocore.exceptions import ProfileNotFound

    try:
        if name in SESSION_VARIABLES:
            return session.get_config_variable(name)
        return session.get_scoped_config().get(name)
    except ProfileNotFound as e:
        raise ConfigError(str(e)) from None


def parse_timestamps_as_text(session, timestamp_format: str) -> None:
    """Timestamps in responses become text as v2 prints them.

    `iso8601` (the default): ISO 8601 of the parsed time; `wire`: exactly
    what the service sent.
    """
    if timestamp_format not in ("wire", "iso8601"):
        error = ConfigError(f"Unknown cli_timestamp_format value: {timestamp_format}, valid "
                            'values are "wire" or "iso8601"')
        error.code = "Configuration"  # v2's words and exit code (253)
        raise error
    parser = wire_timestamp if timestamp_format == "wire" else iso_timestamp
    session.get_component("response_parser_factory").set_parser_defaults(
        timestamp_parser=parser)


def wire_timestamp(value):
    return value


def iso_timestamp(value):
    from botocore.utils import parse_timestamp

    return parse_timestamp(value).isoformat()


def make_client(session, catalog: Catalog, operation: Operation, settings: CallSettings,
                environ: Mapping[str, str], *, retry_mode: str = "standard",
                pool_size: int | None = None):
    """The client; `retry_mode` applies unless the user configured one (v2's is standard).

    Its model is the one operation's, pruned, from shapecli's cache.
    """
    _install_cached_loader(session, catalog, operation)
    return _create_client(session, operation.service_name, settings, environ,
                          retry_mode=retry_mode, pool_size=pool_size)


def make_service_client(session, service_name: str, settings: CallSettings,
                        environ: Mapping[str, str], *, region: str | None = None,
                        endpoint_url: str | None = None, global_endpoint: bool = True,
                        **config):
    """A client with the service's whole model, for a hand-written command that makes
    several kinds of calls (s3 cp: uploads, listings, multipart parts).

    `region` / `endpoint_url` override the global options' (s3's --source-region);
    `global_endpoint=False` leaves --endpoint-url out (botocore's own endpoint settings
    still apply); `config`: more botocore Config settings (s3's addressing style, pool size).
    """
    return _create_client(session, service_name, settings, environ, region=region,
                          endpoint_url=endpoint_url, config=config,
                          global_endpoint=global_endpoint)


def _create_client(session, service_name: str, settings: CallSettings,
                   environ: Mapping[str, str], *, retry_mode: str = "standard",
                   pool_size: int | None = None, region: str | None = None,
                   endpoint_url: str | None = None, config: dict | None = None,
                   global_endpoint: bool = True):
    from botocore import UNSIGNED
    from botocore.config import Config
    from botocore.exceptions import NoRegionError

    config_kwargs: dict[str, Any] = dict(config or {})
    if settings.read_timeout is not None:
        config_kwargs["read_timeout"] = settings.read_timeout or None
    if settings.connect_timeout is not None:
        config_kwargs["connect_timeout"] = settings.connect_timeout or None
    if not settings.sign_request:
        config_kwargs["signature_version"] = UNSIGNED
    # v2's default retry mode is "standard"; botocore's is "legacy".
    if not environ.get("AWS_RETRY_MODE") and not config_value(session, "retry_mode"):
        config_kwargs.setdefault("retries", {"mode": retry_mode})
    if pool_size is not None:
        config_kwargs["max_pool_connections"] = pool_size
    verify: Any = None
    if not settings.verify_ssl:
        verify = False
    elif settings.ca_bundle:
        verify = settings.ca_bundle
    if global_endpoint:
        endpoint_url = endpoint_url or settings.endpoint_url
    try:
        return session.create_client(
            service_name,
            region_name=region or settings.region,
            endpoint_url=endpoint_url,
            verify=verify,
            config=Config(**config_kwargs),
        )
    except NoRegionError:
        raise _no_region() from None
    except ValueError as e:  # a malformed setting, e.g. AWS_MAX_ATTEMPTS=abc
        if endpoint_url and str(e).startswith("Invalid endpoint"):
            raise CliError(str(e)) from None  # v2: a general error, exit 255
        raise ConfigError(f"Invalid configuration: {e}") from None
    except Exception as e:
        raise translate(e) from None


def _no_region() -> ConfigError:
    error = ConfigError(
        'You must specify a region. You can also configure your region by running "aws configure".'
    )
    error.code = "NoRegion"
    return error


def use_model_cache(session, catalog: Catalog) -> None:
    """A hand-written command's session: its clients (of any service, whole models) read
    botocore's data through shapecli's cache, without botocore's scan of every service
    directory at each model it loads. Called once, on the fresh session."""
    _install_cached_loader(session, catalog, None)


def _install_cached_loader(session, catalog: Catalog, operation: Operation | None) -> None:
    """botocore's data loader, served from shapecli's caches: every data file as marshal,
    and a service known by a look at its own directory. With `operation` (the
    one-operation path), its service's model is that operation's alone and the endpoints
    data is cut to the services this process may call."""
    import marshal
    import os
    import zlib
    from collections.abc import Sequence

    from botocore.exceptions import DataNotFoundError
    from botocore.loaders import JSONFileLoader, Loader

    data_cache = os.path.join(catalog.cache_dir, "_data")

    class MarshalCachedFileLoader(JSONFileLoader):
        """botocore's data files (endpoints, rule sets, partitions...) kept as marshal.

        marshal loads these large documents several times faster than json;
        an entry is keyed by the source file's path, size and mtime.
        """

        def load_file(self, file_path, prefixes: tuple[str, ...] = ()):
            """The file's data; with `prefixes`, endpoints data of those services only."""
            for ext in (".json", ".json.gz"):
                source = file_path + ext
                try:
                    st = os.stat(source)
                except OSError:
                    continue
                key = f"{zlib.crc32(source.encode()):08x}-{st.st_mtime_ns:x}-{st.st_size:x}"
                if prefixes:
                    key += f"-{zlib.crc32(' '.join(prefixes).encode()):08x}"
                cached = os.path.join(data_cache, key)
                try:
                    with open(cached, "rb") as f:
                        return marshal.loads(f.read())
                except (OSError, ValueError, EOFError, TypeError):
                    pass
                if prefixes:
                    data = pruned_endpoints(self.load_file(file_path), prefixes)
                else:
                    data = _read_json(source)
                _write_atomically(cached, marshal.dumps(data))
                return data
            return None

    class ServiceNames(Sequence):
        """The services with a `type_name` model, as botocore lists them; asking whether one
        service is among them looks in that service's directory alone (botocore asks before
        every model it loads, and listing all 445 services costs ~15 ms each time)."""

        def __init__(self, loader, type_name: str):
            self._loader, self._type_name, self._names = loader, type_name, None

        def __contains__(self, service_name) -> bool:
            try:
                return bool(self._loader.list_api_versions(service_name, self._type_name))
            except (DataNotFoundError, OSError):
                return False

        def _all(self) -> list[str]:
            if self._names is None:
                self._names = Loader.list_available_services(self._loader, self._type_name)
            return self._names

        def __getitem__(self, index):
            return self._all()[index]

        def __len__(self) -> int:
            return len(self._all())

    entry = prefixes = None
    if operation is not None:
        entry = catalog.operation_entry(operation.service_name, operation.name)
        prefixes = tuple(sorted({entry["metadata"].get("endpointPrefix")
                                 or operation.service_name, *BOTOCORE_OWN_CLIENTS}))

    class CachedLoader(Loader):
        """botocore's loader on shapecli's caches; with an operation, its pruned model."""

        def list_available_services(self, type_name):
            return ServiceNames(self, type_name)

        def load_data_with_path(self, name):
            if name == "endpoints" and prefixes:  # the services this process can call
                for path in self._potential_locations(name):
                    data = self.file_loader.load_file(path, prefixes)
                    if data is not None:
                        return data, path
            return super().load_data_with_path(name)

        def load_service_model(self, service_name, type_name, api_version=None):
            if operation is not None and service_name == operation.service_name:
                if type_name == "service-2":
                    return pruned_service_model(entry)
                if type_name == "paginators-1":
                    paginator = entry.get("paginator")
                    return {"pagination": {operation.name: paginator} if paginator else {}}
                version = api_version or entry["metadata"].get("apiVersion")
                if version:
                    # The rule set and friends of the one service: straight to the
                    # file, skipping botocore's scan of every service directory.
                    try:
                        data, _ = self.load_data_with_path(
                            os.path.join(service_name, version, type_name))
                        return data
                    except DataNotFoundError:
                        pass
            return super().load_service_model(service_name, type_name, api_version)

    search_paths = list(catalog.paths.search_paths[:-2])
    session.register_component("data_loader", CachedLoader(
        extra_search_paths=search_paths, file_loader=MarshalCachedFileLoader()))


# The endpoint prefixes of the clients botocore itself may make during a call: S3 (its
# signature defaults look S3 up) and the credential and token providers' sts, sso, sso-oidc
# and signin. The endpoints data (half a megabyte) is kept for these and the called service.
BOTOCORE_OWN_CLIENTS = ("s3", "sts", "portal.sso", "oidc", "signin")


def pruned_endpoints(data: dict, prefixes: tuple[str, ...]) -> dict:
    """botocore's endpoints data with every partition's services cut down to `prefixes`."""
    partitions = [{**p, "services": {k: v for k, v in p.get("services", {}).items()
                                     if k in prefixes}}
                  for p in data.get("partitions", ())]
    return {**data, "partitions": partitions}


def pruned_service_model(entry: dict) -> dict:
    """A service model holding only the cached operation and the shapes it reaches."""
    return {
        "version": entry.get("version") or "2.0",
        "metadata": entry["metadata"],
        "operations": {entry["key"]: entry["operation"]},
        "shapes": entry["shapes"],
        "documentation": "",
    }


def validate(catalog: Catalog, operation: Operation, params: dict[str, Any]) -> None:
    """botocore's client-side validation of a request, without sending it."""
    from botocore.model import ServiceModel
    from botocore.validate import ParamValidator

    entry = catalog.operation_entry(operation.service_name, operation.name)
    model = ServiceModel(pruned_service_model(entry), operation.service_name)
    input_shape = model.operation_model(operation.name).input_shape
    if input_shape is None:
        return
    report = ParamValidator().validate(params, input_shape)
    if report.has_errors():
        raise ValidationError("Parameter validation failed:\n" + report.generate_report())


def _read_json(path: str):
    """A JSON data file (gzip-compressed when it ends in .gz) as plain dicts and lists."""
    import json

    if path.endswith(".gz"):
        import gzip

        with gzip.open(path, "rb") as f:
            return json.loads(f.read())
    with open(path, "rb") as f:
        return json.loads(f.read())


def _write_atomically(path: str, data: bytes) -> None:
    import os

    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache only costs speed


def _page_iterator(client, operation: Operation, params: dict[str, Any],
                   pagination: Mapping[str, Any]):
    """botocore's PageIterator for the call, with --max-items/--starting-token/--page-size."""
    from botocore import xform_name

    config = {k: v for k, v in (pagination or {}).items() if v is not None}
    paginator = client.get_paginator(xform_name(operation.name))
    return paginator.paginate(**params, PaginationConfig=config)


def pages(client, operation: Operation, params: dict[str, Any], *, paginate: bool,
          pagination: Mapping[str, Any]) -> Iterator[dict]:
    """Yield the response pages: one, unless the operation paginates automatically."""
    from botocore import xform_name

    try:
        if paginates(operation, params, paginate):
            yield from _page_iterator(client, operation, params, pagination)
        else:
            yield getattr(client, xform_name(operation.name))(**params)
    except Exception as e:  # botocore's errors become ours in one place
        raise translate(e) from None


def result(client, operation: Operation, params: dict[str, Any], *, paginate: bool,
           pagination: Mapping[str, Any]) -> dict:
    """The whole result: all pages merged as v2 merges them, NextToken when truncated."""
    if not paginates(operation, params, paginate):
        return next(pages(client, operation, params, paginate=False, pagination=pagination))
    try:
        return _page_iterator(client, operation, params, pagination).build_full_result()
    except Exception as e:
        raise translate(e) from None


def text_pages(client, operation: Operation, params: dict[str, Any],
               pagination: Mapping[str, Any]) -> Iterator[dict]:
    """The page dicts v2's text output prints one by one for a paginated call.

    The first page carries the result's non-aggregate keys, every page its
    result keys; when --max-items cut the result, a last NextToken block.
    """
    from botocore.utils import set_value_from_jmespath

    try:
        iterator = _page_iterator(client, operation, params, pagination)
        for number, page in enumerate(iterator):
            current = dict(iterator.non_aggregate_part) if number == 0 else {}
            for key in iterator.result_keys:
                set_value_from_jmespath(current, key.expression, key.search(page))
            yield current
        if iterator.resume_token:
            yield {"NextToken": {"NextToken": iterator.resume_token}}
    except Exception as e:
        raise translate(e) from None


def paginates(operation: Operation, params: Mapping[str, Any], paginate: bool) -> bool:
    """Whether this call pages through results automatically (cli.request decides `paginate`)."""
    return paginate and operation.can_paginate


def _config_errors(bx) -> tuple:
    """botocore's errors that mean the configuration (files, environment) is wrong."""
    return (
        bx.ProfileNotFound, bx.ConfigParseError, bx.PartialCredentialsError,
        bx.InvalidConfigError, bx.InvalidRegionError, bx.InvalidRetryConfigurationError,
        bx.InvalidMaxRetryAttemptsError, bx.InvalidEndpointConfigurationError,
        bx.UnknownEndpointError, bx.UnknownCredentialError, bx.CredentialRetrievalError,
        bx.InvalidS3AddressingStyleError, bx.UnknownSignatureVersionError,
    )


def translate(error: Exception) -> CliError | Exception:
    """botocore's exception -> shapecli's error (or the error itself if unknown)."""
    from botocore import exceptions as bx

    if isinstance(error, CliError):
        return error
    if isinstance(error, bx.ClientError):
        response = error.response
        # The code and message, then the fields the error's shape models
        # (botocore puts those at the top level); the rest of the Error
        # element (a query error's Type, S3's Key or BucketName) stays out, as in v2.
        fields = {k: v for k, v in response.get("Error", {}).items()
                  if k in ("Code", "Message")}
        fields.update(
            (k, v) for k, v in response.items() if k not in ("Error", "ResponseMetadata"))
        return ServiceCallError(str(error), fields)
    if isinstance(error, bx.ParamValidationError):
        return ValidationError(str(error))  # "Parameter validation failed:\n..." as v2
    if isinstance(error, bx.NoCredentialsError):
        e = ConfigError(
            'Unable to locate credentials. You can configure credentials by running "aws login".'
        )
        e.code = "NoCredentials"
        return e
    if isinstance(error, bx.NoRegionError):
        return _no_region()
    if isinstance(error, _config_errors(bx)):
        return ConfigError(str(error))
    if isinstance(error, (bx.EndpointConnectionError, bx.ConnectTimeoutError,
                          bx.ReadTimeoutError, bx.SSLError, bx.ProxyConnectionError)):
        return ConnectionFailure(str(error))
    if isinstance(error, bx.PaginationError):
        return UsageError(str(error))
    if isinstance(error, bx.IncompleteReadError):  # a streamed body cut short
        return CliError(f"The response could not be read: the connection closed after "
                        f"{error.kwargs['actual_bytes']} of {error.kwargs['expected_bytes']} bytes")
    if isinstance(error, bx.BotoCoreError):
        return CliError(str(error))
    return error


def make_waiter(client, operation: Operation, config: dict[str, Any], before_each_check):
    """botocore's Waiter for one waiter `config` of the client's service.

    botocore judges each response by the model's acceptors; the caller
    paces the checks: `before_each_check()` runs before every call (it
    sleeps between checks and may raise to stop the wait).
    """
    from botocore import xform_name
    from botocore.waiter import NormalizedOperationMethod, SingleWaiterConfig, Waiter

    call = NormalizedOperationMethod(getattr(client, xform_name(operation.name)))

    def check(**params):
        before_each_check()
        return call(**params)

    return Waiter(config["name"], SingleWaiterConfig(config), check)


def wait(waiter, params: dict[str, Any], max_attempts: int) -> None:
    """Check until the waiter succeeds; its failure (a WaiterError) becomes a CliError."""
    try:
        # No sleeping inside botocore: the caller's before_each_check paces.
        waiter.wait(**params, WaiterConfig={"Delay": 0, "MaxAttempts": max_attempts})
    except Exception as e:
        raise translate(e) from None

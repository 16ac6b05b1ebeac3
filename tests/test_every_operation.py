"""Every operation and waiter of every service, end to end without a network: one walk.

For each of botocore's ~20,000 operations: the help page renders, every kind
of skeleton generates, and the smallest command line the model allows (the
required options with the values the help page's example shows, read back
through shlex) parses through the real argument engine, becomes request
parameters the way `aws` makes them (cli.request.Command), and goes through
cli.dispatch to a real botocore client, which validates, serialises and
signs it. botocore's own `before-send` event answers with an empty response
of the service's protocol, so nothing leaves the process. Each of the ~400
waiters renders its page and skeleton and makes one check through
botocore's Waiter with the same canned answer.

An operation that cannot do all of that must be in EXCEPTIONS with the
reason; an exception that no longer fails is reported too, so the table
stays true.
"""

from __future__ import annotations

import json
import os
import shlex
from urllib.parse import parse_qs

import pytest

from cli.arguments import command_parameters, parse_globals, parse_operation
from cli.catalog import Catalog
from cli.env import Env
from cli.help import page_for, render
from cli.help.operation import example_command
from cli.help.syntax import STREAMING_EXAMPLE_FILE
from cli.request import Command
from cli.shortcuts import extra_options

# (command, operation or "*") -> why that command cannot be checked here.
EXCEPTIONS = {
    ("codecatalyst", "*"): "signs with an SSO bearer token (`aws sso login`), which a "
                           "check without a login cannot have",
    ("account-access-runtime", "get-role-credentials"): "signs with an SSO bearer token",
    ("account-access-runtime", "list-roles"): "signs with an SSO bearer token",
    ("cloudfront-keyvaluestore", "*"): "its endpoint rules need the ARN of a real CloudFront "
                                       "key value store (arn:aws:cloudfront::...), which the "
                                       "example's placeholder is not",
    **{(command, operation): "its output is an event stream, which the empty canned answer "
                             "is not; the request itself is built and signed"
       for command, operation in (("healthlake", "update-profile-with-agent"),
                                  ("logs", "start-live-tail"))},
    **{("kinesis", operation): "its endpoint rules need a stream, channel or queue ARN; the "
                               "example's ResourceARN placeholder names none"
       for operation in ("delete-resource-policy", "get-resource-policy",
                         "list-tags-for-resource", "put-resource-policy", "tag-resource",
                         "untag-resource")},
}


class _Body:
    """What botocore reads a canned response's body from."""

    def __init__(self, data: bytes):
        self.data = data

    def stream(self, **kwargs):
        yield self.data

    def read(self, *args, **kwargs) -> bytes:
        return self.data


def _canned(protocol: str):
    """A before-send handler answering every request with an empty success."""
    from botocore.awsrequest import AWSResponse

    def answer(request, **kwargs):
        headers = request.headers
        if "cbor" in str(headers.get("Content-Type", "")) or headers.get("smithy-protocol"):
            data = b"\xa0"  # an empty CBOR map
        elif protocol in ("query", "ec2"):
            body = request.body or b""
            body = body.decode() if isinstance(body, bytes) else body
            action = parse_qs(body).get("Action", ["Unknown"])[0]
            data = f"<{action}Response><{action}Result/></{action}Response>".encode()
        elif protocol == "rest-xml":
            data = b"<Response/>"
        elif "DescribeEndpoints" in str(headers.get("X-Amz-Target", "")):
            # Endpoint discovery (timestream) needs one endpoint to go on.
            data = b'{"Endpoints": [{"Address": "example.com", "CachePeriodInMinutes": 1}]}'
        else:
            data = b"{}"
        return AWSResponse(request.url, 200, {}, _Body(data))

    return answer


def _argv(op) -> list[str]:
    """The smallest command line: the help page's example of the required options."""
    required = set(op.input_shape.required_members) if op.input_shape is not None else set()
    params = [p for p in command_parameters(op)
              if p.required or (p.py_name in required and p.member is None
                                and not p.shape.is_idempotency_token)]
    options = [o for o in extra_options(op.command_name, op.cli_name) if o.required]
    lines = example_command(op, params, options)
    return shlex.split(" ".join(line.rstrip("\\") for line in lines))[3:]


def _serialise(catalog, command, cli_name, client, args, env) -> None:
    """The smallest command line, through the engine to botocore and its canned answer."""
    from cli import dispatch

    op = catalog.operation(command, cli_name)
    line = Command(catalog, op, args, parse_operation(op, _argv(op)), env)
    params, pagination = line.paging(line.params(line.read_cli_input()))
    dispatch.result(client, op, params, paginate=pagination is not None, pagination=pagination)


def _serialise_waiter(catalog, command, name, client, args, env) -> None:
    """A wait command: one check through botocore's Waiter."""
    from botocore.exceptions import WaiterError
    from jmespath.exceptions import JMESPathTypeError

    from cli import dispatch

    config, op = catalog.waiter(command, name)
    line = Command(catalog, op, args, parse_operation(op, _argv(op)[1:]), env)
    waiter = dispatch.make_waiter(client, op, config, lambda: None)
    try:  # the canned answer may meet any acceptor, or none: all that matters is the call
        waiter.wait(**line.params(line.read_cli_input()),
                    WaiterConfig={"Delay": 0, "MaxAttempts": 1})
    except WaiterError:
        pass
    except JMESPathTypeError:
        pass  # `length(Items)` on an empty answer, which no service sends


def _document(catalog, command, cli_name) -> None:
    """The help page renders; every skeleton kind prints as the engine prints it."""
    import skeleton

    text = render(page_for(catalog, [command, cli_name]), width=80, styled=False)
    assert text.startswith("NAME\n") and "\nOPTIONS\n" in text
    op = catalog.operation(command, cli_name)
    json.dumps(skeleton.generate(op, "input"))
    assert isinstance(skeleton.generate(op, "yaml-input"), str)
    json.dumps(skeleton.generate(op, "output", params={}), default=str)
    json.dumps(skeleton.generate(op, "json-schema"))


def _document_waiter(catalog, command, name) -> None:
    import skeleton

    text = render(page_for(catalog, [command, "wait", name]), width=80, styled=False)
    assert "\nOPTIONS\n" in text and "--waiter-timeout (float)" in text
    json.dumps(skeleton.generate(catalog.waiter(command, name)[1], "input"))


@pytest.fixture
def catalog(tmp_path, monkeypatch):
    """A catalog with a cache of its own, in a directory the examples' files are written to."""
    monkeypatch.chdir(tmp_path)  # the example's streaming blob file and outfiles land here
    (tmp_path / STREAMING_EXAMPLE_FILE).write_bytes(b"example")
    monkeypatch.setenv("SHAPECLI_CACHE_DIR", str(tmp_path / "cache"))
    return Catalog(os.environ)


def _walk(catalog, check_operation, check_waiter) -> tuple[list[str], list[str]]:
    """Every operation and waiter, one service in memory at a time: (failures, counts)."""
    failures: list[str] = []
    operations = waiters = 0
    for command, service in sorted(catalog.commands().items()):
        for cli_name in catalog.operation_names(service):
            operations += 1
            try:
                check_operation(command, service, cli_name)
            except Exception as exc:  # collect them all, then fail once
                failures.append((command, cli_name, f"{type(exc).__name__}: {exc}"))
        for name in catalog.waiters(service):
            waiters += 1
            try:
                check_waiter(command, service, name)
            except Exception as exc:
                failures.append((command, f"wait {name}", f"{type(exc).__name__}: {exc}"))
        catalog.forget(service)
    assert operations > 19000 and waiters > 400
    return failures


def test_every_operation_parses_and_serialises(catalog):
    """The self-check: the smallest command line of every operation becomes a signed request."""
    import botocore.session

    env = Env(environ=dict(os.environ))
    args = parse_globals(["--cli-binary-format", "base64"])
    session = botocore.session.Session()
    clients: dict[str, object] = {}

    def client(service):
        if service not in clients:
            clients.clear()  # one service's client at a time
            made = session.create_client(service, region_name="us-east-1",
                                         aws_access_key_id="testing",
                                         aws_secret_access_key="testing")
            made.meta.events.register("before-send", _canned(made.meta.service_model.protocol))
            clients[service] = made
        return clients[service]

    failures = _walk(
        catalog,
        lambda command, service, name: _serialise(catalog, command, name, client(service),
                                                   args, env),
        lambda command, service, name: _serialise_waiter(catalog, command, name,
                                                         client(service), args, env))
    excused = {(c, o) for c, o, _ in failures
               if EXCEPTIONS.get((c, o)) or EXCEPTIONS.get((c, "*"))}
    unexcused = [f"{c} {o}: {why}" for c, o, why in failures if (c, o) not in excused]
    assert not unexcused, f"{len(unexcused)} fail:\n" + "\n".join(unexcused[:30])
    stale = [f"{c} {o}" for c, o in EXCEPTIONS
             if o != "*" and (c, o) not in excused]
    assert not stale, "listed as exceptions but pass: " + ", ".join(stale)


def test_every_operation_has_its_help_page_and_skeletons(catalog):
    failures = _walk(catalog,
                     lambda command, service, name: _document(catalog, command, name),
                     lambda command, service, name: _document_waiter(catalog, command, name))
    assert not failures, f"{len(failures)} fail:\n" + "\n".join(
        f"{c} {o}: {why}" for c, o, why in failures[:30])


@pytest.mark.parametrize("argv,expected", [
    # Idempotency tokens: never required, filled in by botocore, sent as given.
    (["globalaccelerator", "create-listener", "--accelerator-arn", "arn:a", "--port-ranges",
      "FromPort=80,ToPort=80", "--protocol", "TCP"], "IdempotencyToken"),
    (["medical-imaging", "create-datastore"], "clientToken"),
])
def test_idempotency_tokens_are_filled_in(recorder, tmp_path, argv, expected):
    from tests.runner import run

    environ = {"HOME": str(tmp_path), "AWS_ACCESS_KEY_ID": "testing",
               "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-west-2",
               "AWS_MAX_ATTEMPTS": "1"}
    result = run([*argv, "--endpoint-url", recorder.endpoint], environ)
    assert result.exit_code == 0, result.stderr
    token = recorder.requests[0].json()[expected]
    assert len(token) == 36 and token.count("-") == 4  # a UUID
    given = run([*argv, f"--{'idempotency-token' if expected[0] == 'I' else 'client-token'}",
                 "mine-123456789", "--endpoint-url", recorder.endpoint], environ)
    assert given.exit_code == 0, given.stderr
    assert recorder.requests[1].json()[expected] == "mine-123456789"


def test_no_idempotency_token_is_required_anywhere(tmp_path):
    """The class, not the cases: no operation requires a token on the command line."""
    catalog = Catalog({**os.environ, "SHAPECLI_CACHE_DIR": str(tmp_path)})
    checked = 0
    for command, service in sorted(catalog.commands().items()):
        for cli_name in catalog.operation_names(service):
            op = catalog.operation(command, cli_name)
            tokens = [p for p in op.parameters() if p.shape.is_idempotency_token]
            checked += bool(tokens)
            assert not [p.cli_name for p in tokens if p.required], (command, cli_name)
        catalog.forget(service)
    assert checked > 1000

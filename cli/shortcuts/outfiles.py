"""Response members saved to files the command line names (iot's keys and certificates)."""

from __future__ import annotations

from cli.errors import CliError
from cli.options import Option


def _outfile(name: str, what: str) -> Option:
    return Option(name, "string", f"A file to save the {what} in (readable by you alone).",
                  no_paramfile=True)


# (command, operation) -> ((option, member path in the response), ...)
SAVED_MEMBERS = {
    ("iot", "create-keys-and-certificate"): (
        (_outfile("certificate-pem-outfile", "certificate (PEM)"), ("certificatePem",)),
        (_outfile("public-key-outfile", "public key"), ("keyPair", "PublicKey")),
        (_outfile("private-key-outfile", "private key"), ("keyPair", "PrivateKey")),
    ),
    ("iot", "create-certificate-from-csr"): (
        (_outfile("certificate-pem-outfile", "certificate (PEM)"), ("certificatePem",)),),
}


def _keep(value, params: dict) -> None:
    """The option changes nothing in the request; the file is written after the call."""


EXTRA_ARGUMENTS = {key: tuple((option, _keep) for option, _ in saved)
                   for key, saved in SAVED_MEMBERS.items()}


def save(saved, given: dict, response: dict) -> None:
    import os

    for option, path in saved:
        target = given.get(option.py_name)
        if target is None:
            continue
        value = response
        for member in path:
            value = value.get(member) if isinstance(value, dict) else None
        if value is None:
            continue
        try:
            fd = os.open(os.path.expanduser(target), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(value)
        except OSError as e:
            raise CliError(f"Unable to write {target}: {e.strerror}") from None

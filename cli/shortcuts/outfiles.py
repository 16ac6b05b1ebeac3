"""Response members saved to files the command line names.

iot's keys and certificates (--certificate-pem-outfile, ...), and the seed of
a new virtual MFA device (iam create-virtual-mfa-device --outfile with
--bootstrap-method QRCodePNG or Base32StringSeed: the seed is written, and
both seeds are left out of what is printed).
"""

from __future__ import annotations

from cli.errors import CliError, ValidationError
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


_MFA_SEEDS = ("QRCodePNG", "Base32StringSeed")
_MFA_OPTIONS = (
    Option("outfile", "string", "The file to save the new device's seed in (readable by you "
           "alone).", no_paramfile=True, required=True),
    Option("bootstrap-method", "string", "Which seed to save: QRCodePNG (a QR code image) or "
           "Base32StringSeed.", choices=_MFA_SEEDS, required=True),
)


def _keep(value, params: dict) -> None:
    """The option changes nothing in the request; the file is written after the call.

    As v2, a file that could not be written is refused before anything is sent.
    """
    import os

    path = os.path.expanduser(os.path.expandvars(value))
    if not os.access(os.path.dirname(os.path.abspath(path)), os.W_OK):
        raise ValidationError(f"Unable to write to file: {path}")


def _choice(value, params: dict) -> None:
    """--bootstrap-method only says which member to save (argparse checked its choices)."""


EXTRA_ARGUMENTS = {
    **{key: tuple((option, _keep) for option, _ in saved) for key, saved in SAVED_MEMBERS.items()},
    ("iam", "create-virtual-mfa-device"): ((_MFA_OPTIONS[0], _keep), (_MFA_OPTIONS[1], _choice)),
}


def _saver(saved):
    def save(given: dict, response: dict) -> None:
        """Write the members the command line asked for to their files."""
        for option, path in saved:
            target = given.get(option.py_name)
            value = response
            for member in path:
                value = value.get(member) if isinstance(value, dict) else None
            if target is not None and value is not None:
                _write(target, value)
    return save


def _save_mfa_seed(given: dict, response: dict) -> None:
    device = response.get("VirtualMFADevice") or {}
    seed = device.get(given.get("bootstrap_method"))
    if seed is not None:
        import base64

        _write(given["outfile"], seed if isinstance(seed, bytes) else base64.b64decode(seed))
        for name in _MFA_SEEDS:
            device.pop(name, None)


AFTER_CALL = {
    **{key: (_saver(saved),) for key, saved in SAVED_MEMBERS.items()},
    ("iam", "create-virtual-mfa-device"): (_save_mfa_seed,),
}


def _write(target: str, value: str | bytes) -> None:
    import os

    try:
        fd = os.open(os.path.expanduser(target), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(value.encode("utf-8") if isinstance(value, str) else value)
    except OSError as e:
        raise CliError(f"Unable to write {target}: {e.strerror}") from None

"""The arguments v2 adds to some operations, and how they become request parameters.

A shortcut is an option (shown in help and the synopsis, parsed like any
other) and a function `apply(value, params)` that writes its value into
the request parameters the command line gave. One module per service
family holds its shortcuts; this one gathers them:

    ec2          run-instances --count, the network-interface shortcuts,
                 the security-group shortcuts, network ACL protocol names,
                 bundle-instance --bucket, --prefix, --owner-akid, ...
    cloudwatch   put-metric-data --metric-name, --value, --dimensions, ...
    cloudfront   create-invalidation --paths, create-distribution
                 --origin-domain-name and --default-root-object
    ses          send-email --to, --cc, --bcc, --subject, --text, --html
    emr          list-clusters --active/--terminated/--failed, add-tags k=v
    deploy       --s3-location and --github-location for revisions
    outfiles     response members saved to files (iot --certificate-pem-outfile)

Values are read as v2 reads any argument: `file://` and `fileb://` load a
file first. Invalid values are ValidationErrors (exit 252) with v2's
wording, where v2 itself sometimes exits 255.
"""

from __future__ import annotations

from cli.errors import ValidationError
from cli.shortcuts import cloudfront, cloudwatch, deploy, ec2, emr, outfiles, ses

_MODULES = (ec2, cloudwatch, cloudfront, ses, emr, deploy, outfiles)

# (command, operation) -> ((Option, apply), ...)
EXTRA_ARGUMENTS = {key: value for module in _MODULES
                   for key, value in module.EXTRA_ARGUMENTS.items()}

# (command, operation) -> functions finishing the request after every
# argument is in (v2's before-parameter-build changes).
FINISHERS = {key: value for module in _MODULES
             for key, value in getattr(module, "FINISHERS", {}).items()}

# (command, operation) -> functions(given, params, fetch) that complete the request
# last, from the command line's values (ec2 bundle-instance signs its upload policy)
# or from what they read from the service first (fetch).
BEFORE_CALL = {key: value for module in _MODULES
               for key, value in getattr(module, "BEFORE_CALL", {}).items()}

# (command, operation) -> ((member, argument name), shortcut names, message style):
# a shortcut cannot be combined with the model argument it stands for.
EXCLUSIVE = {key: value for module in _MODULES
             for key, value in getattr(module, "EXCLUSIVE", {}).items()}


def extra_options(command: str, operation: str):
    return tuple(option for option, _ in EXTRA_ARGUMENTS.get((command, operation), ()))


def apply_extra_arguments(command: str, operation: str, given: dict, params: dict, *,
                          fetch=None) -> dict:
    """`params` with the extra arguments given (by py_name) on the command line applied.

    `fetch(operation, params) -> response` calls another operation of the
    service, for the arguments that read something first (BEFORE_CALL).
    """
    chosen, seen = [], set()
    for option, apply in EXTRA_ARGUMENTS.get((command, operation), ()):
        if given.get(option.py_name) is not None and option.py_name not in seen:
            seen.add(option.py_name)  # a flag and its --no- spelling share one value
            chosen.append((option, apply))
    for rule in EXCLUSIVE.get((command, operation), ()):
        _check_exclusive(rule, [o for o, _ in chosen], given, params)
    params = dict(params)
    for option, apply in chosen:
        value = _read_files(given[option.py_name], option)
        if option.sensitive:
            from cli import redact

            redact.hide(value, option.name)
        apply(value, params)
    for finish in FINISHERS.get((command, operation), ()):
        finish(params)
    for step in BEFORE_CALL.get((command, operation), ()):
        step(given, params, fetch)
    return params


def _check_exclusive(rule, chosen, given: dict, params: dict) -> None:
    """v2's checks that a shortcut and the model argument it stands for are not both given.

    Styles: "option" (the ec2 and cloudwatch shortcuts' message), "key" (v2's
    generic mutual-exclusion message, in argument-table order), "mixing"
    (run-instances: only values that are set count), "advice" (bundle-instance: as
    "mixing", in v2's other words).
    """
    (member, argument), shortcuts, style = rule
    used = [o.name for o in chosen if o.name in shortcuts
            and (style not in ("mixing", "advice") or given[o.py_name])]
    if not used or member not in params:
        return
    if style == "key":
        raise ValidationError(
            f'The key "{used[0].replace("-", "_")}" cannot be specified when one of the '
            f'following keys are also specified: {argument.replace("-", "_")}')
    if style in ("mixing", "advice"):
        verdict = "supported" if style == "mixing" else "recommended"
        raise ValidationError(f"Mixing the --{argument} option with the simple, scalar "
                              f"options is not {verdict}.")
    raise ValidationError(f"The --{used[0]} option is not compatible with the "
                          f"--{argument} option")


def _read_files(value, option):
    """file:// and fileb:// values replaced by the file's text or bytes, as v2 does."""
    if option.kind == "boolean" or option.no_paramfile:
        return value
    from cli.values import FILE_PREFIXES, load_file

    if isinstance(value, str) and value.startswith(FILE_PREFIXES):
        return load_file(value, option.cli_name)
    if isinstance(value, list) and len(value) == 1 and value[0].startswith(FILE_PREFIXES):
        return load_file(value[0], option.cli_name)
    return value


# (command, operation) -> functions(given, response) run on a successful
# response before it is printed (save members to files, decrypt a password).
AFTER_CALL = {key: value for module in _MODULES
              for key, value in getattr(module, "AFTER_CALL", {}).items()}


def after_call(command: str, operation: str, given: dict, response: dict) -> None:
    """What the shortcuts do with a response."""
    for step in AFTER_CALL.get((command, operation), ()):
        step(given, response)

"""The options every command shares, as data.

`GLOBAL_OPTIONS` are AWS CLI v2's global options, in the order its help
pages list them; `INPUT_OPTIONS`, `BATCH_OPTIONS` and `PAGINATION_OPTIONS`
are added to operations. One function, `add_to_parser`, turns a table into argparse.
Documentation strings are shapecli's own wording of what each option does.
"""

from __future__ import annotations

class Option:
    """One option of the table (a plain class: dataclasses are slow to create)."""

    __slots__ = ("name", "kind", "documentation", "choices", "optional_value", "dest", "const",
                 "nargs", "no_paramfile", "required", "group", "sensitive")

    def __init__(self, name: str, kind: str, documentation: str, choices: tuple[str, ...] = (),
                 optional_value: str | None = None, dest: str | None = None,
                 const: object = True, nargs: str | None = None, no_paramfile: bool = False,
                 required: bool = False, group: str | None = None, sensitive: bool = False):
        self.name = name  # endpoint-url
        self.kind = kind  # "string", "int", "double", "boolean" (a flag), "list" (repeatable)
        self.documentation = documentation
        self.choices = choices
        # For options that take an optional value (--generate-cli-skeleton).
        self.optional_value = optional_value
        # For options that set a value without one (--no-paginate -> paginate=False).
        self.dest = dest
        self.const = const
        self.nargs = nargs  # "+" or "*" for options that take several words
        self.no_paramfile = no_paramfile  # the value is never read from file://
        self.required = required
        # Flags of one group share a synopsis line: [--active | --terminated | --failed].
        self.group = group
        self.sensitive = sensitive  # a secret: --debug never prints its value

    def __repr__(self) -> str:
        return f"Option({self.cli_name!r})"

    @property
    def cli_name(self) -> str:
        return "--" + self.name

    @property
    def py_name(self) -> str:
        return self.dest or self.name.replace("-", "_")


GLOBAL_OPTIONS: tuple[Option, ...] = (
    Option("debug", "boolean", "Turn on debug logging."),
    Option("endpoint-url", "string", "Override command's default URL with the given URL."),
    Option(
        "no-verify-ssl",
        "boolean",
        "By default, the AWS CLI uses SSL when communicating with AWS services. For each SSL "
        "connection, the AWS CLI will verify SSL certificates. This option overrides the "
        "default behavior of verifying SSL certificates.",
        dest="verify_ssl",
        const=False,
    ),
    Option(
        "no-paginate",
        "boolean",
        "Disable automatic pagination. If automatic pagination is disabled, the AWS CLI will "
        "only make one call, for the first page of results.",
        dest="paginate",
        const=False,
    ),
    Option(
        "output",
        "string",
        "The formatting style for command output.",
        choices=("json", "text", "table", "yaml", "yaml-stream", "off"),
    ),
    Option("query", "string", "A JMESPath query to use in filtering the response data."),
    Option("profile", "string", "Use a specific profile from your credential file."),
    Option("region", "string", "The region to use. Overrides config/env settings."),
    Option("version", "boolean", "Display the version of this tool."),
    Option("color", "string", "Turn on/off color output.", choices=("on", "off", "auto")),
    Option(
        "no-sign-request",
        "boolean",
        "Do not sign requests. Credentials will not be loaded if this argument is provided.",
        dest="sign_request",
        const=False,
    ),
    Option(
        "ca-bundle",
        "string",
        "The CA certificate bundle to use when verifying SSL certificates. Overrides "
        "config/env settings.",
    ),
    Option(
        "cli-read-timeout",
        "int",
        "The maximum socket read time in seconds. If the value is set to 0, the socket read "
        "will be blocking and not timeout. The default value is 60 seconds.",
    ),
    Option(
        "cli-connect-timeout",
        "int",
        "The maximum socket connect time in seconds. If the value is set to 0, the socket "
        "connect will be blocking and not timeout. The default value is 60 seconds.",
    ),
    Option(
        "cli-binary-format",
        "string",
        "The formatting style to be used for binary blobs. The default format is base64. The "
        "base64 format expects binary blobs to be provided as a base64 encoded string. The "
        "raw-in-base64-out format preserves compatibility with AWS CLI V1 behavior and binary "
        "values must be passed literally. When providing contents from a file that map to a "
        "binary blob fileb:// will always be treated as binary and use the file contents "
        "directly regardless of the cli-binary-format setting. When using file:// the file "
        "contents will need to properly formatted for the configured cli-binary-format.",
        choices=("base64", "raw-in-base64-out"),
    ),
    Option("no-cli-pager", "boolean", "Disable cli pager for output.", dest="cli_pager", const=False),
    Option(
        "cli-auto-prompt",
        "boolean",
        "Edit the command in an interactive prompt before it runs: commands, options and "
        "values are completed, the documentation of the command or option under the cursor "
        "is shown (F3), with a sample of the output (F5), and a value that will not parse is "
        "marked as it is typed. Enter runs the command as if it had been typed in the shell; "
        "Ctrl-C leaves without running it. Standard input and output must be a terminal. "
        "AWS_CLI_AUTO_PROMPT or cli_auto_prompt in the config file set to on prompt for "
        "every command; on-partial only for a command that is incomplete or does not parse.",
        dest="cli_auto_prompt",
    ),
    Option(
        "no-cli-auto-prompt",
        "boolean",
        "Never prompt for this command, whatever AWS_CLI_AUTO_PROMPT or cli_auto_prompt "
        "say.",
        dest="cli_auto_prompt",
        const=False,
    ),
    Option(
        "cli-error-format",
        "string",
        "The formatting style for error output. By default, errors are displayed in "
        "enhanced format.",
        choices=("legacy", "json", "yaml", "text", "table", "enhanced"),
    ),
)

# Globals the v2 reference page of an operation does not list (newer ones).
UNDOCUMENTED_GLOBALS = frozenset({"cli-error-format"})

INPUT_OPTIONS: tuple[Option, ...] = (
    Option(
        "cli-input-json",
        "string",
        "Reads arguments from the JSON string provided. The JSON string follows the format "
        "provided by --generate-cli-skeleton. If other arguments are provided on the command "
        "line, those values will override the JSON-provided values. It is not possible to "
        "pass arbitrary binary values using a JSON-provided value as the string will be taken "
        "literally. This may not be specified along with --cli-input-yaml.",
    ),
    Option(
        "cli-input-yaml",
        "string",
        "Reads arguments from the YAML string provided. The YAML string follows the format "
        "provided by --generate-cli-skeleton yaml-input. If other arguments are provided on "
        "the command line, those values will override the YAML-provided values. This may not "
        "be specified along with --cli-input-json.",
    ),
    Option(
        "cli-input-jsonl",
        "string",
        "Runs the operation once for every line of a JSON Lines file (file://PATH, or - for "
        "standard input): each line is one JSON object in the format of --cli-input-json, "
        "merged with the arguments given on the command line, which every line shares. "
        "Standard output gets one JSON record per input line, in input order: its line "
        "number, its status (ok, error, invalid, skipped, not-run, unknown) and the output "
        "(after --query) or the error. The --cli-batch-* options tune the run. This may not "
        "be specified along with --cli-input-json or --cli-input-yaml.",
    ),
    Option(
        "generate-cli-skeleton",
        "string",
        "Prints a JSON skeleton to standard output without sending an API request. If "
        "provided with no value or the value input, prints a sample input JSON that can be "
        "used as an argument for --cli-input-json. Similarly, if provided yaml-input it will "
        "print a sample input YAML that can be used with --cli-input-yaml. If provided with "
        "the value output, it validates the command inputs and returns a sample output JSON "
        "for that command. With json-schema it prints a JSON Schema of the input. The "
        "generated JSON skeleton is not stable between versions of the AWS CLI and there are "
        "no backwards compatibility guarantees in the JSON skeleton generated.",
        choices=("input", "yaml-input", "output", "json-schema"),
        optional_value="input",
    ),
)

# Options of a --cli-input-jsonl run (cli.batch); given without it, they are an error.
BATCH_OPTIONS: tuple[Option, ...] = (
    Option(
        "cli-batch-concurrency",
        "int",
        "With --cli-input-jsonl: how many lines run at the same time, on one shared client "
        "and connection pool. The default is 8.",
    ),
    Option(
        "cli-batch-max-rate",
        "double",
        "With --cli-input-jsonl: the most requests per second the run sends, retries and "
        "further pages included, to stay inside a service quota. No limit by default.",
    ),
    Option(
        "cli-batch-accept-error",
        "list",
        "With --cli-input-jsonl: CODE or CODE:REGEX. A line whose service error has this "
        "code (and a message the regular expression matches) is recorded as skipped, not "
        "as an error. Repeatable.",
    ),
    Option(
        "cli-batch-resume",
        "string",
        "With --cli-input-jsonl: the results of an earlier run of the same input. Lines it "
        "records as ok or skipped are not run again (their records are copied); every other "
        "line runs.",
    ),
)

# Any of these on the command line makes the command a batch run (cli.batch).
BATCH_TRIGGERS = ("cli_input_jsonl", *(o.py_name for o in BATCH_OPTIONS))

PAGINATION_OPTIONS: tuple[Option, ...] = (
    Option(
        "starting-token",
        "string",
        "A token to specify where to start paginating. This is the NextToken from a "
        "previously truncated response.",
    ),
    Option(
        "page-size",
        "int",
        "The size of each page to get in the AWS service call. This does not affect the "
        "number of items returned in the command's output. Setting a smaller page size "
        "results in more calls to the AWS service, retrieving fewer items in each call. This "
        "can help prevent the AWS service calls from timing out.",
    ),
    Option(
        "max-items",
        "int",
        "The total number of items to return in the command's output. If the total number of "
        "items available is more than the value specified, a NextToken is provided in the "
        "command's output. To resume pagination, provide the NextToken value in the "
        "starting-token argument of a subsequent command. Do not use the NextToken response "
        "element directly outside of the AWS CLI.",
    ),
)


# The pace of `aws <command> wait <waiter>` (cli.wait), beside the waiter's operation's own.
WAITER_OPTIONS: tuple[Option, ...] = (
    Option(
        "waiter-delay",
        "float",
        "Seconds to wait between two checks, instead of the waiter's own delay (see the "
        "description). Fractions are allowed; 0 checks again at once.",
    ),
    Option(
        "waiter-max-attempts",
        "integer",
        "How many checks to make at most, instead of the waiter's own number (see the "
        "description). With --waiter-timeout and without this option, the number of checks "
        "is not limited.",
    ),
    Option(
        "waiter-timeout",
        "float",
        "Give up after this many seconds: no check starts later than that, and the command "
        "fails with exit code 255 saying that it timed out. Without it, a wait ends after "
        "the waiter's number of checks.",
    ),
)

# Markers in completion's tables: --profile's values are the profiles of the config files,
# --region's the regions of the command's service (cli.completion_data looks them up).
PROFILES, REGIONS = "@profiles", "@regions"
# ... and of hand-written arguments (Argument.completion): sso-sessions and config keys.
SSO_SESSIONS, CONFIG_KEYS = "@sso-sessions", "@config-keys"
# A path argument's values: local files and folders; those and s3://bucket/prefix.
FILES, S3_PATHS = "@files", "@s3-paths"


def _tagged_append_action():
    import argparse

    class TaggedAppend(argparse.Action):
        """Append (tag, value) to the list shared by several options."""

        def __init__(self, option_strings, dest, tag=None, **kwargs):
            super().__init__(option_strings, dest, **kwargs)
            self.tag = tag

        def __call__(self, parser, namespace, values, option_string=None):
            found = getattr(namespace, self.dest, None) or []
            setattr(namespace, self.dest, [*found, (self.tag, values)])

    return TaggedAppend


def add_to_parser(parser, options: tuple[Option, ...], *, store, stop=None) -> None:
    """Add a table of options to an argparse parser (values stay strings).

    `store` is the argparse action class that stores a value and checks its
    choices as the option is read, so that errors come in command-line
    order, as v2's do. `stop`, when given, is the action of `--version`,
    which ends the parse where it stands.
    """
    _TaggedAppend = _tagged_append_action() if any(
        o.kind == "list" and o.const is not True for o in options) else None
    for option in options:
        if stop is not None and option.name == "version":
            parser.add_argument(option.cli_name, dest=option.py_name, nargs=0, action=stop,
                                default=None)
        elif option.kind == "boolean":
            parser.add_argument(
                option.cli_name, dest=option.py_name, action="store_const", const=option.const,
                default=None,
            )
        elif option.kind == "list" and option.const is not True:
            # several options into one list, each value tagged with its option's const:
            # s3's --include/--exclude, whose order across the two options matters
            parser.add_argument(option.cli_name, dest=option.py_name, default=None,
                                action=_TaggedAppend, tag=option.const)
        elif option.kind == "list":  # repeatable: every value (or group of nargs), in order
            parser.add_argument(option.cli_name, dest=option.py_name, default=None,
                                action="append", nargs=option.nargs)
        elif option.optional_value is not None:
            parser.add_argument(
                option.cli_name, dest=option.py_name, nargs="?", const=option.optional_value,
                default=None, action=store, allowed=option.choices,
            )
        elif option.nargs is not None:
            parser.add_argument(option.cli_name, dest=option.py_name, default=None,
                                nargs=option.nargs)
        else:
            parser.add_argument(option.cli_name, dest=option.py_name, default=None,
                                action=store, allowed=option.choices)

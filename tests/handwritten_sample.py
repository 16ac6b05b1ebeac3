"""A hand-written command group declared only for the registry's own tests (tests/test_commands.py)."""

from cli.commands import Argument, HandCommand


def _echo(values, context):
    context.env.stdout.write(repr(sorted(values.items())) + "\n")
    return 0


def _show(values, context):
    return context.print_result({"Name": values["name"], "Count": values["count"]})


COMMANDS = (
    HandCommand(("sample",), _echo, summary="The group's own command.",
                arguments=(Argument("verbose", "boolean", "Say more."),)),
    HandCommand(("sample", "echo"), _echo, summary="Echo the values.",
                description="Prints the parsed values.\n\nA second paragraph.\n\n    aws sample echo a",
                arguments=(
                    Argument("paths", positional=True, nargs=2, documentation="Two words."),
                    Argument("count", "int", "How many.", default=1),
                    Argument("mode", documentation="A mode.", choices=("fast", "slow")),
                    Argument("follow", "boolean", "Follow.", group="follow"),
                    Argument("no-follow", "boolean", "Do not follow.", dest="follow",
                             const=False, group="follow"),
                    Argument("tag", "list", "Repeatable."),
                    Argument("secret", documentation="A secret.", sensitive=True),
                ),
                examples=("To echo two words::\n\n    aws sample echo a b",)),
    HandCommand(("sample", "show"), _show, summary="Print through --output and --query.",
                arguments=(Argument("name", documentation="A name.", required=True),
                           Argument("count", "int", "A count.", default=3))),
    HandCommand(("ecr", "sample-beside"), _show, summary="Beside ecr's operations.",
                arguments=(Argument("name", documentation="A name.", required=True),
                           Argument("count", "int", "A count.", default=3))),
)

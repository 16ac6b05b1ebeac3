"""`aws s3` commands (see cli.commands.s3)."""

COMMANDS: tuple = ()

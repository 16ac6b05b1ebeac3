"""`aws s3`: v2's high-level S3 commands, hand-written on the registry (cli.commands).

The transfer commands (cp, mv, rm, sync) live in cli.commands.s3.transfer, the
bucket and listing commands (ls, mb, rb, presign, website) in
cli.commands.s3.buckets; this module gathers their declarations for the registry.
"""

from cli.commands.s3 import buckets, transfer

DESCRIPTION = (
    "This section explains prominent concepts and notations in the set of high-level S3 "
    "commands provided."
)

COMMANDS = (*transfer.COMMANDS, *buckets.COMMANDS)

"""The argument tables of `aws s3 cp`, `mv`, `rm` and `sync` (v2's options, shapecli's words).

Declarations only: nothing here imports botocore or touches the network.
--include and --exclude share one list, `filters`, of ("include"|"exclude",
pattern) in command-line order, because a later rule overrides an earlier one.
"""

from __future__ import annotations

from cli.commands import Argument

ACLS = ("private", "public-read", "public-read-write", "authenticated-read", "aws-exec-read",
        "bucket-owner-read", "bucket-owner-full-control", "log-delivery-write")
STORAGE_CLASSES = ("STANDARD", "REDUCED_REDUNDANCY", "STANDARD_IA", "ONEZONE_IA",
                   "INTELLIGENT_TIERING", "GLACIER", "DEEP_ARCHIVE", "GLACIER_IR")
CHECKSUM_ALGORITHMS = ("CRC64NVME", "CRC32", "SHA256", "SHA1", "CRC32C", "SHA512", "XXHASH64",
                       "XXHASH3", "XXHASH128")
CASE_CONFLICTS = ("ignore", "skip", "warn", "error")

PATHS_USAGE = "<LocalPath> <S3Uri> or <S3Uri> <LocalPath> or <S3Uri> <S3Uri>"


def _paths(count: int, usage: str) -> Argument:
    return Argument("paths", "string", "", positional=True, nargs=count if count > 1 else None,
                    required=True, metavar=usage, completion="s3-paths")


def _flag(name: str, text: str, **kw) -> Argument:
    return Argument(name, "boolean", text, **kw)


DRYRUN = _flag("dryrun", "Print the operations the command would perform, and perform none.")
QUIET = _flag("quiet", "Print nothing about the operations performed.")
INCLUDE = Argument("include", "list", "Include the files or objects matching this pattern "
                   "(a later --include or --exclude overrides an earlier one).",
                   dest="filters", const="include")
EXCLUDE = Argument("exclude", "list", "Exclude the files or objects matching this pattern "
                   "(a later --include or --exclude overrides an earlier one).",
                   dest="filters", const="exclude")
ACL = Argument("acl", "string", "The canned ACL given to the objects written.", choices=ACLS)
FOLLOW_SYMLINKS = _flag("follow-symlinks", "Follow symbolic links when uploading (default).",
                        dest="follow_symlinks", const=True)
NO_FOLLOW_SYMLINKS = _flag("no-follow-symlinks", "Skip symbolic links when uploading.",
                           dest="follow_symlinks", const=False)
NO_GUESS_MIME_TYPE = _flag("no-guess-mime-type", "Do not set Content-Type from the file "
                           "name's extension on uploads.", dest="guess_mime_type", const=False)
SSE = Argument("sse", "string", "Server-side encryption of the objects written: AES256 "
               "(the default when given without a value) or aws:kms.",
               choices=("AES256", "aws:kms"), optional_value="AES256")
SSE_C = Argument("sse-c", "string", "Server-side encryption with a key you provide "
                 "(--sse-c-key); AES256.", choices=("AES256",), optional_value="AES256")
SSE_C_KEY = Argument("sse-c-key", "string", "The key for --sse-c (32 bytes).", sensitive=True)
SSE_KMS_KEY_ID = Argument("sse-kms-key-id", "string", "The KMS key for --sse aws:kms.")
SSE_C_COPY_SOURCE = Argument("sse-c-copy-source", "string", "The source objects of a copy are "
                             "encrypted with a key you provide (--sse-c-copy-source-key).",
                             choices=("AES256",), optional_value="AES256")
SSE_C_COPY_SOURCE_KEY = Argument("sse-c-copy-source-key", "string", "The key of the copied "
                                 "source objects (32 bytes).", sensitive=True)
STORAGE_CLASS = Argument("storage-class", "string", "The storage class of the objects written.",
                         choices=STORAGE_CLASSES)
GRANTS = Argument("grants", "string", "Grants of the form Permission=Grantee_Type=ID; "
                  "Permission is read, readacl, writeacl or full.", nargs="+")
WEBSITE_REDIRECT = Argument("website-redirect", "string", "Redirect requests for the objects "
                            "written to this URL (static website hosting).")
CONTENT_TYPE = Argument("content-type", "string", "The Content-Type of the objects written "
                        "(otherwise guessed from the file name on uploads).")
CACHE_CONTROL = Argument("cache-control", "string", "The Cache-Control of the objects written.")
CONTENT_DISPOSITION = Argument("content-disposition", "string",
                               "The Content-Disposition of the objects written.")
CONTENT_ENCODING = Argument("content-encoding", "string",
                            "The Content-Encoding of the objects written.")
CONTENT_LANGUAGE = Argument("content-language", "string",
                            "The Content-Language of the objects written.")
EXPIRES = Argument("expires", "string", "The Expires date of the objects written (ISO 8601).")
SOURCE_REGION = Argument("source-region", "string", "The region of the source bucket of an "
                         "S3-to-S3 copy.")
ONLY_SHOW_ERRORS = _flag("only-show-errors", "Print only errors and warnings.")
NO_PROGRESS = _flag("no-progress", "Print no progress line.", dest="progress", const=False)
PROGRESS_FREQUENCY = Argument("progress-frequency", "int", "Seconds between progress updates "
                              "(0: at every change).", default=0)
PROGRESS_MULTILINE = _flag("progress-multiline", "Print each progress update on a line of "
                           "its own.")
PAGE_SIZE = Argument("page-size", "int", "Keys asked for in each list request (at most 1000).")
IGNORE_GLACIER_WARNINGS = _flag("ignore-glacier-warnings", "Print no warning for Glacier "
                                "objects skipped.")
FORCE_GLACIER_TRANSFER = _flag("force-glacier-transfer", "Transfer Glacier objects even when "
                               "they seem not restored.")
REQUEST_PAYER = Argument("request-payer", "string", "Confirm that you pay for the requests "
                         "(requester-pays buckets).", choices=("requester",),
                         optional_value="requester")
CHECKSUM_MODE = Argument("checksum-mode", "string", "Validate the checksums of downloads.",
                         choices=("ENABLED",))
CHECKSUM_ALGORITHM = Argument("checksum-algorithm", "string", "The checksum algorithm of "
                              "uploads and copies.", choices=CHECKSUM_ALGORITHMS)
METADATA = Argument("metadata", "string", "User metadata of the objects written, as "
                    "KeyName1=string,KeyName2=string or JSON.")
METADATA_DIRECTIVE = Argument("metadata-directive", "string", "For S3-to-S3 copies: COPY the "
                              "source's metadata or REPLACE it.", choices=("COPY", "REPLACE"))
COPY_PROPS = Argument("copy-props", "string", "For S3-to-S3 copies: which properties of the "
                      "source are copied: none, metadata-directive, default or all.",
                      choices=("none", "metadata-directive", "default", "all"),
                      default="default")
EXPECTED_SIZE = Argument("expected-size", "string", "The size in bytes of a stream uploaded "
                         "from standard input (needed above 50 GB).")
RECURSIVE = _flag("recursive", "Act on every file under the directory or object under the "
                  "prefix.", dest="dir_op")
CASE_CONFLICT = Argument("case-conflict", "string", "What downloads do when two keys differ "
                         "only in case on a case-insensitive file system: ignore, skip, warn, "
                         "error.", choices=CASE_CONFLICTS, default="ignore")
NO_OVERWRITE = _flag("no-overwrite", "Never replace an object or file that exists at the "
                     "destination.")
VALIDATE_SAME_S3_PATHS = _flag("validate-same-s3-paths", "Resolve access point paths to their "
                               "buckets and refuse a move onto the same object.")
DELETE = _flag("delete", "Delete files or objects at the destination that the source lacks.")
SIZE_ONLY = _flag("size-only", "Decide what to sync by size alone.")
EXACT_TIMESTAMPS = _flag("exact-timestamps", "On downloads, sync files whose time differs "
                         "from the object's at all.")

TRANSFER = (DRYRUN, QUIET, INCLUDE, EXCLUDE, ACL, FOLLOW_SYMLINKS, NO_FOLLOW_SYMLINKS,
            NO_GUESS_MIME_TYPE, SSE, SSE_C, SSE_C_KEY, SSE_KMS_KEY_ID, SSE_C_COPY_SOURCE,
            SSE_C_COPY_SOURCE_KEY, STORAGE_CLASS, GRANTS, WEBSITE_REDIRECT, CONTENT_TYPE,
            CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_ENCODING, CONTENT_LANGUAGE, EXPIRES,
            SOURCE_REGION, ONLY_SHOW_ERRORS, NO_PROGRESS, PROGRESS_FREQUENCY, PROGRESS_MULTILINE,
            PAGE_SIZE, IGNORE_GLACIER_WARNINGS, FORCE_GLACIER_TRANSFER, REQUEST_PAYER,
            CHECKSUM_MODE, CHECKSUM_ALGORITHM)

CP = (_paths(2, PATHS_USAGE), *TRANSFER, METADATA, COPY_PROPS, METADATA_DIRECTIVE, EXPECTED_SIZE,
      RECURSIVE, CASE_CONFLICT, NO_OVERWRITE)
MV = (_paths(2, PATHS_USAGE), *TRANSFER, METADATA, COPY_PROPS, METADATA_DIRECTIVE, RECURSIVE,
      VALIDATE_SAME_S3_PATHS, CASE_CONFLICT, NO_OVERWRITE)
RM = (_paths(1, "<S3Uri>"), DRYRUN, QUIET, RECURSIVE, REQUEST_PAYER, INCLUDE, EXCLUDE,
      ONLY_SHOW_ERRORS, PAGE_SIZE)
SYNC = (_paths(2, PATHS_USAGE), *TRANSFER, METADATA, COPY_PROPS, METADATA_DIRECTIVE,
        CASE_CONFLICT, NO_OVERWRITE, DELETE, SIZE_ONLY, EXACT_TIMESTAMPS)

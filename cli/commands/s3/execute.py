"""Running a checked transfer job: list, filter, compare, hand each file to s3transfer.

One botocore client and one s3transfer TransferManager serve the whole command
(its pool as large as the concurrency). Listings are generators and the
manager's submission queue is bounded, so memory stays flat however many files.
Sizes known from a listing are handed to s3transfer, so no HeadObject is made
per object. Each transfer reports through a subscriber to the Printer; one
failure never stops the others. Ctrl-C cancels what has not finished (s3transfer
aborts the multipart uploads it started), prints v2's line and exits 130.
"""

from __future__ import annotations

import os

from cli.commands.s3 import compare, files, filters, managers, requests, settings, uri
from cli.commands.s3.results import Printer
from cli.errors import ValidationError

GLACIER_CLASSES = ("GLACIER", "DEEP_ARCHIVE")
OPERATIONS = {"locals3": "upload", "s3local": "download", "s3s3": "copy", "s3": "delete"}


def run(job, context) -> int:
    values = job.values
    env = context.env
    printer = Printer(env.stdout, env.stderr, quiet=bool(values.get("quiet")),
                      only_errors=bool(values.get("only_show_errors")),
                      progress=values.get("progress") is not False and env.stdout_isatty,
                      frequency=values.get("progress_frequency") or 0,
                      multiline=bool(values.get("progress_multiline")))
    block = settings.s3_block(context)
    transfer_settings = settings.transfer_settings(block)
    sigv4 = values.get("sse") == "aws:kms"
    client = settings.s3_client(context, sigv4=sigv4,
                                pool_size=transfer_settings.max_concurrent_requests)
    source_client = client
    if values.get("source_region") and job.paths_type == "s3s3":
        # as v2: the source's region, and not --endpoint-url (the destination's endpoint)
        source_client = settings.s3_client(context, region=values["source_region"],
                                           global_endpoint=False, sigv4=sigv4,
                                           pool_size=transfer_settings.max_concurrent_requests)
    metadata = requests.parse_metadata(values.get("metadata"))
    work = Work(job, printer, client, source_client, metadata)
    work.env = env
    work.threshold = transfer_settings.multipart_threshold
    from cli.commands.s3.results import Reports

    work.reports = Reports(printer)
    manager = None if values.get("dryrun") else managers.Managers(client, transfer_settings)
    restore = managers.catch_ctrl_c()
    try:
        return _drive(work, printer, manager, restore)
    finally:
        restore()
        work.reports.close()
        printer.flush()


def _drive(work, printer: Printer, manager, restore) -> int:
    try:
        try:
            for action, item in work.plan():
                work.submit(manager, action, item)
        except KeyboardInterrupt:
            raise
        except Exception as e:  # a listing failed: v2 cancels what is in flight too
            from cli.dispatch import translate

            printer.fatal(_error_text(e, translate))
            if manager is not None:
                manager.cancel(e)
        printer.final()
        if manager is not None:
            manager.shutdown()
        work.reports.close()  # every result counted before the exit code is read
    except KeyboardInterrupt:
        restore()  # a second Ctrl-C ends the process at once
        printer.cancelled()
        if manager is not None:
            managers.cancel_all(manager, printer)
        return 130
    return printer.exit_code()


def _error_text(error: Exception, translate) -> str:
    from botocore.exceptions import ClientError

    if isinstance(error, (ClientError, OSError, CaseConflict, ArgumentRefused)):
        return str(error)
    translated = translate(error)
    return getattr(translated, "message", str(translated))


class ArgumentRefused(Exception):
    """An option v2 reads only when a transfer is submitted (--grants): its refusal is a
    fatal error then (exit 1), not a usage error before anything runs."""


class CaseConflict(Exception):
    """--case-conflict error: two keys differ only in case (v2's fatal error)."""


# what a CopyObject carries over by itself and a multipart copy must be told (v2's list)
COPIED_PROPERTIES = ("CacheControl", "ContentDisposition", "ContentEncoding", "ContentLanguage",
                     "ContentType", "Expires", "Metadata")
CASE_DOC = "https://docs.aws.amazon.com/cli/latest/topic/s3-case-insensitivity.html"


class Work:
    """What one command does with each listed item."""

    def __init__(self, job, printer: Printer, client, source_client, metadata):
        self.job = job
        self.values = job.values
        self.printer = printer
        self.client = client
        self.source_client = source_client
        self.operation = OPERATIONS[job.paths_type]
        dest = job.src if job.paths_type == "s3" else job.dest
        self.places = files.Places(job.src, dest, job.dir_op)
        self.filter = filters.make(self.values.get("filters"), job.src, dest, job.dir_op)
        self.refused = None  # a --grants v2 refuses: fatal at the first upload or copy, as v2
        try:
            self.upload_args = requests.upload(self.values, metadata)
            self.copy_args = requests.copy(self.values, metadata)
        except ValidationError as e:
            self.upload_args, self.copy_args = {}, {}
            self.refused = ArgumentRefused(e.message)
        self.download_args = requests.download(self.values)
        self.delete_args = requests.payer_only(self.values)
        self.list_args = requests.payer_only(self.values)
        self.head_args = requests.head_source(self.values)
        self.env = None
        self.reports = None  # results.Reports, set by run()
        self.case_conflict = self.values.get("case_conflict") or "ignore"
        if job.paths_type != "s3local" or not job.dir_op or job.name == "rm":
            self.case_conflict = "ignore"
        self.lower_keys: set[str] = set()
        self.threshold = settings.DEFAULT_THRESHOLD  # set from the s3 block by run()  # downloads so far, by lower-cased compare key

    # -- listing ---------------------------------------------------------------------

    def warn_skip(self, path: str, reason: str) -> None:
        self.printer.warning(f"warning: Skipping file {path}. {reason}")

    def _listing(self, places, operation: str):
        if places.src_type == "local":
            found = files.list_local(places.src, places.dir_op,
                                     self.values.get("follow_symlinks") is not False,
                                     self.warn_skip)
            for path, size, mtime in found:
                if self.filter.passes(path, True):
                    yield places.item(path, size, mtime)
        else:
            client = self.source_client if places is self.places else self.client
            found = files.list_s3(client, places.src, places.dir_op, operation,
                                  self.values.get("page_size"), self.list_args, self.head_args)
            for path, size, mtime, storage_class, restore, etag in found:
                if self.filter.passes(path, False):
                    yield places.item(path, size, mtime, storage_class=storage_class,
                                      restore=restore, etag=etag)

    def plan(self):
        """("transfer" | "delete", item), in v2's order."""
        if self.job.is_stream:
            yield "transfer", None
            return
        sources = self._listing(self.places, self.operation)
        if self.job.name != "sync":
            for item in sources:
                yield "transfer", item
            return
        rules = compare.Rules(bool(self.values.get("size_only")),
                              bool(self.values.get("exact_timestamps")),
                              bool(self.values.get("delete")))
        # a local destination was made before if missing; one that is a file is listed
        # too, and skipped with v2's warning ("File does not exist.")
        destinations = self._listing(self.places.reversed(), "delete")
        yield from compare.walk(sources, destinations, rules, self.operation)

    # -- one item --------------------------------------------------------------------

    def submit(self, manager, action: str, item) -> None:
        if item is None:
            return self._stream(manager)
        if action == "delete":
            return self._delete(manager, item)
        if self.operation == "delete":
            return self._delete(manager, item)
        if self._skipped(item) or not self._case_ok(item):
            return
        kind = "move" if self.job.is_move else self.operation
        src_text, dest_text = self._texts(item)
        if self.refused is not None and self.operation in ("upload", "copy"):
            raise self.refused
        if manager is None:
            return self.printer.dryrun(kind, src_text, dest_text)
        self.printer.expect(item.size)
        subscriber = _subscriber(self, item, kind, src_text, dest_text)
        manager = manager.pick(item.size)
        if self.operation == "upload":
            bucket, key = uri.split(item.dest)
            manager.upload(item.src, bucket, key, self._upload_args(item), [subscriber])
        elif self.operation == "download":
            bucket, key = uri.split(item.src)
            manager.download(bucket, key, item.dest, dict(self.download_args), [subscriber])
        else:
            bucket, key = uri.split(item.dest)
            src_bucket, src_key = uri.split(item.src)
            manager.copy({"Bucket": src_bucket, "Key": src_key}, bucket, key,
                         self._copy_args(item), [subscriber],
                         source_client=self.source_client)

    def _upload_args(self, item) -> dict:
        """A file's upload parameters: Content-Type guessed from its name, as v2 does, unless
        --content-type or --no-guess-mime-type is given (standard input gets no guess)."""
        args = dict(self.upload_args)
        if self.values.get("guess_mime_type") is not False and not self.values.get("content_type"):
            import mimetypes

            try:
                guessed = mimetypes.guess_type(item.src)[0]
            except UnicodeDecodeError:  # a broken system MIME table: no guess, as v2
                guessed = None
            if guessed:
                args["ContentType"] = guessed
        return args

    def _copy_args(self, item) -> dict:
        """--copy-props as v2: a single CopyObject keeps the source's properties itself; a
        multipart copy (or explicit content options) needs them read from the source."""
        args = dict(self.copy_args)
        if self.values.get("metadata_directive"):
            # the user chose the directive: v2 then leaves --copy-props out altogether (no
            # source properties read and added, no tagging or annotation directive)
            return args
        props = self.values.get("copy_props") or "default"
        if props == "none":
            args["MetadataDirective"] = "REPLACE"
            args["TaggingDirective"] = "REPLACE"
            args["AnnotationDirective"] = "EXCLUDE"
            return args
        multipart = item.size is not None and item.size >= self.threshold
        explicit = any(name in args for name in COPIED_PROPERTIES)
        if multipart or explicit:
            # s3transfer keeps these on a multipart copy only under REPLACE (it sends no
            # directive on CreateMultipartUpload); a single CopyObject needs it to apply them
            args["MetadataDirective"] = "REPLACE"
            bucket, key = uri.split(item.src)
            head = self.source_client.head_object(Bucket=bucket, Key=key, **self.head_args)
            for name in COPIED_PROPERTIES:
                if name not in args and name in head:
                    args[name] = head[name]
        if props == "metadata-directive":
            args["TaggingDirective"] = "REPLACE"
        elif multipart:  # s3transfer copies the source's tags once the parts are whole
            args.setdefault("TaggingDirective", "COPY")
        if props != "all":
            args["AnnotationDirective"] = "EXCLUDE"
        elif multipart:
            args.setdefault("AnnotationDirective", "COPY")
        return args

    def _skipped(self, item) -> bool:
        """Glacier objects, paths leaving the folder, --no-overwrite: a warning or a quiet skip."""
        if item.src_type == "s3" and item.storage_class in GLACIER_CLASSES and \
                not self.values.get("force_glacier_transfer") and \
                not (item.restore and 'ongoing-request="false"' in item.restore):
            if not self.values.get("ignore_glacier_warnings"):
                op = self.operation
                self.warn_skip(
                    uri.SCHEME + item.src, f"Object is of storage class GLACIER. Unable to perform "
                    f"{op} operations on GLACIER objects. You must restore the object to be able "
                    f"to perform the operation. See aws s3 {op} help for additional parameter "
                    "options to ignore or force these transfers.")
            return True
        if item.dest_type == "local":
            normalized = os.path.normpath("." + os.sep + item.compare_key)
            if normalized.startswith(".." + os.sep):
                self.warn_skip(item.compare_key, "File references a parent directory.")
                return True
        if self.values.get("no_overwrite") and self._dest_exists(item):
            return True
        return False

    def _case_ok(self, item) -> bool:
        """--case-conflict for recursive downloads: two keys that differ only in case would
        be one file on a case-insensitive file system (v2's lines and choices)."""
        if self.case_conflict == "ignore":
            return True
        lower = item.compare_key.lower()
        if lower in self.lower_keys or os.path.exists(item.dest):
            src, dest = item.src, item.dest  # v2 shows bucket/key here, without s3://
            if self.case_conflict == "error":
                raise CaseConflict(f"Failed to download {src} -> {dest} because a file whose "
                                   "name differs only by case either exists or is being "
                                   "downloaded.")
            if self.case_conflict == "skip":
                self.printer.warning(
                    f"warning: Skipping {src} -> {dest} because a file whose name differs only "
                    "by case either exists or is being downloaded.", skipped=False)
                return False
            self.printer.warning(
                f"warning: Downloading {src} -> {dest} despite a file whose name differs only "
                "by case either existing or being downloaded. This behavior is not defined on "
                "case-insensitive filesystems and may result in overwriting existing files or "
                f"race conditions between concurrent downloads. For more information, see "
                f"{CASE_DOC}.", skipped=False)
        self.lower_keys.add(lower)
        return True

    def _dest_exists(self, item) -> bool:
        if item.dest_type == "local":
            return os.path.exists(item.dest)
        from botocore.exceptions import ClientError

        bucket, key = uri.split(item.dest)
        try:
            self.client.head_object(Bucket=bucket, Key=key)
        except ClientError:
            return False
        return True

    def _texts(self, item) -> tuple[str, str]:
        return _show(item.src, item.src_type), _show(item.dest, item.dest_type)

    def _delete(self, manager, item) -> None:
        """rm's objects, and sync --delete's files or objects at the destination."""
        path, kind_type = item.src, item.src_type
        text = _show(path, kind_type)
        if manager is None:
            return self.printer.dryrun("delete", text, None)
        if kind_type == "local":  # sync --delete of a local file
            try:
                os.remove(path)
            except OSError as e:
                return self.printer.failure("delete", text, None, e)
            return self.printer.success("delete", text, None)
        self.printer.expect(0)
        bucket, key = uri.split(path)
        manager.small.delete(bucket, key, dict(self.delete_args),
                       [_subscriber(self, item, "delete", text, None)])

    def _stream(self, manager) -> None:
        import sys

        job = self.job
        if job.src == "-":
            if self.refused is not None:
                raise self.refused
            # into a "folder" (a key ending in /) the stream is named "-", as v2 names it
            dest_text = job.dest + "-" if job.dest.endswith("/") else job.dest
            bucket, key = uri.split(dest_text)
            if manager is None:
                return self.printer.dryrun("upload", "-", dest_text)
            stdin = self.env.stdin if self.env is not None else sys.stdin
            stream = getattr(stdin, "buffer", None) or stdin
            size = self.values.get("expected_size")
            item = files.Item("-", dest_text, "", int(size) if size else None, None, "local", "s3")
            manager.pick(item.size).upload(_NonSeekable(stream), bucket, key,
                                           dict(self.upload_args),
                           [_subscriber(self, item, "upload", "-", dest_text)])
        else:
            bucket, key = uri.split(job.src)
            if manager is None:
                return self.printer.dryrun("download", job.src, "-")
            out = self.printer.out
            item = files.Item(job.src, "-", "", None, None, "s3", "local")
            manager.pick(None).download(bucket, key, _BytesWriter(out), dict(self.download_args),
                             [_subscriber(self, item, "download", job.src, "-")])


def _show(path: str, kind: str) -> str:
    """A path as the output lines show it: s3://bucket/key, or local relative to here."""
    if kind == "s3":
        return uri.SCHEME + path
    if path == "-":
        return path
    folder, name = os.path.split(path)
    try:  # v2 relates the folder alone: a file here shows as ./name
        return os.path.join(os.path.relpath(folder), name)
    except ValueError:
        return os.path.abspath(path)


class _NonSeekable:
    """Standard input as s3transfer must see it: read() only, never seek."""

    def __init__(self, stream):
        self._stream = stream

    def read(self, amount=None):
        data = self._stream.read() if amount is None else self._stream.read(amount)
        return data.encode() if isinstance(data, str) else data  # a text stream (tests)


class _BytesWriter:
    """Standard output for a streamed download: bytes to the binary stream."""

    def __init__(self, out):
        self._out = getattr(out, "buffer", None)
        self._text = out

    def write(self, data: bytes) -> None:
        if self._out is not None:
            self._out.write(data)
            self._out.flush()
        else:
            self._text.write(data.decode("utf-8", "replace"))


_REPORTER = None


def _subscriber(work: Work, item, kind: str, src_text: str, dest_text: str | None):
    global _REPORTER
    if _REPORTER is None:
        _REPORTER = _reporter_class()
    return _REPORTER(work, item, kind, src_text, dest_text)


def _reporter_class():
    from s3transfer.exceptions import CancelledError
    from s3transfer.subscribers import BaseSubscriber

    class Reporter(BaseSubscriber):
        """One transfer's reports to the printer; its size given so no HeadObject is made."""

        def __init__(self, work, item, kind, src_text, dest_text):
            self.work = work
            self.item = item
            self.kind = kind
            self.src_text = src_text
            self.dest_text = dest_text

        def on_queued(self, future, **kwargs):
            item = self.item
            if item.size is not None:
                future.meta.provide_transfer_size(item.size)
            if item.etag is not None and item.src_type == "s3":
                future.meta.provide_object_etag(item.etag)
            if self.work.operation == "download" and item.dest != "-":
                _make_folder(os.path.dirname(item.dest))

        def on_progress(self, future, bytes_transferred, **kwargs):
            if self.work.printer.progress:
                self.work.reports.put("add_bytes", bytes_transferred)

        def on_done(self, future, **kwargs):
            work = self.work
            try:
                future.result()
            except CancelledError:
                return work.reports.put("skip_quietly")  # the cause is printed once already
            except Exception as e:
                code = getattr(e, "response", {}).get("Error", {}).get("Code")
                if code == "PreconditionFailed" and work.values.get("no_overwrite"):
                    return work.reports.put("skip_quietly")
                return work.reports.put("failure", self.kind, self.src_text, self.dest_text, e)
            try:
                _after(work, self.item)
            except Exception as e:
                return work.reports.put("failure", self.kind, self.src_text, self.dest_text, e)
            work.reports.put("success", self.kind, self.src_text, self.dest_text)

    return Reporter


class FolderNotMade(OSError):
    """A download's folder could not be made (v2's words): its transfer fails with this."""


def _make_folder(folder: str) -> None:
    """A download's folder, made when missing. A name already taken (by a file, say) is left
    to fail the download itself, as in v2; any other refusal fails it with v2's words."""
    if not folder or os.path.exists(folder):
        return
    try:
        os.makedirs(folder)
    except FileExistsError:
        pass  # another transfer made it meanwhile
    except OSError as e:
        raise FolderNotMade(f"Could not create directory {folder}: {e}") from None


def _after(work: Work, item) -> None:
    """What follows a whole transfer: the file's time from the object, mv's delete."""
    if work.operation == "download" and item.dest != "-" and item.mtime is not None:
        os.utime(item.dest, (item.mtime, item.mtime))
    if work.job.is_move and work.operation != "delete":
        if item.src_type == "local":
            os.remove(item.src)
        else:
            bucket, key = uri.split(item.src)
            work.source_client.delete_object(Bucket=bucket, Key=key, **work.delete_args)

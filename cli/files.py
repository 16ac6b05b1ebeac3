"""Files a command writes (config, credentials, token caches, kubeconfigs, downloads): whole or
not at all.

    with atomic_file(path, mode=0o600) as f:   # bytes; text=True for str
        f.write(...)

The data goes to a temporary file in the same folder, created with its final
mode before any byte is written (0600 for secrets), flushed and fsynced, then
renamed over the target, so a reader sees the old file or the new one, never a
half-written one, and an error or Ctrl-C leaves the target as it was (the
temporary file is removed). An existing file keeps its mode unless `mode` is
forced. Mercurial's atomictempfile is the model.
"""

from __future__ import annotations

import contextlib
import os

SECRET = 0o600  # credentials, token caches: the user alone
PLAIN = 0o644  # what a user's umask usually gives


@contextlib.contextmanager
def atomic_file(path: str, *, mode: int | None = None, text: bool = False,
                keep_mode: bool = True, encoding: str = "utf-8"):
    """Write `path` through a temporary file and a rename (see the module's docstring).

    `mode`: the file's permissions when it is new (default 0644 less the umask's
    bits for a plain file); an existing file keeps its own when `keep_mode`.
    Missing parent folders are created (0700 for a secret's, 0755 otherwise).
    """
    path = os.path.abspath(os.path.expanduser(path))
    folder = os.path.dirname(path)
    secret = mode is not None and not mode & 0o077
    os.makedirs(folder, mode=0o700 if secret else 0o755, exist_ok=True)
    final_mode = mode if mode is not None else PLAIN & ~_umask()
    if keep_mode:
        try:
            final_mode = os.stat(path).st_mode & 0o7777
        except FileNotFoundError:
            pass
    base = os.path.basename(path)
    fd, temporary = _create_temporary(folder, base, final_mode)
    try:
        with os.fdopen(fd, "w" if text else "wb",
                       **({"encoding": encoding, "newline": ""} if text else {})) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def write_atomically(path: str, data: bytes | str, *, mode: int | None = None,
                     keep_mode: bool = True) -> None:
    """`data` as the whole content of `path` (see atomic_file)."""
    with atomic_file(path, mode=mode, text=isinstance(data, str), keep_mode=keep_mode) as f:
        f.write(data)


def _create_temporary(folder: str, base: str, mode: int) -> tuple[int, str]:
    import secrets

    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        temporary = os.path.join(folder, f".{base}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(temporary, flags, mode)
        except FileExistsError:
            continue
        os.fchmod(fd, mode)  # the mode, whatever the umask took away
        return fd, temporary
    raise FileExistsError(f"could not create a temporary file in {folder}")


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current

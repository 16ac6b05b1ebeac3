"""Completion candidates for a partly typed command line.

    complete(line, point, index) -> list[str]

`line` is the command line as typed (`aws ec2 describe-inst`), `point` the
cursor's offset in it, `index` what there is to complete (see `Index`
below; `cli.completion_data.CacheIndex` serves it from shapecli's caches).
The function is pure: everything it knows of the world comes through the
index, so the interactive prompt and the shell completer share it. Each
candidate is the whole word that would replace the word under the cursor.

The line is read the way the CLI reads it, one word at a time:

    line     = program { word } [ fragment ]
    word     = command | operation | "wait" | waiter | option [ value... ] | outfile
    fragment = what is typed under the cursor (empty after a space)

Candidates for the fragment, by where it stands:
  after a word that takes values  -> the option's values: choices (enums,
                                     --output, ...), shorthand keys and their
                                     enum or boolean values, profiles,
                                     regions, paths after file:// or fileb://
  a positional that takes paths      -> local files and folders, and for s3
                                     paths `s3://` then buckets and prefixes
                                     (a listing, only once the word starts
                                     with s3://)
  starting with "-"               -> the options not given yet (the
                                     operation's, then the global ones)
  otherwise                       -> commands, operations and `wait`,
                                     waiters, or, past the operation, its
                                     options; `help` where it is accepted
An unknown command, operation or positional word ends completion (no
candidates), as in v2.
"""

from __future__ import annotations

from cli.options import (  # the index looks these values up
    CONFIG_KEYS, FILES, PROFILES, REGIONS, S3_PATHS, SSO_SESSIONS)

TYPE_CHECKING = False  # typing costs milliseconds at every keystroke
if TYPE_CHECKING:
    from typing import Protocol

    class Index(Protocol):
        """What `complete` asks about. Arguments are `Arg` tuples (see below)."""

        def commands(self) -> list[str]: ...  # top-level commands (services)
        # {"operations": [...], "aliases": [...], "waiters": [...]}, None if unknown
        def command(self, command: str) -> dict | None: ...
        def arguments(self, path: tuple[str, ...]) -> list | None: ...  # (cmd, op) or (cmd, "wait", w)
        def global_arguments(self) -> list: ...
        def profiles(self) -> list[str]: ...
        def regions(self, command: str | None) -> list[str]: ...
        # the entries of a directory as typed ("" for the current one): (name, is a directory)
        def files(self, directory: str) -> list[tuple[str, bool]]: ...
        # s3://bucket/prefix... -> the buckets, prefixes and keys it may become ([] when
        # that cannot be known quickly); `given`: the global options' values on the line
        def s3_paths(self, fragment: str, given: dict[str, str]) -> list[str]: ...

# An argument: (name, kind, choices, members)
#   name     "instance-ids" (without the dashes)
#   kind     "flag" (no value), "one", "many" (a list: values until the next option),
#            "optional" (one value or none), "outfile" (a positional file name),
#            "positional" (a hand-written command's positional word)
#   choices  the values it takes, if they are a fixed set; PROFILES or REGIONS
#            for those the index looks up (--profile, --region); FILES or S3_PATHS
#            for paths (local ones; local ones and s3:// buckets and prefixes)
#   members  {member: [its choices]} for shorthand keys, or None
NAME, KIND, CHOICES, MEMBERS = range(4)
POSITIONAL = ("outfile", "positional")

PATH_PREFIXES = ("file://", "fileb://")


def complete(line: str, point: int | None, index) -> list[str]:
    """The candidates for the word under the cursor, in the order to offer them."""
    text = line if point is None else line[:point]
    words = text.split()
    if not words:
        return []
    fragment = "" if text[-1].isspace() else words.pop()
    if not words:  # the cursor is still on the program's name
        return []
    return complete_words(words[1:], fragment, index)


def complete_words(words: list[str], fragment: str, index) -> list[str]:
    """The candidates for `fragment` after `words`, the words before it less the program's name.

    For front ends that split the line themselves (the prompt reads shell
    quotes, so a quoted value may hold blanks).
    """
    state = _walk(words, index)
    if state is None:
        return []
    return _candidates(state, fragment, index)


def context(words: list[str], fragment: str, index) -> tuple | None:
    """(path, option, given) for `fragment` after `words` (as complete_words takes them).

    path: the command path the words lead to ((), (command,), (command,
    operation) or (command, "wait", waiter)); option: the name of the option
    the fragment is (`--name`, `--name=value`) or is a value of, else None;
    given: the names of the options the words give. None where completion
    ends (an unknown command or a stray word).
    """
    state = _walk(words, index)
    if state is None:
        return None
    if fragment.startswith("--"):
        option = fragment[2:].partition("=")[0]
    elif state.pending is not None:
        option = state.pending[NAME]
    else:
        option = None
    return tuple(state.path), option, frozenset(state.given)


class _State:
    """Where the words before the cursor lead: the command path, options given, a pending value."""

    __slots__ = ("path", "arguments", "given", "pending", "values", "settings")

    def __init__(self) -> None:
        self.path: list[str] = []  # [command], [command, op], [command, "wait", waiter]
        self.arguments: list | None = None  # the operation's (or waiter's) arguments
        self.given: set[str] = set()
        self.pending: tuple | None = None  # the argument the next word is a value of
        self.values = 0  # values given so far to a pending list
        self.settings: dict[str, str] = {}  # single values given: --profile p -> {"profile": "p"}


def _walk(words: list[str], index) -> _State | None:
    state = _State()
    globals_ = {a[NAME]: a for a in index.global_arguments()}
    for word in words:
        pending = state.pending
        if pending is not None:
            kind = pending[KIND]
            if kind == "one":
                state.settings[pending[NAME]] = word
                state.pending = None
                continue
            if not word.startswith("-"):
                if kind == "many":
                    state.values += 1
                else:  # "optional"
                    state.pending = None
                continue
            state.pending = None
        if word.startswith("--"):
            name, eq, _ = word[2:].partition("=")
            known = {a[NAME]: a for a in state.arguments or ()}
            argument = known.get(name) or globals_.get(name)
            if argument is not None:
                state.given.add(name)
                if argument[KIND] not in ("flag", *POSITIONAL) and not eq:
                    state.pending, state.values = argument, 0
            continue  # an unknown option: the CLI will say so; completion goes on
        if word.startswith("-") or not _descend(state, word, index):
            return None
    return state


def _descend(state: _State, word: str, index) -> bool:
    """Take one positional word; False if it is not one the CLI accepts here."""
    path = state.path
    if word == "help":
        return False  # nothing follows help
    if not path:
        if word in index.commands():
            path.append(word)
            return True
        return False
    if len(path) == 1:
        names = index.command(path[0])
        if names is None:
            return False
        if word == "wait" and names["waiters"]:
            path.append(word)
            return True
        if word in names["operations"] or word in names["aliases"]:
            path.append(word)
            state.arguments = index.arguments((path[0], word))
            return state.arguments is not None
        return False
    if path[1] == "wait" and len(path) == 2:
        names = index.command(path[0]) or {}
        if word in names.get("waiters", ()):
            path.append(word)
            state.arguments = index.arguments(tuple(path))
            return state.arguments is not None
        return False
    positional = _next_positional(state)
    if positional is not None:
        state.given.add(positional[NAME])
        return True
    return False


def _candidates(state: _State, fragment: str, index) -> list[str]:
    # After an option that wants a value, a word starting with -- is still
    # read as an option by the CLI, so that is what it completes to.
    if state.pending is not None and not fragment.startswith("--"):
        return _values(state, state.pending, fragment, index)
    if fragment.startswith("--") and "=" in fragment:
        name, _, value = fragment[2:].partition("=")
        argument = _argument(state, name, index)
        if argument is None or argument[KIND] in ("flag", *POSITIONAL):
            return []
        return [f"--{name}={v}" for v in _values(state, argument, value, index)]
    if fragment.startswith("-"):
        return _options(state, fragment, index)
    words = _words(state, index)
    positional = _next_positional(state) if words is None else None
    if positional is not None and positional[CHOICES]:  # a word to come
        found = _values(state, positional, fragment, index)
        if not fragment and positional[CHOICES] in (FILES, S3_PATHS):  # the options too
            found += _options(state, fragment, index)
    elif words is None:  # past the operation: its options, as v2 offers them
        found = _options(state, fragment, index)
    else:
        found = [w for w in words if w.startswith(fragment)]
    if fragment and "help".startswith(fragment) and "help" not in found:
        found.append("help")
    return found


def _next_positional(state: _State) -> tuple | None:
    """The positional argument the next plain word fills, if any is left."""
    return next((a for a in state.arguments or () if a[KIND] in POSITIONAL
                 and a[NAME] not in state.given), None)


def _argument(state: _State, name: str, index) -> tuple | None:
    for argument in (*(state.arguments or ()), *index.global_arguments()):
        if argument[NAME] == name:
            return argument
    return None


def _words(state: _State, index) -> list[str] | None:
    """The command words that may come next (None once the operation is chosen)."""
    path = state.path
    if not path:
        return index.commands()
    if len(path) == 1:
        names = index.command(path[0]) or {"operations": [], "waiters": []}
        return names["operations"] + (["wait"] if names["waiters"] else [])
    if path[1] == "wait" and len(path) == 2:
        return (index.command(path[0]) or {}).get("waiters", [])
    return None


def _options(state: _State, fragment: str, index) -> list[str]:
    """The options not given yet that start with the fragment: the operation's, then the global ones."""
    found = []
    for argument in (*(state.arguments or ()), *index.global_arguments()):
        name = argument[NAME]
        if argument[KIND] in POSITIONAL or name in state.given:
            continue
        option = "--" + name
        if option.startswith(fragment) and option not in found:
            found.append(option)
    return found


def _values(state: _State, argument: tuple, fragment: str, index) -> list[str]:
    if fragment.startswith(PATH_PREFIXES):
        return _paths(fragment, index)
    choices = argument[CHOICES]
    if choices in (FILES, S3_PATHS):
        return _file_or_s3_paths(state, choices, fragment, index)
    if choices == PROFILES:
        choices = index.profiles()
    elif choices == REGIONS:
        choices = index.regions(state.path[0] if state.path else None)
    elif choices == SSO_SESSIONS:
        choices = index.sso_sessions()
    elif choices == CONFIG_KEYS:
        choices = index.config_keys()
    elif argument[MEMBERS]:
        return _shorthand(argument[MEMBERS], fragment)
    return [c for c in choices or () if c.startswith(fragment)]


def _shorthand(members: dict, fragment: str) -> list[str]:
    """`Key=value,Key2=...`: the keys not used yet, or the values of the key being typed."""
    if any(c in fragment for c in "[]{}"):
        return []  # nested values: beyond a keystroke's worth of parsing
    head, comma, last = fragment.rpartition(",")
    prefix = head + comma
    used = {pair.partition("=")[0] for pair in head.split(",")} if comma else set()
    key, eq, value = last.partition("=")
    if eq:
        return [f"{prefix}{key}={v}" for v in members.get(key) or () if v.startswith(value)]
    return [f"{prefix}{k}=" for k in members if k.startswith(key) and k not in used]


def _paths(fragment: str, index) -> list[str]:
    """file://… and fileb://…: the entries of the directory typed so far (directories end in /)."""
    scheme = next(p for p in PATH_PREFIXES if fragment.startswith(p))
    return _local(scheme, fragment[len(scheme):], index)


def _file_or_s3_paths(state: _State, kind: str, fragment: str, index) -> list[str]:
    """A path argument's value: local entries, and for S3_PATHS `s3://` and what follows it."""
    if kind == S3_PATHS and fragment.startswith("s3://"):
        return index.s3_paths(fragment, state.settings)
    found = _local("", fragment, index)
    if kind == S3_PATHS and "s3://".startswith(fragment):
        found.insert(0, "s3://")
    return found


def _local(scheme: str, path: str, index) -> list[str]:
    """The entries of the directory typed so far that start with what follows it."""
    if path == "~":
        return [scheme + "~/"]
    head, slash, base = path.rpartition("/")
    directory = head + slash  # "", "sub/", "/tmp/", "~/"
    return [scheme + directory + name + ("/" if is_dir else "")
            for name, is_dir in index.files(directory) if name.startswith(base)]


# -- the shell's side: v2's aws_completer protocol -------------------------------


DEFAULT_WORDBREAKS = "\"'><=;|&(:"


def main() -> None:
    """`aws_completer`: COMP_LINE and COMP_POINT in, one candidate a line out."""
    import os
    import sys

    environ = os.environ
    line = environ.get("COMP_LINE") or environ.get("COMMAND_LINE") or ""
    try:
        point = int(environ.get("COMP_POINT") or len(line))
    except ValueError:
        point = len(line)
    try:
        from cli.completion_data import CacheIndex

        found = complete(line, point, CacheIndex(environ))
        if "COMP_TYPE" in environ:  # bash: the word it replaces starts after a word break
            found = for_bash(line[:point], found, environ.get("COMP_WORDBREAKS"))
        if found:
            sys.stdout.write("\n".join(found) + "\n")
        sys.stdout.flush()
    except (KeyboardInterrupt, BrokenPipeError):
        pass
    except Exception:  # a keystroke must never print a traceback into the line
        if environ.get("SHAPECLI_COMPLETION_DEBUG"):
            raise
    os._exit(0)  # nothing to tear down: skip the interpreter's teardown


def for_bash(text: str, candidates: list[str], wordbreaks: str | None) -> list[str]:
    """Candidates cut to the word bash replaces.

    bash splits the current word at COMP_WORDBREAKS characters (`:` and
    `=` among them), so after `file://a` it replaces only `//a`: each
    candidate loses what precedes that word.
    """
    breaks = DEFAULT_WORDBREAKS if wordbreaks is None else wordbreaks
    fragment = "" if not text or text[-1].isspace() else text.split()[-1]
    cut = max((fragment.rfind(c) for c in breaks if not c.isspace()), default=-1) + 1
    if not cut:
        return candidates
    return [c[cut:] for c in candidates if c.startswith(fragment[:cut])]

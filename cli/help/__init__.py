"""Help pages: `aws help`, `aws <command> help`, `aws <command> <operation> help`,
`aws <command> wait help` and `aws <command> wait <waiter> help`.

    page = page_for(catalog, words)   # words: [], [command], [command, operation], [command, "wait", ...]
    text = render(page, width=80, styled=False)

`page_for` builds a `Page` (see `cli.help.doc`) from the catalog's cached
models without importing botocore; `render` lays it out as text wrapped to
`width`, with rich styling (headings, option names) when `styled`. Unknown
commands and operations raise `cli.errors.UnknownCommandError`.
"""

from __future__ import annotations

from cli.help.doc import Page


def page_for(catalog, words: list[str]) -> Page:
    """The help page for `aws <words...> help`."""
    from cli.errors import UnknownCommandError

    from cli import commands as registry

    if not words:
        from cli.help.listing import top_page

        return top_page(list(catalog.commands()) + registry.group_words())
    command = words[0]
    if registry.is_group(command):
        return _group_page(words)
    service = catalog.service_name(command)  # raises for an unknown command
    if len(words) == 2:
        hand = registry.beside(command, words[1])
        if hand is not None:
            from cli.help.hand import command_page

            return command_page(hand)
    if len(words) == 1:
        from cli.help.listing import service_page

        names = sorted({*catalog.operation_names(service), *registry.beside_words(command)})
        if catalog.waiters(service):
            names.append("wait")
        return service_page(command, catalog.service_index(service), names)
    if words[1] == "wait" and catalog.waiters(service):
        from cli.help.wait import wait_page

        return wait_page(catalog, words)
    if len(words) > 2:
        raise UnknownCommandError("operation", " ".join(words[1:]), [])
    from cli.help.operation import operation_page

    op = catalog.operation(command, words[1])  # raises for an unknown operation
    return operation_page(op, catalog.service_index(service).get("metadata", {}))


def _group_page(words: list[str]) -> Page:
    """The page of a hand-written group (aws s3 help) or of one of its commands."""
    from cli import commands as registry
    from cli.errors import UnknownCommandError
    from cli.help.hand import command_page, group_page

    word = words[0]
    commands = registry.group_commands(word)
    if len(words) == 1:
        if "" in commands:
            return command_page(commands[""], commands)
        if not commands:  # a v2 command that shapecli does not provide
            raise registry.not_provided_error((word,))
        return group_page(word, commands, registry.group_description(word))
    hand = commands.get(words[1]) if len(words) == 2 and words[1] else None
    if hand is None:
        raise UnknownCommandError("subcommand", " ".join(words[1:]), sorted(commands))
    return command_page(hand)


def render(page: Page, *, width: int, styled: bool) -> str:
    """The page as text wrapped to `width`; ANSI-styled with rich when `styled`."""
    from cli.help.layout import render_page

    return render_page(page, width=width, styled=styled)


__all__ = ["Page", "page_for", "render"]

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

    if not words:
        from cli.help.listing import top_page

        return top_page(list(catalog.commands()))
    command = words[0]
    service = catalog.service_name(command)  # raises for an unknown command
    if len(words) == 1:
        from cli.help.listing import service_page

        names = list(catalog.operation_names(service))
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


def render(page: Page, *, width: int, styled: bool) -> str:
    """The page as text wrapped to `width`; ANSI-styled with rich when `styled`."""
    from cli.help.layout import render_page

    return render_page(page, width=width, styled=styled)


__all__ = ["Page", "page_for", "render"]

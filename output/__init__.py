"""Rendering of results: json, text, table, yaml, yaml-stream, off; the pager; colour.

`render` and `render_stream` are pure: data in, text out. They never change
the data they are given and never decide exit codes. Timestamps
(`datetime`) print as ISO 8601 and blobs (`bytes`) as base64, as v2 prints
them. Each format's module is imported only when it is used.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

FORMATS = ("json", "text", "table", "yaml", "yaml-stream", "off")


def render(
    data,
    output_format: str,
    *,
    color: bool = False,
    title: str | None = None,
    terminal_width: int = 80,
    skip_empty: bool = True,
) -> str:
    """The complete text v2 writes for `data` ('' when it writes nothing).

    `data` is the parsed response without ResponseMetadata, with --query
    applied. `title` heads a table (v2 uses the operation name, e.g.
    "AdminGetUser"). `color` colours a table as v2 does on a terminal or
    with --color on; other formats are never coloured. `terminal_width` is
    the width of the terminal stdout is (80 when it is not one): a table
    wider than that is redrawn with single-row sections on their side.
    `yaml-stream` here renders `data` as its only page. `skip_empty=False`
    prints an empty dict too (a skeleton `{}` is a document, not a response).
    """
    return "".join(render_chunks(data, output_format, color=color, title=title,
                                 terminal_width=terminal_width, skip_empty=skip_empty))


def render_chunks(
    data,
    output_format: str,
    *,
    color: bool = False,
    title: str | None = None,
    terminal_width: int = 80,
    skip_empty: bool = True,
) -> Iterator[str]:
    """`render`'s text in pieces, made as they are written.

    For a large response this is what keeps memory bounded: the data is
    never copied whole and the text never held whole (see each format's
    `*_chunks`). Joined, the pieces are exactly `render`'s text.
    """
    if output_format == "off":
        return iter(())
    if output_format == "json":
        from output.jsonout import json_chunks

        return json_chunks(data, skip_empty=skip_empty)
    if output_format == "text":
        from output.text import text_chunks

        return text_chunks(data)
    if output_format == "table":
        from output.table import table_chunks

        return table_chunks(data, title or "", color=color, terminal_width=terminal_width)
    if output_format == "yaml":
        from output.yamlout import yaml_chunks

        return yaml_chunks(data)
    if output_format == "yaml-stream":
        from output._plain import plain
        from output.yamlout import render_yaml_page

        return iter((render_yaml_page(plain(data, output_format)),))
    raise ValueError(f"unknown output format: {output_format!r}")


def render_stream(pages: Iterable, output_format: str) -> Iterator[str]:
    """Text for each page as it arrives, for the formats v2 prints page by page.

    `yaml-stream`: each page (ResponseMetadata removed, --query applied) as
    one item of a top-level YAML list. `text`: each page as its own text
    block; for paginated operations v2 passes the first page's non-result
    keys with its result keys, later pages' result keys only, and ends with
    `{"NextToken": {"NextToken": token}}` when --max-items cut the results
    (the caller builds those dicts). `off`: nothing. Other formats need the
    whole result: use `render`.
    """
    from output._plain import plain

    if output_format == "yaml-stream":
        from output.yamlout import render_yaml_page

        for page in pages:
            yield render_yaml_page(plain(page, output_format))
    elif output_format == "text":
        from output.text import text_chunks

        for page in pages:
            yield from text_chunks(page)
    elif output_format == "off":
        for _ in pages:
            pass
    else:
        raise ValueError(f"{output_format!r} output is not streamed; use render()")

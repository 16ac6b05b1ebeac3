"""`--output text`: tab-separated rows, one per object, in v2's order.

The rules, as v2 applies them:
- a dict prints one row of its scalar values, in sorted key order, led by
  the upper-cased name of the key it came from; then each non-scalar value
  under its own key, in sorted key order;
- in a list of dicts every dict prints the same columns: the sorted union of
  the keys that hold a scalar in any of them ('' where one is missing);
- a list of scalars prints one `NAME\\tvalue` row per item under a key, or
  one tab-joined row at the top;
- a bare scalar prints on its own line; empty lists print nothing.
"""

from __future__ import annotations

from output._plain import batched, text_of


def render_text(data) -> str:
    return "".join(_emit(data, None, None))


def text_chunks(data):
    """The same text in pieces (some thousands of lines each), produced as the data is walked."""
    return batched(_emit(data, None, None))


def _is_scalar(value) -> bool:
    return not isinstance(value, (dict, list, tuple))


def _emit(item, name, columns):
    """The lines for `item`, one string each."""
    if isinstance(item, dict):
        yield from _emit_dict(item, name, columns)
    elif isinstance(item, (list, tuple)):
        yield from _emit_list(item, name)
    else:
        yield f"{text_of(item)}\n"


def _emit_list(items, name):
    if not items:
        return
    if any(isinstance(item, dict) for item in items):
        columns = sorted(
            {key for item in items if isinstance(item, dict)
             for key, value in item.items() if _is_scalar(value)}
        )
        for item in items:
            yield from _emit(item, name, columns)
    elif any(isinstance(item, (list, tuple)) for item in items):
        scalars = [item for item in items if _is_scalar(item)]
        if scalars:
            yield from _emit_scalars(scalars, name)
        for item in items:
            if not _is_scalar(item):
                yield from _emit(item, name, None)
    else:
        yield from _emit_scalars(items, name)


def _emit_scalars(items, name):
    if name is None:
        yield "\t".join(text_of(item) for item in items) + "\n"
    else:
        label = name.upper()
        for item in items:
            yield f"{label}\t{text_of(item)}\n"


def _emit_dict(item, name, columns):
    if columns is None:
        keys = sorted(item)
        row = [text_of(item[key]) for key in keys if _is_scalar(item[key])]
        rest = [key for key in keys if not _is_scalar(item[key])]
    else:
        # Columns shared with sibling dicts: a key that holds a scalar in one
        # sibling is a column in all of them, whatever it holds here.
        row = [text_of(item.get(key, "")) for key in columns]
        rest = sorted(set(item) - set(columns))
    if row:
        if name is not None:
            row.insert(0, name.upper())
        yield "\t".join(row) + "\n"
    for key in rest:
        yield from _emit(item[key], key, None)

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


def render_text(data) -> str:
    lines: list[str] = []
    _emit(data, lines, None, None)
    return "".join(lines)


def _is_scalar(value) -> bool:
    return not isinstance(value, (dict, list))


def _emit(item, lines, name, columns):
    if isinstance(item, dict):
        _emit_dict(item, lines, name, columns)
    elif isinstance(item, list):
        _emit_list(item, lines, name)
    else:
        lines.append(f"{item}\n")


def _emit_list(items, lines, name):
    if not items:
        return
    if any(isinstance(item, dict) for item in items):
        columns = sorted(
            {key for item in items if isinstance(item, dict)
             for key, value in item.items() if _is_scalar(value)}
        )
        for item in items:
            _emit(item, lines, name, columns)
    elif any(isinstance(item, list) for item in items):
        scalars = [item for item in items if _is_scalar(item)]
        if scalars:
            _emit_scalars(scalars, lines, name)
        for item in items:
            if not _is_scalar(item):
                _emit(item, lines, name, None)
    else:
        _emit_scalars(items, lines, name)


def _emit_scalars(items, lines, name):
    if name is None:
        lines.append("\t".join(str(item) for item in items) + "\n")
    else:
        label = name.upper()
        lines.extend(f"{label}\t{item}\n" for item in items)


def _emit_dict(item, lines, name, columns):
    if columns is None:
        keys = sorted(item)
        row = [str(item[key]) for key in keys if _is_scalar(item[key])]
        rest = [key for key in keys if not _is_scalar(item[key])]
    else:
        # Columns shared with sibling dicts: a key that holds a scalar in one
        # sibling is a column in all of them, whatever it holds here.
        row = [str(item.get(key, "")) for key in columns]
        rest = sorted(set(item) - set(columns))
    if row:
        if name is not None:
            row.insert(0, name.upper())
        lines.append("\t".join(row) + "\n")
    for key in rest:
        _emit(item[key], lines, key, None)

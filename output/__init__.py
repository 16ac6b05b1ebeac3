"""Rendering of results: json, text, table, yaml, yaml-stream; the pager; colour."""

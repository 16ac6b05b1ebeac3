"""Every operation of every service renders a help page without error.

One test, one process: each service model is read once, its operations'
pages are built and rendered, and the model is dropped before the next.
"""

from __future__ import annotations

import os

from cli.catalog import Catalog
from cli.help import page_for, render


def test_every_operation_page_renders(tmp_path):
    catalog = Catalog({**os.environ, "SHAPECLI_CACHE_DIR": str(tmp_path)})
    failures = []
    count = 0
    for command, service in sorted(catalog.commands().items()):
        render(page_for(catalog, [command]), width=80, styled=False)
        for cli_name in catalog.operation_names(service):
            try:
                text = render(page_for(catalog, [command, cli_name]), width=80, styled=False)
                assert text.startswith("NAME\n") and "\nOPTIONS\n" in text
            except Exception as exc:  # collect them all, then fail once
                failures.append(f"{command} {cli_name}: {exc!r}")
            count += 1
        catalog.forget(service)  # one service in memory at a time
    assert count > 10000
    assert not failures, "\n".join(failures[:20])

"""Where the shared conformance material lives: ../shared beside the repository."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(os.environ.get("SHAPECLI_SHARED",
                             Path(__file__).resolve().parents[2] / "shared"))
CONFORMANCE = SHARED / "conformance"
SEED = SHARED / "seed" / "admin-confirm-sign-up.txt"


def require_shared() -> None:
    """Skip the calling test module when the shared material is not beside the repo."""
    if not CONFORMANCE.is_dir():
        pytest.skip(f"no shared conformance material at {SHARED}", allow_module_level=True)

"""cli.files: a file is written whole or not at all, with its mode from the first byte."""

from __future__ import annotations

import os
import stat

import pytest

from cli.files import SECRET, atomic_file, write_atomically


def test_a_new_secret_is_0600_and_its_folder_0700(tmp_path):
    path = tmp_path / "new" / "credentials"
    write_atomically(str(path), "[default]\n", mode=SECRET)
    assert path.read_text() == "[default]\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_an_existing_file_keeps_its_mode(tmp_path):
    path = tmp_path / "config"
    path.write_text("old")
    os.chmod(path, 0o640)
    write_atomically(str(path), b"new")
    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_an_error_leaves_the_old_file_and_no_temporary(tmp_path):
    path = tmp_path / "config"
    path.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_file(str(path), text=True) as f:
            f.write("half")
            raise RuntimeError("interrupted")
    assert path.read_text() == "old"
    assert sorted(os.listdir(tmp_path)) == ["config"]


def test_an_unwritable_folder_raises_oserror(tmp_path):
    if os.geteuid() == 0:
        folder = tmp_path / "file-not-folder"
        folder.write_text("x")  # even root cannot create a file below a file
        target = folder / "config"
    else:
        folder = tmp_path / "locked"
        folder.mkdir(mode=0o500)
        target = folder / "config"
    with pytest.raises(OSError):
        write_atomically(str(target), "data")

"""Shared fixtures for the CLI tests: where the sitrep binary and the sources are."""
import os
import subprocess
from pathlib import Path

import pytest

SOURCE_DIR = Path(os.environ.get("SITREP_SOURCE_DIR", Path(__file__).resolve().parents[2]))
EXAMPLE = SOURCE_DIR / "examples" / "beirut-2020"


def sitrep_binary():
    path = os.environ.get("SITREP")
    if not path:
        path = str(SOURCE_DIR / "build" / "sitrep")
    return path


def run(*args, stdin=None, check_exit=None):
    """Runs sitrep with args; returns CompletedProcess (text mode)."""
    proc = subprocess.run([sitrep_binary(), *map(str, args)], input=stdin, capture_output=True,
                          text=True, timeout=120)
    if check_exit is not None:
        assert proc.returncode == check_exit, (proc.returncode, proc.stdout, proc.stderr)
    return proc


@pytest.fixture
def sitrep():
    return run

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from async_lint.config import Settings
from async_lint.engine import lint_source

FIXTURES = Path(__file__).parent / "fixtures"
ALL = Settings(select=("ALL",))


def lint(source: str, settings: Settings = ALL, filename: str = "example.py") -> list:
    return lint_source(source, filename, settings).diagnostics


def codes(source: str, settings: Settings = ALL) -> list[tuple[int, str]]:
    """(line, code) of every finding in `source`."""
    return [(d.start.line, d.code) for d in lint(source, settings)]


def run_cli(*args: str, cwd: Path | str | None = None, stdin: str | None = None):
    """Run the installed CLI the way users do, in a subprocess."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "async_lint", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


@pytest.fixture
def project(tmp_path: Path):
    """A scratch directory to write files into: project({"a.py": "..."})."""

    def write(files: dict[str, str]) -> Path:
        for name, text in files.items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return tmp_path

    return write

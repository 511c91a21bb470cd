from __future__ import annotations

import compileall
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import async_lint
from async_lint.config import Settings
from async_lint.engine import lint_source

FIXTURES = Path(__file__).parent / "fixtures"
ALL = Settings(select=("ALL",))

# Property tests (tests/test_properties.py): a moderate run by default, for CI;
# `--hypothesis-profile=thorough` for a long hunt. Generated programs are slow
# to lint compared with hypothesis' default deadline, and some inputs are big.
# hypothesmith's strategies filter what they generate themselves (from_node much).
_SLOW_AND_FILTERED = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    suppress_health_check=_SLOW_AND_FILTERED,
)
settings.register_profile(
    "thorough",
    max_examples=2000,
    deadline=None,
    suppress_health_check=_SLOW_AND_FILTERED,
)
settings.load_profile("ci")


def pytest_sessionstart(session: pytest.Session) -> None:
    """Compile the package once, as installing it would: the tests start the CLI in
    a process of its own a hundred times, and where PYTHONDONTWRITEBYTECODE is set
    (CI) each would compile every module again."""
    compileall.compile_dir(Path(async_lint.__file__).parent, quiet=1)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--run-slow", action="store_true", help="also run the tests marked slow (minutes each)"
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: takes minutes; runs with --run-slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="slow: needs --run-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


def lint(source: str, settings: Settings = ALL, filename: str = "example.py") -> list:
    return lint_source(source, filename, settings).diagnostics


def codes(source: str, settings: Settings = ALL) -> list[tuple[int, str]]:
    """(line, code) of every finding in `source`."""
    return [(d.start.line, d.code) for d in lint(source, settings)]


def run_cli(
    *args: str, cwd: Path | str | None = None, stdin: str | None = None, timeout: float = 300
):
    """Run the installed CLI the way users do, in a subprocess (a hang fails the test)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "async_lint", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=timeout,
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

"""The flake8 plugin, run the way users run it: flake8 in a subprocess."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import FIXTURES
from test_fixtures import NEGATIVES_ONLY

from async_lint.config import Settings
from async_lint.engine import lint_file
from async_lint.rules import REGISTRY

# the fixtures of default-off rules have no findings under the defaults
_DEFAULT_OFF = {code.lower() for code, rule in REGISTRY.items() if not rule.default_enabled}
DEFAULT_OFF_FIXTURES = {
    path.name for path in FIXTURES.glob("*.py") if path.name[:6] in _DEFAULT_OFF
}

BAD = "import time\n\nasync def handler():\n    time.sleep(1)\n    input()\n"


def flake8(*args: str, cwd=None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "flake8", "--select", "ASL", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


def findings(output: str) -> list[tuple[int, int, str]]:
    rows = []
    for line in output.splitlines():
        location, _, message = line.partition(": ")
        _, row, column = location.rsplit(":", 2)
        rows.append((int(row), int(column), message))
    return rows


def test_plugin_is_registered():
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--version"], capture_output=True, text=True, check=True
    )
    assert "async-lint" in result.stdout


@pytest.mark.parametrize(
    "path",
    [p for p in sorted(FIXTURES.glob("*.py")) if p.name != "asl000_cannot_parse.py"],
    ids=lambda p: p.name,
)
def test_same_findings_as_the_cli(path):
    """Line, column and message agree with the engine for every fixture file."""
    result = flake8(str(path))
    # the fixtures carry no noqa, so flake8's suppression changes nothing here
    expected = [
        (d.start.line, d.start.display_column, f"{d.code} {d.message}")
        for d in lint_file(str(path), Settings()).diagnostics
    ]
    assert findings(result.stdout) == expected
    assert expected or path.name in NEGATIVES_ONLY | DEFAULT_OFF_FIXTURES


def test_noqa_and_extend_ignore(project):
    root = project({
        "a.py": BAD.replace("input()", "input()  # noqa: ASL108"),
        "setup.cfg": "[flake8]\nextend-ignore = ASL101\n",
    })  # fmt: skip
    result = flake8("a.py", cwd=root)
    assert result.returncode == 0, result.stdout
    root = project({"setup.cfg": "[flake8]\n"})
    assert {row[2][:6] for row in findings(flake8("a.py", cwd=root).stdout)} == {"ASL101"}


def test_per_file_ignores(project):
    root = project(
        {"tests/test_a.py": BAD, ".flake8": "[flake8]\nper-file-ignores = tests/*: ASL1\n"}
    )
    assert flake8("tests/test_a.py", cwd=root).returncode == 0


def test_options_from_config(project):
    source = "from mylib import storage\n\nasync def f():\n    storage.fetch_blob('k')\n"
    root = project({
        "a.py": source,
        ".flake8": "[flake8]\nasl-extra-blocking-calls = mylib.storage.fetch_blob=ASL105\n",
    })  # fmt: skip
    (row,) = findings(flake8("a.py", cwd=root).stdout)
    assert row[:2] == (4, 5)
    assert row[2].startswith("ASL105 `mylib.storage.fetch_blob()` blocks")


def test_options_from_command_line(project):
    source = "import acme\n\nasync def f():\n    acme.wait_for_it()\n"
    root = project({"a.py": source})
    result = flake8("--asl-extra-blocking-calls=acme.wait_for_it=ASL108", "a.py", cwd=root)
    assert findings(result.stdout)[0][2].startswith("ASL108")


def test_bad_option_is_a_clear_error(project):
    root = project({"a.py": BAD})
    result = flake8("--asl-max-fan-out=-1", "a.py", cwd=root)
    assert result.returncode != 0
    assert "max-fan-out: must be greater than 0" in result.stderr
    assert "Traceback" not in result.stderr


def test_syntax_errors_are_flake8s_own(project):
    root = project({"a.py": "def f(:\n"})
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--select", "ASL,E999", "a.py"],
        cwd=root, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert "E999" in result.stdout and "ASL" not in result.stdout

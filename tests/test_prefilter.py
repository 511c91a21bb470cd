"""Cheap skipping: a file the text check passes over must not hide a single finding."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import FIXTURES

from async_lint import engine
from async_lint.config import Settings
from async_lint.discovery import discover
from async_lint.knowledge import DEFAULT
from async_lint.prefilter import _import_lines, may_report
from async_lint.run import Options, Run

ROOT = Path(__file__).parent.parent
# Each linted as one project: the fixtures, the multi-module projects, the
# examples, async-lint's own code, and the benchmark corpus when installed.
PROJECTS = [
    FIXTURES,
    *sorted(p for p in (FIXTURES / "projects").iterdir() if p.is_dir()),
    ROOT / "examples",
    ROOT / "src",
    *[p for p in [ROOT / "bench" / ".corpus" / "medium"] if p.is_dir()],
]
SETTINGS = {"all rules": Settings(select=("ALL",)), "defaults": Settings()}


def _findings(root: Path, settings: Settings, shortcut: bool) -> list:
    settings = Settings(root=root, select=settings.select)
    files = list(discover([str(root)], settings))
    run = Run(settings, [str(root)], files)
    results = run.check([(f, f) for f in files], Options(jobs=1, shortcut=shortcut))
    return [d for result in results for d in result.diagnostics]


@pytest.mark.parametrize("name", ["all rules", "defaults"])
@pytest.mark.parametrize("root", PROJECTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_shortcut_loses_no_finding(root, name, monkeypatch):
    if root.parent.name == ".corpus" and name != "all rules":
        pytest.skip("the corpus is slow: every rule is enough")
    skipped = []
    original = engine._skipped
    monkeypatch.setattr(engine, "_skipped", lambda *a: skipped.append(a) or original(*a))
    settings = SETTINGS[name]
    with_shortcut = _findings(root, settings, shortcut=True)
    assert _findings(root, settings, shortcut=False) == with_shortcut
    if root in (FIXTURES, ROOT / "src"):
        assert skipped, "the shortcut skipped nothing: the comparison proves nothing"


def test_the_shortcut_skips_files_with_nothing_to_find():
    """What it skips in the fixtures and async-lint's own code, counted."""
    files = [p for root in (FIXTURES, ROOT / "src") for p in root.rglob("*.py")]
    modules = frozenset({"async_lint", "app", "shop"})
    skipped = [
        p for p in files if not may_report(p.read_text(encoding="utf-8"), DEFAULT, modules, True)
    ]
    assert 5 <= len(skipped) < len(files) // 2


@pytest.mark.parametrize(
    "source",
    [
        "async def f():\n    pass\n",
        "x = 1  # await me\n",
        "import time\n",
        "import os.path as p, json\n",
        "from subprocess import (\n    run,\n)\n",
        "from \\\n    requests import get\n",
        "import json; import socket\n",
        "from langchain_openai import ChatOpenAI\n",  # a framework package by wildcard
        "from . import sibling\n",
        "from .sibling import helper\n",
        "from.sibling import helper\n",
        "import app.models\n",  # a package of the run
        "def read(path):\n    return open(path).read()\n",
        "reader = open\n",
        "def ask():\n    return input()\n",
        "class Store:\n    pass\n",
        "def f(loop, job):\n    loop.run_in_executor(None, job)\n",
        "sleep = __import__('time').sleep\n",
        "import \uff54\uff49\uff4d\uff45\n",  # a fullwidth `time`: Python reads it as NFKC
        "x = 1\rimport time\r",  # old Mac line endings
    ],
)
def test_what_makes_a_file_worth_linting(source):
    assert may_report(source, DEFAULT, frozenset({"app"}), summarize=True)


@pytest.mark.parametrize(
    "source",
    [
        "",
        '"""A module about time and sleep."""\n\nLIMIT = 3\n',
        "import json\nfrom dataclasses import dataclass\n",
        "def area(w, h):\n    return w * h\n",
        "def f(door):\n    return door.open()\n",  # a method, not the builtin
        "# the class of problems this avoids\nx = 1\n",
    ],
)
def test_what_does_not(source):
    assert not may_report(source, DEFAULT, frozenset({"app"}), summarize=True)


def test_without_the_transitive_rules_project_imports_and_classes_do_not_count():
    assert not may_report("from . import x\nclass A:\n    pass\n", DEFAULT, frozenset(), False)


def test_an_empty_summary_is_not_an_absent_one(tmp_path):
    """`helpers.py` is skipped; its package binds the name `helpers` to something
    else. A lookup of `pkg.helpers.fetch` must stop at the module (as its full
    summary would make it), not fall back to the package's binding."""
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("from .slow import fetch as helpers\n")
    (package / "slow.py").write_text("import time\n\ndef fetch():\n    time.sleep(1)\n")
    (package / "helpers.py").write_text("def fetch():\n    return 1\n")
    (tmp_path / "app.py").write_text(
        "import pkg.helpers\n\nasync def handler():\n    pkg.helpers.fetch()\n"
    )
    settings = Settings(root=tmp_path)
    assert not may_report((package / "helpers.py").read_text(), DEFAULT, frozenset({"pkg"}), True)
    assert _findings(tmp_path, settings, shortcut=True) == _findings(
        tmp_path, settings, shortcut=False
    )


def test_asl000_is_found_in_a_file_the_text_check_passes_over(tmp_path):
    broken = tmp_path / "broken.py"
    broken.write_text("def f(:\n    return 1\n")
    assert not may_report(broken.read_text(), DEFAULT, frozenset(), True)
    found = engine.lint_file(os.fspath(broken), Settings()).diagnostics
    assert [d.code for d in found] == ["ASL000"]


@pytest.mark.parametrize(
    "source",
    [
        "", "import", "import x", "x\nimport y\n", "important = 1\n", "importlib\nimport a\n",
        "from . import (a,\n b)\n", "x = 1  # import\nimport z", "important; import q\nimport r",
        "\nimport\n\nimport\n",
    ],
)  # fmt: skip
def test_import_lines_are_those_of_the_regular_expression(source):
    assert list(_import_lines(source)) == re.findall(r"^.*\bimport\b.*$", source, re.M)


def test_import_lines_of_the_fixtures_are_those_of_the_regular_expression():
    for path in sorted(FIXTURES.rglob("*.py")):
        source = path.read_text(encoding="utf-8", errors="replace").replace("\r", "\n")
        assert list(_import_lines(source)) == re.findall(r"^.*\bimport\b.*$", source, re.M)

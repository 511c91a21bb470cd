"""Whole-project analysis: the transitive rules follow calls across the modules of a run."""

from __future__ import annotations

import dataclasses
import json

import pytest
from conftest import FIXTURES, run_cli
from test_fixtures import expected

from async_lint.analysis.project import ProjectIndex
from async_lint.analysis.summary import FunctionSummary, ModuleSummary

PROJECTS = sorted(p for p in (FIXTURES / "projects").iterdir() if p.is_dir())
CODES = "ASL110,ASL402"


@pytest.mark.parametrize("root", PROJECTS, ids=lambda p: p.name)
def test_project(root):
    result = run_cli("check", "--select", CODES, "--output-format", "json", ".", cwd=root)
    found = {(d["filename"], d["location"]["row"], d["code"]) for d in json.loads(result.stdout)}
    want = {
        (str(path.relative_to(root)), line, code)
        for path in root.rglob("*.py")
        for line, code in expected(path.read_text(encoding="utf-8"))
    }
    assert found - want == set(), "false alarms"
    assert want - found == set(), "missed"


def test_the_message_names_the_shortest_chain():
    root = FIXTURES / "projects" / "basic"
    result = run_cli("check", "--select", CODES, "-q", "app/handlers.py", "app", cwd=root)
    assert (
        "app/handlers.py:19:5: ASL110 `ping()` blocks: ping → pong → time.sleep(); "
        in result.stdout
    )


def test_one_file_alone_follows_only_its_own_module():
    """As the flake8 plugin sees it: calls into other modules are not followed."""
    root = FIXTURES / "projects" / "basic"
    result = run_cli("check", "--select", CODES, "-q", "--exit-zero", "app/handlers.py", cwd=root)
    assert result.stdout == ""


def test_the_unsafe_fix_offloads_the_helper(tmp_path):
    (tmp_path / "lib.py").write_text("import time\n\ndef nap():\n    time.sleep(1)\n")
    app = tmp_path / "app.py"
    app.write_text("from lib import nap\n\nasync def handler():\n    nap()\n")
    run_cli("check", "--fix", "--unsafe-fixes", "--select", "ASL110", ".", cwd=tmp_path)
    assert app.read_text() == (
        "import asyncio\nfrom lib import nap\n\nasync def handler():\n"
        "    await asyncio.to_thread(nap)\n"
    )


def _function(name, blocking=(), calls=(), is_async=False):
    return FunctionSummary(name, name, is_async, list(blocking), [], list(calls))


def _module(name, *functions, **names):
    return ModuleSummary(name, functions={f.name: f for f in functions}, **names)


def test_chains_are_shortest_and_cycles_end():
    module = _module(
        "m",
        _function("a", calls=[("m.b",), ("m.c",)]),
        _function("b", calls=[("m.c",)]),
        _function("c", calls=[("m.d",)]),
        _function("d", blocking=["open()"], calls=[("m.a",)]),
        _function("e", calls=[("m.e",), ("m.f",)]),  # recursion, no blocking
        _function("f", calls=[("m.g",)]),
        _function("g", blocking=["open()"], is_async=True),  # async: only a coroutine
    )
    index = ProjectIndex([module])
    assert str(index.chain(["m.a"])) == "a → c → d → open()"
    assert index.chain(["m.e"]) is None
    assert index.chain(["x.unknown", "m.d"]).function.name == "d"


def test_names_are_followed_through_reexports_and_instances():
    package = _module("pkg", imports={"load": "pkg.io.load", "store": "pkg.io.store"})
    io = _module(
        "pkg.io",
        _function("load", ["open()"]),
        _function("Store.get", ["open()"]),
        instances={"store": "pkg.io.Store"},
    )
    index = ProjectIndex([package, io])
    assert index.function("pkg.load")[1].name == "load"
    assert index.function("pkg.store.get")[1].name == "Store.get"
    assert index.function("pkg.missing") is None


def test_a_call_is_looked_up_in_its_own_module_first():
    """Two scripts named alike in folders without `__init__.py`."""
    first = _module("files", _function("helper", ["open()"]), path="/a/files.py")
    second = _module("files", _function("helper"), path="/b/files.py")
    index = ProjectIndex([first, second])
    assert index.chain(["files.helper"], caller=first) is not None
    assert index.chain(["files.helper"], caller=second) is None


def test_modules_are_found_under_every_import_root(tmp_path):
    summary = _module(
        "files", _function("helper", ["open()"]), path=str(tmp_path / "ns" / "files.py")
    )
    index = ProjectIndex([summary], roots=[tmp_path])
    assert index.function("ns.files.helper")[1].name == "helper"


def test_a_summary_survives_a_json_round_trip():
    from async_lint import engine
    from async_lint.analysis.summary import from_data, to_data
    from async_lint.config import Settings

    source = (FIXTURES / "asl110_transitive_blocking_call.py").read_text(encoding="utf-8")
    summary = engine.lint_source(source, "m.py", Settings()).summary
    assert summary is not None and summary.functions
    # every field, as `dataclasses.asdict` gives them
    assert json.dumps(to_data(summary)) == json.dumps(dataclasses.asdict(summary))
    decoded = from_data(json.loads(json.dumps(to_data(summary))))
    assert json.dumps(to_data(decoded)) == json.dumps(to_data(summary))  # tuples for lists
    assert decoded.functions.keys() == summary.functions.keys()


@pytest.mark.parametrize("many", [False, True])
def test_a_module_with_many_pending_calls_has_them_positioned_in_its_first_pass(many):
    """Most such modules have one that turns out to block: linting them again to
    place it would cost more than placing them all at once (`engine.PENDING_AHEAD`)."""
    from async_lint import engine
    from async_lint.config import Settings

    def lint(calls: int):
        body = "".join(f"    helper({n})\n" for n in range(calls))
        source = f"from pkg.other import helper\n\nasync def handler():\n{body}"
        modules = frozenset({"pkg"})
        return engine.lint_source(
            source, "pkg/app.py", Settings(), defer=True, project_modules=modules
        )

    each = len(lint(1).pending)  # a call may wait for more than one rule
    calls = -(-engine.PENDING_AHEAD // each) if many else (engine.PENDING_AHEAD - 1) // each
    result = lint(calls)
    assert (len(result.pending) >= engine.PENDING_AHEAD) is many
    positioned = [p.diagnostic for p in result.pending if p.diagnostic is not None]
    assert len(positioned) == (len(result.pending) if many else 0)
    if many:
        assert sorted({d.start.line for d in positioned}) == list(range(4, 4 + calls))

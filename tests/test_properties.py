"""Properties over generated programs: the engine never fails, fixes never break code.

Three sources of programs: hypothesmith from Python's grammar (odd but valid
syntax), hypothesmith from libcst's nodes, and tests/strategies.py, templates
of the async misuse the rules flag. Example counts are moderate by default
(the "ci" profile in conftest.py); `--hypothesis-profile=thorough` hunts longer.
Cases they make, and any bug they find, are kept below as concrete regression cases.
"""

from __future__ import annotations

from collections import Counter

import hypothesmith
import pytest
from conftest import ALL
from hypothesis import example, given, settings
from strategies import async_programs

from async_lint.engine import lint_source
from async_lint.fixes.apply import fix_source
from async_lint.parsing import parse_module


def _lint(text: str) -> list:
    return lint_source(text, "generated.py", ALL).diagnostics


def assert_no_internal_error(source: str) -> list:
    diagnostics = _lint(source)
    internal = [d for d in diagnostics if d.code == "ASL999"]
    assert not internal, internal
    lines = source.count("\n") + 1
    assert all(1 <= d.start.line <= d.end.line <= lines for d in diagnostics)
    return diagnostics


def assert_fixes_are_sound(source: str) -> None:
    """Every fix, safe and unsafe: the result compiles, the fixed findings are gone,
    nothing is left to fix, no fix was dropped as broken, and a second pass is a no-op."""
    before = assert_no_internal_error(source)
    outcome = fix_source(source, _lint, unsafe=True)
    assert not outcome.failed, [(d.code, d.start, reason) for d, reason in outcome.failed]
    parse_module(outcome.source)
    compile(outcome.source, "generated.py", "exec")
    after = _lint(outcome.source)
    assert not [d for d in after if d.fix is not None]
    counts, left = Counter(d.code for d in before), Counter(d.code for d in after)
    for code, fixed in Counter(d.code for d in outcome.fixed).items():
        assert left[code] <= counts[code] - fixed, code
    assert fix_source(outcome.source, _lint, unsafe=True).source == outcome.source


@given(hypothesmith.from_grammar())
def test_programs_from_the_grammar_never_fail_the_engine(source):
    assert_no_internal_error(source)


@settings(max_examples=20)  # from_node is slow to generate
@given(hypothesmith.from_node())
def test_programs_from_libcst_nodes_never_fail_the_engine(source):
    assert_no_internal_error(source)


@given(hypothesmith.from_grammar())
# Valid Python that libcst refuses (a line continuation at the end of the file):
# reported as ASL000, and nothing to fix.
@example("A\n\\\r\n")
def test_fixing_programs_from_the_grammar_keeps_them_valid(source):
    try:
        compile(source, "generated.py", "exec")
    except (SyntaxError, ValueError):  # valid for the grammar, not for the compiler
        return
    try:
        parse_module(source)
    except Exception:  # noqa: BLE001 - what libcst cannot parse, no fix touches
        assert [d.code for d in _lint(source)] == ["ASL000"]
        return
    assert_fixes_are_sound(source)


@given(async_programs())
def test_fixing_async_programs_keeps_them_valid_and_clean(source):
    compile(source, "generated.py", "exec")  # the strategy makes valid code
    assert_fixes_are_sound(source)


# Cases the templates make, written out: (source, codes fixed, codes left). Where a
# fix would rely on a name that may not be the module (rebound, imported only for
# type checkers, shadowed by a parameter, maybe from a star import), no fix is made.
REGRESSIONS = [
    ("import time\nasyncio = None\n\n\nasync def f():\n    time.sleep(1)\n", [], ["ASL101"]),
    (
        "import time\nfrom typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import asyncio\n"
        "\n\nasync def f():\n    time.sleep(1)\n",
        [],
        ["ASL101"],
    ),
    ("import time\n\n\nasync def f(asyncio=None):\n    time.sleep(1)\n", [], ["ASL101"]),
    ("from helpers import *\nimport time\n\n\nasync def f(): time.sleep(1)\n", [], ["ASL101"]),
    (
        "import time as t\nfrom time import sleep\n\n\nasync def f(xs):\n"
        "    [t.sleep(x) for x in xs]\n    g = lambda: sleep(1)\n    sleep(2)\n",
        ["ASL101", "ASL101"],
        [],
    ),
    (  # an f-string is left as it is; a semicolon, a walrus and a comment are not
        "import time\n\n\nasync def f(x):\n    a = f'{time.sleep(1)!r}'; time.sleep(2)\n"
        "    if (b := time.sleep(3)):\n        pass\n    c = (\n        time.sleep(4)  # why\n"
        "    )\n",
        ["ASL101", "ASL101", "ASL101"],
        ["ASL101"],
    ),
    (
        "import time\n\n\nasync def f():\n    time.sleep(1)  # noqa: ASL101\n    time.sleep(2)\n",
        ["ASL101"],
        [],
    ),
    (
        "import asyncio\n\n\nasync def g(x):\n    return x\n\n\nasync def f(x):\n"
        "    asyncio.run(g(x))\n    asyncio.get_event_loop()\n",
        ["ASL401", "ASL403"],
        [],
    ),
    (
        "import requests\n\n\nclass S:\n    async def f(self, u):\n        try:\n"
        "            return requests.get(u).json()\n        finally:\n"
        "            requests.post(u, timeout=None)\n",
        ["ASL102", "ASL102", "ASL501"],
        ["ASL601", "ASL601", "ASL602", "ASL602"],
    ),
    (
        "import trio\nimport subprocess\nimport time\n\n\nasync def f(x):\n"
        "    subprocess.run(['ls', x])\n    time.sleep(1)\n",
        ["ASL101", "ASL106"],
        ["ASL602"],
    ),
]


@pytest.mark.parametrize(("source", "fixed", "left"), REGRESSIONS)
def test_regressions(source, fixed, left):
    compile(source, "generated.py", "exec")
    assert_fixes_are_sound(source)
    outcome = fix_source(source, _lint, unsafe=True)
    assert sorted(d.code for d in outcome.fixed) == fixed
    assert sorted(d.code for d in _lint(outcome.source)) == left

"""Fixes: the edits, the safety net around them, and `check --fix` / `--diff`."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import pytest
from conftest import run_cli

from async_lint import engine
from async_lint.config import Settings
from async_lint.diagnostics import Applicability, Diagnostic, Edit, Fix, Position
from async_lint.fixes.apply import apply_fixes, fix_source
from async_lint.fixes.write import WriteError, write_atomically

FIXTURES = Path(__file__).parent / "fixtures"
SETTINGS = Settings(root=Path("."), select=("ALL",))


def _lint(text: str) -> list[Diagnostic]:
    return engine.lint_source(text, "module.py", SETTINGS).diagnostics


def _fixed(source: str, unsafe: bool = False) -> str:
    return fix_source(source, _lint, unsafe=unsafe).source


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            "import time\n\nasync def f():\n    time.sleep(1)\n",
            "import asyncio\nimport time\n\nasync def f():\n    await asyncio.sleep(1)\n",
            id="adds the import",
        ),
        pytest.param(
            '"""Doc."""\nfrom __future__ import annotations\nimport time\n'
            "async def f():\n    time.sleep(1)\n",
            '"""Doc."""\nfrom __future__ import annotations\nimport asyncio\nimport time\n'
            "async def f():\n    await asyncio.sleep(1)\n",
            id="after the docstring and __future__",
        ),
        pytest.param(
            "import asyncio as aio\nfrom time import sleep\nasync def f():\n    sleep(0.5)\n",
            "import asyncio as aio\nfrom time import sleep\nasync def f():\n"
            "    await aio.sleep(0.5)\n",
            id="reuses the alias",
        ),
        pytest.param(
            "import time\nimport trio\nasync def f():\n    time.sleep(1)\n",
            "import time\nimport trio\nasync def f():\n    await trio.sleep(1)\n",
            id="the module's library",
        ),
        pytest.param(
            "import time\nasync def f():\n    time.sleep(\n        1,  # seconds\n    )\n"
            "    time.sleep(2)\n",
            "import asyncio\nimport time\nasync def f():\n    await asyncio.sleep(\n"
            "        1,  # seconds\n    )\n    await asyncio.sleep(2)\n",
            id="multi-line call with a comment, two fixes, one import",
        ),
        pytest.param(
            "import time\r\nasync def f():\r\n    time.sleep(1)\r\n",
            "import asyncio\r\nimport time\r\nasync def f():\r\n    await asyncio.sleep(1)\r\n",
            id="CRLF",
        ),
        pytest.param(
            "import time\nasync def f():\n    x = time.sleep(1) or 2\n",
            "import asyncio\nimport time\nasync def f():\n    x = await asyncio.sleep(1) or 2\n",
            id="inside an expression",
        ),
        pytest.param(
            "import time\nasync def f(xs):\n    return [time.sleep(x) for x in xs]\n",
            "import asyncio\nimport time\nasync def f(xs):\n"
            "    return [await asyncio.sleep(x) for x in xs]\n",
            id="in a list comprehension",
        ),
        pytest.param(
            "import time\nasync def f():\n    return time.sleep(1).__class__\n",
            "import asyncio\nimport time\nasync def f():\n"
            "    return (await asyncio.sleep(1)).__class__\n",
            id="parenthesised when its result is used",
        ),
        pytest.param(
            "import time\nasync def f():\n    return (time.sleep(1)).__class__\n",
            "import asyncio\nimport time\nasync def f():\n"
            "    return (await asyncio.sleep(1)).__class__\n",
            id="inside its own parentheses",
        ),
        pytest.param(
            "import time\nasyncio = None\nasync def f():\n    time.sleep(1)\n",
            "import time\nasyncio = None\nasync def f():\n    time.sleep(1)\n",
            id="no fix when the module's name is taken",
        ),
        pytest.param(
            "import asyncio\nasync def f():\n    return asyncio.get_event_loop()\n",
            "import asyncio\nasync def f():\n    return asyncio.get_running_loop()\n",
            id="ASL403",
        ),
        pytest.param(
            "from asyncio import get_event_loop\nasync def f():\n    loop = get_event_loop()\n",
            "import asyncio\nfrom asyncio import get_event_loop\nasync def f():\n"
            "    loop = asyncio.get_running_loop()\n",
            id="ASL403 from-import",
        ),
    ],
)
def test_fix(before, after):
    assert _fixed(before) == after
    assert _fixed(after) == after  # idempotent
    assert compile(after, "module.py", "exec")


@pytest.mark.parametrize(
    "source",
    [
        # `await` in a generator expression would make it an async generator
        "import time\nasync def f(xs):\n    return list(time.sleep(x) for x in xs)\n",
        "import time\nasync def f():\n    return f'{time.sleep(1)}'\n",
    ],
)
def test_no_fix_where_await_would_not_fit(source):
    assert _fixed(source) == source
    assert any(d.code == "ASL101" for d in _lint(source))


def _edit(line: int, start: int, end: int, text: str) -> Edit:
    return Edit(Position(line, start), Position(line, end), text)


def _fix(*edits: Edit) -> Fix:
    return Fix("test", edits, Applicability.SAFE)


def test_overlapping_fixes_are_applied_once_in_source_order():
    first, overlapping, later = (
        _fix(_edit(1, 0, 3, "X")),
        _fix(_edit(1, 2, 4, "Y")),
        _fix(_edit(1, 5, 6, "Z")),
    )
    text, applied = apply_fixes("abcdefg", [later, overlapping, first])
    assert (text, applied) == ("XdeZg", [first, later])


def test_an_edit_shared_by_two_fixes_is_made_once():
    shared = _edit(1, 0, 0, "import x\n")
    text, applied = apply_fixes(
        "a\nb\n", [_fix(shared, _edit(1, 0, 1, "A")), _fix(shared, _edit(2, 0, 1, "B"))]
    )
    assert text == "import x\nA\nB\n" and len(applied) == 2


def _fake_lint(fix: Fix):
    """A linter that reports one finding with `fix` until the text contains "fixed"."""

    def lint(text: str) -> list[Diagnostic]:
        if "fixed" in text:
            return []
        at = Position(1, 0)
        return [Diagnostic("m.py", at, "ASL101", "finding", at, fix)]

    return lint


def test_a_fix_that_breaks_the_syntax_is_dropped_and_reported():
    outcome = fix_source("pass\n", _fake_lint(_fix(_edit(1, 0, 4, "def fixed(:"))))
    assert outcome.source == "pass\n" and outcome.fixed == []
    assert outcome.failed[0][1] == "the fixed code does not parse"


def test_a_fix_that_leaves_its_finding_is_dropped_and_reported():
    outcome = fix_source("pass\n", _fake_lint(_fix(_edit(1, 0, 4, "x = 1"))))
    assert outcome.source == "pass\n"
    assert outcome.failed[0][1] == "the finding is still reported after the fix"


def test_every_fixture_still_compiles_after_every_fix():
    for fixture in sorted(FIXTURES.glob("*.py")):
        source = fixture.read_text(encoding="utf-8", errors="replace")
        try:
            compile(source, str(fixture), "exec")
        except (SyntaxError, ValueError):
            continue  # the fixtures of unparsable input
        fixed = _fixed(source, unsafe=True)
        compile(fixed, str(fixture), "exec")
        assert _fixed(fixed, unsafe=True) == fixed, fixture.name


BAD = "import time\r\n\r\nasync def f():\r\n    time.sleep(1)\r\n"


def test_check_fix_rewrites_in_place_keeping_bom_line_endings_and_mode(tmp_path):
    path = tmp_path / "app.py"
    path.write_bytes(codecs.BOM_UTF8 + BAD.encode())
    path.chmod(0o640)
    result = run_cli("check", "--fix", "--no-cache", "app.py", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Fixed 1 finding." in result.stdout
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    assert data.decode("utf-8-sig") == (
        "import asyncio\r\nimport time\r\n\r\nasync def f():\r\n    await asyncio.sleep(1)\r\n"
    )
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["app.py"]  # no temporary left


def test_check_diff_prints_the_change_and_writes_nothing(tmp_path):
    path = tmp_path / "app.py"
    path.write_bytes(BAD.encode())
    result = run_cli("check", "--diff", "app.py", cwd=tmp_path)
    assert result.returncode == 1
    assert "-    time.sleep(1)" in result.stdout and "+    await asyncio.sleep(1)" in result.stdout
    assert path.read_bytes() == BAD.encode()


def test_check_fix_on_stdin_prints_the_fixed_source(tmp_path):
    result = run_cli("check", "--fix", "-", cwd=tmp_path, stdin=BAD.replace("\r\n", "\n"))
    assert (
        result.stdout
        == "import asyncio\nimport time\n\nasync def f():\n    await asyncio.sleep(1)\n"
    )


def test_a_file_changed_since_it_was_read_is_not_overwritten(tmp_path):
    path = tmp_path / "app.py"
    path.write_text("new = 1\n")
    with pytest.raises(WriteError):
        write_atomically(str(path), b"old = 1\n", "fixed = 1\n")
    assert path.read_text() == "new = 1\n"
    assert os.listdir(tmp_path) == ["app.py"]


# -- where fixes are not offered ---------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "async def f(p):\n    with open(p) as fh:\n        return fh.read()\n",
        "async def f(p):\n    fh = open(p)\n    return fh\n",
        "import json\nasync def f(p):\n    return json.load(open(p))\n",
        "import os\nasync def f(d):\n    for entry in os.walk(d):\n        pass\n",
        "from pathlib import Path\nasync def f(p: Path):\n    return list(p.iterdir())\n",
        "import httpx\nasync def f(u):\n    with httpx.stream('GET', u) as r:\n        pass\n",
        "from urllib.request import urlopen\nasync def f(u):\n    return urlopen(u, timeout=5).read()\n",
        "import subprocess\nasync def f():\n    return subprocess.Popen(['ls'])\n",
        "import os\nasync def f():\n    os.system('ls')\n",
        "import requests\nasync def f(us):\n    return list(requests.get(u, timeout=5) for u in us)\n",
        "import requests\nasyncio = 1\nasync def f(u):\n    requests.get(u, timeout=5)\n",
        "import asyncio\nasync def f():\n    asyncio.run(g(), debug=True)\n",
        "import asyncio\nasync def f(coro):\n    asyncio.run(coro)\n",
        "import asyncio\nasync def f():\n    asyncio.run(  # why\n        g()\n    )\n",
        "import trio\nasync def f():\n    trio.run(g)\n",
        "async def g():\n    pass\ndef f():\n    g()\n",
    ],
)
def test_no_fix_where_the_rewrite_would_not_do_the_whole_job(source):
    findings = _lint(source)
    assert findings, "the case must still be reported"
    assert _fixed(source, unsafe=True) == source


def test_every_rules_fix_metadata_matches_the_fixes_it_makes():
    from async_lint.rules import REGISTRY
    from async_lint.rules.base import FixAvailability

    cases = FIXTURES / "fixes"
    sources = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.py"))]
    sources += [p.read_text(encoding="utf-8") for p in sorted(cases.glob("*.py"))]
    made: dict[str, set[Applicability]] = {}
    unfixed: dict[str, int] = {}
    for source in sources:
        for finding in _lint(source):
            if finding.fix is None:
                unfixed[finding.code] = unfixed.get(finding.code, 0) + 1
            else:
                made.setdefault(finding.code, set()).add(finding.fix.applicability)
    for code, rule in REGISTRY.items():
        if rule.fix_availability is FixAvailability.NONE:
            assert rule.fix_safety is None and code not in made, code
            continue
        assert made.get(code) == {rule.fix_safety}, code
        if rule.fix_availability is FixAvailability.ALWAYS:
            assert code not in unfixed, code


# -- the CLI around fixes -------------------------------------------------------

UNSAFE_ONLY = "import requests\n\ndef f(u):\n    return requests.get(u)\n"


def test_summary_counts_what_each_kind_of_run_would_fix(tmp_path):
    (tmp_path / "a.py").write_text(BAD.replace("\r\n", "\n"))
    (tmp_path / "b.py").write_text(UNSAFE_ONLY)
    plain = run_cli("check", ".", cwd=tmp_path).stdout.splitlines()
    assert plain[-3:] == [
        "Found 2 findings.",
        "[*] 1 fixable with `--fix`.",
        "(1 more fixable with `--unsafe-fixes`.)",
    ]
    assert any(" ASL501 `requests.get()`" in line for line in plain)  # no [*] without the flag
    unsafe = run_cli("check", "--unsafe-fixes", ".", cwd=tmp_path).stdout.splitlines()
    assert unsafe[-1] == "[*] 2 fixable with `--fix --unsafe-fixes`."
    assert any(" ASL501 [*] `requests.get()`" in line for line in unsafe)


def test_fix_exit_status_and_exit_non_zero_on_fix(tmp_path):
    path = tmp_path / "a.py"
    path.write_text(BAD.replace("\r\n", "\n"))
    result = run_cli("check", "--fix", "a.py", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.splitlines() == [
        "Fixed 1 finding.",
        "All checks passed!",
    ]
    path.write_text(BAD.replace("\r\n", "\n"))
    assert run_cli("check", "--fix", "--exit-non-zero-on-fix", "a.py", cwd=tmp_path).returncode == 1
    assert run_cli("check", "--fix", "--exit-non-zero-on-fix", "a.py", cwd=tmp_path).returncode == 0


def test_diff_without_changes_exits_zero_and_prints_nothing(tmp_path):
    (tmp_path / "a.py").write_text("import os\nasync def f():\n    os.system('ls')\n")
    result = run_cli("check", "--diff", "--unsafe-fixes", "a.py", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "")


def test_unsafe_fixes_need_the_flag(tmp_path):
    path = tmp_path / "b.py"
    path.write_text(UNSAFE_ONLY)
    run_cli("check", "--fix", "b.py", cwd=tmp_path)
    assert path.read_text() == UNSAFE_ONLY
    run_cli("check", "--fix", "--unsafe-fixes", "b.py", cwd=tmp_path)
    assert path.read_text() == UNSAFE_ONLY.replace("get(u)", "get(u, timeout=30)")


def test_default_timeout_option_sets_the_fixed_value(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.async-lint]\ndefault-timeout = 2.5\n")
    path = tmp_path / "b.py"
    path.write_text(UNSAFE_ONLY)
    run_cli("check", "--fix", "--unsafe-fixes", "b.py", cwd=tmp_path)
    assert "requests.get(u, timeout=2.5)" in path.read_text()


# -- the write path when something fails -----------------------------------------


@pytest.mark.parametrize("failing", ["replace", "fsync", "chmod"])
def test_a_failed_write_leaves_the_original_and_no_temporary(tmp_path, monkeypatch, failing):
    from async_lint.fixes import write

    path = tmp_path / "app.py"
    path.write_bytes(BAD.encode())

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(write.os, failing, fail)
    with pytest.raises(OSError):
        write_atomically(str(path), BAD.encode(), "fixed = 1\n")
    assert path.read_bytes() == BAD.encode()
    assert os.listdir(tmp_path) == ["app.py"]


def test_check_fix_reports_a_file_it_could_not_write(tmp_path, monkeypatch, capsys):
    from async_lint import cli
    from async_lint.fixes import write

    path = tmp_path / "app.py"
    path.write_bytes(BAD.encode())
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(
        write.os, "replace", lambda *a: (_ for _ in ()).throw(PermissionError(13, "denied"))
    )
    assert cli.main(["check", "--fix", "--no-cache", "app.py"]) == 1  # the finding is still there
    captured = capsys.readouterr()
    assert "app.py: not fixed: [Errno 13] denied" in captured.err
    assert "ASL101" in captured.out and "Fixed" not in captured.out
    assert path.read_bytes() == BAD.encode()
    assert os.listdir(tmp_path) == ["app.py"]


def test_check_fix_leaves_a_file_that_changed_while_it_was_fixed(tmp_path, monkeypatch, capsys):
    from async_lint import cli
    from async_lint.fixes import apply

    path = tmp_path / "app.py"
    path.write_bytes(BAD.encode())
    monkeypatch.chdir(tmp_path)
    real = apply.fix_source

    def edit_meanwhile(*args, **kwargs):
        result = real(*args, **kwargs)
        path.write_text("# edited by someone else\n")
        return result

    monkeypatch.setattr(apply, "fix_source", edit_meanwhile)
    cli.main(["check", "--fix", "app.py"])
    assert "changed on disk since it was read" in capsys.readouterr().err
    assert path.read_text() == "# edited by someone else\n"


def test_an_import_inside_the_function_is_reused():
    source = "import time\nasync def f():\n    import asyncio\n    time.sleep(1)\n"
    assert _fixed(source) == source.replace("time.sleep", "await asyncio.sleep")


def test_an_import_further_down_the_function_is_not_relied_on():
    source = "import time\nasync def f():\n    time.sleep(1)\n    import asyncio\n"
    assert _fixed(source) == source


def test_suppressed_and_unselected_findings_are_not_fixed(tmp_path):
    source = (
        "import time\nasync def f():\n    time.sleep(1)  # noqa: ASL101\n"
        "    return asyncio.get_event_loop()\nimport asyncio\n"
    )
    path = tmp_path / "a.py"
    path.write_text(source)
    run_cli("check", "--fix", "--select", "ASL101", "a.py", cwd=tmp_path)
    assert path.read_text() == source


# -- cases an adversarial review found ------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            "from typing import TYPE_CHECKING\nimport time\nif TYPE_CHECKING:\n    import asyncio\n"
            "async def f():\n    time.sleep(1)\n",
            None,
            id="an import under TYPE_CHECKING is not there at run time",
        ),
        pytest.param(
            "from typing import TYPE_CHECKING\nimport asyncio, time\nif TYPE_CHECKING:\n"
            "    import trio\nasync def f():\n    time.sleep(1)\n",
            "from typing import TYPE_CHECKING\nimport asyncio, time\nif TYPE_CHECKING:\n"
            "    import trio\nasync def f():\n    await asyncio.sleep(1)\n",
            id="nor does it choose the library",
        ),
        pytest.param(
            "import time\nasync def f(x):\n    if x:\n        import asyncio\n    time.sleep(1)\n",
            None,
            id="an import in a branch may not have run",
        ),
        pytest.param(
            "import time\nasync def f():\n    time.sleep(1)\ndef g():\n    global asyncio\n"
            "    asyncio = 1\n",
            None,
            id="a global rebinding elsewhere",
        ),
        pytest.param(
            "import time\nfrom helpers import *\nasync def f():\n    time.sleep(1)\n",
            None,
            id="a star import may rebind the added name",
        ),
        pytest.param(
            '"""Doc."""; import time\nasync def f():\n    time.sleep(1)\n',
            '"""Doc."""; import time\nimport asyncio\nasync def f():\n    await asyncio.sleep(1)\n',
            id="the import goes after a docstring line with more on it",
        ),
        pytest.param(
            '"""Doc."""\n@decorator\nclass X:\n    pass\nasync def f():\n    import time\n'
            "    time.sleep(1)\n",
            '"""Doc."""\nimport asyncio\n@decorator\nclass X:\n    pass\nasync def f():\n'
            "    import time\n    await asyncio.sleep(1)\n",
            id="the import goes before a decorator",
        ),
        pytest.param(
            "import time\nasync def f(w, z):\n    return [[time.sleep(y) for y in z] for x in w]\n",
            None,
            id="no await in a nested comprehension (Python 3.10)",
        ),
        pytest.param(
            "import time\nasync def f():\n    def g(a: time.sleep(2)):\n        pass\n"
            "    x: time.sleep(1) = 3\n",
            None,
            id="no await in an annotation",
        ),
        pytest.param(
            "import time\nasync def f():\n    (time  # why\n     .sleep)(1)\n",
            None,
            id="a fix that would remove a comment",
        ),
        pytest.param(
            "import time\n# a\u2028b\nasync def f():\n    s = 'a\x0cb'\n    time.sleep(1)\n",
            "import asyncio\nimport time\n# a\u2028b\nasync def f():\n    s = 'a\x0cb'\n"
            "    await asyncio.sleep(1)\n",
            id="form feeds and U+2028 are not line breaks",
        ),
        pytest.param(
            "import asyncio\nimport trio\nasync def f():\n    return asyncio.run(g())\n",
            None,
            id="asyncio.run under trio",
        ),
    ],
)
def test_review_case(before, after):
    assert _fixed(before, unsafe=True) == (before if after is None else after)


def test_a_failing_fix_does_not_hold_back_the_others():
    """Twelve good fixes and one that breaks the syntax: one run applies all twelve."""
    names = [f"v{i}" for i in range(12)]

    def lint(text: str) -> list[Diagnostic]:
        found = []
        for number, line in enumerate(text.splitlines(), start=1):
            at, end = Position(number, 0), Position(number, len(line))
            if line in names:  # fixed by upper-casing the name
                found.append(
                    Diagnostic("m.py", at, "ASL303", line, end, _fix(Edit(at, end, line.upper())))
                )
            elif line == "broken":
                found.append(Diagnostic("m.py", at, "ASL101", line, end, _fix(Edit(at, end, "(("))))
        return found

    source = "".join(f"{name}\n" for name in names) + "broken\n"
    outcome = fix_source(source, lint)
    assert outcome.source == source.upper().replace("BROKEN", "broken")
    assert [(d.code, reason) for d, reason in outcome.failed] == [
        ("ASL101", "the fixed code does not parse")
    ]


def test_a_symlink_is_fixed_through_to_its_target(tmp_path):
    target = tmp_path / "real.py"
    target.write_text(BAD.replace("\r\n", "\n"))
    (tmp_path / "link.py").symlink_to("real.py")
    run_cli("check", "--fix", "link.py", cwd=tmp_path)
    assert (tmp_path / "link.py").is_symlink()
    assert "await asyncio.sleep(1)" in target.read_text()


def test_check_fix_on_stdin_keeps_the_encoding_and_bom(tmp_path):
    import subprocess
    import sys

    for data in (
        codecs.BOM_UTF8 + b"import time\nasync def f():\n    time.sleep(1)\n",
        b"# -*- coding: latin-1 -*-\ns = '\xe9'\n",
    ):
        result = subprocess.run(
            [sys.executable, "-m", "async_lint", "check", "--fix", "-"],
            input=data,
            capture_output=True,
            check=False,
        )
        assert result.stdout.startswith(data[:3])
        assert engine.lint_source(result.stdout.decode("utf-8", "replace"), "x.py", SETTINGS)
    assert result.stdout == data  # nothing to fix: the same bytes


def test_a_noqa_on_any_line_of_a_shared_fix_holds_it_back():
    source = "import httpx\nasync def f(u):\n    c = httpx.Client()  # noqa: ASL103\n    return c.get(u)\n"
    assert _fixed(source) == source

"""The before/after pairs of tests/fixtures/fixes, through the API and the CLI."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from conftest import run_cli

from async_lint import engine
from async_lint.config import Settings
from async_lint.fixes.apply import fix_source

CASES = Path(__file__).parent / "fixtures" / "fixes"
BEFORE = sorted(p for p in CASES.glob("*.py") if not p.name.endswith(".fixed.py"))
SETTINGS = Settings(root=Path("."), select=("ALL",))
UNSAFE_MARKER = "# fix: unsafe"


def _lint(text: str) -> list:
    return engine.lint_source(text, "case.py", SETTINGS).diagnostics


def _case(path: Path) -> tuple[str, str, bool]:
    before = path.read_text(encoding="utf-8")
    after = path.with_name(path.stem + ".fixed.py").read_text(encoding="utf-8")
    return before, after, before.startswith(UNSAFE_MARKER)


def test_every_case_has_its_fixed_form():
    assert BEFORE
    for path in BEFORE:
        assert path.with_name(path.stem + ".fixed.py").exists(), path.name


@pytest.mark.parametrize("path", BEFORE, ids=lambda p: p.stem)
def test_fix_case(path):
    before, after, unsafe = _case(path)
    outcome = fix_source(before, _lint, unsafe=unsafe)
    assert outcome.failed == []
    assert outcome.source == after
    compile(after, path.name, "exec")
    fixed_codes = {d.code for d in outcome.fixed}
    assert fixed_codes, "the case fixes nothing"
    left = [d for d in _lint(after) if d.code in fixed_codes and d.fix is not None]
    assert left == [], "fixable findings of the fixed codes remain"
    assert fix_source(after, _lint, unsafe=unsafe).source == after  # idempotent
    if unsafe:
        assert fix_source(before, _lint).source == before, "unsafe fixes applied without the flag"


@pytest.mark.parametrize("path", BEFORE, ids=lambda p: p.stem)
def test_fix_case_through_the_cli_keeps_crlf_and_bom(path, tmp_path):
    before, after, unsafe = _case(path)
    target = tmp_path / "case.py"
    target.write_bytes(codecs.BOM_UTF8 + before.replace("\n", "\r\n").encode())
    flags = ["--unsafe-fixes"] if unsafe else []
    result = run_cli("check", "--fix", "--exit-zero", *flags, "case.py", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert target.read_bytes() == codecs.BOM_UTF8 + after.replace("\n", "\r\n").encode()

"""Inputs that are not good Python never crash a run: ASL000 and the run goes on."""

from __future__ import annotations

import pytest
from conftest import ALL, codes, lint, run_cli

from async_lint.engine import lint_file

BAD = "import time\nasync def f():\n    time.sleep(1)\n"


def test_syntax_error_is_one_finding_at_its_position():
    diagnostics = lint("x = (\n")
    assert [(d.code, d.start.line, d.start.display_column) for d in diagnostics] == [
        ("ASL000", 1, 5)
    ]
    assert diagnostics[0].message == "cannot parse: '(' was never closed"


def test_run_continues_after_a_broken_file(project):
    root = project({"a_broken.py": "def f(:\n", "b_bad.py": BAD})
    result = run_cli("check", "-q", cwd=root)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "a_broken.py:1:7: ASL000 cannot parse: invalid syntax",
        "b_bad.py:3:5: ASL101 [*] `time.sleep()` blocks the event loop; use `await asyncio.sleep()`",
    ]


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "latin.py"
    path.write_bytes(b"x = 1\ny = '\xff\xfe'\n")
    (diagnostic,) = lint_file(str(path), ALL).diagnostics
    assert diagnostic.code == "ASL000"
    assert diagnostic.message.startswith("cannot parse: 'utf-8' codec can't decode byte 0xff")


def test_declared_encoding_is_honoured(tmp_path):
    path = tmp_path / "latin.py"
    path.write_bytes(
        b"# -*- coding: latin-1 -*-\nimport time\nasync def f():\n    time.sleep(1)  # \xe9\n"
    )
    assert [(d.start.line, d.code) for d in lint_file(str(path), ALL).diagnostics] == [
        (4, "ASL101")
    ]


def test_unknown_declared_encoding(tmp_path):
    path = tmp_path / "odd.py"
    path.write_bytes(b"# -*- coding: no-such-codec -*-\nx = 1\n")
    (diagnostic,) = lint_file(str(path), ALL).diagnostics
    assert diagnostic.code == "ASL000"
    assert "no-such-codec" in diagnostic.message


def test_bom_and_crlf(tmp_path):
    path = tmp_path / "bom.py"
    path.write_bytes(b"\xef\xbb\xbf" + BAD.replace("\n", "\r\n").encode())
    assert [
        (d.start.line, d.start.column, d.code) for d in lint_file(str(path), ALL).diagnostics
    ] == [(3, 4, "ASL101")]


@pytest.mark.parametrize("text", ["", "\n", "# only a comment\n", "   \n\n", "\t\n"])
def test_empty_and_comment_only_files(text):
    assert codes(text) == []


def test_nul_byte():
    (finding,) = codes("x = 1\x00\n")
    assert finding[1] == "ASL000"


def test_deeply_nested_expression():
    source = (
        "import time\nasync def f():\n    x = " + "(" * 300 + "time.sleep(1)" + ")" * 300 + "\n"
    )
    assert codes(source) == [(3, "ASL101")]


def test_too_deep_for_the_analysis_is_one_internal_error():
    # libcst parses it, but walking 2000 nested attributes exceeds Python's recursion limit
    source = "import time\nasync def f(x):\n    x" + ".a" * 2000 + "\n    time.sleep(1)\n"
    (diagnostic,) = lint(source)
    assert (diagnostic.code, diagnostic.start.line) == ("ASL999", 1)
    assert diagnostic.message == "internal error: the module is too deeply nested to analyse"


def test_unreadable_file(tmp_path, monkeypatch):
    from async_lint import engine

    def refuse(path, mode="r"):
        raise PermissionError(13, "Permission denied", path)

    path = tmp_path / "secret.py"
    path.write_text(BAD)
    monkeypatch.setattr(engine, "open", refuse, raising=False)  # as root, chmod 0 reads anyway
    (diagnostic,) = lint_file(str(path), ALL).diagnostics
    assert diagnostic.code == "ASL000"
    assert "Permission denied" in diagnostic.message


def test_modern_syntax_parses():
    source = (
        "type Alias[T] = list[T]\n"
        "class Box[T]:\n    pass\n"
        "def first[T](items: list[T]) -> T:\n    return items[0]\n"
        "async def f(command):\n"
        "    match command:\n"
        "        case {'op': op, **rest}:\n"
        "            return op\n"
        "        case [x, *_]:\n"
        "            return x\n"
        "    if (n := len(command)) > 1:\n"
        "        return [y async for y in command]\n"
        "    return n\n"
    )
    assert codes(source) == []


def test_stdin_is_decoded_like_a_file():
    latin = b"# -*- coding: latin-1 -*-\nimport time\nasync def f():\n    time.sleep(1)  # \xe9\n"
    result = run_bytes(latin)
    assert result.stdout.decode().startswith("-:4:5: ASL101")
    result = run_bytes(b"x = '\xff'\n")
    assert result.returncode == 1
    assert b"-:1:1: ASL000 cannot parse: " in result.stdout
    assert b"Traceback" not in result.stderr


def run_bytes(data: bytes):
    import subprocess
    import sys

    command = [sys.executable, "-m", "async_lint", "check", "-"]
    return subprocess.run(command, input=data, capture_output=True, check=False)


def test_unreadable_file_respects_selection(tmp_path):
    from async_lint.config import Settings

    path = tmp_path / "bad.py"
    path.write_bytes(b"x = '\xff'\n")
    assert lint_file(str(path), Settings(ignore=("ASL000",))).diagnostics == []


def test_verbose_prints_the_traceback_of_an_internal_error(monkeypatch, tmp_path, capsys):
    from async_lint import cli
    from async_lint.rules.asl403_get_event_loop_in_coroutine import GetEventLoopInCoroutine

    def explode(self, node):
        raise RuntimeError("boom")

    monkeypatch.setattr(GetEventLoopInCoroutine, "visit_Call", explode)
    path = tmp_path / "a.py"
    path.write_text(BAD)
    assert cli.main(["check", "-q", str(path)]) == 1
    quiet = capsys.readouterr()
    assert "ASL999 internal error in ASL403" in quiet.out and "Traceback" not in quiet.err
    cli.main(["check", "-q", "-v", str(path)])
    assert "Traceback" in capsys.readouterr().err


def test_internal_error_in_a_rule_is_reported_and_others_still_run(monkeypatch):
    from async_lint.rules.asl403_get_event_loop_in_coroutine import GetEventLoopInCoroutine

    def explode(self, node):
        raise RuntimeError("boom")

    monkeypatch.setattr(GetEventLoopInCoroutine, "visit_Call", explode)
    found = codes(BAD)
    assert (3, "ASL101") in found
    assert (3, "ASL999") in found
    (internal,) = [d for d in lint(BAD) if d.code == "ASL999"]
    assert (
        internal.message
        == "internal error in ASL403 get-event-loop-in-coroutine: RuntimeError: boom"
    )

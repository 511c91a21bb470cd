"""Inputs that are not good Python never crash a run: ASL000 and the run goes on.

Every case is checked through the CLI as users run it (a subprocess): the
documented finding or one-line message, the exit status, and never a
traceback. The cases that once killed the process (libcst's parser overflows
its stack on deep nesting) only ever run in a subprocess.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import ALL, codes, lint, run_cli

from async_lint.engine import lint_file

BAD = "import time\nasync def f():\n    time.sleep(1)\n"
SLEEP = "ASL101 [*] `time.sleep()` blocks the event loop; use `await asyncio.sleep()`"
ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False


def check(*args: str, cwd: Path | str, stdin: str | None = None, timeout: float = 120):
    """`async-lint check -q --select ALL ...`, which must never print a traceback."""
    result = run_cli("check", "-q", "--select", "ALL", *args, cwd=cwd, stdin=stdin, timeout=timeout)
    assert "Traceback" not in result.stderr, result.stderr
    return result


# -- the battery: one directory of odd files, linted in one run ------------------------

BATTERY: dict[str, bytes] = {
    "syntax_error.py": b"def f(:\n",
    "undecodable.py": b"x = 1\ny = '\xff\xfe'\n",
    "wrong_cookie.py": b"# -*- coding: ascii -*-\nx = '\xc3\xa9'\n",
    "unknown_cookie.py": b"# -*- coding: no-such-codec -*-\nx = 1\n",
    "bom.py": b"\xef\xbb\xbf" + BAD.encode(),
    "bom_only.py": b"\xef\xbb\xbf",
    "bom_latin1.py": b"\xef\xbb\xbf# -*- coding: latin-1 -*-\nx = 1\n",
    "crlf.py": BAD.replace("\n", "\r\n").encode(),
    "mixed_endings.py": b"import time\r\nasync def f():\n    time.sleep(1)\r    time.sleep(2)\r\n",
    "lone_cr.py": BAD.replace("\n", "\r").encode(),
    "form_feed.py": b"import time\n\x0c\nasync def f():\n\x0c    time.sleep(1)\n",
    # a form feed inside the indentation resets it, as CPython counts
    "form_feed_in_indent.py": b"import time\nasync def f():\n    \x0ctime.sleep(1)\n",
    "tabs.py": b"import time\nasync def f():\n\ttime.sleep(1)\n",
    "tab_error.py": b"import time\nasync def f():\n\tif True:\n        time.sleep(1)\n",
    "nul.py": b"x = 1\x00\n",
    "empty.py": b"",
    "newlines_only.py": b"\n\n\n",
    "comment_only.py": b"# nothing here\n",
    "no_final_newline.py": BAD.rstrip("\n").encode(),
    "deep_parens_ok.py": (
        "import time\nasync def f():\n    x = " + "(" * 150 + "time.sleep(1)" + ")" * 150 + "\n"
    ).encode(),
    # CPython refuses more than 200 nested brackets; libcst crashed on 5000
    "deep_parens.py": (
        "import time\nasync def f():\n    x = " + "(" * 300 + "time.sleep(1)" + ")" * 300 + "\n"
    ).encode(),
    "deep_lists.py": ("x = " + "[" * 5000 + "]" * 5000 + "\n").encode(),
    # valid Python that crashed libcst's parser (a segfault, the run gone)
    "deep_or.py": ("x = 1" + " or 1" * 20000 + "\n").encode(),
    "deep_lambda.py": ("x = " + "lambda: " * 9000 + "1\n").encode(),
    "deep_unary.py": ("x = " + "-" * 100000 + "1\n").encode(),
    "deep_sum_lines.py": ("x = (1\n" + "    + 1\n" * 10000 + ")\n").encode(),
    # libcst parses it; walking 2000 nested attributes exceeds the recursion limit
    "deep_attributes.py": (
        "import time\nasync def f(x):\n    x" + ".a" * 2000 + "\n    time.sleep(1)\n"
    ).encode(),
    # a string annotation is parsed too: it crashed the run as well
    "deep_annotation.py": (
        "import time\nasync def f(x: '" + "[" * 5000 + "]" * 5000 + "'):\n    time.sleep(1)\n"
    ).encode(),
    "indent_101.py": "".join(" " * i + "if x:\n" for i in range(101)).encode()
    + b" " * 101
    + b"pass\n",
    "long_line.py": b"import time\nDATA = '"
    + b"x" * 1_000_000
    + b"'\nasync def f():\n    time.sleep(1)\n",
    "dir.py/inner.py": BAD.encode(),
    "deep_calls.py": ("x = f" + "()" * 5000 + "\n").encode(),
    "deep_not.py": ("x = " + "not " * 3000 + "1\n").encode(),
    "deep_ternary.py": ("x = " + "1 if y else " * 3000 + "2\n").encode(),
    "deep_compare.py": ("x = 1" + " < 1" * 20000 + "\n").encode(),  # flat in both trees
    # libcst parses it; the analysis cannot walk 5000 nested `elif`s
    "deep_elif.py": (
        "import time\nasync def f(x):\n    if x:\n        pass\n"
        + "    elif x:\n        pass\n" * 5000
        + "    time.sleep(1)\n"
    ).encode(),
    # older Pythons' code, and what no Python takes
    "py2_print.py": b"print 'hello'\n",
    "async_as_a_name.py": b"async = 1\n",  # Python 3.6
    "lone_backslash.py": b"\\",
    "unterminated.py": b'x = """abc\n',
    "utf16.py": "x = 1\n".encode("utf-16"),  # a BOM that is not UTF-8's: not Python source
    "control_character.py": b"x = 1\x1a\n",
    "no_break_space.py": "x\u00a0= 1\n".encode(),
    # an int too long for int(): the rules that read numbers must not call it
    "huge_int.py": b"import time\nasync def f():\n    time.sleep(1" + b"0" * 5000 + b")\n",
}

EXPECTED = f"""\
async_as_a_name.py:1:7: ASL000 cannot parse: invalid syntax
bom.py:3:5: {SLEEP}
bom_latin1.py:1:1: ASL000 cannot parse: a UTF-8 BOM, but a coding cookie for another encoding
control_character.py:1:6: ASL000 cannot parse: invalid non-printable character U+001A
crlf.py:3:5: {SLEEP}
deep_annotation.py:3:5: {SLEEP}
deep_attributes.py:1:1: ASL999 internal error: the module is too deeply nested to analyse
deep_calls.py:1:1: ASL000 cannot parse: too deeply nested
deep_elif.py:1:1: ASL999 internal error: the module is too deeply nested to analyse
deep_lambda.py:1:1: ASL000 cannot parse: too deeply nested
deep_lists.py:1:205: ASL000 cannot parse: too many nested parentheses
deep_not.py:1:1: ASL000 cannot parse: too deeply nested
deep_or.py:1:1: ASL000 cannot parse: too deeply nested
deep_parens.py:3:209: ASL000 cannot parse: too many nested parentheses
deep_parens_ok.py:3:159: {SLEEP}
deep_sum_lines.py:1:1: ASL000 cannot parse: too deeply nested
deep_ternary.py:1:1: ASL000 cannot parse: too deeply nested
deep_unary.py:1:1: ASL000 cannot parse: too deeply nested
dir.py/inner.py:3:5: {SLEEP}
form_feed.py:4:6: {SLEEP}
form_feed_in_indent.py:3:6: ASL000 cannot parse: expected an indented block after function definition on line 2
huge_int.py:3:5: {SLEEP}
indent_101.py:101:1: ASL000 cannot parse: too many levels of indentation
lone_backslash.py:1:2: ASL000 cannot parse: unexpected EOF while parsing
lone_cr.py:3:5: {SLEEP}
long_line.py:4:5: {SLEEP}
mixed_endings.py:3:5: {SLEEP}
mixed_endings.py:4:5: {SLEEP}
no_break_space.py:1:2: ASL000 cannot parse: invalid non-printable character U+00A0
no_final_newline.py:3:5: {SLEEP}
nul.py:1:1: ASL000 cannot parse: source code string cannot contain null bytes
py2_print.py:1:1: ASL000 cannot parse: Missing parentheses in call to 'print'. Did you mean print(...)?
syntax_error.py:1:7: ASL000 cannot parse: invalid syntax
tab_error.py:4:1: ASL000 cannot parse: inconsistent use of tabs and spaces in indentation
tabs.py:3:2: {SLEEP}
undecodable.py:2:6: ASL000 cannot parse: 'utf-8' codec can't decode byte 0xff: invalid start byte
unknown_cookie.py:1:1: ASL000 cannot parse: unknown encoding: no-such-codec
unterminated.py:1:5: ASL000 cannot parse: unterminated triple-quoted string literal (detected at line 1)
utf16.py:1:1: ASL000 cannot parse: 'utf-8' codec can't decode byte 0xff: invalid start byte
wrong_cookie.py:2:6: ASL000 cannot parse: 'ascii' codec can't decode byte 0xc3: ordinal not in range(128)
"""


@pytest.fixture
def battery(tmp_path: Path) -> Path:
    for name, data in BATTERY.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return tmp_path


def test_the_battery_gives_the_documented_findings_in_one_run(battery):
    """Each odd file gets its finding or ASL000, and the others all still report.
    The deep cases once ended the run with a segfault."""
    started = time.monotonic()
    result = check(".", cwd=battery)
    assert result.stdout == EXPECTED
    assert (result.returncode, result.stderr) == (1, "")
    assert time.monotonic() - started < 60  # the deep ones are refused, not parsed for minutes


@pytest.mark.parametrize(
    "name",
    [name for name in BATTERY if not name.startswith("deep_") and "/" not in name],
)
def test_each_case_in_the_engine_too(battery, name):
    """In-process, lint_file says what the CLI printed (the deep cases stay in a subprocess)."""
    found = [
        f"{name}:{d.start.line}:{d.start.display_column}: {d.code}"
        for d in lint_file(str(battery / name), ALL, display=name).diagnostics
    ]
    expected = [" ".join(line.split(" ")[:2]) for line in EXPECTED.splitlines()]
    assert found == [line for line in expected if line.startswith(f"{name}:")]


def test_recursion_in_the_parser_is_one_finding(monkeypatch):
    """libcst raising RecursionError (its pure-Python parts) is ASL000, like too deep a source."""
    import libcst

    def recurse(source):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(libcst, "parse_module", recurse)  # raised on the parsing thread
    (diagnostic,) = lint(BAD)
    assert (diagnostic.code, diagnostic.message) == ("ASL000", "cannot parse: too deeply nested")


def test_a_big_file(tmp_path):
    """10 MB (comment lines, a long string and the code after them) in about 7 s."""
    comment = "# " + "x" * 77 + "\n"
    count = 5_000_000 // len(comment)
    text = (
        "import time\n"
        + comment * count
        + 'DATA = """\n'
        + ("y" * 79 + "\n") * count
        + '"""\n'
        + "async def f():\n    time.sleep(1)\n"
    )
    (tmp_path / "big.py").write_text(text)
    assert len(text) >= 10_000_000
    result = check("big.py", cwd=tmp_path)
    assert result.stdout == f"big.py:{2 * count + 5}:5: {SLEEP}\n"


@pytest.mark.slow
def test_a_big_file_of_code(tmp_path):
    """10 MB of async handlers, a finding in each: minutes (about 5 on a laptop core)."""
    block = textwrap.dedent(
        """
        async def handler_{i}(request):
            data = await request.json()
            time.sleep(1)
            for item in data:
                if item.get("x", 0) > {i}:
                    return requests.get("http://example.com", timeout=5)
            return {{"ok": True, "n": {i}}}

        """
    )
    parts, size, index = ["import time\nimport requests\n"], 0, 0
    while size < 10_000_000:
        parts.append(block.format(i=index))
        size += len(parts[-1])
        index += 1
    (tmp_path / "big.py").write_text("".join(parts))
    result = check("--statistics", "big.py", cwd=tmp_path, timeout=1800)
    assert result.stdout.split() == [str(index), "ASL101", "blocking-sleep"]


# -- what the engine says, case by case --------------------------------------------------


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
        f"b_bad.py:3:5: {SLEEP}",
    ]


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "latin.py"
    path.write_bytes(b"x = 1\ny = '\xff\xfe'\n")
    (diagnostic,) = lint_file(str(path), ALL).diagnostics
    assert diagnostic.code == "ASL000"
    assert diagnostic.message.startswith("cannot parse: 'utf-8' codec can't decode byte 0xff")
    assert (diagnostic.start.line, diagnostic.start.display_column) == (2, 6)


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


@pytest.mark.parametrize("text", ["", "\n", "# only a comment\n", "   \n\n", "\t\n", "\ufeff"])
def test_empty_and_comment_only_files(text):
    assert codes(text) == []


def test_nul_byte():
    (finding,) = codes("x = 1\x00\n")
    assert finding[1] == "ASL000"


def test_deeply_nested_expression():
    """Up to CPython's 200 nested brackets the code is linted; beyond, CPython says why not."""
    nested = "import time\nasync def f():\n    x = {}time.sleep(1){}\n"
    assert codes(nested.format("(" * 150, ")" * 150)) == [(3, "ASL101")]
    (diagnostic,) = lint(nested.format("(" * 300, ")" * 300))
    assert (diagnostic.code, diagnostic.message) == (
        "ASL000",
        "cannot parse: too many nested parentheses",
    )
    assert (diagnostic.start.line, diagnostic.start.display_column) == (3, 209)


def test_valid_code_that_libcst_cannot_parse_is_one_finding():
    """20000 implicitly concatenated strings: CPython takes them, libcst's parser gives
    up where it stops (its own words, which vary by release), and nothing crashes."""
    (diagnostic,) = lint("x = (\n" + "    'a'\n" * 20000 + ")\n")
    assert (diagnostic.code, diagnostic.start.line) == ("ASL000", 20002)
    assert diagnostic.message.startswith("cannot parse: ")


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


def test_unreadable_file_respects_selection(tmp_path):
    from async_lint.config import Settings

    path = tmp_path / "bad.py"
    path.write_bytes(b"x = '\xff'\n")
    assert lint_file(str(path), Settings(ignore=("ASL000",))).diagnostics == []


# -- standard input ----------------------------------------------------------------------


def run_bytes(data: bytes, *args: str):
    command = [sys.executable, "-m", "async_lint", "check", *args, "-"]
    result = subprocess.run(command, input=data, capture_output=True, check=False, timeout=120)
    assert b"Traceback" not in result.stderr
    return result


def test_stdin_is_decoded_like_a_file():
    latin = b"# -*- coding: latin-1 -*-\nimport time\nasync def f():\n    time.sleep(1)  # \xe9\n"
    result = run_bytes(latin)
    assert result.stdout.decode().startswith("-:4:5: ASL101")
    result = run_bytes(b"x = '\xff'\n")
    assert result.returncode == 1
    assert result.stdout.startswith(
        b"-:1:6: ASL000 cannot parse: 'utf-8' codec can't decode byte 0xff: invalid start byte\n"
    )


@pytest.mark.parametrize(
    "data",
    [b"x = '\xff'\nimport time\n", b"\xef\xbb\xbfx = 1\x00\n", b"def f(:\n", b"\xff\xfe\x00\x00"],
)
def test_fix_on_stdin_gives_back_what_it_cannot_read(data):
    """`check --fix -` is a filter: bytes it cannot decode or parse come back as they went
    in (an editor piping a buffer through it must never get an empty one)."""
    result = run_bytes(data, "--fix")
    assert (result.returncode, result.stdout) == (1, data)


# -- paths that are not plain files ------------------------------------------------------


def test_a_directory_named_like_a_python_file_given_explicitly(project):
    root = project({"pkg.py/inner.py": BAD})
    assert check("pkg.py", cwd=root).stdout == f"pkg.py/inner.py:3:5: {SLEEP}\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_skipped_not_opened(tmp_path):
    """Opening a FIFO waits for a writer forever: discovery skips it, with a warning."""
    (tmp_path / "pkg").mkdir()
    os.mkfifo(tmp_path / "pkg" / "pipe.py")
    os.mkfifo(tmp_path / "named.py")
    (tmp_path / "pkg" / "bad.py").write_text(BAD)
    result = check("named.py", "pkg", cwd=tmp_path, timeout=30)
    assert result.stdout == f"pkg/bad.py:3:5: {SLEEP}\n"
    assert result.stderr.splitlines() == [
        "async-lint: warning: named.py: not a regular file (a FIFO); skipped",
        "async-lint: warning: pkg/pipe.py: not a regular file (a FIFO); skipped",
    ]
    assert result.returncode == 1


def test_symlink_loops_and_dangling_links_in_a_directory_are_skipped(tmp_path):
    (tmp_path / "loop_a.py").symlink_to("loop_b.py")
    (tmp_path / "loop_b.py").symlink_to("loop_a.py")
    (tmp_path / "dangling.py").symlink_to("nowhere.py")
    (tmp_path / "bad.py").write_text(BAD)
    (tmp_path / "linked.py").symlink_to("bad.py")  # the same file: linted once
    result = check(".", cwd=tmp_path)
    assert result.stdout == f"bad.py:3:5: {SLEEP}\n"
    assert result.stderr.splitlines() == [
        "async-lint: warning: dangling.py: a broken symbolic link; skipped",
        "async-lint: warning: loop_a.py: a symbolic link loop; skipped",
        "async-lint: warning: loop_b.py: a symbolic link loop; skipped",
    ]
    assert result.returncode == 1


@pytest.mark.parametrize("target", ["self.py", "nowhere.py"])
def test_a_symlink_loop_or_dangling_link_named_explicitly_is_a_usage_error(tmp_path, target):
    (tmp_path / "link.py").symlink_to(target)
    if target == "self.py":
        (tmp_path / "self.py").symlink_to("link.py")
    result = check("link.py", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "async-lint: error: no such file or directory: link.py\n"


def test_a_symlinked_directory_loop_is_not_followed(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "bad.py").write_text(BAD)
    (tmp_path / "pkg" / "again").symlink_to("..")
    result = check(".", cwd=tmp_path, timeout=30)
    assert result.stdout == f"pkg/bad.py:3:5: {SLEEP}\n"


_UNREADABLE_DRIVER = """
import sys
from async_lint import cli, engine, run

real_open = open

def refuse(path, *args, **kwargs):
    if str(path).endswith("secret.py"):
        raise PermissionError(13, "Permission denied", path)
    return real_open(path, *args, **kwargs)

engine.open = run.open = refuse  # a run reads its files in `run`
sys.exit(cli.main(sys.argv[1:]))
"""


def test_an_unreadable_file_as_the_cli_reports_it(tmp_path):
    """Simulated, so that it holds as root too, where a mode of 000 does not stop reading."""
    (tmp_path / "secret.py").write_text(BAD)
    (tmp_path / "bad.py").write_text(BAD)
    command = [sys.executable, "-c", _UNREADABLE_DRIVER, "check", "-q", "."]
    result = subprocess.run(
        command, cwd=tmp_path, capture_output=True, text=True, check=False, timeout=60
    )
    assert result.stdout.splitlines() == [
        f"bad.py:3:5: {SLEEP}",
        "secret.py:1:1: ASL000 cannot parse: Permission denied",
    ]
    assert (result.returncode, result.stderr) == (1, "")


@pytest.mark.skipif(ROOT or sys.platform == "win32", reason="as root, permissions do not apply")
def test_an_unreadable_file_for_real(tmp_path):
    path = tmp_path / "secret.py"
    path.write_text(BAD)
    path.chmod(0)
    try:
        result = check(".", cwd=tmp_path)
    finally:
        path.chmod(0o644)
    assert result.stdout == "secret.py:1:1: ASL000 cannot parse: Permission denied\n"
    assert result.returncode == 1


@pytest.mark.skipif(ROOT or sys.platform == "win32", reason="as root, permissions do not apply")
def test_an_unreadable_directory_is_walked_past(tmp_path):
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "a.py").write_text(BAD)
    (tmp_path / "bad.py").write_text(BAD)
    (tmp_path / "closed").chmod(0)
    try:
        result = check(".", cwd=tmp_path)
    finally:
        (tmp_path / "closed").chmod(0o755)
    assert result.stdout == f"bad.py:3:5: {SLEEP}\n"


def _can_name(directory: Path, name: bytes) -> bool:
    try:
        (directory / os.fsdecode(name)).write_text("")
    except (OSError, UnicodeError):
        return False
    (directory / os.fsdecode(name)).unlink()
    return True


@pytest.mark.parametrize(
    "output_format", ["concise", "full", "json", "json-lines", "github", "gitlab", "sarif"]
)
def test_file_names_that_are_not_utf8(tmp_path, output_format):
    """Every output format copes with a name the terminal cannot show (it was a traceback in
    sarif); the concise line escapes the bytes."""
    if not _can_name(tmp_path, b"caf\xe9.py"):
        pytest.skip("this file system only takes UTF-8 names")
    (tmp_path / os.fsdecode(b"caf\xe9.py")).write_text(BAD)
    (tmp_path / os.fsdecode(b"\xff.py")).write_text("x = (\n")
    result = check("--output-format", output_format, ".", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (1, "")
    if output_format == "concise":
        assert result.stdout.splitlines() == [
            f"caf\\udce9.py:3:5: {SLEEP}",
            "\\udcff.py:1:5: ASL000 cannot parse: '(' was never closed",
        ]
    if output_format == "sarif":
        import json

        results = json.loads(result.stdout)["runs"][0]["results"]
        uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
        assert uris == ["caf%E9.py", "%FF.py"]  # the name's own bytes, percent-encoded


def test_stat_of_a_file_that_is_not_regular_is_never_read(tmp_path):
    """A socket in the tree: skipped like a FIFO (reading it would fail or block)."""
    import socket

    if not hasattr(socket, "AF_UNIX"):
        pytest.skip("no Unix sockets here")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "s.py"))
    except OSError:
        pytest.skip("cannot bind a Unix socket here")
    try:
        assert stat.S_ISSOCK(os.stat(tmp_path / "s.py").st_mode)
        result = check(".", cwd=tmp_path, timeout=30)
    finally:
        server.close()
    assert result.stderr == "async-lint: warning: s.py: not a regular file; skipped\n"
    assert (result.returncode, result.stdout) == (0, "")


# -- internal errors ---------------------------------------------------------------------


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


def test_an_internal_error_in_a_blocking_rule_leaves_those_asked_with_it(monkeypatch):
    """The ASL1xx rules are asked once per call, together (engine._BlockingCalls):
    one of them failing is still that rule's error alone."""
    from async_lint.rules.asl101_blocking_sleep import BlockingSleep

    def explode(self, node, match):
        raise RuntimeError("boom")

    monkeypatch.setattr(BlockingSleep, "visit_matched", explode)
    source = (
        "import time, subprocess\nasync def f():\n    time.sleep(1)\n"
        "    subprocess.run(['ls'])\n    time.sleep(2)\n"
    )
    found = lint(source)
    assert [(d.start.line, d.code) for d in found] == [(3, "ASL999"), (4, "ASL106")]
    assert found[0].message == "internal error in ASL101 blocking-sleep: RuntimeError: boom"


_EXPLODING_DRIVER = """
import sys
from async_lint import cli
from async_lint.rules.asl101_blocking_sleep import BlockingSleep

def explode(self, node):
    raise KeyError("boom")

BlockingSleep.visit_Call = explode
sys.exit(cli.main(sys.argv[1:]))
"""


def test_an_internal_error_through_the_cli_reports_every_file(project):
    """One rule failing on every file: each file gets its ASL999, the other rules report,
    the exit status is 1 (findings), and only --verbose shows a traceback."""
    root = project({
        "a.py": BAD,
        "b.py": "import asyncio\nasync def f():\n    asyncio.get_event_loop()\n",
    })  # fmt: skip
    command = [sys.executable, "-c", _EXPLODING_DRIVER, "check", "-q", "."]
    result = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
    assert result.returncode == 1 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert "a.py:3:5: ASL999 internal error in ASL101 blocking-sleep: KeyError: 'boom'" in lines
    assert any(line.startswith("b.py:3:5: ASL403") for line in lines)
    assert any(line.startswith("b.py:") and "ASL999" in line for line in lines)
    verbose = subprocess.run(
        [*command, "--verbose"], cwd=root, capture_output=True, text=True, check=False
    )
    assert verbose.stderr.count("Traceback") == 2


# -- usage and configuration errors: exit status 2, one line -----------------------------


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b'[tool.async-lint]\nselect = ["\xff"]\n', "invalid TOML: not UTF-8 (invalid start byte)"),
        (b"[tool.async-lint]\nselect = [\n", "invalid TOML"),
        (b"\xef\xbb\xbf[tool.async-lint]\nselect = [1]\n", "invalid TOML"),  # a BOM is not TOML
        (b"[tool.async-lint]\x00\n", "invalid TOML"),
    ],
)
def test_a_pyproject_that_cannot_be_read_is_a_configuration_error(tmp_path, data, error):
    """Once an internal error with a UnicodeDecodeError in it; now the file and why."""
    (tmp_path / "pyproject.toml").write_bytes(data)
    (tmp_path / "a.py").write_text(BAD)
    result = check(".", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    (line,) = result.stderr.splitlines()
    assert line.startswith("async-lint: error: ") and "pyproject.toml: " in line, line
    assert error in line


def test_a_config_file_that_is_a_directory_is_a_configuration_error(tmp_path):
    (tmp_path / "conf.toml").mkdir()
    (tmp_path / "a.py").write_text(BAD)
    result = check("--config", "conf.toml", ".", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "async-lint: error: config file not found: conf.toml\n"


def test_findings_and_an_odd_file_do_not_change_the_usage_error_status(tmp_path):
    """A usage error is exit 2 even where the files would give findings or ASL000."""
    (tmp_path / "a.py").write_text(BAD)
    (tmp_path / "b.py").write_bytes(b"x = '\xff'\n")
    result = check("--jobs", "0", ".", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines()[-1].startswith("async-lint: error: argument --jobs")


def test_a_reader_that_stops_early_ends_the_run_quietly(tmp_path):
    """`async-lint check | head -1`: the closed pipe is no internal error and no traceback."""
    (tmp_path / "many.py").write_text(
        "import time\n" + "".join(f"async def f{i}():\n    time.sleep(1)\n" for i in range(1000))
    )
    command = [sys.executable, "-m", "async_lint", "check", "--no-cache", "many.py"]
    with subprocess.Popen(
        command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline().startswith(b"many.py:3:5: ASL101")
        process.stdout.close()
        stderr = process.stderr.read()
        process.wait(timeout=120)
    assert stderr == b""
    assert process.returncode == 2

"""`# noqa` with flake8's semantics."""

from __future__ import annotations

import random

import pytest
from conftest import codes

from async_lint import noqa
from async_lint.noqa import add_code, is_suppressed, suppression

SLEEP = "import time\nasync def f():\n    time.sleep(1){comment}\n"


@pytest.mark.parametrize(
    ("comment", "suppressed"),
    [
        ("  # noqa", True),
        ("  # NOQA", True),
        ("  # noqa: ASL101", True),
        ("  # noqa:ASL101", True),
        ("  # noqa: ASL105,ASL101", True),
        ("  # noqa: ASL105, ASL101", True),
        ("  # noqa: ASL1", True),
        ("  # noqa: ASL", True),  # no digits: flake8 reads it as a bare noqa
        ("  # noqa: ASL105", False),
        ("  # noqa: ASL2", False),
        ("  # noqa: E501", False),
        ("  # some comment", False),
        ("", False),
    ],
)
def test_inline_noqa(comment, suppressed):
    found = codes(SLEEP.format(comment=comment))
    assert (found == []) is suppressed


def test_noqa_goes_on_the_line_where_a_multi_line_call_starts():
    # flake8 reads noqa per physical line (only multi-line tokens join lines).
    on_last = "import time\nasync def f():\n    time.sleep(\n        1\n    )  # noqa: ASL101\n"
    assert codes(on_last) == [(3, "ASL101")]
    on_first = "import time\nasync def f():\n    time.sleep(  # noqa: ASL101\n        1\n    )\n"
    assert codes(on_first) == []


def test_noqa_after_a_multi_line_string_covers_the_string_lines():
    source = 'import time\nasync def f():\n    time.sleep(len("""\n    """))  # noqa\n'
    assert codes(source) == []


def test_lines_asked_in_any_order_get_their_own_noqa():
    """The source is tokenized only as far as the lines asked about (`noqa._Groups`)."""
    source = (
        'x = """\n# noqa: ASL101\n"""\n'  # lines 1-3: one token, a noqa inside
        "y = 1  # noqa: ASL102\n"
        'z = len("""\n""")  # noqa: ASL103\n'  # lines 5-6
        "w = 2\n"
    )
    suppressed = suppression(source)
    asked = [(6, "ASL103"), (2, "ASL101"), (7, "ASL101"), (4, "ASL101"), (5, "ASL103")]
    assert [suppressed(code, line) for line, code in asked] == [True, True, False, False, True]
    assert [suppressed("ASL102", line) for line in range(1, 8)] == [False] * 3 + [True] + [
        False
    ] * 3


def test_noqa_only_covers_its_own_statement():
    source = "import time\nasync def f():\n    time.sleep(1)  # noqa\n    time.sleep(2)\n"
    assert codes(source) == [(4, "ASL101")]


def test_noqa_does_not_hide_other_codes_on_the_line():
    source = (
        "import asyncio\nasync def f():\n"
        "    asyncio.get_event_loop().run_until_complete(g())  # noqa: ASL403\n"
    )
    assert codes(source) == [(3, "ASL401")]


@pytest.mark.parametrize("separator", ["\f", "\u2028"])
def test_lines_are_counted_like_python_does(separator):
    # str.splitlines() would split here and shift every later line by one
    source = f"import time\nx = '{separator}'\nasync def f():\n    time.sleep(1)  # noqa\n    time.sleep(2)\n"
    assert codes(source) == [(5, "ASL101")]


def test_is_suppressed_matches_prefixes_like_flake8():
    assert is_suppressed("ASL101", "x  # noqa: ASL10")
    assert not is_suppressed("ASL101", "x  # noqa: ASL11")


# -- writing a noqa comment (the editor's "disable for this line") ---------------------


def _added(source: str, code: str = "ASL101") -> str | None:
    """The source with the noqa comment for the first `code` finding added, checked
    to silence that finding and no other."""
    before = codes(source)
    line = next(line for line, found in before if found == code)
    edit = add_code(source, code, line)
    if edit is None:
        return None
    lines = source.splitlines(keepends=True)
    text = lines[edit.start.line - 1]
    lines[edit.start.line - 1] = text[: edit.start.column] + edit.content + text[edit.end.column :]
    after = "".join(lines)
    assert codes(after) == [f for f in before if f != (line, code)]
    return after


ASYNC = "import time\nasync def f():\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("    time.sleep(1)\n", "    time.sleep(1)  # noqa: ASL101\n"),
        ("    time.sleep(1)   \n", "    time.sleep(1)  # noqa: ASL101\n"),
        ("    time.sleep(1)\r\n", "    time.sleep(1)  # noqa: ASL101\r\n"),
        ("    time.sleep(1)", "    time.sleep(1)  # noqa: ASL101"),
        ("    time.sleep(1)  # noqa: E501\n", "    time.sleep(1)  # noqa: E501, ASL101\n"),
        (
            "    time.sleep(1)  # NOQA:E501,ASL105 long line\n",
            "    time.sleep(1)  # NOQA:E501,ASL105, ASL101 long line\n",
        ),
        (
            "    time.sleep(1)  # type: ignore[misc]\n",
            "    time.sleep(1)  # type: ignore[misc]  # noqa: ASL101\n",
        ),
        ('    time.sleep(1); s = "#"\n', '    time.sleep(1); s = "#"  # noqa: ASL101\n'),
        # a multi-line call: the line where it starts, before its comment-less rest
        (
            "    time.sleep(\n        1\n    )\n",
            "    time.sleep(  # noqa: ASL101\n        1\n    )\n",
        ),
        # a line a triple-quoted string continues from: after the string ends
        (
            '    time.sleep(len("""\n    """))\n',
            '    time.sleep(len("""\n    """))  # noqa: ASL101\n',
        ),
        # a backslash continues the line: the comment goes after the last part
        (
            "    x = time.sleep(1) or \\\n        None\n",
            "    x = time.sleep(1) or \\\n        None  # noqa: ASL101\n",
        ),
    ],
)
def test_add_code_writes_a_noqa_comment_that_silences_the_finding(body, expected):
    assert _added(ASYNC + body) == ASYNC + expected


def test_add_code_leaves_the_other_findings_of_the_line():
    source = (
        "import asyncio\nasync def f():\n    asyncio.get_event_loop().run_until_complete(g())\n"
    )
    assert _added(source, "ASL403").endswith("(g())  # noqa: ASL403\n")


def test_add_code_does_nothing_when_a_comment_cannot_help():
    # flake8 reads the first noqa marker on the line: here one inside a string
    source = ASYNC + '    time.sleep(1); s = "# noqa: E501"\n'
    assert _added(source) is None
    assert add_code(ASYNC + "    time.sleep(1)  # noqa\n", "ASL101", 3) is None  # suppressed
    assert add_code(ASYNC, "ASL101", 7) is None  # no such line


COLON = ":"  # spelled apart: linters read a noqa with a colon and no code as a mistake
LINES = [
    "x = 1\n",
    "x = 1  # noqa: E501\n",
    "x = 1  # noqa: E501, ASL1\n",
    "x = 1  # noqa: asl101\n",
    "x = 1  # noqa:ASL102,\n",
    "x = 1  # noqa\n",
    f"x = 1  # noqa{COLON}\n",  # bare here; with the code if the next line starts with one
    "ASL101 = 1\n",
    "E501, ASL102 = 1, 2\n",
    'y = """\n',
    '"""  # noqa: ASL101\n',
    "z = (1 +\n",
    "     2)\n",
    "w = 1 + \\\n",
]


@pytest.mark.parametrize("seed", range(40))
def test_suppression_without_tokenizing_agrees_with_tokenizing(seed, monkeypatch):
    """Where no noqa comment of a file names a code, nothing suppresses it and the
    file is not tokenized for it: the same answers as reading every line's group."""
    rng = random.Random(seed)
    source = "".join(rng.choice(LINES) for _ in range(8))
    asked = [(code, line) for code in ("ASL101", "ASL102", "ASL201") for line in range(1, 10)]
    fast = suppression(source)
    found = [fast(code, line) for code, line in asked]
    monkeypatch.setattr(noqa, "_codes_named", lambda source, matches: None)
    tokenizing = suppression(source)
    assert found == [tokenizing(code, line) for code, line in asked]


def test_a_file_whose_noqa_comments_name_other_codes_is_not_tokenized(monkeypatch):
    def tokenize(readline):
        raise AssertionError("tokenized")

    monkeypatch.setattr(noqa.tokenize, "generate_tokens", tokenize)
    source = "import time\nx = 1  # noqa: E501\nasync def f():\n    time.sleep(1)  # noqa: F821\n"
    assert not suppression(source)("ASL101", 4)
    assert codes(source) == [(4, "ASL101")]


def test_a_comment_cut_at_its_line_end_reads_as_a_bare_noqa():
    # flake8 reads a noqa with a colon on its own line: the code on the next line is not its
    source = f"import time\nasync def f():\n    time.sleep(1)  # noqa{COLON}\nE501 = 1\n"
    assert codes(source) == []

"""`# noqa` with flake8's semantics."""

from __future__ import annotations

import pytest
from conftest import codes

from async_lint.noqa import is_suppressed

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

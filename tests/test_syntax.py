"""Code of every Python version libcst parses is linted, inside every construct.

The rules must see a blocking call wherever it stands: in a `match` case, an
`except*` handler, a PEP 695 generic, a parenthesised `async with`. Syntax
newer than the running Python is still libcst's to parse (pre-commit may run
async-lint on an older Python than the project's). Where libcst cannot parse
something (t-strings before libcst 1.8), the result is ASL000, never a crash.
"""

from __future__ import annotations

import libcst as cst
import pytest
from conftest import codes, lint, run_cli

from async_lint.config import Settings

SLEEP_ONLY = Settings(select=("ASL101",))

# (construct, source, lines of the ASL101 findings)
# fmt: off
CASES = [
    ("match", """
import time
async def f(command):
    match command:
        case {"op": "sleep", **rest}:
            time.sleep(1)
        case [x, *_] if (n := len(command)) > 1:
            time.sleep(n)
        case Point(x=0) | None:
            time.sleep(2)
        case _:
            pass
""", [6, 8, 10]),
    ("PEP 695 generic class and function", """
import time
class Box[T]:
    async def get(self, item: T) -> T:
        time.sleep(1)
        return item
async def first[T, *Ts, **P](items: list[T]) -> T:
    time.sleep(1)
    return items[0]
""", [5, 8]),
    ("PEP 695 type aliases", """
import time
type Alias = int
type Pair[K, V] = dict[K, V]
async def f():
    time.sleep(1)
""", [6]),
    ("PEP 696 defaults", """
import time
type Pair[K, V = int] = dict[K, V]
class Box[T = str]:
    pass
async def f[T = int, *Ts = *tuple[int], **P = [int]](x: T) -> T:
    time.sleep(1)
    return x
""", [7]),
    ("except*", """
import time
async def f():
    try:
        time.sleep(1)
    except* ValueError as group:
        time.sleep(2)
    except* (TypeError, KeyError):
        pass
""", [5, 7]),
    ("walrus", """
import time
async def f(values):
    if (n := len(values)) > 1:
        time.sleep(n)
    return [y for x in values if (y := time.sleep(x))]
""", [5, 6]),
    ("positional-only and keyword-only parameters", """
import time
async def f(a, b=1, /, c=2, *args, d, e=3, **kwargs):
    time.sleep(a)
""", [4]),
    ("async comprehensions", """
import time
async def f(source):
    values = [time.sleep(y) async for y in source]
    return {k: await v async for k, v in source if time.sleep(k)}
""", [4, 5]),
    ("async with, several items in parentheses", """
import time
async def f(a, b):
    async with (
        a as first,
        b as second,
    ):
        time.sleep(1)
    with (open("x") as one, open("y") as two):
        pass
""", [8]),
    ("decorators with arbitrary expressions", """
import time
@(lambda f: f)
@buttons[0].clicked.connect
@[d for d in (lambda g: g,)][0]
async def f():
    time.sleep(1)
""", [7]),
    ("nested f-strings (PEP 701)", """
import time
async def f(width):
    return f"{time.sleep(1)!r:>{width}} {'a' + f'{width}'}"
""", [4]),
    ("except without parentheses (PEP 758)", """
import time
async def f():
    try:
        time.sleep(1)
    except ValueError, TypeError:
        time.sleep(2)
""", [5, 7]),
    ("star expressions in an index (PEP 646)", """
import time
async def f(table, *keys):
    table[*keys] = time.sleep(1)
    return table[1:2, *keys]
""", [4]),
    ("global, nonlocal, del and star expressions", """
import time
counter = 0
async def f(*items):
    global counter
    first, *rest = items
    del first
    time.sleep(len(rest))
""", [8]),
]
# fmt: on


@pytest.mark.parametrize(
    ("source", "lines"), [pytest.param(source, lines, id=name) for name, source, lines in CASES]
)
def test_the_rules_see_into_every_construct(source, lines):
    found = codes(source.lstrip("\n"), SLEEP_ONLY)
    assert found == [(line - 1, "ASL101") for line in lines]


def test_every_construct_through_the_cli(tmp_path):
    for index, (_, source, _) in enumerate(CASES):
        (tmp_path / f"case_{index:02}.py").write_text(source.lstrip("\n"))
    result = run_cli("check", "-q", "--select", "ASL101", ".", cwd=tmp_path)
    assert "Traceback" not in result.stderr
    expected = sum(len(lines) for _, _, lines in CASES)
    assert (result.returncode, len(result.stdout.splitlines())) == (1, expected)


TSTRING = """
import time
async def f(name):
    template = t"hello {name} {time.sleep(1)}"
    time.sleep(2)
    return template
"""


def test_t_strings_are_linted_or_cannot_parse():
    """Python 3.14's template strings: libcst parses them from 1.8 on; before, ASL000."""
    found = codes(TSTRING.lstrip("\n"))
    if hasattr(cst, "TemplatedString"):
        assert found == [(3, "ASL101"), (4, "ASL101")]
    else:
        assert [code for _, code in found] == ["ASL000"]


def test_syntax_libcst_does_not_know_is_one_finding():
    """Something no parser knows (here, a made-up `defer` statement): CPython's message."""
    (diagnostic,) = lint("import time\ndefer time.sleep(1)\n")
    assert (diagnostic.code, diagnostic.start.line) == ("ASL000", 2)
    assert diagnostic.message == "cannot parse: invalid syntax"

"""Each fixture file is linted with every rule; findings must equal the `# expect:` markers."""

from __future__ import annotations

import re

import pytest
from conftest import ALL, FIXTURES

from async_lint.engine import lint_file

EXPECT = re.compile(r"#\s*expect:\s*(?P<codes>ASL\d{3}(?:\s*,\s*ASL\d{3})*)")
FIXTURE_FILES = sorted(FIXTURES.glob("*.py"))
NEGATIVES_ONLY = {"asl401_nest_asyncio.py", "asl105_star_import_shadows_builtins.py"}


def expected(text: str) -> set[tuple[int, str]]:
    pairs = set()
    for number, line in enumerate(text.splitlines(), start=1):
        match = EXPECT.search(line)
        if match:
            pairs.update((number, code.strip()) for code in match["codes"].split(","))
    return pairs


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_fixture(path):
    result = lint_file(str(path), ALL)
    found = {(d.start.line, d.code) for d in result.diagnostics}
    want = expected(path.read_text(encoding="utf-8"))
    assert found - want == set(), "false alarms (line, code)"
    assert want - found == set(), "missed (line, code)"


def test_every_rule_has_a_fixture_file():
    from async_lint.rules import REGISTRY

    covered = {path.name[:6].upper() for path in FIXTURE_FILES}
    assert set(REGISTRY) <= covered


def test_every_fixture_has_positives():
    for path in FIXTURE_FILES:
        if path.name in NEGATIVES_ONLY:
            continue  # a file of negatives only
        assert expected(path.read_text(encoding="utf-8")), path.name

"""The registry's own promises: docs, examples, and the tests generated from them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ALL, lint

from async_lint.docs import catalog, rules_page, with_current_table
from async_lint.rules import REGISTRY
from async_lint.rules.base import DOC_SECTIONS

RULES = list(REGISTRY.values())
README = Path(__file__).parent.parent / "README.md"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_metadata(rule):
    assert re.fullmatch(r"ASL\d{3}", rule.code)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name)
    assert rule.summary and not rule.summary.endswith(".")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_docs_have_every_section(rule):
    assert rule.doc_sections() == list(DOC_SECTIONS)
    docs = rule.docs()
    assert docs.startswith(f"# {rule.code} {rule.name}\n")
    assert "```python" in docs


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_has_examples(rule):
    assert rule.valid, f"{rule.code} has no VALID examples"
    assert rule.invalid, f"{rule.code} has no INVALID examples"


def _examples(kind: str) -> list:
    return [
        pytest.param(rule, source, id=f"{rule.code}-{kind}-{index}")
        for rule in RULES
        for index, source in enumerate(getattr(rule, kind))
    ]


@pytest.mark.parametrize(("rule", "source"), _examples("invalid"))
def test_invalid_example_is_reported(rule, source):
    found = [d.code for d in lint(source, ALL)]
    assert rule.code in found


@pytest.mark.parametrize(("rule", "source"), _examples("valid"))
def test_valid_example_is_silent(rule, source):
    found = [d for d in lint(source, ALL) if d.code == rule.code]
    assert found == []


def test_codes_and_names_are_unique_and_sorted():
    from async_lint.rules import _RULES

    codes = [rule.code for rule in _RULES]
    names = [rule.name for rule in _RULES]
    assert codes == sorted(set(codes))
    assert len(names) == len(set(names))


def test_asl101_points_to_the_modules_async_library():
    source = "import time\nimport {lib}\nasync def f():\n    time.sleep(1)\n"
    for lib, sleep in (
        ("trio", "trio.sleep"),
        ("anyio", "anyio.sleep"),
        ("asyncio", "asyncio.sleep"),
    ):
        (finding,) = lint(source.format(lib=lib), ALL)
        assert finding.message.endswith(f"use `await {sleep}()`")


def test_extra_blocking_call_messages_name_the_call():
    from async_lint.config import Settings

    settings = Settings(select=("ALL",), extra_blocking_calls={"mylib.nap": "ASL101"})
    (finding,) = lint("import mylib\nasync def f():\n    mylib.nap(1)\n", settings)
    assert finding.message.startswith("`mylib.nap()` blocks the event loop")


def test_rule_reference_is_current():
    page = (README.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == rules_page(), "run `python -m async_lint.docs`"


def test_docs_urls_point_at_an_anchor_of_the_reference():
    from async_lint.rules import docs_url

    headings = re.findall(r"^## (ASL\d{3} [a-z-]+)$", rules_page(), re.M)
    anchors = {heading.lower().replace(" ", "-") for heading in headings}
    for code in REGISTRY:
        assert docs_url(code).rsplit("#", 1)[1] in anchors


def test_readme_rule_table_is_current():
    readme = README.read_text(encoding="utf-8")
    assert catalog() in readme
    assert with_current_table(readme) == readme, "run `python -m async_lint.docs`"


def test_the_catalog_module_is_current():
    """catalog.py copies the registry's metadata for what must not load the rules."""
    from async_lint import catalog as generated
    from async_lint.docs import catalog_module

    assert Path(generated.__file__).read_text(encoding="utf-8") == catalog_module(), (
        "run `python -m async_lint.docs`"
    )
    for code, rule in REGISTRY.items():
        assert generated.RULES[code] == (rule.name, rule.default_enabled, rule.severity)
        assert generated.name(code) == rule.name

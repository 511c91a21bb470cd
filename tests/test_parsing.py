"""The parse without node validation must give libcst's trees, and validate the rest."""

from __future__ import annotations

import threading

import libcst as cst
import pytest
from test_walk import SOURCES

from async_lint.parsing import parse_module


@pytest.mark.parametrize("path", SOURCES[::7], ids=lambda path: path.name)
def test_the_tree_is_libcsts(path):
    source = path.read_text(encoding="utf-8")
    tree = parse_module(source)
    assert tree.deep_equals(cst.parse_module(source))
    assert tree.code == source


def test_valid_code_that_libcsts_validation_rejects_is_parsed():
    source = "() if 0 else(lambda:())\n"  # libcst issue 1061
    with pytest.raises(TypeError):
        cst.parse_module(source)
    assert parse_module(source).code == source


def test_syntax_errors_are_still_raised():
    with pytest.raises(cst.ParserSyntaxError):
        parse_module("def f(:\n")


def test_nodes_built_elsewhere_are_still_validated():
    with pytest.raises(cst.CSTValidationError):
        cst.Name("not an identifier")
    parse_module("x = 1\n")
    with pytest.raises(cst.CSTValidationError):
        cst.Name("not an identifier")


def test_only_the_parsing_thread_skips_validation(monkeypatch):
    """A node built on another thread while a parse runs is validated."""
    built: list[BaseException | None] = []
    original = cst.parse_module

    def parse_while_another_thread_builds(source: str):
        def build() -> None:
            try:
                cst.Name("not an identifier")
                built.append(None)
            except cst.CSTValidationError as error:
                built.append(error)

        thread = threading.Thread(target=build)
        thread.start()
        thread.join()
        return original(source)

    monkeypatch.setattr(cst, "parse_module", parse_while_another_thread_builds)
    parse_module("x = 1\n")
    assert isinstance(built[0], cst.CSTValidationError)

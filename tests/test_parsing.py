"""The parse without node validation must give libcst's trees, and validate the rest."""

from __future__ import annotations

import dataclasses
import os
import signal
import threading
import warnings

import libcst as cst
import pytest
from test_walk import NODE_CLASSES, SOURCES

from async_lint import parsing
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


@pytest.mark.parametrize("kind", NODE_CLASSES, ids=lambda kind: kind.__name__)
def test_the_faster_constructors_build_what_libcsts_build(kind, monkeypatch):
    """Given every field, or only those without a default, the same node: the
    given values themselves, the defaults equal and made anew."""
    original = kind.__init__.__wrapped__
    fields = dataclasses.fields(kind)
    given = {field.name: object() for field in fields}
    required = {
        field.name: object() for field in fields
        if field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING
    }  # fmt: skip
    monkeypatch.setattr(parsing._parsing, "active", True)  # arbitrary values: no validation
    for arguments in (given, required):
        ours, libcsts = object.__new__(kind), object.__new__(kind)
        kind.__init__(ours, **arguments)
        original(libcsts, **arguments)
        for field in fields:
            mine, theirs = getattr(ours, field.name), getattr(libcsts, field.name)
            if field.name in arguments:
                assert mine is arguments[field.name]
            elif field.default_factory is not dataclasses.MISSING:
                assert repr(mine) == repr(theirs), field.name
                assert not isinstance(mine, cst.CSTNode) or mine is not theirs, field.name
            else:
                assert mine == theirs, field.name
    positional = [given[field.name] for field in fields]
    ours, libcsts = object.__new__(kind), object.__new__(kind)
    kind.__init__(ours, *positional)
    original(libcsts, *positional)
    assert [getattr(ours, f.name) for f in fields] == [getattr(libcsts, f.name) for f in fields]


def test_every_node_class_gets_the_faster_constructor(monkeypatch):
    """Once a class is first used, its `__init__` is the one made here."""
    monkeypatch.setattr(parsing._parsing, "active", True)  # arbitrary values: no validation
    for kind in NODE_CLASSES:
        fields = dataclasses.fields(kind)
        kind.__init__(object.__new__(kind), *[object() for _ in fields])
        assert "_parsing" in kind.__init__.__code__.co_names, kind  # not libcst's own
        assert kind.__init__.__wrapped__ is not kind.__init__


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


def test_every_parse_runs_on_the_one_large_stack_thread(monkeypatch):
    threads: list[threading.Thread] = []
    original = cst.parse_module

    def recording(source: str):
        threads.append(threading.current_thread())
        return original(source)

    monkeypatch.setattr(cst, "parse_module", recording)
    parse_module("x = 1\n")
    parse_module("y = 2\n")
    assert threads[0] is threads[1] is not threading.current_thread()
    assert threads[0].name == "async-lint-parse"


def test_parses_from_several_threads_at_once_get_their_own_trees():
    sources = [f"x{i} = {i}\n" * (i + 1) for i in range(8)]
    trees: dict[int, str] = {}

    def parse(index: int) -> None:
        for _ in range(20):
            trees[index] = parse_module(sources[index]).code

    workers = [threading.Thread(target=parse, args=(i,)) for i in range(len(sources))]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert trees == dict(enumerate(sources))


@pytest.mark.skipif(not hasattr(os, "fork") or not hasattr(signal, "alarm"), reason="no fork")
def test_a_forked_child_parses_on_a_thread_of_its_own():
    """A worker process forked after a parse: the parent's thread did not come along."""
    parse_module("x = 1\n")  # the parent's parsing thread is running
    read, write = os.pipe()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # forking with a thread, 3.12+
        child = os.fork()
    if child == 0:  # pragma: no cover - the child
        signal.alarm(60)  # a child waiting for the parent's thread would wait forever
        try:
            ok = parse_module("y = [1, 2]\n").code == "y = [1, 2]\n"
        finally:
            os.write(write, b"ok" if ok else b"no")
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as reader:
        answer = reader.read()
    _, status = os.waitpid(child, 0)
    assert (answer, status) == (b"ok", 0)


def test_without_a_large_stack_the_parse_runs_here(monkeypatch):
    """A platform where the stack size cannot be set: the calling thread parses, once
    the attempt has failed, without trying again for every file."""
    from async_lint import parsing

    server = parsing._Server()
    attempts = []

    def refuse(size: int = 0) -> int:
        attempts.append(size)
        raise ValueError("size not valid")

    monkeypatch.setattr(parsing, "_server", server)
    monkeypatch.setattr(parsing.threading, "stack_size", refuse)
    assert parse_module("x = 1\n").code == "x = 1\n"
    assert parse_module("y = 2\n").code == "y = 2\n"
    assert attempts == [parsing._STACK] and server.thread is None

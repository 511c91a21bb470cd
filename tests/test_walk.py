"""The engine's own traversal and positions must be libcst's, only cheaper."""

from __future__ import annotations

import gc
import inspect
import re
from pathlib import Path

import libcst as cst
import pytest
from conftest import FIXTURES
from libcst.metadata import MetadataWrapper, PositionProvider

from async_lint import engine, walk
from async_lint.config import Settings
from async_lint.positions import positions

ROOT = Path(__file__).parent.parent
SOURCES = sorted(
    path
    for folder in (FIXTURES, ROOT / "src", ROOT / "examples")
    for path in folder.rglob("*.py")
    if path.name != "asl000_cannot_parse.py"
)


class _Recorder(cst.CSTVisitor):
    def __init__(self) -> None:
        self.events: list[tuple[str, int]] = []
        self.nodes: dict[int, cst.CSTNode] = {}

    def on_visit(self, node: cst.CSTNode) -> bool:
        self.events.append(("visit", id(node)))
        self.nodes[id(node)] = node
        return True

    def on_leave(self, original_node: cst.CSTNode) -> None:
        self.events.append(("leave", id(original_node)))

    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        if attribute == "body":
            self.events.append(("body", id(node)))

    def on_leave_attribute(self, original_node: cst.CSTNode, attribute: str) -> None:
        if attribute == "body":
            self.events.append(("after body", id(original_node)))


def _modules(sources=SOURCES):
    for path in sources:
        try:
            yield path, cst.parse_module(path.read_text(encoding="utf-8"))
        except cst.ParserSyntaxError:
            continue


@pytest.mark.parametrize("handled", [(), (cst.Name, cst.Integer)], ids=["no leaves", "some"])
def test_walk_visits_what_libcst_visits_in_its_order(handled):
    skip = walk.skipped(handled)
    left_out = 0
    for path, module in _modules():
        theirs, ours = _Recorder(), _Recorder()
        module.visit(theirs)
        walk.walk(module, ours, skip)
        kept = [
            (event, node)
            for event, node in theirs.events
            if event in ("body", "after body") or walk._wanted(type(theirs.nodes[node]), skip)
        ]
        assert ours.events == kept, path
        left_out += len(theirs.events) - len(ours.events)
    assert left_out > 0, "tokens are left out"


# Every node class libcst exports that can be built.
NODE_CLASSES = [
    kind for name in dir(cst)
    if isinstance(kind := getattr(cst, name), type) and issubclass(kind, cst.CSTNode)
    and not inspect.isabstract(kind) and kind is not cst.CSTNode
]  # fmt: skip


@pytest.mark.parametrize("kind", NODE_CLASSES, ids=lambda kind: kind.__name__)
def test_the_fields_are_those_libcst_visits_in_its_order(kind):
    """`visit_required(self, "func", ...)` and the like, read from the source."""
    source = inspect.getsource(kind._visit_and_replace_children)
    visited = re.findall(r'visit_\w+\(\s*self,\s*"(\w+)"', source)
    assert walk._fields(kind) == tuple(dict.fromkeys(visited))


def test_the_fields_left_out_hold_only_tokens():
    """What `walk` does not look at, in every node of the test sources, is tokens."""
    for _, module in _modules():
        stack: list[cst.CSTNode] = [module]
        while stack:
            node = stack.pop()
            kept = walk._child_fields(type(node))
            for name in walk._fields(type(node)):
                value = getattr(node, name)
                values = value if isinstance(value, (tuple, list)) else [value]
                children = [v for v in values if isinstance(v, cst.CSTNode)]
                if name in kept:
                    stack.extend(children)
                else:
                    assert all(walk._is_token(type(c)) for c in children), (type(node), name)


def test_a_visitor_sees_the_leaves_it_handles():
    class Names(cst.CSTVisitor):
        def __init__(self) -> None:
            self.names: list[str] = []

        def visit_Name(self, node: cst.Name) -> None:
            self.names.append(node.value)

        def visit_Lambda(self, node: cst.Lambda) -> bool:
            return False  # children left out, as libcst does

    visitor = Names()
    walk.visit(cst.parse_module("a = b(c, lambda d: e)\n"), visitor)
    assert visitor.names == ["a", "b", "c"]


def test_positions_are_libcsts():
    for path, module in _modules([p for p in SOURCES if not p.is_relative_to(ROOT / "src")]):
        theirs = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
        nodes = list(theirs)
        assert positions(module, nodes) == dict(theirs), path
        few = nodes[:: max(1, len(nodes) // 7)]
        early = nodes[: len(nodes) // 3 : 5]  # the code after them is not generated
        ours = positions(module, early)
        assert {n: ours[n] for n in early} == {n: theirs[n] for n in early}, path
        ours = positions(module, few, comments=True)
        comments = [n for n in nodes if type(n) is cst.Comment]
        assert {n: ours[n] for n in few + comments} == {n: theirs[n] for n in few + comments}


def test_a_lint_leaves_nothing_for_the_garbage_collector():
    """Files are linted with the collector off (run._first_pass): that is only free if a
    lint makes no reference cycles, so that its tree dies with the last reference."""
    settings = Settings(root=ROOT)
    gc.collect()
    gc.disable()
    gc.freeze()  # what the test session holds: each collection looks at the lint's only
    try:
        for path in SOURCES[::5]:
            source = path.read_text(encoding="utf-8")
            engine.lint_source(source, str(path), settings, path=str(path), defer=True)
            assert gc.collect() == 0, path
    finally:
        gc.unfreeze()
        gc.enable()

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
from async_lint.positions import _in_statements, positions

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


def _paths_of(module: cst.Module) -> dict[cst.CSTNode, tuple[cst.CSTNode, ...]]:
    """Each node's path from the module down to it, as the traversal keeps it."""
    found = {}
    stack = [(module, (module,))]
    while stack:
        node, path = stack.pop()
        found[node] = path
        stack.extend((child, (*path, child)) for child in node.children)
    return found


def _common(*paths: tuple[cst.CSTNode, ...]) -> tuple[cst.CSTNode, ...]:
    """The path down to the lowest node on all of `paths`."""
    common = []
    for nodes in zip(*paths, strict=False):
        if any(node is not nodes[0] for node in nodes):
            break
        common.append(nodes[0])
    return tuple(common)


def test_positions_within_statements_are_libcsts():
    generated_alone = 0
    for path, module in _modules([p for p in SOURCES if not p.is_relative_to(ROOT / "src")]):
        theirs = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
        path_of = _paths_of(module)
        nodes = [n for n in theirs if len(path_of[n]) > 1]
        # groups of one node, and of two nodes of one top-level statement
        pairs = [
            (n, m)
            for n, m in zip(nodes[::7], nodes[3::7], strict=False)
            if path_of[n][1] is path_of[m][1]
        ]
        for groups in ([[n] for n in nodes[::11]], [list(pair) for pair in pairs]):
            within = [(_common(*(path_of[n] for n in group)), group) for group in groups]
            for comments in (False, True):
                ours = _in_statements(module, comments, within, module.code)
                if ours is None:
                    continue  # a statement's text is in the module twice
                generated_alone += 1
                asked = [n for group in groups for n in group]
                assert {n: ours[n] for n in asked} == {n: theirs[n] for n in asked}, path
                assert all(ours[n] == theirs[n] for n in ours), path
                if comments:  # every comment between two nodes of a group is there
                    for group in groups:
                        start = min((theirs[n].start.line, theirs[n].start.column) for n in group)
                        end = max((theirs[n].end.line, theirs[n].end.column) for n in group)
                        between = [
                            n
                            for n in theirs
                            if type(n) is cst.Comment
                            and start <= (theirs[n].start.line, theirs[n].start.column) < end
                        ]
                        assert all(n in ours for n in between), path
    assert generated_alone > 100


@pytest.mark.parametrize(
    "source",
    [
        "class A:\n    def f(self):\n        if x:\n            return 1\n        return 2\n",
        # `return None` twice, told apart by the statements before and after it
        "def a():\n    x = 1\n    return None\n\ndef b():\n    y = 2\n    return None\n",
        "def a():\n    return None\n    x = 1\n\ndef b():\n    return None\n    y = 2\n",
    ],
)
def test_positions_within_a_nested_statement_are_libcsts(source):
    module = cst.parse_module(source)
    theirs = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    path_of = _paths_of(module)
    for node in theirs:
        if len(path_of[node]) > 1:
            ours = _in_statements(module, False, [(path_of[node], [node])], source)
            assert ours is not None and ours[node] == theirs[node]


@pytest.mark.parametrize(
    ("source", "statement"),
    [
        ("x = 1\n" * 9, 4),  # the text of the statement and of those around it, many times
        ("async def f():\n    pass\n" * 9, 4),
        ("x = 1\nasync def f():\n    pass", 1),  # no newline after the last statement
        ("x = 1\r\ny = 2\r\n", 1),  # lines not counted by line feeds
    ],
)
def test_positions_within_statements_fall_back_where_unsure(source, statement):
    module = cst.parse_module(source)
    theirs = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    path_of = _paths_of(module)
    nodes = [n for n, path in path_of.items() if path[1:2] == (module.body[statement],)]
    within = [(path_of[n], [n]) for n in nodes]
    assert _in_statements(module, False, within, source) is None
    ours = positions(module, nodes, within=within, source=source)
    assert {n: ours[n] for n in nodes} == {n: theirs[n] for n in nodes}


def test_positions_of_a_node_outside_the_path_given_are_libcsts():
    module = cst.parse_module("x = 1\ny = 2\n")
    theirs = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    second, within = module.body[1], [((module, module.body[0]), [module.body[1]])]
    assert _in_statements(module, False, within, module.code) is None
    assert positions(module, [second], within=within, source=module.code)[second] == theirs[second]


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

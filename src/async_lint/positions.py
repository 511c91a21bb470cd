"""Where nodes are in the source: libcst's `PositionProvider`, for the few nodes asked.

libcst derives positions by generating the module's code again. Its provider
records a range for every node of the module, and `MetadataWrapper` walks the
whole tree once more before it starts; a module with one finding needs a
handful. `positions` generates the code once and records only the nodes
asked for (and the comments, when a fix needs them), with the same ranges;
without comments it stops at the last node asked for.

Told which nodes hold the nodes asked for (the paths the traversal was on),
it generates the code of the deepest statement on each path alone: a
statement that starts a line generates the same text wherever it is (given
its blocks' indentation), so it is where that text is in the source, when
the text is there once, alone or with the statements around it (else a
statement higher up is generated, else the whole module).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext, suppress
from typing import NamedTuple

import libcst as cst
from libcst._nodes.internal import CodegenState
from libcst._position import CodePosition, CodeRange

_NEWLINE = re.compile(r"\r\n?|\n")  # libcst's own, for the same line count
_NOTHING = nullcontext()
_BLOCKS = (cst.Module, cst.IndentedBlock)  # whose statements start lines
_CONTEXT = 3  # statements before (or after) one whose text is not unique, to tell it apart


def positions(
    module: cst.Module,
    nodes: Iterable[cst.CSTNode],
    comments: bool = False,
    *,
    within: Sequence[tuple[Sequence[cst.CSTNode], Sequence[cst.CSTNode]]] | None = None,
    source: str | None = None,
) -> dict[cst.CSTNode, CodeRange]:
    """The ranges of `nodes` (and of every comment, with `comments`), as libcst's
    `PositionProvider` gives them.

    `within`, if known, splits `nodes` into groups, each with the path from
    the module down to a node that holds it; with `source`, the module's
    text, only the code of statements on those paths is generated, and the
    comments are those of the statements generated: all that lie between two
    nodes of a group."""
    if within is not None and source is not None:
        found = _in_statements(module, comments, within, source)
        if found is not None:
            return found
    state = _Recorder(module, {id(node) for node in nodes}, comments)
    with suppress(_AllFound):
        module._codegen(state)
    return state.found


def _in_statements(
    module: cst.Module,
    comments: bool,
    within: Sequence[tuple[Sequence[cst.CSTNode], Sequence[cst.CSTNode]]],
    source: str,
) -> dict[cst.CSTNode, CodeRange] | None:
    """`positions` from the code of one statement on each group's path: the
    deepest that holds the whole group and can be found in the source.
    Groups that reach the same statement have it generated once. None when a
    group has no such statement."""
    if "\r" in source or not module.has_trailing_newline:
        return None  # lines not counted by line feeds; a last newline left out
    # each group: the statements still to try (the deepest first), its nodes
    left = [
        (list(reversed(_lines_on(module, path))), {id(node) for node in group})
        for path, group in within
    ]
    found: dict[cst.CSTNode, CodeRange] = {}
    while left:
        by_statement: dict[int, tuple[_Line, set[int], list]] = {}
        for candidates, group in left:
            if not candidates:
                return None
            entry = by_statement.setdefault(id(candidates[0].statement), (candidates[0], set(), []))
            entry[1].update(group)
            entry[2].append((candidates[1:], group))
        left = []
        for line, wanted, groups in by_statement.values():
            generated = _generated(module, line, wanted, comments, source)
            held = set() if generated is None else {id(node) for node in generated}
            found.update(generated or {})
            left += [(rest, group) for rest, group in groups if not group <= held]
    return found


class _Line(NamedTuple):
    """A statement that starts a line: in the module or in a block."""

    statement: cst.CSTNode
    indents: tuple[str, ...]  # what its blocks indent its lines by
    block: Sequence[cst.CSTNode]  # the statements of its block
    at: int  # its place there


def _lines_on(module: cst.Module, path: Sequence[cst.CSTNode]) -> list[_Line]:
    """The statements on `path` that start lines, from the top."""
    found = []
    indents: list[str] = []
    for parent, child in itertools.pairwise(path):
        if type(parent) is cst.IndentedBlock:
            indents.append(module.default_indent if parent.indent is None else parent.indent)
        if type(parent) in _BLOCKS and isinstance(child, cst.BaseStatement):
            block = parent.body  # type: ignore[attr-defined]
            found.append(_Line(child, tuple(indents), block, block.index(child)))
    return found


def _generated(
    module: cst.Module, line: _Line, wanted: set[int], comments: bool, source: str
) -> dict[cst.CSTNode, CodeRange] | None:
    """The wanted nodes of a statement, from its code alone. It generates the
    same text wherever it is, so it is where that text is in the source if
    the text is there once, at the start of a line; else where its text and
    that of the statements before it (or after it) in its block are, together,
    if that is there once (a statement such as `return None` is in most files
    many times). Its code is generated as far as the last node wanted, unless
    that part is not enough to tell where it is."""
    for whole in (False, True):
        state = _Recorder(module, wanted, comments, stop=not whole)
        state.indent_tokens = list(line.indents)
        try:
            line.statement._codegen(state)
        except _AllFound:  # its text is cut short: nothing can follow it
            cut = True
        else:
            cut = False
        for before, text in _with_context(module, line, "".join(state.tokens), cut):
            at = source.find(text)
            if at == -1:
                return None  # not the module's code
            if (at and source[at - 1] != "\n") or source.find(text, at + 1) != -1:
                continue
            lines = source.count("\n", 0, at) + before.count("\n")
            return {
                node: CodeRange(
                    CodePosition(code_range.start.line + lines, code_range.start.column),
                    CodePosition(code_range.end.line + lines, code_range.end.column),
                )
                for node, code_range in state.found.items()
            }
        if not cut:
            break
    return None


def _with_context(
    module: cst.Module, line: _Line, own: str, cut: bool
) -> Iterator[tuple[str, str]]:
    """(what comes before the statement's text, the whole text) to look for: its own,
    then with up to `_CONTEXT` statements before it, then (if its own is whole)
    after it."""
    yield "", own
    before = ""
    for statement in reversed(line.block[max(line.at - _CONTEXT, 0) : line.at]):
        before = _code(module, statement, line.indents) + before
        yield before, before + own
    if cut:
        return
    after = ""
    for statement in line.block[line.at + 1 : line.at + 1 + _CONTEXT]:
        after += _code(module, statement, line.indents)
        yield "", own + after


def _code(module: cst.Module, statement: cst.CSTNode, indents: tuple[str, ...]) -> str:
    state = CodegenState(module.default_indent, module.default_newline)
    state.indent_tokens = list(indents)
    statement._codegen(state)
    return "".join(state.tokens)


class _AllFound(Exception):
    """Every node asked for is recorded: the rest of the code is not needed."""


class _Recorder(CodegenState):
    """libcst's `PositionProvidingCodegenState`, recording the wanted nodes only."""

    def __init__(
        self, module: cst.Module, wanted: set[int], comments: bool, stop: bool = True
    ) -> None:
        super().__init__(module.default_indent, module.default_newline)
        self.line = 1  # one-based
        self.column = 0  # zero-based
        self.wanted = wanted
        self.comments = comments
        self.stop = stop and not comments  # at the last node wanted (`_AllFound`)
        self.found: dict[cst.CSTNode, CodeRange] = {}
        self._starts: list[CodePosition] = []

    def _asked(self, node: cst.CSTNode) -> bool:
        return id(node) in self.wanted or (self.comments and type(node) is cst.Comment)

    def add_indent_tokens(self) -> None:
        self.tokens.extend(self.indent_tokens)
        for token in self.indent_tokens:
            self._advance(token)

    def add_token(self, value: str) -> None:
        self.tokens.append(value)
        self._advance(value)

    def _advance(self, value: str) -> None:
        if "\n" in value or "\r" in value:
            segments = _NEWLINE.split(value)
            self.line += len(segments) - 1
            self.column = len(segments[-1])
        else:
            self.column += len(value)

    def before_codegen(self, node: cst.CSTNode) -> None:
        if self._asked(node):
            self._starts.append(CodePosition(self.line, self.column))

    def after_codegen(self, node: cst.CSTNode) -> None:
        if self._asked(node):
            start = self._starts.pop()
            if node not in self.found:  # a syntactic range recorded already stands
                self.found[node] = CodeRange(start, CodePosition(self.line, self.column))
            if self.stop and not self._starts and len(self.found) == len(self.wanted):
                raise _AllFound

    def record_syntactic_position(
        self,
        node: cst.CSTNode,
        *,
        start_node: cst.CSTNode | None = None,
        end_node: cst.CSTNode | None = None,
    ):
        if id(node) not in self.wanted:
            return _NOTHING
        # The range is hoisted from these children: they are wanted too (they
        # are generated inside this block, so they are recorded from the start).
        for child in (start_node, end_node):
            if child is not None:
                self.wanted.add(id(child))
        return self._syntactic(node, start_node, end_node)

    @contextmanager
    def _syntactic(
        self, node: cst.CSTNode, start_node: cst.CSTNode | None, end_node: cst.CSTNode | None
    ) -> Iterator[None]:
        start = CodePosition(self.line, self.column)
        try:
            yield
        finally:
            end = CodePosition(self.line, self.column)
            if start_node is not None:
                start = self.found[start_node].start
            if end_node is not None:
                end = self.found[end_node].end
            self.found[node] = CodeRange(start, end)

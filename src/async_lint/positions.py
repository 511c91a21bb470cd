"""Where nodes are in the source: libcst's `PositionProvider`, for the few nodes asked.

libcst derives positions by generating the module's code again. Its provider
records a range for every node of the module, and `MetadataWrapper` walks the
whole tree once more before it starts; a module with one finding needs a
handful. `positions` generates the code once and records only the nodes
asked for (and the comments, when a fix needs them), with the same ranges;
without comments it stops at the last node asked for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext, suppress

import libcst as cst
from libcst._nodes.internal import CodegenState
from libcst._position import CodePosition, CodeRange

_NEWLINE = re.compile(r"\r\n?|\n")  # libcst's own, for the same line count
_NOTHING = nullcontext()


def positions(
    module: cst.Module, nodes: Iterable[cst.CSTNode], comments: bool = False
) -> dict[cst.CSTNode, CodeRange]:
    """The ranges of `nodes` (and of every comment, with `comments`), as libcst's
    `PositionProvider` gives them."""
    state = _Recorder(module, {id(node) for node in nodes}, comments)
    with suppress(_AllFound):
        module._codegen(state)
    return state.found


class _AllFound(Exception):
    """Every node asked for is recorded: the rest of the code is not needed."""


class _Recorder(CodegenState):
    """libcst's `PositionProvidingCodegenState`, recording the wanted nodes only."""

    def __init__(self, module: cst.Module, wanted: set[int], comments: bool) -> None:
        super().__init__(module.default_indent, module.default_newline)
        self.line = 1  # one-based
        self.column = 0  # zero-based
        self.wanted = wanted
        self.comments = comments
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
            if not self.comments and not self._starts and len(self.found) == len(self.wanted):
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

"""Where a fix adds an import: after the docstring and the `from __future__` imports."""

from __future__ import annotations

import libcst as cst
from libcst.metadata import CodeRange

from async_lint.diagnostics import Edit, Position


def import_edit(
    module: cst.Module, positions: dict[cst.CSTNode, CodeRange], statement: str
) -> Edit:
    """An edit that adds the import `statement` at the top of `module`."""
    newline = module.default_newline
    preamble = 0
    for node in module.body:
        if (_is_docstring(node) and preamble == 0) or _is_future_import(node):
            preamble += 1
        else:
            break
    if preamble < len(module.body):
        first = module.body[preamble]
        decorators = getattr(first, "decorators", ())
        where = positions[decorators[0] if decorators else first].start
        return Edit(Position(where.line, 0), Position(where.line, 0), f"{statement}{newline}")
    if preamble == 0:  # an empty module (or comments only)
        return Edit(Position(1, 0), Position(1, 0), f"{statement}{newline}")
    end = positions[module.body[preamble - 1]].end
    return Edit(end, end, f"{newline}{statement}")


def _is_docstring(statement: cst.CSTNode) -> bool:
    """The line holds the module docstring, as its first statement (`'Doc.'; x = 1`)."""
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and isinstance(statement.body[0], cst.Expr)
        and isinstance(statement.body[0].value, cst.SimpleString | cst.ConcatenatedString)
    )


def _is_future_import(statement: cst.CSTNode) -> bool:
    return isinstance(statement, cst.SimpleStatementLine) and any(
        isinstance(small, cst.ImportFrom)
        and isinstance(small.module, cst.Name)
        and small.module.value == "__future__"
        for small in statement.body
    )

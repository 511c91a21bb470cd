"""libcst's parser, without the validation of the nodes it builds.

Every libcst node checks itself when it is constructed (`CSTNode._validate`:
whitespace patterns, balanced parentheses, ...). That is worth it for the
nodes a fix builds, not for the parser's own: they come from code that was
just parsed, and checking them is a fifth of the parse (libcst's own comment
on `CSTNode.__post_init__` says as much). Worse, the checks reject some valid
code (libcst issues 711 and 1061), which would then be reported as
unparsable. So the parse skips them, on its own thread only: the nodes built
anywhere else are validated as before.
"""

from __future__ import annotations

import threading

import libcst as cst
from libcst._nodes.base import CSTNode

_parsing = threading.local()


def _post_init(self: CSTNode) -> None:
    if not getattr(_parsing, "active", False):
        self._validate()


def parse_module(source: str) -> cst.Module:
    """`cst.parse_module(source)`, with the parsed nodes left unvalidated."""
    _parsing.active = True
    try:
        return cst.parse_module(source)
    finally:
        _parsing.active = False


def _subclasses(kind: type) -> list[type]:
    found = []
    for subclass in kind.__subclasses__():
        found += [subclass, *_subclasses(subclass)]
    return found


# Only the base class defines the hook, and every node class inherits it: if a
# libcst release changes that, everything stays validated, as libcst does.
if "__post_init__" in CSTNode.__dict__ and not any(
    "__post_init__" in kind.__dict__ for kind in _subclasses(CSTNode)
):
    CSTNode.__post_init__ = _post_init  # type: ignore[method-assign]

"""libcst's parser, kept from the inputs that crash it, and without the
validation of the nodes it builds.

Depth. libcst's native parser recurses once per level of nesting, and input
nested deeply enough overflows the C stack: a segfault that ends the whole
run, not an exception (libcst issues 619, 980 and 1000; 5000 nested brackets
or 20000 `or`s on Linux, far fewer on the 1 MB stacks of Windows). So a
source that may be that deep (a cheap scan of its brackets and logical lines
says) is first given to CPython's own parser, which has limits and never
crashes: what it refuses for being too deep or too complex libcst never
sees. And every parse runs on a thread with a stack large enough for
whatever nesting gets through.

Validation. Every libcst node checks itself when it is constructed
(`CSTNode._validate`: whitespace patterns, balanced parentheses, ...). That
is worth it for the nodes a fix builds, not for the parser's own: they come
from code that was just parsed, and checking them is a fifth of the parse
(libcst's own comment on `CSTNode.__post_init__` says as much). Worse, the
checks reject some valid code (libcst issues 711 and 1061), which would then
be reported as unparsable. So the parse skips them, on the parsing thread
only (the flag is thread-local, set on the large-stack thread itself): the
nodes built anywhere else are validated as before.
"""

from __future__ import annotations

import ast
import re
import threading
import warnings
from collections.abc import Callable
from typing import TypeVar

import libcst as cst
from libcst._nodes.base import CSTNode

T = TypeVar("T")

# CPython refuses more than 200 nested brackets; a raw count (brackets in
# strings and comments included) deeper than this asks CPython.
_BRACKETS = 100
# A logical line this long may hold a chain of thousands of operators.
_LINE = 2000
# Deeper than this (CPython's tree, with each `and`/`or` of a chain counted as
# libcst nests it) is refused: far beyond what the analysis could walk anyway.
_DEPTH = 10_000
_STACK = 512 * 1024 * 1024
_SCAN = re.compile(r"[()\[\]{}\n]")
_stack_lock = threading.Lock()
_parsing = threading.local()


class TooDeep(Exception):
    """The source is nested too deeply to parse safely."""


def parse_module(source: str) -> cst.Module:
    """`cst.parse_module(source)`, with the parsed nodes left unvalidated; or
    SyntaxError (CPython's, for a source too deep for it), TooDeep, or libcst's
    own errors."""
    _check(source)
    return _on_large_stack(_unvalidated, cst.parse_module, source)


def parse_expression(source: str) -> cst.BaseExpression:
    """`cst.parse_expression` (of a string annotation), guarded the same way."""
    _check(source)
    return _on_large_stack(_unvalidated, cst.parse_expression, source)


def _check(source: str) -> None:
    deepest, longest = _measure(source)
    if deepest <= _BRACKETS and longest <= _LINE:
        return
    try:
        tree = python_ast(source)
    except (RecursionError, MemoryError):
        raise TooDeep("too deeply nested") from None
    except SyntaxError as error:
        if deepest > 200 or _about_depth(error):
            raise  # the brackets may be real: libcst must not see them
        return  # syntax newer than this Python, perhaps: libcst decides
    except ValueError:  # NUL bytes: libcst reports them
        return
    if _depth(tree) > _DEPTH:
        raise TooDeep("too deeply nested")


def python_ast(source: str) -> ast.Module:
    """CPython's parse of `source`, without the warnings it would print to stderr
    (an invalid escape sequence is the user's business, not the linter's output)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return compile(source, "<async-lint>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)


def _measure(source: str) -> tuple[int, int]:
    """The deepest bracket nesting and the longest logical line, roughly: brackets
    in strings and comments count too, which only ever overestimates."""
    depth = deepest = start = longest = 0
    for match in _SCAN.finditer(source):
        char = match.group()
        if char == "\n":
            if depth == 0:
                longest = max(longest, match.start() - start)
                start = match.end()
        elif char in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif depth:
            depth -= 1
    return deepest, max(longest, len(source) - start)


def _about_depth(error: SyntaxError) -> bool:
    message = error.msg or ""
    return "too many" in message or "too complex" in message or "recursion" in message


def _depth(tree: ast.AST) -> int:
    """How deep libcst would nest `tree`: CPython keeps a chain of `or` as one
    node, libcst nests one node per operator."""
    deepest = 0
    stack = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, ast.BoolOp):
            depth += len(node.values) - 2
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))
    return deepest


def _unvalidated(parse: Callable[[str], T], source: str) -> T:
    """`parse(source)` with the nodes it builds left unvalidated (on this thread)."""
    _parsing.active = True
    try:
        return parse(source)
    finally:
        _parsing.active = False


def _on_large_stack(function: Callable[..., T], *args: object) -> T:
    """`function(*args)` on a thread with a 512 MB stack (address space: only the
    pages used are memory), or here if no such thread can be started."""
    outcome: list = []

    def run() -> None:
        try:
            outcome.append((True, function(*args)))
        except BaseException as error:  # noqa: BLE001 - raised again in the caller
            outcome.append((False, error))

    with _stack_lock:
        try:
            previous = threading.stack_size(_STACK)
        except (ValueError, RuntimeError):
            return function(*args)
        try:
            thread = threading.Thread(target=run, name="async-lint-parse", daemon=True)
            thread.start()
        except RuntimeError:  # the stack could not be mapped
            thread = None
        finally:
            threading.stack_size(previous)
    if thread is None:
        return function(*args)
    thread.join()
    ok, value = outcome[0]
    if ok:
        return value
    raise value


def _post_init(self: CSTNode) -> None:
    if not getattr(_parsing, "active", False):
        self._validate()


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

"""A read-only traversal of libcst trees that does not rebuild them.

libcst's `visit` constructs (and validates) a new copy of every node on its way
back up, even for a visitor that changes nothing: that costs more than parsing
the file. `walk` calls a visitor's `on_visit` and `on_leave` for the same nodes
in the same order as `node.visit(visitor)`, and `on_visit_attribute` /
`on_leave_attribute` around `body` fields only (the one attribute the engine
and the rules follow). It leaves out nodes that hold nothing the visitor looks
at: whitespace, comments, punctuation, operators and, unless the visitor
handles them, names and literals.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import typing
from collections.abc import Iterable

import libcst as cst

# Nodes that never hold a node of another kind: tokens, and leaves a visitor
# may still ask for (names, literals).
_TOKEN_MODULES = frozenset({"libcst._nodes.whitespace", "libcst._nodes.op"})
_TOKENS = frozenset({
    cst.LeftParen, cst.RightParen, cst.LeftSquareBracket, cst.RightSquareBracket,
    cst.LeftCurlyBrace, cst.RightCurlyBrace, cst.Asynchronous,
})  # fmt: skip
_LEAVES = frozenset({
    cst.Name, cst.Integer, cst.Float, cst.Imaginary, cst.SimpleString, cst.Ellipsis,
    cst.FormattedStringText,
})  # fmt: skip


def _is_token(kind: type) -> bool:
    return kind in _TOKENS or kind.__module__ in _TOKEN_MODULES


@functools.cache
def _fields(kind: type) -> tuple[str, ...]:
    """The fields of a node class that hold its children, in libcst's visiting order:
    the order its `_visit_and_replace_children` names them in, which is the order
    of their names among the function's constants (reading its source instead
    costs a tokenization per class, in every process; a test compares the two)."""
    names = {field.name for field in dataclasses.fields(kind)}
    constants = kind._visit_and_replace_children.__code__.co_consts  # type: ignore[attr-defined]
    return tuple(dict.fromkeys(c for c in constants if isinstance(c, str) and c in names))


@functools.cache
def _child_fields(kind: type) -> tuple[str, ...]:
    """`_fields(kind)` without those whose type admits only tokens (whitespace,
    parentheses, commas, ...), which `walk` would look at only to leave out."""
    types = {field.name: field.type for field in dataclasses.fields(kind)}
    return tuple(name for name in _fields(kind) if _may_hold_nodes(types[name]))


def _may_hold_nodes(annotation: object) -> bool:
    """Can a field of this type hold a node that is not a token? Yes for anything
    not understood (a forward reference, say)."""
    if isinstance(annotation, type):
        if issubclass(annotation, cst.CSTNode):
            return not _is_token(annotation)
        return not issubclass(annotation, (str, bool, int, float, enum.Enum, type(None)))
    arguments = typing.get_args(annotation)
    if typing.get_origin(annotation) is None or not arguments:
        return True
    return any(_may_hold_nodes(argument) for argument in arguments)


def skipped(handled: Iterable[type]) -> frozenset[type]:
    """The leaf classes `walk` may leave out for a visitor that handles `handled`."""
    return _LEAVES - frozenset(handled)


def walk(node: cst.CSTNode, visitor: cst.CSTVisitor, skip: frozenset[type]) -> None:
    """Visit `node` and its descendants (see the module docstring); `skip` are the
    leaf classes to leave out (`skipped()`), besides the tokens."""
    state = (
        visitor.on_visit,
        visitor.on_leave,
        visitor.on_visit_attribute,
        visitor.on_leave_attribute,
        {},  # by node class: its fields
        {},  # by a value's class: a node to visit?
        skip,
    )
    _visit(node, state)


def _visit(node: cst.CSTNode, state: tuple) -> None:
    # A module-level function, not a closure: a closure that calls itself is a
    # reference cycle, and the whole tree would wait for the garbage collector.
    on_visit, on_leave, on_body, after_body, fields_of, wanted, skip = state
    if on_visit(node):
        kind = type(node)
        fields = fields_of.get(kind)
        if fields is None:
            fields = fields_of[kind] = _child_fields(kind)
        for name in fields:
            value = getattr(node, name)
            if name == "body":
                on_body(node, name)
            if type(value) is tuple or type(value) is list:
                for child in value:
                    kind = type(child)
                    want = wanted.get(kind)
                    if want is None:
                        want = wanted[kind] = _wanted(kind, skip)
                    if want:
                        _visit(child, state)
            else:
                kind = type(value)
                want = wanted.get(kind)
                if want is None:
                    want = wanted[kind] = _wanted(kind, skip)
                if want:
                    _visit(value, state)
            if name == "body":
                after_body(node, name)
    on_leave(node)


def _wanted(kind: type, skip: frozenset[type]) -> bool:
    return issubclass(kind, cst.CSTNode) and kind not in skip and not _is_token(kind)


def visit(node: cst.CSTNode, visitor: cst.CSTVisitor) -> None:
    """`node.visit(visitor)` for a visitor that only reads: its `visit_<Node>` and
    `leave_<Node>` methods are called as libcst calls them."""
    walk(node, visitor, _skip_for(type(visitor)))


@functools.cache
def _skip_for(kind: type[cst.CSTVisitor]) -> frozenset[type]:
    handled = []
    for attribute in dir(kind):
        prefix, _, node_name = attribute.partition("_")
        node_type = getattr(cst, node_name, None)
        if prefix in ("visit", "leave") and isinstance(node_type, type):
            handled.append(node_type)
    return skipped(handled)

"""How a body of statements uses the objects it makes (ASL201, ASL202).

One walk over a function or loop body, outside nested scopes, records what
leaves the body (returned, yielded, stored in an attribute, a subscript, a
global or a container) and how the calls in it are used: as the receiver of
another call (`Client().get(url)`), as a `with` item, or bound to a name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from async_lint import walk
from async_lint.analysis.scopes import SameScopeVisitor

# Methods that put their argument into a longer-lived container or stack.
_STORING_METHODS = frozenset({
    "append", "appendleft", "add", "insert", "extend", "put", "put_nowait", "setdefault",
    "update", "push", "enter_context", "enter_async_context",
})  # fmt: skip


@dataclass
class Usage:
    escaping: set[cst.CSTNode] = field(default_factory=set)  # expressions that leave the body
    escaping_names: set[str] = field(default_factory=set)  # names whose value leaves it
    receivers: set[cst.Call] = field(default_factory=set)  # calls whose result is called on
    with_items: set[cst.CSTNode] = field(default_factory=set)  # `with <item>:` expressions
    bound: dict[cst.CSTNode, str] = field(default_factory=dict)  # expression -> the name it binds

    def escapes(self, node: cst.CSTNode) -> bool:
        """Does the value of `node` leave the body, directly or through its name?"""
        if node in self.escaping:
            return True
        name = self.bound.get(node)
        return name is not None and name in self.escaping_names


def usage_of(body: cst.CSTNode) -> Usage:
    collector = _Collector()
    walk.visit(body, collector)
    for name in collector.declared:  # assigning a `global`/`nonlocal` name stores it
        for node, bound in collector.usage.bound.items():
            if bound == name:
                collector.usage.escaping.add(node)
    return collector.usage


def receiver_call(call: cst.Call) -> cst.Call | None:
    """The call whose result `call` is made on: `Client()` in `Client().chat.create()`."""
    expr: cst.BaseExpression = call.func
    if not isinstance(expr, cst.Attribute):
        return None
    while isinstance(expr, cst.Attribute):
        expr = expr.value
    return expr if isinstance(expr, cst.Call) else None


def _alternatives(expr: cst.BaseExpression) -> list[cst.BaseExpression]:
    """The values `expr` may evaluate to: both sides of `a or b`, `a if c else b`."""
    if isinstance(expr, cst.BooleanOperation):
        return [*_alternatives(expr.left), *_alternatives(expr.right)]
    if isinstance(expr, cst.IfExp):
        return [*_alternatives(expr.body), *_alternatives(expr.orelse)]
    return [expr]


class _Collector(SameScopeVisitor):
    def __init__(self) -> None:
        self.usage = Usage()
        self.declared: set[str] = set()

    def _escape(self, expr: cst.BaseExpression | None) -> None:
        """`expr` leaves the body, and with it what it is built from."""
        if expr is None:
            return
        if isinstance(expr, (cst.BooleanOperation, cst.IfExp)):
            for alternative in _alternatives(expr):
                self._escape(alternative)
        elif isinstance(expr, cst.Name):
            self.usage.escaping_names.add(expr.value)
        elif isinstance(expr, cst.Call):  # a client, or a wrapper holding one
            self.usage.escaping.add(expr)
            for arg in expr.args:
                self._escape(arg.value)
        elif isinstance(expr, (cst.Tuple, cst.List, cst.Set)):
            for element in expr.elements:
                self._escape(element.value)
        elif isinstance(expr, cst.Dict):
            for element in expr.elements:
                if isinstance(element, cst.DictElement):
                    self._escape(element.value)

    def visit_Return(self, node: cst.Return) -> None:
        self._escape(node.value)

    def visit_Yield(self, node: cst.Yield) -> None:
        if isinstance(node.value, cst.BaseExpression):
            self._escape(node.value)

    def visit_Global(self, node: cst.Global) -> None:
        self.declared.update(item.name.value for item in node.names)

    def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
        self.declared.update(item.name.value for item in node.names)

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self._target(target.target, node.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None:
            self._target(node.target, node.value)

    def _target(self, target: cst.BaseExpression, value: cst.BaseExpression) -> None:
        if isinstance(target, cst.Name):
            for alternative in _alternatives(value):
                self.usage.bound[alternative] = target.value
        elif isinstance(target, (cst.Attribute, cst.Subscript)):
            self._escape(value)

    def visit_WithItem(self, node: cst.WithItem) -> None:
        self.usage.with_items.add(node.item)
        if node.asname is not None and isinstance(node.asname.name, cst.Name):
            self.usage.bound[node.item] = node.asname.name.value

    def visit_Call(self, node: cst.Call) -> None:
        receiver = receiver_call(node)
        if receiver is not None:
            self.usage.receivers.add(receiver)
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value in _STORING_METHODS:
            for arg in node.args:
                self._escape(arg.value)
        elif isinstance(func, cst.Name) and func.value == "setattr" and len(node.args) == 3:
            self._escape(node.args[2].value)

"""What ASL301 asks of the code around a fan-out: how many, and is each one limited.

`Sizes` decides whether an iterable has a small constant size (a literal
collection, `range(<literal>)`, a fixed-size chunk) or not (a parameter, a
query result, `range(n)`). `Guards` decides whether a spawned coroutine
holds a limiter in its own body (`async with sem:`, `await sem.acquire()`).
Both answer "not sure" as None, and the rule stays silent on it.
"""

from __future__ import annotations

import re

import libcst as cst

from async_lint import walk
from async_lint.analysis.arguments import literal_int
from async_lint.analysis.context import ModuleContext
from async_lint.analysis.scopes import Kind, SameScopeVisitor, Scope
from async_lint.analysis.values import Instance, Member, Ref

# A limiter the code names but we cannot resolve: `self._sem`, `rate_limiter`.
_LIMITER_NAME = re.compile(r"sem|limit|throttl|concurren", re.IGNORECASE)
_DICT_VIEWS = frozenset({"items", "keys", "values"})


class Sizes:
    def __init__(self, ctx: ModuleContext) -> None:
        self.ctx = ctx
        self.max = ctx.settings.max_fan_out

    def unbounded(self, expr: cst.BaseExpression, depth: int = 0) -> str | None:
        """How to name `expr` in a message when its size is not a constant ≤ max; else None."""
        if depth > 5:
            return self._named(expr)
        if isinstance(expr, (cst.List, cst.Tuple, cst.Set)):
            for element in expr.elements:
                if isinstance(element, cst.StarredElement):
                    found = self.unbounded(element.value, depth + 1)
                    if found:
                        return found
            return None
        if isinstance(expr, (cst.Dict, cst.SimpleString, cst.ConcatenatedString)):
            return None
        if isinstance(expr, cst.Subscript):
            length = _slice_length(expr)
            return None if length is not None and length <= self.max else self._named(expr)
        if isinstance(expr, cst.Call):
            return self._call(expr, depth)
        if isinstance(expr, cst.Name):
            return self._name(expr, depth)
        return self._named(expr)

    def _call(self, call: cst.Call, depth: int) -> str | None:
        func = call.func
        if isinstance(func, cst.Attribute) and func.attr.value in _DICT_VIEWS and not call.args:
            return self.unbounded(func.value, depth + 1)
        callee = self.ctx.resolve(func)
        name = callee.name if isinstance(callee, Ref) and callee.definition is None else None
        args = [arg.value for arg in call.args if not arg.star and arg.keyword is None]
        if name == "builtins.range" and args:
            bounds = [literal_int(arg) for arg in args]
            if None in bounds:
                return self._named(call)
            return None if len(range(*bounds)) <= self.max else self._named(call)  # type: ignore[arg-type]
        if name in self.ctx.knowledge.same_length and args:
            return self.unbounded(args[0], depth + 1)
        if name == "builtins.zip" and args:
            found = [self.unbounded(arg, depth + 1) for arg in args]
            return None if None in found else found[0]
        return self._named(call)

    def _name(self, name: cst.Name, depth: int) -> str | None:
        found = self.ctx.resolver.lookup(name.value, self.ctx.scope)
        if found is None:
            return self._named(name)
        bindings, _ = found
        for binding in bindings:
            if binding.kind is Kind.IMPORT and name.value.isupper():
                continue  # a constant of another module: `from .settings import REGIONS`
            if binding.kind is Kind.ITERATION and binding.value is not None:
                if self.chunk_size(binding.value) is None:
                    return self._named(name)
            elif binding.kind in (Kind.ASSIGNMENT, Kind.ANNOTATION) and binding.value is not None:
                if self.unbounded(binding.value, depth + 1) is not None:
                    return self._named(name)
            else:
                return self._named(name)
        return None

    def chunk_size(self, iterable: cst.BaseExpression) -> int | None:
        """The literal chunk size ≤ max of `batched(items, 10)`, else None."""
        if not isinstance(iterable, cst.Call) or len(iterable.args) < 2:
            return None
        callee = self.ctx.resolve(iterable.func)
        if not (isinstance(callee, Ref) and callee.name in self.ctx.knowledge.batchers):
            return None
        size = literal_int(iterable.args[1].value)
        return size if size is not None and 0 < size <= self.max else None

    def _named(self, expr: cst.BaseExpression) -> str:
        code = self.ctx.code(expr, limit=40)
        return "a collection of unknown size" if code == "..." else f"`{code}`"


def _slice_length(subscript: cst.Subscript) -> int | None:
    """`items[:5]` → 5, `items[i:i + 5]` → 5, `items[2:7]` → 5; else None."""
    if len(subscript.slice) != 1 or not isinstance(subscript.slice[0].slice, cst.Slice):
        return None
    part = subscript.slice[0].slice
    if part.step is not None or part.upper is None:
        return None
    upper = literal_int(part.upper)
    lower = 0 if part.lower is None else literal_int(part.lower)
    if upper is not None and lower is not None:
        return max(upper - lower, 0) if upper >= 0 and lower >= 0 else None
    up = part.upper
    if (
        isinstance(up, cst.BinaryOperation)
        and isinstance(up.operator, cst.Add)
        and part.lower is not None
        and part.lower.deep_equals(up.left)
    ):
        return literal_int(up.right)
    return None


class Guards:
    def __init__(self, ctx: ModuleContext) -> None:
        self.ctx = ctx
        self._held: dict[cst.FunctionDef, bool] = {}

    def guarded(self, spawned: cst.BaseExpression, depth: int = 0) -> bool | None:
        """Does the coroutine `spawned` (a call, or a callable) hold a limiter? None: unknown."""
        if depth > 3:
            return None
        target = spawned.func if isinstance(spawned, cst.Call) else spawned
        if isinstance(target, cst.Lambda):
            body = target.body
            return self.guarded(body, depth + 1) if isinstance(body, cst.Call) else None
        knowledge = self.ctx.knowledge
        callee = self.ctx.resolve(target)
        if isinstance(callee, Ref) and callee.definition is None:
            if callee.name in knowledge.task_functions and isinstance(spawned, cst.Call):
                inner = spawned.args[0].value if spawned.args else None
                return None if inner is None else self.guarded(inner, depth + 1)
            if self._in_project(callee.name):
                return None  # another module of the project: its body is not visible here
            return False
        if isinstance(callee, Ref):
            definition = callee.definition
            if isinstance(definition, cst.FunctionDef):
                return self._holds_limiter(definition)
            return None
        if isinstance(callee, Member) and callee.owner.definition is None:
            return False  # a method of a library object: it cannot hold the project's limiter
        return None

    def fans_out(self, spawned: cst.BaseExpression) -> bool:
        """False for what starts nothing worth limiting: futures, sleeps, thread-pool work."""
        target = spawned.func if isinstance(spawned, cst.Call) else spawned
        offload_methods = self.ctx.knowledge.offload_methods
        if isinstance(target, cst.Attribute) and target.attr.value in offload_methods:
            return False  # bounded by the executor's workers
        callee = self.ctx.resolve(target)
        if not (isinstance(callee, Ref) and callee.definition is None):
            return True
        if callee.name in self.ctx.knowledge.task_functions and isinstance(spawned, cst.Call):
            return not spawned.args or self.fans_out(spawned.args[0].value)
        return callee.name not in self.ctx.knowledge.not_fanning

    def _in_project(self, name: str) -> bool:
        own = self.ctx.resolver.module_scope.qualname.partition(".")[0]
        return name.partition(".")[0] == own

    def _holds_limiter(self, function: cst.FunctionDef) -> bool:
        if function not in self._held:
            scope = self.ctx.resolver.body_scope(function)
            finder = _LimiterUse()
            walk.visit(function.body, finder)
            self._held[function] = scope is not None and any(
                self.is_limiter(expr, scope) for expr in finder.used
            )
        return self._held[function]

    def is_limiter(self, expr: cst.BaseExpression, scope: Scope) -> bool:
        value = self.ctx.resolver.resolve(expr, scope)
        if isinstance(value, Instance):
            return any(cls in self.ctx.knowledge.limiters for cls in value.types)
        if isinstance(expr, cst.Name):
            found = self.ctx.resolver.lookup(expr.value, scope)
            if found and found[1] is scope and found[0][0].kind is Kind.PARAMETER:
                return True  # a limiter passed in: `async def worker(sem, item)`
        last = expr.attr.value if isinstance(expr, cst.Attribute) else None
        if isinstance(expr, cst.Name):
            last = expr.value
        return last is not None and _LIMITER_NAME.search(last) is not None


class _LimiterUse(SameScopeVisitor):
    """The expressions a body enters bare with `async with` or awaits `.acquire()` on."""

    def __init__(self) -> None:
        self.used: list[cst.BaseExpression] = []

    def visit_With(self, node: cst.With) -> None:
        if node.asynchronous is not None:
            self.used.extend(item.item for item in node.items)

    def visit_Await(self, node: cst.Await) -> None:
        call = node.expression
        if (
            isinstance(call, cst.Call)
            and isinstance(call.func, cst.Attribute)
            and call.func.attr.value == "acquire"
        ):
            self.used.append(call.func.value)

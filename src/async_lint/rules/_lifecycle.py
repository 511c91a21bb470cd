"""Client lifecycle (ASL201, ASL202): which calls make a client, and which code runs once."""

from __future__ import annotations

from functools import cached_property

import libcst as cst

from async_lint import walk
from async_lint.analysis.context import ModuleContext
from async_lint.analysis.values import Member, Ref
from async_lint.knowledge.clients import (
    LIFECYCLE_DECORATOR_METHODS,
    LIFECYCLE_DECORATORS,
    LIFECYCLE_NAMES,
)
from async_lint.knowledge.stdlib import EVENT_LOOP_RUNNERS


def async_client_made_by(ctx: ModuleContext, call: cst.Call) -> str | None:
    """How a message names the async client `call` makes, if it makes one."""
    knowledge = ctx.knowledge
    callee = ctx.resolve(call.func)
    if isinstance(callee, Ref) and callee.definition is None:
        return callee.name if callee.name in knowledge.async_clients else None
    if isinstance(callee, Member) and len(callee.path) == 1:
        for cls in callee.owner.types:
            if (cls, callee.path[0]) in knowledge.async_client_methods:
                return f"{cls}().{callee.path[0]}"
    return None


def client_made_by(ctx: ModuleContext, call: cst.Call) -> str | None:
    """How a message names the client, sync or async, that `call` makes."""
    callee = ctx.resolve(call.func)
    if (
        isinstance(callee, Ref)
        and callee.definition is None
        and callee.name in ctx.knowledge.sync_clients
    ):
        return callee.name
    return async_client_made_by(ctx, call)


class Lifecycle:
    """Answers "does this function run once?" for one module."""

    def __init__(self, ctx: ModuleContext) -> None:
        self.ctx = ctx

    def runs_once(self, function: cst.FunctionDef) -> bool:
        """Lifecycle hooks by name or decorator, tests, and the module's `asyncio.run` entry points.

        Tests (`test*`, as pytest collects them) and entry points go beyond
        the spec's list: each runs once, not per request.
        """
        name = function.name.value
        if name in LIFECYCLE_NAMES or name in self.ctx.settings.lifecycle_functions:
            return True
        if name.startswith("test") or name in self._entry_points:
            return True
        return any(self._is_lifecycle_decorator(d.decorator) for d in function.decorators)

    def _is_lifecycle_decorator(self, decorator: cst.BaseExpression) -> bool:
        target = decorator.func if isinstance(decorator, cst.Call) else decorator
        if isinstance(target, cst.Attribute) and target.attr.value in LIFECYCLE_DECORATOR_METHODS:
            return True
        return self._module_level_name(target) in LIFECYCLE_DECORATORS

    def _module_level_name(self, expr: cst.BaseExpression) -> str | None:
        resolver = self.ctx.resolver
        return resolver.qualified_name(expr, resolver.module_scope)

    @cached_property
    def _entry_points(self) -> frozenset[str]:
        """Functions handed to an event-loop runner: `asyncio.run(main())`, `trio.run(main)`."""
        finder = _RunnerCalls()
        walk.visit(self.ctx.module, finder)
        names = set()
        for call in finder.calls:
            if not call.args or self._module_level_name(call.func) not in EVENT_LOOP_RUNNERS:
                continue
            target = call.args[0].value
            if isinstance(target, cst.Call):
                target = target.func
            if isinstance(target, cst.Name):
                names.add(target.value)
        return frozenset(names)


class _RunnerCalls(cst.CSTVisitor):
    def __init__(self) -> None:
        self.calls: list[cst.Call] = []

    def visit_Call(self, node: cst.Call) -> None:
        if isinstance(node.func, (cst.Attribute, cst.Name)) and node.args:
            self.calls.append(node)

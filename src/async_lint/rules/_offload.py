"""Calls that run a sync callable in a worker thread (ASL601, ASL602)."""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from async_lint.analysis.context import ModuleContext
from async_lint.analysis.values import Ref


@dataclass(frozen=True)
class Offload:
    call: cst.Call
    callable: cst.BaseExpression | None  # None when it is not written out (`*args`)
    position: int  # of the callable among the arguments

    def display(self, ctx: ModuleContext) -> str:
        """`asyncio.to_thread(time.sleep, ...)`, `loop.run_in_executor(None, f, ...)`."""
        leading = [ctx.code(arg.value, 20) for arg in self.call.args[: self.position]]
        offloaded = "..." if self.callable is None else ctx.code(self.callable, 40)
        func = self.call.func
        name = ctx.code(func)
        if name == "..." and isinstance(func, cst.Attribute):
            name = f"<loop>.{func.attr.value}"
        return f"{name}({', '.join([*leading, offloaded])}, ...)"


def offload(ctx: ModuleContext, call: cst.Call) -> Offload | None:
    """The offload `call` is, if it is one, with the callable it hands over.

    A callable wrapped in `functools.partial(f, ...)` is `f`.
    """
    knowledge = ctx.knowledge
    func = call.func
    position = None
    if isinstance(func, cst.Attribute) and func.attr.value in knowledge.offload_methods:
        callee = ctx.resolve(func)
        if isinstance(callee, Ref) and callee.definition is not None:
            return None  # a method of the project's own
        position = knowledge.offload_methods[func.attr.value]
    else:
        name = ctx.qualified_name(func)
        if name is None or name not in knowledge.offload_functions:
            return None
        position = knowledge.offload_functions[name]
    return Offload(call, _callable(ctx, call, position), position)


def _callable(ctx: ModuleContext, call: cst.Call, position: int) -> cst.BaseExpression | None:
    for index, arg in enumerate(call.args):
        if arg.star or arg.keyword is not None:
            return None
        if index == position:
            value = arg.value
            while isinstance(value, cst.Call) and ctx.qualified_name(value.func) == (
                "functools.partial"
            ):
                if not value.args or value.args[0].star or value.args[0].keyword:
                    return None
                value = value.args[0].value
            return value
    return None

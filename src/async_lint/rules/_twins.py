"""The async twin of a framework or SDK method (ASL104, ASL601).

ASL104 reports calling the sync method in async context; ASL601 reports
handing it to a worker thread. Both ask the same question of the same tables:
what does the user write instead?
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from async_lint.analysis.context import ModuleContext
from async_lint.analysis.values import Member
from async_lint.knowledge import Framework


@dataclass(frozen=True)
class Twin:
    expression: str  # as the user would write it: `llm.ainvoke`
    name: str  # the method written in place of the sync one: `ainvoke`, `aio.models.x`
    awaited: bool  # else iterated with `async for`
    kind: str  # "framework" (LangChain, LlamaIndex), "suffix" (mistralai), "aio" (google-genai)
    # what the twin is spelled on (`llm`, or the client of `client.models.x`); None
    # for a method first taken into a name
    receiver: cst.BaseExpression | None
    framework: Framework | None = None


def async_twin(ctx: ModuleContext, callee: Member, func: cst.BaseExpression) -> Twin | None:
    """The async twin of the method `func` (which resolved to `callee`), if it has one."""
    knowledge = ctx.knowledge
    path, method = callee.path, callee.path[-1]
    receiver = _receiver(func, 1, method)
    if len(path) == 1:
        framework = knowledge.framework_of(callee.owner.types)
        if framework is not None and method in framework.twins:
            name = framework.twins[method]
            return Twin(
                _on_receiver(ctx, receiver, name),
                name,
                method not in framework.streams,
                "framework",
                receiver,
                framework,
            )
    for cls in callee.owner.types:
        suffix = knowledge.suffix_twins.get(cls)
        if suffix is not None and len(path) >= 2:
            if method.startswith("_") or method.endswith(suffix):
                return None
            if method in knowledge.suffix_twin_exceptions:
                return None
            name = f"{method}{suffix}"
            return Twin(_on_receiver(ctx, receiver, name), name, True, "suffix", receiver)
        aio = knowledge.aio_twins.get(cls)
        if aio is not None and len(path) == 2 and path[0] in aio[1]:
            client = _receiver(func, 2, f"{path[0]}.{method}")
            twin = f"{aio[0]}.{'.'.join(path)}"
            return Twin(_on_receiver(ctx, client, twin, "client"), twin, True, "aio", client)
    return None


def is_fallback(ctx: ModuleContext, func: cst.BaseExpression, twin: str) -> bool:
    """Is this `self.complete` inside `async def acomplete`, the twin itself?

    Frameworks implement a default async twin by calling the sync method (or
    by running it in a worker thread): the fix belongs in the subclass that
    overrides only the sync one.
    """
    if not (
        isinstance(func, cst.Attribute)
        and isinstance(func.value, cst.Name)
        and func.value.value == "self"
    ):
        return False
    scope = ctx.scope
    while scope is not None:  # also from a generator nested in the twin
        node = scope.node
        if isinstance(node, cst.FunctionDef) and twin == f"self.{node.name.value}":
            return node.asynchronous is not None
        scope = scope.parent
    return False


def _receiver(func: cst.BaseExpression, strip: int, attributes: str) -> cst.BaseExpression | None:
    """What `func` is called on, when `func` spells `<receiver>.<attributes>`
    (`strip` of them): not for a method taken into a name first."""
    expr = func
    for name in reversed(attributes.split(".")[-strip:]):
        if not (isinstance(expr, cst.Attribute) and expr.attr.value == name):
            return None
        expr = expr.value
    return expr


def _on_receiver(
    ctx: ModuleContext,
    receiver: cst.BaseExpression | None,
    replacement: str,
    what: str = "object",
) -> str:
    """`<receiver>.<replacement>`, or `<object>.<replacement>` for a method taken
    into a name first."""
    if receiver is None:
        return f"<{what}>.{replacement}"
    return f"{ctx.code(receiver)}.{replacement}"

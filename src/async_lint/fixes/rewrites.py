"""Rewrites that several rules' fixes share: awaiting a call where it stands,
offloading a call to a worker thread, adding a keyword argument.

Each returns edits (or a whole plan), or None where the rewrite would not be
valid Python or would change more than it should: a rule without a sure
rewrite offers no fix.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import libcst as cst

from async_lint.diagnostics import Applicability
from async_lint.fixes.plan import At, FixPlan, Replace, insert_after, insert_before

if TYPE_CHECKING:
    from async_lint.analysis.context import ModuleContext

# An `await` inside these is not the same program: a generator expression
# becomes an async generator; an f-string, a lambda or an annotation cannot hold one.
_NO_AWAIT = (cst.GeneratorExp, cst.FormattedString, cst.Lambda, cst.Annotation)
# Before Python 3.11 a comprehension nested in another cannot hold an `await`.
_COMPREHENSIONS = (cst.ListComp, cst.SetComp, cst.DictComp)


def await_parts(ctx: ModuleContext, node: cst.BaseExpression) -> tuple[str, str] | None:
    """What to write before and after `node` to await it where it stands.

    `node` is the node the traversal stands on, or a child of it. `await`
    binds looser than a call, attribute or subscript on its operand, so a
    node that is the receiver of one is parenthesised:
    `requests.get(u).json()` -> `(await ...).json()`.
    """
    if not ctx.in_async_context:
        return None
    return await_parts_in(ctx.ancestors, node)


def await_parts_in(
    chain: Sequence[cst.CSTNode], node: cst.BaseExpression
) -> tuple[str, str] | None:
    """`await_parts` for a node of the current async function that the traversal has
    not reached: `chain` holds its ancestors, from the function down (`node` may end it)."""
    parent = chain[-2] if chain and chain[-1] is node else chain[-1] if chain else None
    comprehensions = 0
    for ancestor in reversed(chain):
        if isinstance(ancestor, cst.FunctionDef):
            break
        if isinstance(ancestor, _NO_AWAIT):
            return None
        comprehensions += isinstance(ancestor, _COMPREHENSIONS)
    if comprehensions > 1:
        return None
    if node.lpar:  # its own parentheses hold the await (positions exclude them)
        return "await ", ""
    if (isinstance(parent, (cst.Attribute, cst.Subscript)) and parent.value is node) or (
        isinstance(parent, cst.Call) and parent.func is node
    ):
        return "(await ", ")"
    return "await ", ""


def awaited(
    ctx: ModuleContext, node: cst.BaseExpression, prefix: str = ""
) -> tuple[Replace, ...] | None:
    """Edits that put `await <prefix>` before `node` (and a closing parenthesis if needed)."""
    return awaited_in(ctx.ancestors, node, prefix) if ctx.in_async_context else None


def awaited_in(
    chain: Sequence[cst.CSTNode], node: cst.BaseExpression, prefix: str = ""
) -> tuple[Replace, ...] | None:
    """`awaited` for a node of the current async function that `chain` leads to."""
    parts = await_parts_in(chain, node)
    if parts is None:
        return None
    before, after = parts
    edits = [insert_before(node, before + prefix)]
    if after:
        edits.append(insert_after(node, after))
    return tuple(edits)


def opening_parenthesis(ctx: ModuleContext, call: cst.Call) -> Replace | None:
    """An edit (to fill in) that replaces the `(` after the call's function, when it
    stands on the function's own line."""
    gap = ctx.module.code_for_node(call.whitespace_after_func)
    if "\n" in gap or "\\" in gap:
        return None
    return Replace(At(call.func, True, len(gap)), At(call.func, True, len(gap) + 1), "(")


def thread_offload_fix(ctx: ModuleContext, call: cst.Call) -> FixPlan | None:
    """`func(*args, **kwargs)` -> `await asyncio.to_thread(func, *args, **kwargs)`.

    In a module that uses trio or anyio, whose `to_thread.run_sync` passes no
    keyword arguments, a call with arguments becomes `await
    trio.to_thread.run_sync(functools.partial(func, *args, **kwargs))`, so that
    another fix may still add one (`timeout=`). Unsafe: the call then runs in
    another thread, concurrently with the loop.
    """
    if not ctx.in_async_context:
        return None
    library = ctx.async_library
    partial = library != "asyncio" and bool(call.args)
    runner = "to_thread" if library == "asyncio" else "to_thread.run_sync"
    spelled = ctx.spelling(library)
    wrapper = ctx.spelling("functools") if partial else ("", ())
    paren = opening_parenthesis(ctx, call)
    if spelled is None or wrapper is None or paren is None:
        return None
    name, imports = spelled
    functools, more_imports = wrapper
    parts = await_parts(ctx, call)
    if parts is None:
        return None
    before, after = parts
    opening = f"{name}.{runner}(" + (f"{functools}.partial(" if partial else "")
    closing = (")" if partial else "") + after
    if call.args:
        gap = ctx.module.code_for_node(call.whitespace_before_args)
        separator = "," if gap else ", "
    else:
        separator = ""
    edits = [insert_before(call, before + opening), Replace(paren.start, paren.end, separator)]
    if closing:
        edits.append(insert_after(call, closing))
    return FixPlan(
        f"Run it in a worker thread with `await {library}.{runner}()`",
        tuple(edits),
        Applicability.UNSAFE,
        (*imports, *more_imports),
    )


def add_argument(call: cst.Call, text: str) -> Replace:
    """An edit that passes one more argument (`timeout=30`) after the last one."""
    if call.args:
        return insert_after(call.args[-1].value, f", {text}")
    return Replace(At(call, True, -1), At(call, True, -1), text)  # before the `)`


def number_literal(value: float) -> str:
    """`30` for 30.0, `2.5` for 2.5: a number as it reads in code."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))

from __future__ import annotations

import libcst as cst

from async_lint import walk
from async_lint.analysis.scopes import SameScopeVisitor
from async_lint.analysis.values import Member, Ref
from async_lint.diagnostics import Applicability
from async_lint.fixes.plan import FixPlan
from async_lint.fixes.rewrites import awaited
from async_lint.rules.base import FixAvailability, Rule, Severity

# Decorators that hand back a coroutine function when given one. An `async
# def` under any other decorator may have become something else
# (`asgiref.sync.async_to_sync`, `contextlib.asynccontextmanager`): not reported.
_KEEPS_COROUTINE = frozenset({
    "staticmethod", "classmethod", "abc.abstractmethod", "typing.override",
    "typing_extensions.override", "functools.wraps", "tenacity.retry", "backoff.on_exception",
    "backoff.on_predicate",
})  # fmt: skip
# Route and event registration (`@app.get("/")`, `@router.post`) returns the
# function itself.
_REGISTERING_METHODS = frozenset({
    "get", "post", "put", "patch", "delete", "head", "options", "route", "api_route",
    "websocket", "on_event", "exception_handler", "middleware",
})  # fmt: skip


# mypy's and pyright's codes for this same check: a line that silences them
# says the coroutine is dropped on purpose.
_TYPE_CHECKER_CODES = ("unused-coroutine", "reportUnusedCoroutine")


class UnawaitedCoroutine(Rule):
    """
    ## What it does
    Reports an expression statement that calls a coroutine function without
    `await`, in any context:
    - an `async def` function or method of the module (`fetch()`,
      `self.refresh()`); calls to other modules' functions follow once the
      project index lands (ASL110's issue);
    - a known coroutine function: `asyncio.sleep`, `asyncio.wait_for`,
      `asyncio.wait`, `asyncio.to_thread`, `anyio.sleep`, `trio.sleep`, …;
    - a coroutine method of an async client reached through instance
      tracking: `client.chat.completions.create(...)` on `AsyncOpenAI`,
      `http.get(...)` on `httpx.AsyncClient`, `queue.put(...)` on an
      `asyncio.Queue`.

    Not reported: a coroutine that is used — `asyncio.create_task(coro())`,
    `gather(coro())`, `return coro()`, `c = coro()` (awaited later); async
    generator functions (calling one makes an iterator, not a coroutine);
    `async def` functions under a decorator that is not known to keep them
    coroutine functions (`@async_to_sync`, `@asynccontextmanager`);
    methods of async clients that are not coroutines (`with_options`,
    `build_request`, paginators such as `client.models.list()`); a line
    that silences the type checker's same check (`# type:
    ignore[unused-coroutine]`, `# pyright: ignore[reportUnusedCoroutine]`),
    which says the coroutine is dropped on purpose.

    ## Why is this bad
    Calling a coroutine function only creates a coroutine object. Without
    `await` its body never runs: the sleep does not wait, the request is
    never sent, the row is never written — and the only trace is a
    `RuntimeWarning: coroutine ... was never awaited` in the logs.

    ## Example
    ```python
    import asyncio

    async def save(record): ...

    async def handler(record):
        save(record)
        asyncio.sleep(1)
    ```

    ## Use instead
    ```python
    import asyncio

    async def save(record): ...

    async def handler(record):
        await save(record)
        await asyncio.sleep(1)
    ```

    ## Fix safety
    Safe inside async context: `save(record)` becomes `await save(record)`,
    which runs the body the call was written to run. In sync code (where
    `await` is not allowed) there is none.
    """

    code = "ASL303"
    name = "unawaited-coroutine"
    fix_availability = FixAvailability.SOMETIMES
    fix_safety = Applicability.SAFE
    summary = "a coroutine function called without `await`"
    severity = Severity.ERROR
    valid = (
        "import asyncio\nasync def g():\n    pass\nasync def f():\n    await g()\n"
        "    asyncio.create_task(g())\n",
        "def g():\n    pass\nasync def f():\n    g()\n",
        "async def g():\n    yield 1\nasync def f():\n    g()\n",
    )
    invalid = (
        "async def g():\n    pass\nasync def f():\n    g()\n",
        "import asyncio\nasync def f():\n    asyncio.sleep(1)\n",
        "class A:\n    async def g(self):\n        pass\n    def f(self):\n        self.g()\n",
    )

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self._acknowledged = False  # the statement silences the type checker's same check

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        comment = node.trailing_whitespace.comment
        self._acknowledged = comment is not None and any(
            code in comment.value for code in _TYPE_CHECKER_CODES
        )

    def visit_Expr(self, node: cst.Expr) -> None:
        call = node.value
        if not isinstance(call, cst.Call) or self._acknowledged:
            return
        if self._is_coroutine_function(call):
            awaiting = awaited(self.ctx, call)  # None outside async context
            fix = FixPlan("Add `await`", awaiting) if awaiting else None
            self.report(
                call,
                f"`{self.ctx.code(call.func)}()` is never awaited: calling a coroutine "
                "function only creates a coroutine, and its body never runs; add `await`",
                fix,
            )

    def _is_coroutine_function(self, call: cst.Call) -> bool:
        knowledge = self.ctx.knowledge
        callee = self.ctx.resolve(call.func)
        if isinstance(callee, Ref):
            definition = callee.definition
            if definition is None:
                return callee.name in knowledge.coroutine_functions
            return (
                isinstance(definition, cst.FunctionDef)
                and definition.asynchronous is not None
                and all(self._keeps_coroutine(d.decorator) for d in definition.decorators)
                and not _yields(definition)
            )
        if isinstance(callee, Member):
            return any(
                (cls, callee.path) in knowledge.coroutine_methods for cls in callee.owner.types
            )
        return False

    def _keeps_coroutine(self, decorator: cst.BaseExpression) -> bool:
        target = decorator.func if isinstance(decorator, cst.Call) else decorator
        if isinstance(target, cst.Attribute) and target.attr.value in _REGISTERING_METHODS:
            return True
        callee = self.ctx.resolve(target)
        if isinstance(callee, Ref):
            name = callee.name.removeprefix("builtins.")
        elif isinstance(target, cst.Name):
            name = target.value
        else:
            return False
        return name in _KEEPS_COROUTINE


def _yields(function: cst.FunctionDef) -> bool:
    """Is `function` a generator (an `async def` with `yield` is an async generator)?"""
    finder = _YieldFinder()
    walk.visit(function.body, finder)
    return finder.found


class _YieldFinder(SameScopeVisitor):
    def __init__(self) -> None:
        self.found = False

    def visit_Yield(self, node: cst.Yield) -> None:
        self.found = True

import libcst as cst

from async_lint.analysis.values import Instance, Ref
from async_lint.diagnostics import Applicability
from async_lint.fixes.plan import At, FixPlan, Replace
from async_lint.fixes.rewrites import await_parts
from async_lint.knowledge.stdlib import EVENT_LOOP_RUNNERS, NESTED_LOOP_PATCHES
from async_lint.rules.base import FixAvailability, Rule, Severity


class NestedEventLoop(Rule):
    """
    ## What it does
    Reports starting an event loop from async context: `asyncio.run(...)`,
    `asyncio.Runner(...)` (whose `run()` cannot work there), `anyio.run(...)`,
    `trio.run(...)`, and `.run_until_complete(...)` on any loop expression
    (including `asyncio.get_event_loop().run_until_complete(...)`). A
    receiver known to be something else, such as an instance of your own
    class with a `run_until_complete` method, is not reported.

    Modules that import `nest_asyncio` are not reported: that package patches
    the loop to allow exactly this.

    ## Why is this bad
    A coroutine already runs inside an event loop. `asyncio.run` refuses to
    start a second one and raises `RuntimeError: asyncio.run() cannot be
    called from a running event loop`; `run_until_complete` raises
    `RuntimeError: This event loop is already running`. The code works in a
    script and fails in FastAPI, Jupyter or any async test runner.

    ## Example
    ```python
    import asyncio

    async def summarize(doc):
        return asyncio.run(llm_summarize(doc))
    ```

    ## Use instead
    ```python
    async def summarize(doc):
        return await llm_summarize(doc)
    ```

    ## Fix safety
    Safe for `asyncio.run(<call>)` and `<loop>.run_until_complete(<call>)`:
    they become `await <call>`, which runs the coroutine on the loop that is
    already running instead of failing. Other forms (`asyncio.Runner`,
    `anyio.run`, `trio.run`, extra arguments such as `debug=True`, an
    argument that is not a call) get none, and so does a call with a comment
    in the text the fix would remove, and any call in a module that uses trio
    or anyio, where the coroutine may belong to another event loop.
    """

    code = "ASL401"
    name = "nested-event-loop"
    fix_availability = FixAvailability.SOMETIMES
    fix_safety = Applicability.SAFE
    summary = "`asyncio.run()` / `run_until_complete()` inside a running event loop"
    severity = Severity.ERROR
    valid = (
        "import asyncio\nasync def main():\n    pass\nif __name__ == '__main__':\n"
        "    asyncio.run(main())\n",
        "import asyncio\nasync def f(coro):\n    return await coro\n",
        "import asyncio\nasync def f():\n    def blocking():\n        return asyncio.run(g())\n"
        "    return await asyncio.to_thread(blocking)\n",
        "import asyncio, nest_asyncio\nnest_asyncio.apply()\nasync def f():\n"
        "    return asyncio.run(g())\n",
        "async def f(runner):\n    return runner.run(job)\n",
    )
    invalid = (
        "import asyncio\nasync def f():\n    return asyncio.run(g())\n",
        "import asyncio\nasync def f():\n"
        "    return asyncio.get_event_loop().run_until_complete(g())\n",
        "async def f(loop):\n    return loop.run_until_complete(g())\n",
        "import trio\nasync def f():\n    trio.run(g)\n",
        "import asyncio\nasync def f():\n    with asyncio.Runner() as runner:\n"
        "        runner.run(g())\n",
    )

    def visit_Call(self, node: cst.Call) -> None:
        ctx = self.ctx
        if not ctx.in_blocking_context or ctx.is_awaited(node):
            return
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value == "run_until_complete":
            if not self._may_be_a_loop(func.value):
                return
            what, fixable = "`run_until_complete()`", True
        else:
            name = ctx.qualified_name(func)
            if name not in EVENT_LOOP_RUNNERS:
                return
            what, fixable = f"`{name}()`", name == "asyncio.run"
        if ctx.imported_modules & NESTED_LOOP_PATCHES:
            return
        message = f"{what} inside a running event loop fails with RuntimeError; await the coroutine"
        self.report(node, message, self._await_instead(node) if fixable else None)

    def _await_instead(self, node: cst.Call) -> FixPlan | None:
        """`asyncio.run(f(x))` -> `await f(x)`: only for one positional call argument,
        and only when no comment would be lost with the removed text."""
        if len(node.args) != 1 or node.args[0].keyword or node.args[0].star:
            return None
        if self.ctx.async_library != "asyncio":
            return None  # under trio the asyncio coroutine cannot simply be awaited
        coroutine = node.args[0].value
        if not isinstance(coroutine, cst.Call):
            return None
        code = self.ctx.module.code_for_node
        if "#" in code(node).replace(code(coroutine), "", 1):
            return None
        parts = await_parts(self.ctx, node)
        if parts is None:
            return None
        before, after = parts
        return FixPlan(
            f"Replace with `await {self.ctx.code(coroutine, 40)}`",
            (
                Replace(At(node), At(coroutine), before),
                Replace(At(coroutine, end=True), At(node, end=True), after),
            ),
        )

    def _may_be_a_loop(self, receiver: cst.BaseExpression) -> bool:
        """Any loop expression counts, unless it is known to be something else."""
        value = self.ctx.resolve(receiver)
        if isinstance(value, Instance):
            return any("EventLoop" in cls or cls.startswith("uvloop.") for cls in value.types)
        return not isinstance(value, Ref)

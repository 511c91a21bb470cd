import libcst as cst

from async_lint.diagnostics import Applicability
from async_lint.fixes.plan import FixPlan, replace
from async_lint.rules.base import FixAvailability, Rule


class GetEventLoopInCoroutine(Rule):
    """
    ## What it does
    Reports `asyncio.get_event_loop()` in async context.

    ## Why is this bad
    `get_event_loop()` is the deprecated way to reach a loop: outside a
    running loop it has created one or warned depending on the Python
    version, and its behaviour has changed across 3.10 to 3.14. Inside a
    coroutine there is always a running loop, and
    `asyncio.get_running_loop()` returns it without any of that ambiguity.

    ## Example
    ```python
    import asyncio

    async def offload(func):
        loop = asyncio.get_event_loop()
        return await loop.run_in_executor(None, func)
    ```

    ## Use instead
    ```python
    import asyncio

    async def offload(func):
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, func)
    ```

    ## Fix safety
    Safe: `asyncio.get_event_loop()` becomes `asyncio.get_running_loop()`
    (through the module's own alias); inside a coroutine both return the
    running loop. When the name `asyncio` means something else where the call
    stands (a parameter, a module-level variable), there is no fix.
    """

    code = "ASL403"
    name = "get-event-loop-in-coroutine"
    fix_availability = FixAvailability.SOMETIMES
    fix_safety = Applicability.SAFE
    summary = "`asyncio.get_event_loop()` in async context"
    valid = (
        "import asyncio\nasync def f():\n    return asyncio.get_running_loop()\n",
        "import asyncio\ndef f():\n    return asyncio.get_event_loop()\n",
        "async def f(policy):\n    return policy.get_event_loop()\n",
    )
    invalid = (
        "import asyncio\nasync def f():\n    return asyncio.get_event_loop()\n",
        "from asyncio import get_event_loop\nasync def f():\n"
        "    await get_event_loop().run_in_executor(None, print)\n",
    )

    def visit_Call(self, node: cst.Call) -> None:
        ctx = self.ctx
        if ctx.in_async_context and ctx.qualified_name(node.func) == "asyncio.get_event_loop":
            spelled = ctx.spelling("asyncio")
            fix = None
            if spelled is not None:
                asyncio, imports = spelled
                fix = FixPlan(
                    "Use `asyncio.get_running_loop()`",
                    (replace(node.func, f"{asyncio}.get_running_loop"),),
                    imports=imports,
                )
            self.report(
                node,
                "`asyncio.get_event_loop()` in a coroutine; use `asyncio.get_running_loop()`",
                fix,
            )

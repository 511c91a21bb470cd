import libcst as cst

from async_lint.analysis.context import BlockingMatch
from async_lint.diagnostics import Applicability
from async_lint.fixes.plan import FixPlan, replace
from async_lint.fixes.rewrites import awaited
from async_lint.knowledge.stdlib import ASYNC_SLEEPS
from async_lint.rules._blocking import BlockingCallRule
from async_lint.rules.base import FixAvailability


class BlockingSleep(BlockingCallRule):
    """
    ## What it does
    Reports `time.sleep(...)` in async context: the body of an `async def`,
    outside nested sync `def`s, lambdas and class bodies. The name is resolved
    through imports, so `from time import sleep` and `import time as t` are
    found, while a `sleep` of your own (or `asyncio.sleep`) is not.

    ## Why is this bad
    `time.sleep` suspends the whole thread, and with it the event loop: no
    other request, stream or timer makes progress until it returns. A retry
    back-off of one second with `time.sleep(1)` stalls every concurrent
    request for that second.

    ## Example
    ```python
    import time

    async def call_with_retry(client, prompt):
        for attempt in range(3):
            try:
                return await client.complete(prompt)
            except RateLimited:
                time.sleep(2**attempt)
    ```

    ## Use instead
    ```python
    import asyncio

    async def call_with_retry(client, prompt):
        for attempt in range(3):
            try:
                return await client.complete(prompt)
            except RateLimited:
                await asyncio.sleep(2**attempt)
    ```
    In a module that uses trio or anyio, the message points to `trio.sleep`
    or `anyio.sleep`. Passing `time.sleep` to `asyncio.to_thread` runs it in
    a worker thread and is not reported.

    ## Fix safety
    Safe: `time.sleep(x)` becomes `await asyncio.sleep(x)` (`trio.sleep` or
    `anyio.sleep` when the module imports that library), reusing the
    module's alias (`import asyncio as aio` → `aio.sleep`) or adding the
    import after the docstring and `from __future__` imports. Offered when
    `await` fits where the call stands: `x = time.sleep(1) or y` becomes
    `x = await asyncio.sleep(1) or y`, and a call whose result is used
    further is parenthesised. Inside a generator expression (where `await`
    would make an async generator) or an f-string there is no fix.
    """

    code = "ASL101"
    name = "blocking-sleep"
    fix_availability = FixAvailability.SOMETIMES
    fix_safety = Applicability.SAFE
    summary = "`time.sleep()` in async context"
    valid = (
        "import asyncio\nasync def f():\n    await asyncio.sleep(1)\n",
        "import time\ndef f():\n    time.sleep(1)\n",
        "import time\nasync def f():\n    def g():\n        time.sleep(1)\n    return g\n",
        "import asyncio, time\nasync def f():\n    await asyncio.to_thread(time.sleep, 1)\n",
        "async def f(time):\n    time.sleep(1)\n",
        "def sleep(x): ...\nasync def f():\n    sleep(1)\n",
        "import time\nasync def f():\n    g = lambda: time.sleep(1)\n",
    )
    invalid = (
        "import time\nasync def f():\n    time.sleep(1)\n",
        "from time import sleep\nasync def f():\n    sleep(0.5)\n",
        "import time as t\nclass A:\n    async def f(self):\n        t.sleep(1)\n",
        "import time\nasync def f(items):\n    return [time.sleep(x) for x in items]\n",
    )

    def message(self, match: BlockingMatch) -> str:
        if match.display != "time.sleep()":  # an `extra-blocking-calls` entry
            return super().message(match)
        sleep = ASYNC_SLEEPS[self.ctx.async_library]
        return f"`time.sleep()` blocks the event loop; use `await {sleep}()`"

    def fix(self, node: cst.Call, match: BlockingMatch) -> FixPlan | None:
        if match.display != "time.sleep()":
            return None
        library = self.ctx.async_library
        spelled = self.ctx.spelling(library)
        awaiting = awaited(self.ctx, node)
        if spelled is None or awaiting is None:
            return None
        name, imports = spelled
        return FixPlan(
            f"Replace with `await {ASYNC_SLEEPS[library]}()`",
            (*awaiting, replace(node.func, f"{name}.sleep")),
            imports=imports,
        )

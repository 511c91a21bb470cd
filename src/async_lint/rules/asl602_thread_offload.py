from __future__ import annotations

import libcst as cst

from async_lint.rules._offload import offload
from async_lint.rules.base import Rule, Severity


class ThreadOffload(Rule):
    """
    ## What it does
    Reports every call that runs a sync callable in a worker thread:
    `asyncio.to_thread(...)`, `loop.run_in_executor(...)` (on any loop
    expression), `anyio.to_thread.run_sync(...)`, `trio.to_thread.run_sync(...)`
    and `starlette.concurrency.run_in_threadpool(...)` (also imported from
    `fastapi.concurrency`), whatever the callable: a lambda, a function of
    your own, a library call. In any context.

    This is an audit rule, off by default: enable it (`extend-select =
    ["ASL602"]`) to list the thread-pool use of a service. Offloads of a
    call with a native async form are also ASL601, which is on by default.

    ## Why is this bad
    An offload is the right tool for sync code that has no async form, but
    each one holds a thread-pool slot while it runs, and the pools are small
    (asyncio's default executor has `min(32, CPUs + 4)` threads, anyio's
    default limiter 40 tokens, shared by FastAPI's sync endpoints and
    dependencies). Under load, requests wait for a thread while the event
    loop idles; a cancelled `await` does not stop the thread.

    ## Example
    ```python
    import asyncio

    async def thumbnail(path: str) -> bytes:
        return await asyncio.to_thread(render_thumbnail, path)
    ```

    ## Use instead
    ```python
    import asyncio

    from anyio import CapacityLimiter, to_thread

    render_slots = CapacityLimiter(4)  # a pool of its own, sized for the work

    async def thumbnail(path: str) -> bytes:
        return await to_thread.run_sync(render_thumbnail, path, limiter=render_slots)
    ```
    Or keep the offload, knowing its cost, and add `# noqa: ASL602`.

    ## Fix safety
    No automatic fix: whether a thread is the right tool is a design
    decision.
    """

    code = "ASL602"
    name = "thread-offload"
    summary = "a call run in a worker thread (audit)"
    severity = Severity.NOTE
    default_enabled = False
    valid = (
        "import asyncio\nasync def f():\n    await asyncio.sleep(1)\n",
        "async def f(pool, job):\n    await pool.submit(job)\n",
        "def to_thread(f): ...\nasync def f(g):\n    await to_thread(g)\n",
    )
    invalid = (
        "import asyncio\nasync def f(job):\n    await asyncio.to_thread(job)\n",
        "import asyncio\nasync def f(job):\n"
        "    await asyncio.get_running_loop().run_in_executor(None, job)\n",
        "from anyio import to_thread\nasync def f(job):\n    await to_thread.run_sync(job)\n",
    )

    def visit_Call(self, node: cst.Call) -> None:
        found = offload(self.ctx, node)
        if found is None:
            return
        self.report(
            node,
            f"`{found.display(self.ctx)}` runs in a worker thread and holds a thread-pool "
            "slot while it waits; use an async API where there is one, or bound the pool",
        )

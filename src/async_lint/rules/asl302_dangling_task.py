from __future__ import annotations

import libcst as cst

from async_lint.analysis.values import Member, Ref
from async_lint.rules.base import Rule


class DanglingTask(Rule):
    """
    ## What it does
    Reports `asyncio.create_task(...)`, `asyncio.ensure_future(...)` and
    `loop.create_task(...)` whose result is thrown away: the call is a
    statement of its own. The loop is one from `asyncio.get_running_loop()`,
    `get_event_loop()` or `new_event_loop()`, directly or through a variable
    or attribute. In any context.

    Not reported: `TaskGroup.create_task` and a nursery's or task group's
    `start_soon` (the group holds its tasks), and a task that is kept
    (assigned, added to a set, returned, awaited). A `create_task` method on
    an object that is not known to be an event loop is not reported.

    ## Why is this bad
    The event loop keeps only a weak reference to a task. A task nobody holds
    can be garbage-collected before it finishes — the background job just
    stops, without an error — and an exception it raises is never seen.

    ## Example
    ```python
    import asyncio

    async def handle(event):
        asyncio.create_task(notify_subscribers(event))
    ```

    ## Use instead
    ```python
    import asyncio

    background_tasks: set[asyncio.Task] = set()

    async def handle(event):
        task = asyncio.create_task(notify_subscribers(event))
        background_tasks.add(task)
        task.add_done_callback(background_tasks.discard)
    ```

    ## Fix safety
    No automatic fix: where to keep the task is the author's decision.
    """

    code = "ASL302"
    name = "dangling-task"
    summary = "a task started with `create_task()` whose result is dropped"
    valid = (
        "import asyncio\nasync def f(tasks):\n    t = asyncio.create_task(g())\n    tasks.add(t)\n",
        "import asyncio\nasync def f():\n    async with asyncio.TaskGroup() as tg:\n"
        "        tg.create_task(g())\n",
        "async def f(todo):\n    todo.create_task('write docs')\n",
    )
    invalid = (
        "import asyncio\nasync def f():\n    asyncio.create_task(g())\n",
        "import asyncio\nasync def f():\n    asyncio.get_running_loop().create_task(g())\n",
        "from asyncio import ensure_future\ndef f():\n    ensure_future(g())\n",
    )

    def visit_Expr(self, node: cst.Expr) -> None:
        call = node.value
        if not isinstance(call, cst.Call):
            return
        ctx = self.ctx
        callee = ctx.resolve(call.func)
        if isinstance(callee, Ref) and callee.definition is None:
            if callee.name not in ctx.knowledge.task_functions:
                return
            started = f"`{callee.name}()`"
        elif isinstance(callee, Member) and len(callee.path) == 1:
            method = callee.path[0]
            held = [ctx.knowledge.task_methods.get((cls, method)) for cls in callee.owner.types]
            if False not in held:  # unknown, or held by a task group
                return
            started = f"`{ctx.code(call.func)}()`"
        else:
            return
        self.report(
            call,
            f"the task {started} starts is not kept: the event loop holds only a weak "
            "reference, so it can be garbage-collected before it finishes; keep a reference "
            "(a set plus `add_done_callback(tasks.discard)`) or use an `asyncio.TaskGroup`",
        )

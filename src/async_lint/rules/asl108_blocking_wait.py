from functools import cached_property

import libcst as cst

from async_lint import walk
from async_lint.analysis.arguments import literal
from async_lint.analysis.context import BlockingMatch
from async_lint.knowledge.stdlib import BLOCKING_CONTEXT_MANAGERS, COMPLETION_CHECKS
from async_lint.rules._blocking import BlockingCallRule


class BlockingWait(BlockingCallRule):
    """
    ## What it does
    Reports waits that block the thread, in async context: `input()`;
    `threading.Thread.join()`; `acquire()` on a `threading` `Lock`, `RLock`,
    `Semaphore` or `BoundedSemaphore`, and `with <such lock>:` (reported at
    the `with` item); `threading.Event.wait()`; `get()`/`put()` on a
    `queue.Queue` (and `LifoQueue`, `PriorityQueue`, `SimpleQueue`);
    `concurrent.futures.Future.result()`; `socket.create_connection()`;
    `connect`, `recv`, `send`, `sendall` and `accept` on a `socket.socket`;
    and `select.select()`.

    A timeout does not make a wait harmless: the loop is stalled until it
    expires. Only the non-blocking forms are clean: `acquire(blocking=False)`,
    `acquire(False)`, a literal `timeout=0` (`join(0)`, `result(timeout=0)`),
    `get(block=False)`, `put(item, block=False)`, `get_nowait()`,
    `put_nowait()` and `select.select(r, w, x, 0)`. `put()` on a
    `queue.SimpleQueue` never blocks (it is unbounded) and is not reported.

    A wait that the function has already seen finish is not reported:
    `future.result()` in a function that also calls `future.done()` or
    `future.add_done_callback(...)`, and `thread.join()` in one that also
    calls `thread.is_alive()` (the same receiver, written the same way).

    Objects are recognised when they are made from the `threading`, `queue`,
    `socket` and `concurrent.futures` classes (also through `self`
    attributes, annotations and subclasses such as `class Worker(Thread)`).
    A module that switches sockets to non-blocking mode (it calls
    `setblocking(False)`) gets no socket findings: there `recv` and `send`
    return at once.

    ## Why is this bad
    A thread-level wait parks the event loop's only thread. A `threading.Lock`
    held by a worker thread, a queue that stays empty, or a future that is
    still running freezes every coroutine until it is released — and if the
    releasing side needs the event loop, it never is.

    ## Example
    ```python
    import threading

    cache_lock = threading.Lock()

    async def remember(key, value):
        with cache_lock:
            cache[key] = value
    ```

    ## Use instead
    ```python
    import asyncio

    cache_lock = asyncio.Lock()

    async def remember(key, value):
        async with cache_lock:
            cache[key] = value
    ```
    For a `concurrent.futures.Future`, `await asyncio.wrap_future(future)`;
    for a thread, `await asyncio.to_thread(thread.join)`.

    ## Fix safety
    There is no automatic fix: the async replacement depends on what the
    other side of the wait is.
    """

    code = "ASL108"
    name = "blocking-wait"
    summary = "thread-level waits (locks, queues, joins, sockets, `input`) in async context"
    valid = (
        "import asyncio\nlock = asyncio.Lock()\nasync def f():\n    async with lock:\n"
        "        pass\n",
        "import threading\nlock = threading.Lock()\nasync def f():\n"
        "    if lock.acquire(blocking=False):\n        lock.release()\n",
        "import queue\nq = queue.Queue()\nasync def f():\n    return q.get_nowait()\n",
        "import queue\nq = queue.Queue()\nasync def f():\n    return q.get(block=False)\n",
        "import threading\nlock = threading.Lock()\ndef f():\n    with lock:\n        pass\n",
        "import asyncio\nasync def f(q: asyncio.Queue):\n    return await q.get()\n",
        "async def f(worker):\n    worker.join()\n",
        "async def f(parts):\n    return ', '.join(parts)\n",
        "import select\nasync def f(r):\n    return select.select(r, [], [], 0)\n",
    )
    invalid = (
        "import threading\nlock = threading.Lock()\nasync def f():\n    with lock:\n        pass\n",
        "import threading\nclass C:\n    def __init__(self):\n"
        "        self._lock = threading.RLock()\n    async def f(self):\n"
        "        self._lock.acquire(timeout=5)\n",
        "import queue\nasync def f(q: queue.Queue):\n    return q.get(timeout=1)\n",
        "from concurrent.futures import ThreadPoolExecutor\n"
        "async def f(pool: ThreadPoolExecutor):\n    return pool.submit(print).result()\n",
        "async def f():\n    return input('name? ')\n",
        "import threading\nclass W(threading.Thread):\n    pass\nasync def f():\n"
        "    w = W()\n    w.join()\n",
    )

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self._calls_in: dict[cst.FunctionDef, list[tuple[str, cst.BaseExpression]]] = {}

    def should_report(self, node: cst.Call, match: BlockingMatch) -> bool:
        if match.call.on_socket and self._module_uses_non_blocking_sockets:
            return False
        return not self._checked_for_completion(node)

    def _checked_for_completion(self, node: cst.Call) -> bool:
        """`future.result()` in a function that also calls `future.done()`, and the like."""
        func = node.func
        checks = COMPLETION_CHECKS.get(func.attr.value) if isinstance(func, cst.Attribute) else None
        function = self.ctx.blocking_function
        if not checks or function is None:
            return False
        if function not in self._calls_in:
            self._calls_in[function] = _method_calls(function)
        return any(
            method in checks and receiver.deep_equals(func.value)
            for method, receiver in self._calls_in[function]
        )

    def visit_With(self, node: cst.With) -> None:
        if node.asynchronous is not None or not self.ctx.in_blocking_context:
            return
        for item in node.items:
            for cls in self.ctx.instance_types(item.item):
                if cls in BLOCKING_CONTEXT_MANAGERS:
                    self.report(
                        item,
                        f"`with` on a `{cls}` blocks the event loop while it waits; "
                        "use an `asyncio` lock or semaphore with `async with`",
                    )
                    break

    @cached_property
    def _module_uses_non_blocking_sockets(self) -> bool:
        """Does any code in the module call `.setblocking(False)` (or `0`)?"""
        return any(
            method == "setblocking" and len(call.args) == 1 and literal(call.args[0].value) == 0
            for method, call in _method_calls_with_nodes(self.ctx.module)
        )


def _method_calls_with_nodes(root: cst.CSTNode) -> list[tuple[str, cst.Call]]:
    found: list[tuple[str, cst.Call]] = []

    class Calls(cst.CSTVisitor):
        def visit_Call(self, node: cst.Call) -> None:
            if isinstance(node.func, cst.Attribute):
                found.append((node.func.attr.value, node))

    walk.visit(root, Calls())
    return found


def _method_calls(root: cst.CSTNode) -> list[tuple[str, cst.BaseExpression]]:
    """(method name, receiver) of every `receiver.method(...)` call below `root`."""
    return [(method, call.func.value) for method, call in _method_calls_with_nodes(root)]

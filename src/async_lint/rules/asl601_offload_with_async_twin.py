from __future__ import annotations

import libcst as cst

from async_lint.analysis.values import Member, Ref
from async_lint.knowledge.stdlib import ASYNC_SLEEPS
from async_lint.rules._offload import offload
from async_lint.rules._twins import async_twin, is_fallback
from async_lint.rules.asl103_sync_client_in_async import client_of, does_no_io
from async_lint.rules.base import Rule


class OffloadWithAsyncTwin(Rule):
    """
    ## What it does
    Reports handing a sync callable that has a native async form to a
    worker thread: `asyncio.to_thread(f, ...)`, `loop.run_in_executor(executor,
    f, ...)` (on any loop expression), `anyio.to_thread.run_sync(f)`,
    `trio.to_thread.run_sync(f)` and `starlette.concurrency.run_in_threadpool(f)`
    (also imported from `fastapi.concurrency`), with `f` one of:

    - `time.sleep` → `await asyncio.sleep()` (`trio.sleep` / `anyio.sleep`
      in a module that uses that library);
    - the module-level HTTP functions of `requests`, `niquests`, `httpx` and
      `httpx2` (`get/post/put/patch/delete/head/options/request`) → the
      same call awaited on an async client (`niquests.aget(...)` for
      niquests). `httpx` is included: its module functions are the same
      sync calls, and `httpx.AsyncClient` is in the same package;
    - a method of a sync client whose async twin is a drop-in (ASL103:
      `OpenAI` → `AsyncOpenAI`, `httpx.Client` → `httpx.AsyncClient`,
      `redis.Redis` → `redis.asyncio.Redis`, …), except the calls that do
      no I/O (`with_options`, `close`, …);
    - a framework method with an async twin (ASL104: `llm.invoke` →
      `await llm.ainvoke()`, `query_engine.query` → `aquery`,
      `agents.Runner.run_sync` → `Runner.run`, mistralai and google-genai
      methods).

    Names are resolved through imports and aliases, and `functools.partial(f,
    ...)` counts as `f`. A lambda, a function of your own or a sync client
    whose async form is not a drop-in (`requests.Session`, `boto3`) is not
    reported here; ASL602 (off by default) reports every offload. Nor is
    `self.invoke` offloaded inside the class's own `async def ainvoke`:
    that is how frameworks write a default async twin. Offloads are
    reported in any context: they are written in async code in practice,
    and the pattern is the same in a sync callback that schedules one.

    ## Why is this bad
    A worker thread keeps the event loop free, but the call still holds a
    thread for its whole duration, and the default pools are small
    (asyncio's has `min(32, CPUs + 4)` threads, anyio's limiter 40 tokens):
    under load, requests queue for a thread while the loop idles. The
    library already has an async form that waits without a thread.

    ## Example
    ```python
    import asyncio
    import time

    from openai import OpenAI

    client = OpenAI(timeout=30)

    async def answer(question: str):
        await asyncio.to_thread(time.sleep, 1)
        return await asyncio.to_thread(
            client.chat.completions.create, model="gpt-4o-mini", messages=[]
        )
    ```

    ## Use instead
    ```python
    import asyncio

    from openai import AsyncOpenAI

    client = AsyncOpenAI(timeout=30)

    async def answer(question: str):
        await asyncio.sleep(1)
        return await client.chat.completions.create(model="gpt-4o-mini", messages=[])
    ```

    ## Fix safety
    No automatic fix: the async form is often a different object (an async
    client made elsewhere), and the arguments of `run_in_executor` and
    `run_sync` are positional only.
    """

    code = "ASL601"
    name = "offload-with-async-twin"
    summary = "a worker thread for a call that has a native async form"
    valid = (
        "import asyncio\nasync def f():\n    await asyncio.sleep(1)\n",
        "import asyncio\ndef sleep(x): ...\nasync def f():\n"
        "    await asyncio.to_thread(sleep, 1)\n",
        "import asyncio, time\nasync def f():\n"
        "    await asyncio.to_thread(lambda: time.sleep(1))\n",
        "import asyncio\nasync def f(d: dict):\n    await asyncio.to_thread(d.get, 'k')\n",
        "import asyncio\nfrom openai import OpenAI\nclient = OpenAI(timeout=30)\nasync def f():\n"
        "    await asyncio.to_thread(client.with_options, timeout=5)\n",
    )
    invalid = (
        "import asyncio, time\nasync def f():\n    await asyncio.to_thread(time.sleep, 1)\n",
        "import asyncio, requests\nasync def f():\n"
        "    await asyncio.get_running_loop().run_in_executor(None, requests.get, 'u')\n",
        "import asyncio\nfrom openai import OpenAI\nclient = OpenAI(timeout=30)\nasync def f():\n"
        "    await asyncio.to_thread(client.chat.completions.create, model='m', messages=[])\n",
        "from fastapi.concurrency import run_in_threadpool\n"
        "from langchain_openai import ChatOpenAI\nllm = ChatOpenAI()\nasync def f():\n"
        "    await run_in_threadpool(llm.invoke, 'q')\n",
    )

    def visit_Call(self, node: cst.Call) -> None:
        found = offload(self.ctx, node)
        if found is None or found.callable is None:
            return
        form = self._async_form(found.callable)
        if form is not None:
            self.report(
                node,
                f"`{found.display(self.ctx)}` offloads a call that has an async form; use {form}",
            )

    def _async_form(self, expr: cst.BaseExpression) -> str | None:
        """How the offloaded callable's native async form is written, for the message."""
        ctx = self.ctx
        knowledge = ctx.knowledge
        value = ctx.resolve(expr)
        if isinstance(value, Ref) and value.definition is None:
            form = knowledge.async_forms.get(value.name)
            if form is not None:
                return form.format(sleep=ASYNC_SLEEPS[ctx.async_library])
            twin = knowledge.twin_functions.get(value.name)
            return None if twin is None else f"`await {twin}()`"
        if not isinstance(value, Member):
            return None
        found = client_of(knowledge, value.owner)
        if found is not None:
            cls, client = found
            if not client.drop_in or client.twin is None or does_no_io(knowledge, cls, value.path):
                return None
            return f"`{client.twin}` and `await` its `{'.'.join(value.path)}()`"
        twin = async_twin(ctx, value, expr)
        if twin is None or is_fallback(ctx, expr, twin.expression):
            return None
        if twin.awaited:
            return f"`await {twin.expression}()`"
        return f"`async for ... in {twin.expression}()`"

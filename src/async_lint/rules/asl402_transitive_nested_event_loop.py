from async_lint.rules._transitive import TransitiveCallRule
from async_lint.rules.base import Severity


class TransitiveNestedEventLoop(TransitiveCallRule):
    """
    ## What it does
    Reports, in async context, a call to a sync function or method of the
    linted project that starts an event loop (one of ASL401's entry points:
    `asyncio.run()`, `loop.run_until_complete()`, `asyncio.Runner`,
    `anyio.run()`, `trio.run()`), directly or through further project sync
    functions, across modules. The message names the shortest chain:
    `summarize() starts an event loop: summarize → run_sync → asyncio.run()`.
    Calls are followed as ASL110 follows them; the flake8 plugin follows
    chains within one module only.

    ## Why is this bad
    A sync wrapper around `asyncio.run()` is a common way to offer a sync API
    over async code. Called from a coroutine, it tries to start a second loop
    inside the running one and fails with `RuntimeError: asyncio.run() cannot
    be called from a running event loop` — in production, not in the script
    where it was tried.

    ## Example
    ```python
    import asyncio

    async def summarize_async(text): ...

    def summarize(text):
        return asyncio.run(summarize_async(text))

    async def handler(text):
        return summarize(text)
    ```

    ## Use instead
    ```python
    async def handler(text):
        return await summarize_async(text)
    ```

    ## Fix safety
    None: the fix is to call the async function the wrapper runs, which only
    the author knows.
    """

    code = "ASL402"
    name = "transitive-nested-event-loop"
    summary = "a project sync function that starts an event loop, called in async context"
    severity = Severity.ERROR
    valid = (
        "import asyncio\nasync def g():\n    pass\ndef run():\n    asyncio.run(g())\n"
        "if __name__ == '__main__':\n    run()\n",
        "import asyncio\nasync def g():\n    pass\ndef run():\n    asyncio.run(g())\n"
        "async def f():\n    await asyncio.to_thread(run)\n",
    )
    invalid = (
        "import asyncio\nasync def g():\n    pass\ndef run():\n    return asyncio.run(g())\n"
        "async def f():\n    return run()\n",
    )

    chain_template = (
        "`{function}()` starts an event loop inside the running one: {chain}; "
        "await the coroutine it runs instead"
    )

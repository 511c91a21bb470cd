import libcst as cst

from async_lint.diagnostics import Applicability
from async_lint.fixes.plan import FixPlan
from async_lint.fixes.rewrites import thread_offload_fix
from async_lint.rules._transitive import TransitiveCallRule
from async_lint.rules.base import FixAvailability


class TransitiveBlockingCall(TransitiveCallRule):
    """
    ## What it does
    Reports, in async context, a call to a sync function or method of the
    linted project whose body blocks the event loop: directly (a call that
    ASL101-ASL108 would report if it were in async context) or through
    further project sync functions, across modules. The message names the
    shortest chain: `load_config() blocks: load_config → read_file → open()`.
    The helper's own lines are not reported (they are sync code), and a
    helper handed to a worker thread (`await asyncio.to_thread(helper)`) is
    not called on the loop at all.

    Calls are followed through imports (`from .loader import load`, re-exports
    in `__init__.py`), `self.method()` and `cls.method()` within a class and
    its bases, and instances of project classes. Making a sync client does no
    I/O: in a helper only the calls on it count. The CLI analyses all files of
    a run as one project; the flake8 plugin sees one file at a time, so there
    only chains within the module are followed.

    ## Why is this bad
    The blocking call that hurts is rarely in the `async def` itself: it sits
    in a sync helper, often in another module, two calls down. To the event
    loop it is the same as writing `open()` or `time.sleep()` in the handler:
    every other request waits until it returns.

    ## Example
    ```python
    # config.py
    import json

    def read_file(path):
        with open(path) as f:
            return f.read()

    def load_config():
        return json.loads(read_file("config.json"))

    # app.py
    from config import load_config

    async def handler():
        settings = load_config()
    ```

    ## Use instead
    ```python
    import asyncio

    from config import load_config

    async def handler():
        settings = await asyncio.to_thread(load_config)
    ```
    or load the configuration once at start-up, or make the helper async.

    ## Fix safety
    Unsafe: `helper(x)` becomes `await asyncio.to_thread(helper, x)` (under
    trio or anyio, `await trio.to_thread.run_sync(functools.partial(helper,
    x))`). The helper then runs in a worker thread, concurrently with the
    loop's other work, which matters if it touches state the loop also uses.
    No fix where `await` cannot stand (a generator expression, an f-string).
    """

    code = "ASL110"
    name = "transitive-blocking-call"
    fix_availability = FixAvailability.SOMETIMES
    fix_safety = Applicability.UNSAFE
    summary = "a project sync function that blocks (through its calls), called in async context"
    valid = (
        "def add(a, b):\n    return a + b\nasync def f():\n    return add(1, 2)\n",
        "import asyncio\ndef read(p):\n    with open(p) as f:\n        return f.read()\n"
        "async def f(p):\n    return await asyncio.to_thread(read, p)\n",
        "async def read(p):\n    return p\nasync def f(p):\n    return await read(p)\n",
        "import time\ndef nap():\n    time.sleep(1)\ndef sync_caller():\n    nap()\n",
    )
    invalid = (
        "import time\ndef nap():\n    time.sleep(1)\nasync def f():\n    nap()\n",
        "def read(p):\n    with open(p) as f:\n        return f.read()\ndef load():\n"
        "    return read('c.json')\nasync def f():\n    return load()\n",
        "import requests\nclass Api:\n    def fetch(self):\n"
        "        return requests.get('u', timeout=5)\n    async def handler(self):\n"
        "        return self.fetch()\n",
    )

    def fix(self, node: cst.Call) -> FixPlan | None:
        return thread_offload_fix(self.ctx, node)

    chain_template = (
        "`{function}()` blocks: {chain}; make it async or run it with "
        "`await asyncio.to_thread(...)`"
    )

from __future__ import annotations

import libcst as cst

from async_lint import walk
from async_lint.analysis.scopes import SameScopeVisitor
from async_lint.analysis.usage import Usage, usage_of
from async_lint.rules._lifecycle import Lifecycle, client_made_by
from async_lint.rules.base import Rule


class ClientInLoop(Rule):
    """
    ## What it does
    Reports constructing a known client, sync or async (the clients of
    ASL103 and ASL201), inside the body of a `for`, `async for` or `while`
    loop or inside a comprehension, in sync and async code, when the client
    is used and dropped within the iteration: called on directly
    (`httpx.Client().get(url)`), entered with `with`/`async with`, or bound
    to a name that does not leave the iteration.

    Not reported: building a pool, where the construction is itself the
    element kept — the element or value of a comprehension
    (`{r: boto3.client("sqs", region_name=r) for r in regions}`), an
    argument of `append`/`add`/`put`/… (`pool.append(httpx.Client())`), a
    subscript or attribute assignment (`clients[name] = AsyncOpenAI()`), a
    value that is returned or yielded, or bound to a name that is stored
    that way; loops at module level; loops in the lifecycle code of ASL201;
    retry loops — a `for`/`while` loop that leaves early (`break`,
    `return`) and makes the client inside a `try`, where a fresh client per
    attempt is the intent.

    ## Why is this bad
    Each client owns a connection pool. A client per iteration opens and
    tears down connections (and TLS sessions) for every element, which
    makes a batch job slower by the round trips it was supposed to save
    and can exhaust sockets on long inputs.

    ## Example
    ```python
    import httpx

    def fetch_all(urls: list[str]) -> list[str]:
        pages = []
        for url in urls:
            with httpx.Client(timeout=10) as client:
                pages.append(client.get(url).text)
        return pages
    ```

    ## Use instead
    ```python
    import httpx

    def fetch_all(urls: list[str]) -> list[str]:
        with httpx.Client(timeout=10) as client:
            return [client.get(url).text for url in urls]
    ```

    ## Fix safety
    No automatic fix: hoisting the client out of the loop changes when it is
    closed.
    """

    code = "ASL202"
    name = "client-in-loop"
    summary = "a client made and dropped on every iteration of a loop"
    valid = (
        "import boto3\ndef f(regions):\n"
        "    return {r: boto3.client('sqs', region_name=r) for r in regions}\n",
        "import httpx\ndef f(names, pool):\n    for n in names:\n"
        "        pool.append(httpx.Client())\n",
        "import httpx\nfor n in range(3):\n    httpx.Client().get('u')\n",
        "import httpx\ndef f(urls):\n    with httpx.Client() as c:\n"
        "        for u in urls:\n            c.get(u)\n",
    )
    invalid = (
        "import httpx\ndef f(urls):\n    for u in urls:\n"
        "        with httpx.Client() as c:\n            c.get(u)\n",
        "from openai import AsyncOpenAI\nasync def f(keys):\n"
        "    return [await AsyncOpenAI(api_key=k).models.list() for k in keys]\n",
        "import redis\ndef f(hosts):\n    for h in hosts:\n        r = redis.Redis(host=h)\n"
        "        r.ping()\n",
    )

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self._lifecycle = Lifecycle(ctx)
        self._usage: dict[cst.CSTNode, Usage] = {}
        self._retries: dict[cst.CSTNode, frozenset[cst.Call]] = {}

    def visit_Call(self, node: cst.Call) -> None:
        ctx = self.ctx
        loop = ctx.loop
        function = ctx.scope.running.node
        if loop is None or not isinstance(function, cst.FunctionDef):
            return  # not in a loop, or a loop at module level
        client = client_made_by(ctx, node)
        if client is None or not self._dropped(node, loop):
            return
        if self._lifecycle.runs_once(function):
            return
        self.report(
            node,
            f"`{client}()` makes a new client (and connection pool) on every iteration; "
            "create it once before the loop and reuse it",
        )

    def _dropped(self, node: cst.Call, loop: cst.CSTNode) -> bool:
        """Is the client used within the iteration and then dropped?"""
        if isinstance(loop, cst.DictComp) and node in (loop.key, loop.value):
            return False
        if isinstance(loop, (cst.ListComp, cst.SetComp, cst.GeneratorExp)) and node is loop.elt:
            return False
        if loop not in self._usage:
            self._usage[loop] = usage_of(
                loop.body if isinstance(loop, (cst.For, cst.While)) else loop
            )
        usage = self._usage[loop]
        if usage.escapes(node) or node in self._retried(loop):
            return False
        return node in usage.receivers or node in usage.with_items or node in usage.bound

    def _retried(self, loop: cst.CSTNode) -> frozenset[cst.Call]:
        """The calls a retry loop makes afresh on each attempt.

        A `for`/`while` loop that leaves early (`break`, `return`) and makes
        the client inside a `try` is a retry: a fresh client per attempt is
        the point, not a waste.
        """
        if loop not in self._retries:
            calls: frozenset[cst.Call] = frozenset()
            if isinstance(loop, (cst.For, cst.While)):
                finder = _RetryFinder()
                walk.visit(loop.body, finder)
                if finder.leaves:
                    calls = frozenset(finder.tried)
            self._retries[loop] = calls
        return self._retries[loop]


class _RetryFinder(SameScopeVisitor):
    """Calls inside `try` bodies, and whether the loop body leaves the loop."""

    def __init__(self) -> None:
        self.tried: set[cst.Call] = set()
        self.leaves = False
        self._depth = 0

    def visit_Try(self, node: cst.Try) -> bool:
        self._depth += 1
        walk.visit(node.body, self)
        self._depth -= 1
        for part in (*node.handlers, node.orelse, node.finalbody):
            if part is not None:
                walk.visit(part, self)
        return False

    def visit_Call(self, node: cst.Call) -> None:
        if self._depth:
            self.tried.add(node)

    def visit_Break(self, node: cst.Break) -> None:
        self.leaves = True

    def visit_Return(self, node: cst.Return) -> None:
        self.leaves = True

    def visit_For(self, node: cst.For) -> bool:
        return False  # a `break` there leaves the inner loop

    def visit_While(self, node: cst.While) -> bool:
        return False

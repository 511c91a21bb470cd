from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from async_lint import walk
from async_lint.analysis.arguments import is_none
from async_lint.analysis.scopes import Kind, SameScopeVisitor
from async_lint.analysis.values import Member, Ref
from async_lint.rules._fanout import Guards, Sizes
from async_lint.rules.base import Rule

_COMPREHENSIONS = (cst.ListComp, cst.SetComp, cst.GeneratorExp)


@dataclass
class _Fan:
    """What a fan-out starts: one `spawned` per element of each of `sources`."""

    spawned: list[cst.BaseExpression]
    sources: list[cst.BaseExpression]
    targets: set[str]  # the loop variables, to recognise a pool of identical workers


class UnboundedFanOut(Rule):
    """
    ## What it does
    Reports starting one coroutine per element of a collection whose size is
    not a small constant, with nothing limiting how many run at once:
    - `asyncio.gather(*X)`, `asyncio.wait(X)`, `asyncio.as_completed(X)`
      where X is a comprehension or generator, `map(f, items)`, or a list
      built by appending in a loop;
    - `asyncio.create_task`/`ensure_future`, `loop.create_task`,
      `TaskGroup.create_task` and anyio/trio `start_soon` inside a `for` or
      `async for` loop or a comprehension, and inside a `while` loop that
      drains a collection (`while queue: ... queue.pop()`).

    Bounded, and not reported: literal collections, names bound only to
    literal collections, `range(<literal>)` with at most `max-fan-out`
    (default 10) elements, UPPER_CASE constants imported from another
    module (their literal is not visible here), slices of literal length (`items[:5]`,
    `items[i:i + 5]`) and chunks of a fixed size (`for chunk in
    batched(items, 5)`) up to `max-fan-out`. Not bounded: parameters, query
    results, attributes, `range(n)`, `len(...)`.

    Guarded, and not reported: the spawned coroutine is an `async def` of
    this module (or a wrapper `def` or lambda around the call) whose body
    holds `async with <limiter>:` or `await <limiter>.acquire()`. A limiter
    is an `asyncio.Semaphore`/`BoundedSemaphore`, `anyio`/`trio`
    `CapacityLimiter` or `Semaphore`, `aiolimiter.AsyncLimiter`, a class
    from the `limiters` option, a parameter of that function (a limiter
    passed in), or a name that says it is one (`self._semaphore`,
    `rate_limiter`). `async with sem:` around the `gather` itself bounds
    nothing and is not a guard.

    Silent when unsure: when the spawned coroutine cannot be seen (a
    parameter holding a list of coroutines; a function of another module of
    the project — the project index of ASL110 will follow those), and for a
    pool of identical workers (`for _ in range(workers): tg.create_task(
    worker(queue))`), whose count is the bound itself.

    ## Why is this bad
    `gather` over a list of unknown size fires every call at once. With a
    thousand documents that is a thousand simultaneous requests to the
    model API: rate-limit errors (429), an exhausted connection pool,
    sockets and memory, and retries that make it worse.

    ## Example
    ```python
    import asyncio

    async def embed_all(chunks: list[str]):
        return await asyncio.gather(*[embed(chunk) for chunk in chunks])
    ```

    ## Use instead
    ```python
    import asyncio

    limit = asyncio.Semaphore(8)

    async def embed_limited(chunk: str):
        async with limit:
            return await embed(chunk)

    async def embed_all(chunks: list[str]):
        return await asyncio.gather(*[embed_limited(chunk) for chunk in chunks])
    ```

    ## Fix safety
    No automatic fix: the right limit depends on the service behind the call.
    """

    code = "ASL301"
    name = "unbounded-fan-out"
    summary = "`gather()` / `create_task()` over a collection of unknown size, with no limiter"
    valid = (
        "import asyncio\nasync def f():\n    await asyncio.gather(*[g(x) for x in (1, 2, 3)])\n",
        "import asyncio\nsem = asyncio.Semaphore(5)\nasync def g(x):\n    async with sem:\n"
        "        pass\nasync def f(items):\n    await asyncio.gather(*[g(x) for x in items])\n",
        "import asyncio\nasync def f(items):\n    for x in items:\n        await g(x)\n",
    )
    invalid = (
        "import asyncio\nasync def g(x):\n    pass\nasync def f(items):\n"
        "    await asyncio.gather(*[g(x) for x in items])\n",
        "import asyncio\nasync def g(x):\n    pass\nasync def f(n):\n"
        "    for i in range(n):\n        asyncio.create_task(g(i))\n",
    )

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self._sizes = Sizes(ctx)
        self._guards = Guards(ctx)
        self._judged: set[cst.CSTNode] = set()  # comprehensions a gather was judged on

    def visit_Call(self, node: cst.Call) -> None:
        ctx = self.ctx
        callee = ctx.resolve(node.func)
        if isinstance(callee, Ref) and callee.definition is None:
            name = callee.name
            if name in ctx.knowledge.gather_starred:
                for arg in node.args:
                    if arg.star == "*":
                        self._gathered(node, name, arg.value)
                return
            if name in ctx.knowledge.gather_iterable:
                if node.args and not node.args[0].star and node.args[0].keyword is None:
                    self._gathered(node, name, node.args[0].value)
                return
            if name in ctx.knowledge.task_functions:
                self._spawned_in_loop(node, f"{name}()")
        elif isinstance(callee, Member) and len(callee.path) == 1:
            method = callee.path[0]
            if any((cls, method) in ctx.knowledge.task_methods for cls in callee.owner.types):
                self._spawned_in_loop(node, f"{ctx.code(node.func, limit=40)}()")

    # -- gather(*X), wait(X), as_completed(X) --------------------------------

    def _gathered(self, node: cst.Call, api: str, collection: cst.BaseExpression) -> None:
        fan = self._fan(collection)
        if fan is None:
            return
        fanning = [each for each in fan.spawned if self._guards.fans_out(each)]
        if isinstance(collection, cst.Name) and all(
            isinstance(each, cst.Call) and self._starts_task(each) for each in fanning
        ):
            return  # the tasks started where they were made, and were judged there
        self._judge(node, f"`{api}()`", fan, "starts")

    def _fan(self, collection: cst.BaseExpression, depth: int = 0) -> _Fan | None:
        """The coroutines `collection` holds and what they iterate over; None: unknown."""
        if isinstance(collection, _COMPREHENSIONS):
            self._judged.add(collection)
            return _Fan([collection.elt], *_iterated(collection.for_in))
        if isinstance(collection, cst.Call):
            callee = self.ctx.resolve(collection.func)
            args = collection.args
            if isinstance(callee, Ref) and callee.name == "builtins.map" and len(args) == 2:
                return _Fan([args[0].value], [args[1].value], set())
            return None
        if isinstance(collection, cst.Name) and depth < 3:
            return self._named_fan(collection, depth)
        return None

    def _named_fan(self, name: cst.Name, depth: int) -> _Fan | None:
        """`tasks = [...]` or `tasks = []` filled by `tasks.append(...)` in a loop."""
        found = self.ctx.resolver.lookup(name.value, self.ctx.scope)
        function = self.ctx.scope.running.node
        if found is None or found[1] is not self.ctx.scope.running:
            return None
        bindings = found[0]
        if bindings[0].kind is not Kind.ASSIGNMENT:
            return None
        if any(binding.kind is not Kind.UNKNOWN for binding in bindings[1:]):
            return None  # rebound: which list reaches the gather is not clear
        value = bindings[0].value
        if isinstance(value, cst.List) and not value.elements:
            if not isinstance(function, cst.FunctionDef):
                return None
            appends = _Appends(name.value)
            walk.visit(function.body, appends)
            if appends.unknown or not appends.spawned or appends.extended != len(bindings) - 1:
                return None
            return _Fan(appends.spawned, appends.sources, appends.targets)
        if value is None or len(bindings) > 1:
            return None
        return self._fan(value, depth + 1)

    # -- create_task / start_soon in a loop ---------------------------------

    def _spawned_in_loop(self, node: cst.Call, api: str) -> None:
        loop = self.ctx.loop
        if loop is None or loop in self._judged or not node.args:
            return
        if isinstance(loop, _COMPREHENSIONS):
            sources, targets = _iterated(loop.for_in)
        elif isinstance(loop, cst.For):
            if _started_once(loop, node):
                return
            sources, targets = [loop.iter], _names(loop.target)
        elif isinstance(loop, cst.While):
            drained = _drained(loop)
            if drained is None:
                return
            sources, targets = [drained], set()
        else:
            return
        self._judge(
            node, f"`{api}` in a loop", _Fan([node.args[0].value], sources, targets), "starts"
        )

    # -- the verdict ----------------------------------------------------------

    def _starts_task(self, call: cst.Call) -> bool:
        callee = self.ctx.resolve(call.func)
        return isinstance(callee, Ref) and callee.name in self.ctx.knowledge.task_functions

    def _judge(self, node: cst.Call, api: str, fan: _Fan, verb: str) -> None:
        unbounded = [u for u in map(self._sizes.unbounded, fan.sources) if u is not None]
        if not unbounded:
            return
        if _is_worker_pool(fan):
            return
        spawned = [each for each in fan.spawned if self._guards.fans_out(each)]
        if not spawned or any(self._guards.guarded(each) is not False for each in spawned):
            return
        first = spawned[0]
        if isinstance(first, cst.Call) and first.args and self._starts_task(first):
            first = first.args[0].value  # `create_task(fetch(u))` starts `fetch()`
        target = first.func if isinstance(first, cst.Call) else first
        code = self.ctx.code(target, limit=40)
        what = f"`{code}()`"
        if isinstance(target, cst.Call | cst.Lambda) or code == "...":
            what = "a coroutine"
        limit = self.ctx.settings.max_fan_out
        self.report(
            node,
            f"{api} {verb} {what} for every element of {unbounded[0]} at once, with no limit; "
            f"hold an `asyncio.Semaphore` in the coroutine (`async with sem:`) or process "
            f"batches of at most {limit}",
        )


def _iterated(for_in: cst.CompFor) -> tuple[list[cst.BaseExpression], set[str]]:
    sources: list[cst.BaseExpression] = []
    targets: set[str] = set()
    current: cst.CompFor | None = for_in
    while current is not None:
        sources.append(current.iter)
        targets |= _names(current.target)
        current = current.inner_for_in
    return sources, targets


def _names(target: cst.BaseExpression) -> set[str]:
    return {name.value for name in _walk_names(target)}


def _walk_names(node: cst.CSTNode) -> list[cst.Name]:
    collector = _NameCollector()
    walk.visit(node, collector)
    return collector.found


class _NameCollector(cst.CSTVisitor):
    def __init__(self) -> None:
        self.found: list[cst.Name] = []

    def visit_Name(self, node: cst.Name) -> None:
        self.found.append(node)


def _is_worker_pool(fan: _Fan) -> bool:
    """`for _ in range(n): start(worker(queue))`: n identical workers, n is the bound."""
    if not all(
        isinstance(source, cst.Call)
        and isinstance(source.func, cst.Name)
        and source.func.value == "range"
        for source in fan.sources
    ):
        return False
    used = {name.value for spawned in fan.spawned for name in _walk_names(spawned)}
    return not (used & fan.targets)


def _started_once(loop: cst.For, spawn: cst.Call) -> bool:
    """`if task is None: task = create_task(...)`: one task, however long the loop."""
    finder = _StartOnce(spawn)
    walk.visit(loop.body, finder)
    return finder.target is not None and any(
        test.deep_equals(finder.target) for test in finder.none_tests
    )


class _StartOnce(SameScopeVisitor):
    def __init__(self, spawn: cst.Call) -> None:
        self.spawn = spawn
        self.target: cst.BaseExpression | None = None  # what the task is assigned to
        self.none_tests: list[cst.BaseExpression] = []  # `x` of every `x is None`

    def visit_Assign(self, node: cst.Assign) -> None:
        if node.value is self.spawn and len(node.targets) == 1:
            self.target = node.targets[0].target

    def visit_Comparison(self, node: cst.Comparison) -> None:
        for target in node.comparisons:
            if isinstance(target.operator, cst.Is) and is_none(target.comparator):
                self.none_tests.append(node.left)


def _drained(loop: cst.While) -> cst.BaseExpression | None:
    """`while items: ... items.pop()` → `items`; other `while` loops: None."""
    test = loop.test
    if isinstance(test, cst.Call) and isinstance(test.func, cst.Name) and test.func.value == "len":
        test = test.args[0].value if test.args else test
    if isinstance(test, cst.Comparison) and isinstance(test.left, cst.Call):
        call = test.left
        if isinstance(call.func, cst.Name) and call.func.value == "len" and call.args:
            test = call.args[0].value
    if not isinstance(test, cst.Name | cst.Attribute):
        return None
    pops = _Pops(test)
    walk.visit(loop.body, pops)
    return test if pops.found else None


class _Pops(SameScopeVisitor):
    def __init__(self, collection: cst.BaseExpression) -> None:
        self.collection = collection
        self.found = False

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if (
            isinstance(func, cst.Attribute)
            and func.attr.value in ("pop", "popleft")
            and func.value.deep_equals(self.collection)
        ):
            self.found = True


class _Appends(SameScopeVisitor):
    """What a function appends to the list `name`, and the loops it does so in."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.spawned: list[cst.BaseExpression] = []
        self.sources: list[cst.BaseExpression] = []
        self.targets: set[str] = set()
        self.unknown = False  # appended in a `while` loop, or extended from elsewhere
        self.extended = 0  # `name += [...]` statements (each rebinds the name)
        self._loops: list[cst.For | cst.While] = []

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        target = node.target
        if not (isinstance(target, cst.Name) and target.value == self.name):
            return
        self.extended += 1
        if isinstance(node.operator, cst.AddAssign):
            self._extend(node.value)
        else:
            self.unknown = True

    def _extend(self, value: cst.BaseExpression) -> None:
        """`name += [...]` or `name.extend(...)` with a comprehension or a literal list."""
        if isinstance(value, _COMPREHENSIONS):
            sources, targets = _iterated(value.for_in)
            self._add(value.elt, sources, targets)
        elif isinstance(value, cst.List | cst.Tuple):
            for element in value.elements:
                self._add(element.value, [], set())
        else:
            self.unknown = True

    def _add(self, spawned: cst.BaseExpression, sources, targets: set[str]) -> None:
        """One more element per iteration of `sources` and of the enclosing loops."""
        self.spawned.append(spawned)
        self.sources.extend(sources)
        self.targets |= targets
        for loop in self._loops:
            if isinstance(loop, cst.While):
                self.unknown = True
            else:
                self.sources.append(loop.iter)
                self.targets |= _names(loop.target)

    def visit_For(self, node: cst.For) -> None:
        self._loops.append(node)

    def leave_For(self, original_node: cst.For) -> None:
        self._loops.pop()

    def visit_While(self, node: cst.While) -> None:
        self._loops.append(node)

    def leave_While(self, original_node: cst.While) -> None:
        self._loops.pop()

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if not (
            isinstance(func, cst.Attribute)
            and isinstance(func.value, cst.Name)
            and func.value.value == self.name
        ):
            return
        method = func.attr.value
        if method == "extend" and node.args:
            self._extend(node.args[0].value)
        elif method == "append" and node.args:
            self._add(node.args[0].value, [], set())

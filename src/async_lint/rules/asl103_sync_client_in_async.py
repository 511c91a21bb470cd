from __future__ import annotations

from collections.abc import Iterator, Sequence

import libcst as cst

from async_lint.analysis.usage import receiver_call
from async_lint.analysis.values import Instance, Member, Ref
from async_lint.diagnostics import Applicability
from async_lint.fixes.plan import FixPlan, Replace, insert_before, replace
from async_lint.fixes.rewrites import awaited_in
from async_lint.knowledge import Knowledge, SyncClient
from async_lint.rules.base import FixAvailability, Rule

# Where a use of the client is not in the function's own code: `await` there would
# not be in the function (or would make an async generator).
_NESTED = (
    cst.FunctionDef, cst.Lambda, cst.ClassDef, cst.ListComp, cst.SetComp, cst.DictComp,
    cst.GeneratorExp,
)  # fmt: skip
# What a sync-only constructor parameter may be given and still suit the twin: a string.
_STRINGS = (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)
_ENVIRONMENT = frozenset({"os.getenv", "os.environ.get", "os.environ"})


class SyncClientInAsync(Rule):
    """
    ## What it does
    Reports, in async context, constructing a sync client and calling a
    method on an instance of one, wherever the instance was made: a module
    global, a `self` attribute, a parameter or attribute annotated with the
    class (`Optional[...]`, `X | None`, strings, FastAPI `Depends`
    parameters), a `with ... as` target, or a same-module factory function.

    Sync clients: the LLM SDKs (`openai.OpenAI`, `AzureOpenAI`,
    `BedrockOpenAI`, `anthropic.Anthropic` and its Bedrock, Vertex, AWS,
    Foundry and Google Cloud variants, `cohere.Client`/`ClientV2`,
    `groq.Groq`, `together.Together`), HTTP (`httpx.Client`,
    `httpx2.Client`, `requests.Session`, `niquests.Session`,
    `urllib3.PoolManager`), services (`redis.Redis`/`StrictRedis`/
    `RedisCluster`, `pymongo.MongoClient`, `elasticsearch.Elasticsearch`,
    `boto3.client(...)`, `boto3.resource(...)`, `boto3.Session().client(...)`)
    and vector stores (`qdrant_client.QdrantClient`, `chromadb` clients and
    their collections, `pinecone.Pinecone` and its `Index` objects,
    `weaviate.connect_to_*()` / `WeaviateClient`). `extra-sync-clients` adds
    more. `mistralai.Mistral` and `google.genai.Client` serve both modes and
    belong to ASL104.

    Calls that do no I/O are not reported: configuration and request
    building (`with_options`, `copy`, `build_request`, `headers.update`,
    `mount`), lazy handles (`redis.pipeline()`, `pubsub()`, boto3's
    `get_paginator`, `generate_presigned_url`, `s3.Bucket("b")`, weaviate's
    `collections.get`), and `close()`. A call that starts on the
    construction itself (`OpenAI().models.list()`) is one finding, at the
    construction.

    ## Why is this bad
    Every method of a sync client that talks to the network blocks the
    thread it runs on. In an `async def` that thread is the event loop's:
    while one call waits for the model or the database, no other request
    in the process makes progress. Each of these libraries ships an async
    client for exactly this reason.

    ## Example
    ```python
    from openai import OpenAI

    client = OpenAI(timeout=30)

    async def answer(question: str) -> str:
        response = client.chat.completions.create(
            model="gpt-4o-mini", messages=[{"role": "user", "content": question}]
        )
        return response.choices[0].message.content
    ```

    ## Use instead
    ```python
    from openai import AsyncOpenAI

    client = AsyncOpenAI(timeout=30)

    async def answer(question: str) -> str:
        response = await client.chat.completions.create(
            model="gpt-4o-mini", messages=[{"role": "user", "content": question}]
        )
        return response.choices[0].message.content
    ```

    ## Fix safety
    Safe, offered where the async twin is a drop-in and every use of the
    client is in the async function that makes it. The class is swapped
    for its twin (`OpenAI` → `AsyncOpenAI`, `Anthropic` → `AsyncAnthropic`,
    `httpx.Client` → `httpx.AsyncClient`, `QdrantClient` →
    `AsyncQdrantClient`, …), spelled through the module's imports
    (`import openai` → `openai.AsyncOpenAI`, an existing `from openai
    import AsyncOpenAI` is reused, else it is added), and each use gets
    `await`, parenthesised when its result is used further
    (`(await client.get(url)).json()`). Three shapes are fixed:
    `client = OpenAI(...)` in the function, `with httpx.Client() as c:`
    (which becomes `async with httpx.AsyncClient() as c:`, for twins that
    are async context managers), and a call on the construction itself
    (`await httpx.AsyncClient().get(url)`).

    Every other mention of the name prevents the fix: the client returned,
    yielded, passed to a function, stored, rebound, deleted, declared
    `global`, used in a nested function, lambda or comprehension, or used
    other than by calling a method the twin makes a coroutine
    (`client.chat`, `with_options(...)`, `models.list()` pagers, httpx
    `close()`, `stream(...)`). So does a call with `stream=` other than
    `False` (or LLM SDK `**kwargs`, which may hold it): the twin returns
    an async stream that needs `async for`. So does a constructor argument
    the twin would not take: an HTTP client, transport, event hooks, token
    provider or callable `api_key` (a string is fine), or `*args` /
    `**kwargs`. Clients kept at module level, in `self` attributes or
    received as parameters are used across functions: no fix. Nor is
    there one when the twin's name is taken in the module, or for clients
    whose async form is not a drop-in (`requests.Session`, `boto3`,
    `chromadb`, `weaviate`, `pinecone.Index`).
    """

    code = "ASL103"
    name = "sync-client-in-async"
    fix_availability = FixAvailability.SOMETIMES
    fix_safety = Applicability.SAFE
    summary = "a sync SDK, HTTP, database or vector-store client used in async context"
    valid = (
        "from openai import AsyncOpenAI\nclient = AsyncOpenAI(timeout=30)\n"
        "async def f():\n    await client.models.list()\n",
        "from openai import OpenAI\nclient = OpenAI(timeout=30)\ndef f():\n"
        "    client.models.list()\n",
        "import httpx\nasync def f(c: httpx.Client):\n    c.headers.update({'a': 'b'})\n",
        "class Client:\n    def get(self):\n        pass\nasync def f():\n    Client().get()\n",
        "import asyncio\nfrom openai import OpenAI\nclient = OpenAI(timeout=30)\nasync def f():\n"
        "    await asyncio.to_thread(client.models.list)\n",
    )
    invalid = (
        "from openai import OpenAI\nclient = OpenAI(timeout=30)\nasync def f():\n"
        "    client.chat.completions.create(model='m', messages=[])\n",
        "import httpx\nasync def f():\n    with httpx.Client() as c:\n        pass\n",
        "import redis\nclass Cache:\n    def __init__(self):\n        self.r = redis.Redis()\n"
        "    async def get(self, k):\n        return self.r.get(k)\n",
        "import boto3\nasync def f():\n    s3 = boto3.client('s3')\n",
    )

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        # a use call of a client whose construction has a fix -> that fix
        self._fixes: dict[cst.Call, FixPlan] = {}

    def visit_Call(self, node: cst.Call) -> None:
        ctx = self.ctx
        if not ctx.in_blocking_context or ctx.is_awaited(node):
            return
        callee = ctx.resolve(node.func)
        if isinstance(callee, Ref) and callee.definition is None:
            client = ctx.knowledge.sync_clients.get(callee.name)
            # Making a client does no I/O: in a sync helper only its calls block.
            if client is not None and ctx.in_async_context:
                self.report(
                    node,
                    f"`{callee.name}` is a sync client: its calls block the event loop; "
                    f"{_advice(client, 'its calls')}",
                    self._fix(node, client),
                )
        elif isinstance(callee, Member):
            found = self._client_of(callee.owner)
            if found is None or self._does_no_io(found[0], callee.path):
                return
            if ctx.in_async_context and self._starts_at_construction(node):
                return  # reported once, at the construction
            cls, client = found
            self.report(
                node,
                f"`{ctx.code(node.func)}()` calls the sync client `{client.display or cls}` and "
                f"blocks the event loop; {_advice(client, 'it')}",
                self._fixes.get(node),
            )

    def _client_of(self, owner: Instance) -> tuple[str, SyncClient] | None:
        return client_of(self.ctx.knowledge, owner)

    def _does_no_io(self, cls: str, path: tuple[str, ...]) -> bool:
        return does_no_io(self.ctx.knowledge, cls, path)

    def _starts_at_construction(self, node: cst.Call) -> bool:
        """`OpenAI().with_options(timeout=5).models.list()`: a chain on a new client."""
        receiver = receiver_call(node)
        while receiver is not None:
            callee = self.ctx.resolve(receiver.func)
            if isinstance(callee, Ref) and callee.definition is None:
                return callee.name in self.ctx.knowledge.sync_clients
            receiver = receiver_call(receiver)
        return False

    # -- the fix: the async twin, and `await` on every use ---------------------

    def _fix(self, construction: cst.Call, client: SyncClient) -> FixPlan | None:
        """One plan for the construction and every use of the client in its function.

        The plan is also kept for each use call, whose finding comes later in
        the traversal: applied together, the shared edits are made once.
        """
        ctx = self.ctx
        function = ctx.async_function
        twin = client.twin
        if not client.drop_in or twin is None or function is None:
            return None
        if ctx.scope.node is not function or not self._arguments_suit(construction, client):
            return None
        spelled = ctx.spelling(twin)
        if spelled is None:
            return None
        spelling, imports = spelled
        chain = list(ctx.ancestors)
        edits: list[Replace] = [replace(construction.func, spelling)]
        uses: list[cst.Call] = []
        parent = chain[-2]
        if isinstance(parent, cst.Attribute):  # `Client(...).x.y(...)`
            use = _use_of(chain[:-1], construction)
            found = None if use is None else self._awaiting(twin, *use)
            if found is None:
                return None
            edits.extend(found)
        else:
            target = _bound_name(chain, construction, client)
            if target is None:
                return None
            if len(ctx.scope.bindings.get(target.value, ())) != 1:
                return None  # a parameter, or bound again: other objects by that name
            if isinstance(parent, cst.WithItem):
                edits.insert(0, insert_before(chain[-3], "async "))
            made = False
            for occurrence in _occurrences([function], function.body, target.value):
                if occurrence[-1] is target:
                    made = True
                    continue
                if not made:
                    return None  # a use before the client is made is of something else
                use = _use_of(occurrence[:-1], occurrence[-1])
                if use is None or any(isinstance(n, _NESTED) for n in occurrence[1:]):
                    return None
                found = self._awaiting(twin, *use)
                if found is None:
                    return None
                edits.extend(found)
                uses.append(use[1][-1])
        plan = FixPlan(f"Use `{twin}` and `await` its calls", tuple(edits), imports=imports)
        self._fixes.update(dict.fromkeys(uses, plan))
        return plan

    def _arguments_suit(self, construction: cst.Call, client: SyncClient) -> bool:
        """No argument the twin would not take: a sync HTTP client, transport or token
        provider (a string is fine), or `*args`/`**kwargs` that may hold one."""
        for arg in construction.args:
            if arg.star:
                return False
            keyword = arg.keyword
            if keyword and keyword.value in client.sync_only and not self._is_string(arg.value):
                return False
        return True

    def _is_string(self, value: cst.BaseExpression) -> bool:
        if isinstance(value, _STRINGS):
            return True
        if isinstance(value, cst.Call):
            return self.ctx.qualified_name(value.func) in _ENVIRONMENT
        if isinstance(value, cst.Subscript):
            return self.ctx.qualified_name(value.value) == "os.environ"
        return False

    def _awaiting(
        self, twin: str, path: tuple[str, ...], chain: Sequence[cst.CSTNode]
    ) -> tuple[Replace, ...] | None:
        """The edits that await the call ending `chain`, a coroutine method of the twin."""
        call = chain[-1]
        assert isinstance(call, cst.Call)
        knowledge = self.ctx.knowledge
        if (twin, path) not in knowledge.coroutine_methods:
            return None
        for arg in call.args:
            if arg.star == "**" and twin in knowledge.llm_clients:
                return None  # it may hold `stream=True`
            streams = not (isinstance(arg.value, cst.Name) and arg.value.value == "False")
            if arg.keyword is not None and arg.keyword.value == "stream" and streams:
                return None  # an async stream is iterated with `async for`
        parent = chain[-2]
        if isinstance(parent, cst.Await) and parent.expression is call:
            return ()
        return awaited_in(chain, call)


def _bound_name(
    chain: Sequence[cst.CSTNode], construction: cst.Call, client: SyncClient
) -> cst.Name | None:
    """The name the construction is bound to, when it is one of the two shapes the
    fix handles: `name = Client(...)` and `with Client(...) as name:` (a lone item)."""
    parent = chain[-2]
    if isinstance(parent, cst.Assign) and parent.value is construction:
        if len(parent.targets) == 1 and isinstance(parent.targets[0].target, cst.Name):
            return parent.targets[0].target
        return None
    statement = chain[-3] if len(chain) > 2 else None
    if (
        isinstance(parent, cst.WithItem)
        and parent.item is construction
        and client.async_with
        and isinstance(statement, cst.With)
        and statement.asynchronous is None
        and len(statement.items) == 1
        and parent.asname is not None
        and isinstance(parent.asname.name, cst.Name)
    ):
        return parent.asname.name
    return None


def _occurrences(
    chain: list[cst.CSTNode], node: cst.CSTNode, name: str
) -> Iterator[list[cst.CSTNode]]:
    """The chains (from the function down) of every `name` in `node` that is a name
    of a variable: not an attribute (`x.name`) or keyword (`f(name=1)`)."""
    chain = [*chain, node]
    if isinstance(node, cst.Name):
        if node.value == name:
            yield chain
        return
    for child in node.children:
        if isinstance(node, cst.Attribute) and child is node.attr:
            continue
        if isinstance(node, cst.Arg) and child is node.keyword:
            continue
        yield from _occurrences(chain, child, name)


def _use_of(
    chain: Sequence[cst.CSTNode], receiver: cst.BaseExpression
) -> tuple[tuple[str, ...], Sequence[cst.CSTNode]] | None:
    """`receiver.x.y(...)`: the attribute path and the chain down to the call, when
    `receiver` (whose ancestors `chain` holds) is the start of a method call."""
    path: list[str] = []
    expr: cst.BaseExpression = receiver
    index = len(chain) - 1
    while index > 0:
        parent = chain[index]
        if isinstance(parent, cst.Attribute) and parent.value is expr:
            path.append(parent.attr.value)
            expr = parent
            index -= 1
        elif isinstance(parent, cst.Call) and parent.func is expr and path:
            return tuple(path), chain[: index + 1]
        else:
            return None
    return None


def client_of(knowledge: Knowledge, owner: Instance) -> tuple[str, SyncClient] | None:
    """The sync client class among an instance's types, and its knowledge entry."""
    for cls in owner.types:
        client = knowledge.sync_clients.get(cls)
        if client is not None:
            return cls, client
    return None


def does_no_io(knowledge: Knowledge, cls: str, path: tuple[str, ...]) -> bool:
    """Does calling `path` of a `cls` client only configure, build or close?"""
    if cls in knowledge.lazy_subresources and len(path) == 1 and path[0][:1].isupper():
        return True
    return any(path[: len(local)] == local for local in knowledge.local_calls.get(cls, ()))


def _advice(client: SyncClient, what: str) -> str:
    if client.twin is None:
        return f"run {what} in a worker thread (`await asyncio.to_thread(...)`)"
    if client.drop_in:
        return f"use `{client.twin}` and `await` {what}"
    return f"use {client.hint or f'`{client.twin}`'}"

from __future__ import annotations

import libcst as cst

from async_lint.analysis.usage import Usage, usage_of
from async_lint.rules._lifecycle import Lifecycle, async_client_made_by
from async_lint.rules.base import Rule


class ClientPerRequest(Rule):
    """
    ## What it does
    Reports constructing an async client inside an async function that runs
    per call, including `async with httpx.AsyncClient() as client:`. Async
    clients: `httpx.AsyncClient`, `httpx2.AsyncClient`,
    `niquests.AsyncSession`, `aiohttp.ClientSession`, the async LLM SDK
    clients (`openai.AsyncOpenAI`, `AsyncAzureOpenAI`,
    `anthropic.AsyncAnthropic*`, `groq.AsyncGroq`, `together.AsyncTogether`,
    `cohere.AsyncClient*`), `redis.asyncio.Redis` (and `from_url`),
    `qdrant_client.AsyncQdrantClient`, `pymongo.AsyncMongoClient`,
    `motor`'s `AsyncIOMotorClient`, `elasticsearch.AsyncElasticsearch`,
    `aioboto3.Session().client(...)`, `chromadb.AsyncHttpClient`,
    `pinecone.AsyncPinecone`, weaviate's async client, and SQLAlchemy's
    `create_async_engine` (an engine is a connection pool). `extra-async-clients`
    adds more.

    Not reported: module level; lifecycle code — functions decorated with
    `@asynccontextmanager`, `@pytest.fixture`/`@pytest_asyncio.fixture` or
    `@<app>.on_event(...)`, functions named `lifespan`, `startup`,
    `shutdown`, `on_startup`, `main`, `__aenter__`, `__init__`, `setup`,
    `setUp`, `asyncSetUp`, `setUpClass` or listed in `lifecycle-functions`;
    and any function that returns, yields or stores the client (in
    `self.x`, `app.state.x`, a subscript such as a module-level cache dict,
    a `global`, or a container via `append`/`add`/`enter_async_context`),
    directly, wrapped in another object, or as one side of `or` or a
    conditional expression (`self.x = self.x or AsyncClient()` makes it
    once and keeps it). A name prefix alone (`get_`,
    `create_`) does not exempt a function.

    Beyond the spec's list, two kinds of functions that run once are not
    reported either: tests (`test*`, as pytest collects them) and the
    module's entry points (`asyncio.run(main())`, `anyio.run(main)`).

    ## Why is this bad
    A client owns a connection pool. Making one per request throws the pool
    away after one use: every call pays DNS, TCP and TLS set-up again,
    sockets pile up in `TIME_WAIT`, and under load the process runs out of
    file descriptors long before the upstream is the bottleneck.

    ## Example
    ```python
    import httpx

    async def get_weather(city: str) -> dict:
        async with httpx.AsyncClient(timeout=10) as client:
            return (await client.get(f"https://api.example.com/{city}")).json()
    ```

    ## Use instead
    ```python
    import httpx

    http = httpx.AsyncClient(timeout=10)  # or made in the app's lifespan

    async def get_weather(city: str) -> dict:
        return (await http.get(f"https://api.example.com/{city}")).json()
    ```

    ## Fix safety
    No automatic fix: where the shared client should live is a design
    decision.
    """

    code = "ASL201"
    name = "client-per-request"
    summary = "an async client made on every call instead of once"
    valid = (
        "import httpx\nhttp = httpx.AsyncClient()\n",
        "import httpx\nfrom contextlib import asynccontextmanager\n@asynccontextmanager\n"
        "async def lifespan(app):\n    async with httpx.AsyncClient() as c:\n"
        "        app.state.http = c\n        yield\n",
        "from openai import AsyncOpenAI\nclass Service:\n    async def start(self):\n"
        "        self.llm = AsyncOpenAI(timeout=30)\n",
        "import aiohttp\nasync def get_session():\n    return aiohttp.ClientSession()\n",
    )
    invalid = (
        "import httpx\nasync def get_weather(city):\n"
        "    async with httpx.AsyncClient() as client:\n"
        "        return await client.get(city)\n",
        "from openai import AsyncOpenAI\nasync def answer(q):\n"
        "    llm = AsyncOpenAI(timeout=30)\n"
        "    return await llm.responses.create(model='m', input=q)\n",
    )

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self._lifecycle = Lifecycle(ctx)
        self._usage: dict[cst.FunctionDef, Usage] = {}

    def visit_Call(self, node: cst.Call) -> None:
        function = self.ctx.async_function
        if function is None:
            return
        client = async_client_made_by(self.ctx, node)
        if client is None or self._lifecycle.runs_once(function):
            return
        if function not in self._usage:
            self._usage[function] = usage_of(function.body)
        if self._usage[function].escapes(node):
            return
        self.report(
            node,
            f"`{client}()` makes a new client (and connection pool) on every call of "
            f"`{function.name.value}()`; create it once at startup (module level or the app's "
            "lifespan) and reuse it",
        )

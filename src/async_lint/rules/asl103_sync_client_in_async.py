from __future__ import annotations

import libcst as cst

from async_lint.analysis.usage import receiver_call
from async_lint.analysis.values import Instance, Member, Ref
from async_lint.knowledge import SyncClient
from async_lint.rules.base import Rule


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
    No automatic fix yet. The planned fix is safe and limited to clients
    whose async twin is a drop-in (`OpenAI` → `AsyncOpenAI`, `httpx.Client`
    → `httpx.AsyncClient`, `redis.Redis` → `redis.asyncio.Redis`, …) and
    whose every use is in the same async function: swap the class and
    `await` each call.
    """

    code = "ASL103"
    name = "sync-client-in-async"
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

    def visit_Call(self, node: cst.Call) -> None:
        ctx = self.ctx
        if not ctx.in_async_context or ctx.is_awaited(node):
            return
        callee = ctx.resolve(node.func)
        if isinstance(callee, Ref) and callee.definition is None:
            client = ctx.knowledge.sync_clients.get(callee.name)
            if client is not None:
                self.report(
                    node,
                    f"`{callee.name}` is a sync client: its calls block the event loop; "
                    f"{_advice(client, 'its calls')}",
                )
        elif isinstance(callee, Member):
            found = self._client_of(callee.owner)
            if found is None or self._does_no_io(found[0], callee.path):
                return
            if self._starts_at_construction(node):
                return  # reported once, at the construction
            cls, client = found
            self.report(
                node,
                f"`{ctx.code(node.func)}()` calls the sync client `{client.display or cls}` and "
                f"blocks the event loop; {_advice(client, 'it')}",
            )

    def _client_of(self, owner: Instance) -> tuple[str, SyncClient] | None:
        for cls in owner.types:
            client = self.ctx.knowledge.sync_clients.get(cls)
            if client is not None:
                return cls, client
        return None

    def _does_no_io(self, cls: str, path: tuple[str, ...]) -> bool:
        knowledge = self.ctx.knowledge
        if cls in knowledge.lazy_subresources and len(path) == 1 and path[0][:1].isupper():
            return True
        return any(path[: len(local)] == local for local in knowledge.local_calls.get(cls, ()))

    def _starts_at_construction(self, node: cst.Call) -> bool:
        """`OpenAI().with_options(timeout=5).models.list()`: a chain on a new client."""
        receiver = receiver_call(node)
        while receiver is not None:
            callee = self.ctx.resolve(receiver.func)
            if isinstance(callee, Ref) and callee.definition is None:
                return callee.name in self.ctx.knowledge.sync_clients
            receiver = receiver_call(receiver)
        return False


def _advice(client: SyncClient, what: str) -> str:
    if client.twin is None:
        return f"run {what} in a worker thread (`await asyncio.to_thread(...)`)"
    if client.drop_in:
        return f"use `{client.twin}` and `await` {what}"
    return f"use {client.hint or f'`{client.twin}`'}"

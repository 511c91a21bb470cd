"""Tasks, task groups, limiters and coroutines (ASL301, ASL302, ASL303)."""

from __future__ import annotations

# Functions that start a task running now and hand it back: the caller must
# keep it (ASL302) and not start one per element without a limit (ASL301).
TASK_FUNCTIONS = frozenset({"asyncio.create_task", "asyncio.ensure_future"})

# Methods that start a task. The loop's task is the caller's to keep; a task
# group's is held by the group (not ASL302), yet still fans out (ASL301).
TASK_METHODS = {
    ("asyncio.AbstractEventLoop", "create_task"): False,
    ("asyncio.TaskGroup", "create_task"): True,
    ("anyio.abc.TaskGroup", "start_soon"): True,
    ("trio.Nursery", "start_soon"): True,
}  # (class, method) -> held by a group

# `gather(*aws)` takes its awaitables starred; `wait` and `as_completed` take
# an iterable as their first argument.
GATHER_STARRED = frozenset({"asyncio.gather"})
GATHER_ITERABLE = frozenset({"asyncio.wait", "asyncio.as_completed"})

# Calls that run a sync callable in a worker thread, and the position of the
# callable among their arguments (ASL601, ASL602; ASL301 does not count them as
# fan-out). The callable runs off the event loop: passing `time.sleep` is not a
# call in async context, while the other arguments are evaluated on the loop.
OFFLOAD_FUNCTIONS = {
    "asyncio.to_thread": 0,
    "anyio.to_thread.run_sync": 0,
    "trio.to_thread.run_sync": 0,
    "starlette.concurrency.run_in_threadpool": 0,
}
# `loop.run_in_executor(executor, func, *args)` is matched by its name on any
# receiver: the loop is reached in too many ways (`get_running_loop()`, a
# parameter, `self.loop`) to track, and no other API uses the name.
OFFLOAD_METHODS = {"run_in_executor": 1}

# What fans out nothing worth limiting: a future that already runs
# (`wrap_future`), a sleep, or work on a thread pool, which is bounded by the
# pool's size (the offloads above).
NOT_FANNING = frozenset({
    "asyncio.wrap_future", "asyncio.sleep", "anyio.sleep", "trio.sleep", *OFFLOAD_FUNCTIONS,
})  # fmt: skip

# `async with limiter:` or `await limiter.acquire()` bounds how many run at once.
LIMITERS = frozenset({
    "asyncio.Semaphore", "asyncio.BoundedSemaphore", "anyio.Semaphore", "anyio.CapacityLimiter",
    "trio.Semaphore", "trio.CapacityLimiter", "aiolimiter.AsyncLimiter",
})  # fmt: skip

# Iterators that yield chunks of a fixed size (their second argument).
BATCHERS = frozenset({"itertools.batched", "more_itertools.chunked", "more_itertools.batched"})

# Iterators whose length is that of their iterable arguments.
SAME_LENGTH = frozenset({
    "builtins.enumerate", "builtins.reversed", "builtins.sorted", "builtins.list",
    "builtins.tuple", "builtins.set", "builtins.iter",
})  # fmt: skip

# Known coroutine functions (ASL303): calling one without `await` does nothing.
COROUTINE_FUNCTIONS = frozenset({
    "asyncio.sleep", "asyncio.wait_for", "asyncio.wait", "asyncio.to_thread",
    "asyncio.open_connection", "asyncio.start_server", "asyncio.create_subprocess_exec",
    "asyncio.create_subprocess_shell",
    "anyio.sleep", "anyio.sleep_forever", "anyio.sleep_until", "anyio.run_process",
    "anyio.connect_tcp", "anyio.to_thread.run_sync",
    "trio.sleep", "trio.sleep_forever", "trio.sleep_until", "trio.run_process",
    "trio.open_tcp_stream", "trio.to_thread.run_sync",
})  # fmt: skip

_HTTPX = ("get", "post", "put", "patch", "delete", "head", "options", "request", "send", "aclose")
_OPENAI = (
    ("chat", "completions", "create"), ("responses", "create"), ("embeddings", "create"),
    ("completions", "create"), ("moderations", "create"), ("images", "generate"),
    ("audio", "speech", "create"), ("audio", "transcriptions", "create"), ("files", "create"),
    ("files", "delete"), ("close",),
    ("chat", "completions", "parse"), ("chat", "completions", "retrieve"), ("responses", "parse"),
    ("responses", "retrieve"), ("models", "retrieve"), ("files", "retrieve"),
    ("batches", "create"), ("batches", "retrieve"), ("audio", "translations", "create"),
    ("images", "edit"), ("vector_stores", "create"), ("fine_tuning", "jobs", "create"),
    ("fine_tuning", "jobs", "retrieve"),
)  # fmt: skip
_ANTHROPIC = (("messages", "create"), ("messages", "count_tokens"), ("messages", "parse"),
              ("messages", "batches", "create"), ("messages", "batches", "retrieve"),
              ("models", "retrieve"), ("beta", "messages", "create"), ("close",))  # fmt: skip
_GROQ = (("chat", "completions", "create"), ("embeddings", "create"),
         ("audio", "transcriptions", "create"))  # fmt: skip
_TOGETHER = (("embeddings", "create"), ("images", "generate"))  # its chat `create` is overloaded
_COHERE = ("chat", "embed", "rerank")
_QDRANT = ("query_points", "upsert", "delete", "retrieve", "scroll", "create_collection",
           "delete_collection", "get_collections", "count", "close")  # fmt: skip

# Coroutine methods reached through instance tracking: (class, attribute path).
# Methods that only build or configure (`with_options`, `build_request`) and
# paginators (`models.list()`) are not coroutines and are not listed.
COROUTINE_METHODS = frozenset({
    *(("asyncio.Queue", (m,)) for m in ("put", "get", "join")),
    *((lock, ("acquire",)) for lock in ("asyncio.Lock", "asyncio.Semaphore",
                                        "asyncio.BoundedSemaphore")),
    ("asyncio.Event", ("wait",)),
    ("asyncio.Condition", ("wait",)),
    ("asyncio.Condition", ("wait_for",)),
    *(("httpx.AsyncClient", (m,)) for m in _HTTPX),
    *(("openai.AsyncOpenAI", path) for path in _OPENAI),
    *(("openai.AsyncAzureOpenAI", path) for path in _OPENAI),
    *(("anthropic.AsyncAnthropic", path) for path in _ANTHROPIC),
    *(("groq.AsyncGroq", path) for path in _GROQ),
    *(("together.AsyncTogether", path) for path in _TOGETHER),
    *((cls, (m,)) for cls in ("cohere.AsyncClient", "cohere.AsyncClientV2") for m in _COHERE),
    *(("qdrant_client.AsyncQdrantClient", (m,)) for m in _QDRANT),
})  # fmt: skip

CLASSES = frozenset({
    *LIMITERS, "asyncio.TaskGroup", "asyncio.Queue", "asyncio.Lock", "asyncio.Event",
    "asyncio.Condition",
})  # fmt: skip

FACTORIES = {
    "anyio.create_task_group": "anyio.abc.TaskGroup",
    "trio.open_nursery": "trio.Nursery",
}

ALIASES = {
    "asyncio.tasks.create_task": "asyncio.create_task",
    "asyncio.tasks.ensure_future": "asyncio.ensure_future",
    "asyncio.tasks.gather": "asyncio.gather",
    "asyncio.tasks.wait": "asyncio.wait",
    "asyncio.tasks.as_completed": "asyncio.as_completed",
    "asyncio.tasks.sleep": "asyncio.sleep",
    "asyncio.tasks.wait_for": "asyncio.wait_for",
    "asyncio.taskgroups.TaskGroup": "asyncio.TaskGroup",
    "asyncio.locks.Semaphore": "asyncio.Semaphore",
    "asyncio.locks.BoundedSemaphore": "asyncio.BoundedSemaphore",
    "asyncio.locks.Lock": "asyncio.Lock",
    "asyncio.locks.Event": "asyncio.Event",
    "asyncio.locks.Condition": "asyncio.Condition",
    "asyncio.queues.Queue": "asyncio.Queue",
    "asyncio.PriorityQueue": "asyncio.Queue",
    "asyncio.LifoQueue": "asyncio.Queue",
    "asyncio.threads.to_thread": "asyncio.to_thread",
    "fastapi.concurrency.run_in_threadpool": "starlette.concurrency.run_in_threadpool",
}

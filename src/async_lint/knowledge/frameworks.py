"""Framework and SDK methods that have async twins (ASL104).

LangChain and LlamaIndex objects are recognised by the package their class
comes from; mistralai and google-genai use one client for both modes, with
the async form beside the sync one (`complete_async`, `client.aio.models`).
tests/test_knowledge.py checks every twin against the installed packages.
"""

from async_lint.knowledge import Framework, SyncHook

_RUNNABLE = "langchain_core.runnables.Runnable"
_COMPILED_GRAPH = "langgraph.graph.state.CompiledStateGraph"

LANGCHAIN = Framework(
    name="LangChain",
    packages=("langchain", "langchain_*", "langgraph"),
    twins={
        "invoke": "ainvoke",
        "batch": "abatch",
        "stream": "astream",
        "get_relevant_documents": "aget_relevant_documents",  # langchain-core < 1.0
    },
    streams=frozenset({"stream"}),
    # Prompt templates, output parsers, messages and splitters are runnables
    # too, but their sync methods only compute.
    local_modules=(
        "langchain_core.prompts", "langchain.prompts", "langchain_core.prompt_values",
        "langchain_core.output_parsers", "langchain.output_parsers", "langchain.schema",
        "langchain_core.messages", "langchain_core.documents", "langchain_text_splitters",
        "langchain.text_splitter",
    ),
    local_suffixes=(
        "PromptTemplate", "OutputParser", "Message", "MessagesPlaceholder", "TextSplitter",
    ),
    builders={
        **dict.fromkeys(
            ("with_structured_output", "bind_tools", "bind", "with_config", "with_retry",
             "with_fallbacks", "with_listeners", "with_types", "configurable_fields",
             "configurable_alternatives", "pick", "assign", "map"),
            _RUNNABLE,
        ),
        "as_retriever": "langchain_core.vectorstores.VectorStoreRetriever",
        "compile": _COMPILED_GRAPH,
    },
    pipe="langchain_core.runnables.RunnableSequence",
)  # fmt: skip

LLAMA_INDEX = Framework(
    name="LlamaIndex",
    packages=("llama_index",),
    twins={
        "query": "aquery",
        "chat": "achat",
        "retrieve": "aretrieve",
        "complete": "acomplete",
        "stream_chat": "astream_chat",
        "stream_complete": "astream_complete",
    },
    local_modules=("llama_index.core.prompts",),
    builders={
        "as_query_engine": "llama_index.core.base.base_query_engine.BaseQueryEngine",
        "as_chat_engine": "llama_index.core.chat_engine.types.BaseChatEngine",
        "as_retriever": "llama_index.core.base.base_retriever.BaseRetriever",
    },
)

FRAMEWORKS = (LANGCHAIN, LLAMA_INDEX)

FACTORIES = {
    "langgraph.prebuilt.create_react_agent": _COMPILED_GRAPH,
    "langchain.agents.create_agent": _COMPILED_GRAPH,
    "langchain.chat_models.init_chat_model": "langchain_core.language_models.BaseChatModel",
}

TWIN_FUNCTIONS = {"agents.Runner.run_sync": "agents.Runner.run"}

# Twins the ASL104 fix does not write, because the code that uses the result
# would have to change too. LangChain's `astream` is iterated with `async for`;
# LlamaIndex's `astream_chat` / `astream_complete` are awaited and give an async
# generator (`async for`, or `async_response_gen()` on a chat engine's response).
NO_FIX_TWINS = {
    "LangChain": frozenset({"stream"}),
    "LlamaIndex": frozenset({"stream_chat", "stream_complete"}),
}
# A LlamaIndex query or chat engine made with `streaming=True` answers `aquery` /
# `achat` with an AsyncStreamingResponse, whose `response_gen` is an async
# generator: no fix for `query` / `chat` in a module that mentions one of these.
LLAMA_INDEX_STREAMING_MARKERS = ("streaming", "response_gen", "print_response_stream")
# A compiled LangGraph graph runs `ainvoke` through its checkpointer's async
# methods, which the sync savers (`SqliteSaver`, `PostgresSaver`, ...) do not
# implement: no fix in a module that names a saver other than these.
ASYNC_CAPABLE_SAVERS = frozenset({"InMemorySaver", "MemorySaver"})

# mistralai: every method of every sub-SDK has a coroutine twin `<name>_async`
# on the same object, except the methods named here (checked by crawling the
# package): SDK plumbing, connector helpers, and `audio.sessions.init`, which
# is a coroutine itself.
_MISTRAL_CLIENTS = (
    "mistralai.client.Mistral",
    "mistralai.azure.client.MistralAzure",
    "mistralai.gcp.client.MistralGCP",
)
SUFFIX_TWINS = dict.fromkeys(_MISTRAL_CLIENTS, "_async")
SUFFIX_TWIN_EXCEPTIONS = frozenset({"dynamic_import", "http_client", "mcp_client", "init"})
# Methods whose `_async` twin returns something read differently (checked by
# crawling the package, tests/test_fix_asl104.py): event streams (`async for`),
# raw streamed `httpx.Response`s (`await response.aread()`) and paged results
# (whose `next()` becomes a coroutine). The ASL104 fix leaves them, and calls
# passing `stream=` (`responses.create`, `audio.speech.complete`) or `**kwargs`.
SUFFIX_TWIN_NO_FIX = frozenset({
    "stream", "append_stream", "parse_stream", "restart_stream", "start_stream",
    "get_stream_events", "stream_deployment_logs", "stream_workflow_execution_logs",
    "generate_index_summary",
    "do_request", "download", "get_sample_audio",
    "list", "list_pages", "list_runs", "list_sessions", "list_versions", "list_organizations",
    "list_workspaces", "get_schedules", "get_workflows", "search",
})  # fmt: skip

# google-genai: `client.<service>.<method>` has the twin `client.aio.<service>.<method>`.
AIO_TWINS = {
    "google.genai.Client": (
        "aio",
        frozenset({"models", "files", "caches", "batches", "tunings", "file_search_stores",
                   "operations"}),
    ),
}  # fmt: skip
# ... except these, and every `*_stream` method: `list` returns a pager
# (`async for` over an AsyncPager), `generate_content_stream` an async iterator.
AIO_TWIN_NO_FIX = frozenset({"list"})

# Framework base classes whose subclasses implement a sync hook, and whose
# default async twin of it runs the sync one in a thread-pool executor, or
# calls it on the event loop (ASL603). Keyed by the base's public name; a
# subclass is matched against the most derived base listed here, so each entry
# names all the hooks of that base (checked against the installed packages in
# tests/test_knowledge.py).
_CHAT_GENERATE = SyncHook("_generate", "_agenerate", "ainvoke")
SYNC_HOOKS = {
    "langchain_core.retrievers.BaseRetriever": (
        SyncHook("_get_relevant_documents", "_aget_relevant_documents", "ainvoke"),
    ),
    "langchain_core.tools.BaseTool": (SyncHook("_run", "_arun", "ainvoke"),),
    "langchain_core.language_models.BaseChatModel": (_CHAT_GENERATE,),
    # its `_generate` calls `_call`; there is no `_acall`
    "langchain_core.language_models.SimpleChatModel": (
        SyncHook("_call", "_agenerate", "ainvoke"), _CHAT_GENERATE,
    ),
    "langchain_core.language_models.BaseLLM": (_CHAT_GENERATE,),
    # its `_agenerate` calls `_acall`, which runs `_call` in an executor
    "langchain_core.language_models.LLM": (
        SyncHook("_call", "_acall", "ainvoke", also=("_agenerate",)),
    ),
    # LlamaIndex's default `_aretrieve` / `acustom_query` call the sync hook on the loop
    "llama_index.core.base.base_retriever.BaseRetriever": (
        SyncHook("_retrieve", "_aretrieve", "aretrieve", "loop"),
    ),
    "llama_index.core.base.base_query_engine.BaseQueryEngine": (
        SyncHook("_query", "_aquery", "aquery", "abstract"),
    ),
    "llama_index.core.query_engine.CustomQueryEngine": (
        SyncHook("custom_query", "acustom_query", "aquery", "loop"),
    ),
}  # fmt: skip

ALIASES = {
    "agents.run.Runner": "agents.Runner",
    "langchain_core.tools.base.BaseTool": "langchain_core.tools.BaseTool",
    **{f"langchain_core.language_models.chat_models.{name}":
       f"langchain_core.language_models.{name}" for name in ("BaseChatModel", "SimpleChatModel")},
    **{f"langchain_core.language_models.llms.{name}": f"langchain_core.language_models.{name}"
       for name in ("BaseLLM", "LLM")},
    "llama_index.core.retrievers.BaseRetriever":
        "llama_index.core.base.base_retriever.BaseRetriever",
    "llama_index.core.query_engine.BaseQueryEngine":
        "llama_index.core.base.base_query_engine.BaseQueryEngine",
    "llama_index.core.query_engine.custom.CustomQueryEngine":
        "llama_index.core.query_engine.CustomQueryEngine",
    "mistralai.azure.client.sdk.MistralAzure": "mistralai.azure.client.MistralAzure",
    "mistralai.gcp.client.sdk.MistralGCP": "mistralai.gcp.client.MistralGCP",
    **{f"langchain_core.runnables.base.{name}": f"langchain_core.runnables.{name}"
       for name in ("Runnable", "RunnableSequence", "RunnableLambda")},
}  # fmt: skip
# Import paths of older major versions that users still write: mistralai 1.x
# exported `Mistral` from the top-level package (2.x made it a namespace
# package). The knowledge test cannot import them from the pinned SDKs.
# LangChain 0.x re-exported the base classes from `langchain` (langchain 1.0
# keeps `langchain.tools.BaseTool`), and LlamaIndex < 0.10 was one package
# without `core`.
_LLAMA_RETRIEVER = "llama_index.core.base.base_retriever.BaseRetriever"
LEGACY_ALIASES = {
    "mistralai.Mistral": "mistralai.client.Mistral",
    "langchain.schema.BaseRetriever": "langchain_core.retrievers.BaseRetriever",
    "langchain.schema.retriever.BaseRetriever": "langchain_core.retrievers.BaseRetriever",
    "langchain.retrievers.BaseRetriever": "langchain_core.retrievers.BaseRetriever",
    "langchain.tools.BaseTool": "langchain_core.tools.BaseTool",
    "langchain.tools.base.BaseTool": "langchain_core.tools.BaseTool",
    "langchain.chat_models.base.BaseChatModel": "langchain_core.language_models.BaseChatModel",
    "langchain.chat_models.base.SimpleChatModel": "langchain_core.language_models.SimpleChatModel",
    "langchain.llms.base.BaseLLM": "langchain_core.language_models.BaseLLM",
    "langchain.llms.base.LLM": "langchain_core.language_models.LLM",
    "llama_index.retrievers.BaseRetriever": _LLAMA_RETRIEVER,
    "llama_index.core.base_retriever.BaseRetriever": _LLAMA_RETRIEVER,
    "llama_index.query_engine.CustomQueryEngine": "llama_index.core.query_engine.CustomQueryEngine",
}
ALIASES.update(LEGACY_ALIASES)

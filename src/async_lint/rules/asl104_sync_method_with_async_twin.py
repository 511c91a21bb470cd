from __future__ import annotations

import re
from dataclasses import dataclass

import libcst as cst

from async_lint.analysis.arguments import argument, forwards_arguments, literal
from async_lint.analysis.values import Member, Ref
from async_lint.diagnostics import Applicability
from async_lint.fixes.plan import FixPlan, Replace, insert_after, replace
from async_lint.fixes.rewrites import awaited
from async_lint.knowledge import Framework
from async_lint.knowledge.frameworks import (
    AIO_TWIN_NO_FIX,
    ASYNC_CAPABLE_SAVERS,
    LLAMA_INDEX_STREAMING_MARKERS,
    NO_FIX_TWINS,
    SUFFIX_TWIN_NO_FIX,
)
from async_lint.rules._twins import async_twin, is_fallback
from async_lint.rules.base import FixAvailability, Rule


class SyncMethodWithAsyncTwin(Rule):
    """
    ## What it does
    Reports, in async context, calling the sync method of a framework or SDK
    object that has a documented async twin:

    - LangChain runnables, chat models, LLMs, chains, retrievers, tools and
      compiled LangGraph graphs: `.invoke`, `.batch`, `.stream`,
      `.get_relevant_documents` → `ainvoke`, `abatch`, `astream`,
      `aget_relevant_documents`. The objects are instances of classes
      imported from `langchain*` and `langgraph` packages (including
      `prompt | model` chains, `model.with_structured_output(...)`,
      `vectorstore.as_retriever()`, `graph.compile()`,
      `create_react_agent(...)`) and names annotated with their base classes
      (`Runnable`, `BaseRetriever`, `BaseTool`, `BaseChatModel`,
      `BaseLanguageModel`). Prompt templates, output parsers, messages and
      text splitters only compute, and are not reported.
    - LlamaIndex LLMs, query engines, chat engines and retrievers (classes
      from `llama_index.*`, `index.as_query_engine()` and friends):
      `.query`, `.chat`, `.retrieve`, `.complete`, `.stream_chat`,
      `.stream_complete` → `aquery`, `achat`, `aretrieve`, `acomplete`,
      `astream_chat`, `astream_complete` (`stream_complete` goes beyond the
      spec's list: it is the same case).
    - `agents.Runner.run_sync(...)` → `await Runner.run(...)`.
    - `mistralai`'s `Mistral` client: every method of its sub-SDKs
      (`client.chat.complete`, `client.embeddings.create`, …) →
      `complete_async`, `create_async`, ….
    - `google.genai.Client`: `client.models.X`, `files`, `caches`,
      `batches`, `tunings`, `file_search_stores`, `operations` →
      `client.aio.models.X`, ….

    A method `invoke` on anything else is not reported, nor is a method a
    project class defines itself. Nor is `self.complete(...)` inside the
    class's own `async def acomplete`: that is a framework's default async
    twin falling back to the sync method, and the fix belongs in the
    subclass that overrides only the sync one.

    ## Why is this bad
    The sync method runs the whole model call, retrieval or chain on the
    event loop's thread. Frameworks provide the async twin precisely so that
    an async server can keep serving other requests while one waits.

    ## Example
    ```python
    from langchain_openai import ChatOpenAI

    llm = ChatOpenAI(model="gpt-4o-mini", timeout=30)

    async def summarize(text: str) -> str:
        return llm.invoke(f"Summarize: {text}").content
    ```

    ## Use instead
    ```python
    from langchain_openai import ChatOpenAI

    llm = ChatOpenAI(model="gpt-4o-mini", timeout=30)

    async def summarize(text: str) -> str:
        return (await llm.ainvoke(f"Summarize: {text}")).content
    ```

    ## Fix safety
    Safe: the call takes its twin and `await`, the receiver and the arguments
    (and their comments) as they are: `llm.invoke(x)` → `await
    llm.ainvoke(x)`, `batch` → `await abatch`, `query` → `await aquery`,
    `Runner.run_sync(a, x)` → `await Runner.run(a, x)` (under any import
    alias), `client.chat.complete(...)` → `await
    client.chat.complete_async(...)`, `client.models.generate_content(...)`
    → `await client.aio.models.generate_content(...)`. A call whose result
    is used further is parenthesised: `(await llm.ainvoke(x)).content`.

    No fix where the code using the result would have to change too:
    streams (LangChain `stream`, LlamaIndex `stream_chat` /
    `stream_complete`, mistralai `stream`, `*_stream` and the other methods
    returning event streams, google-genai `*_stream`), which need `async
    for`; google-genai `list` and mistralai's paged methods, whose pages
    are read with `async for` / `await`; mistralai's raw streamed responses
    (`files.download`) and calls passing `stream=` or `**kwargs`; LlamaIndex
    `query` / `chat` in a module that mentions `streaming` or `response_gen` (a
    streaming engine's `aquery` answers with an async generator); compiled
    LangGraph graphs in a module that names a sync checkpointer
    (`SqliteSaver`, whose async methods are not implemented). Nor where
    `await` cannot go (a generator expression, an f-string), nor for a
    method first taken into a name (`run = Runner.run_sync`).
    """

    code = "ASL104"
    name = "sync-method-with-async-twin"
    fix_availability = FixAvailability.SOMETIMES
    fix_safety = Applicability.SAFE
    summary = "a framework method (`invoke`, `query`, `complete`) whose async twin exists"
    valid = (
        "from langchain_openai import ChatOpenAI\nllm = ChatOpenAI()\nasync def f():\n"
        "    await llm.ainvoke('q')\n",
        "from langchain_core.prompts import ChatPromptTemplate\n"
        "prompt = ChatPromptTemplate.from_template('{q}')\nasync def f():\n"
        "    prompt.invoke({'q': 1})\n",
        "async def f(workflow):\n    workflow.invoke({})\n",
        "from langchain_openai import ChatOpenAI\nllm = ChatOpenAI()\ndef f():\n"
        "    llm.invoke('q')\n",
    )
    invalid = (
        "from langchain_openai import ChatOpenAI\nllm = ChatOpenAI()\nasync def f():\n"
        "    llm.invoke('q')\n",
        "from langchain_core.retrievers import BaseRetriever\n"
        "async def f(retriever: BaseRetriever):\n    retriever.invoke('q')\n",
        "from agents import Runner\nasync def f(agent):\n    Runner.run_sync(agent, 'hi')\n",
        "from google import genai\nclient = genai.Client()\nasync def f():\n"
        "    client.models.generate_content(model='m', contents='q')\n",
    )

    def visit_Call(self, node: cst.Call) -> None:
        ctx = self.ctx
        if not ctx.in_blocking_context or ctx.is_awaited(node):
            return
        callee = ctx.resolve(node.func)
        if isinstance(callee, Ref) and callee.definition is None:
            twin = ctx.knowledge.twin_functions.get(callee.name)
            if twin is not None:
                self.report(
                    node,
                    f"`{callee.name}()` blocks the event loop; use `await {twin}(...)`",
                    self._function_fix(node, callee.name, twin),
                )
        elif isinstance(callee, Member):
            found = self._twin(callee, node)
            if found is not None and not is_fallback(ctx, node.func, found.expression):
                sync = self.ctx.code(node.func)
                twin = found.expression
                use = f"`await {twin}(...)`" if found.awaited else f"`async for ... in {twin}(...)`"
                fix = None
                if found.edits is not None:
                    awaiting = awaited(ctx, node)
                    if awaiting is not None:
                        fix = FixPlan(
                            f"Call `{found.name}` and await it", (*awaiting, *found.edits)
                        )
                self.report(node, f"`{sync}()` blocks the event loop; use {use}", fix)

    def _function_fix(self, node: cst.Call, sync: str, twin: str) -> FixPlan | None:
        """`Runner.run_sync(...)` -> `await Runner.run(...)`: the attribute renamed."""
        func = node.func
        module, _, name = sync.rpartition(".")
        twin_module, _, twin_name = twin.rpartition(".")
        if module != twin_module or not (
            isinstance(func, cst.Attribute) and func.attr.value == name
        ):
            return None
        awaiting = awaited(self.ctx, node)
        if awaiting is None:
            return None
        return FixPlan(
            f"Call `{twin_name}` and await it", (*awaiting, replace(func.attr, twin_name))
        )

    def _twin(self, callee: Member, call: cst.Call) -> _Twin | None:
        """The twin as the user would write it, whether it is awaited, and the edits
        that call it instead (None when the fix would not be the same program)."""
        found = async_twin(self.ctx, callee, call.func)
        if found is None:
            return None
        func, method, receiver = call.func, callee.path[-1], found.receiver
        if found.kind == "framework":
            assert found.framework is not None
            fix = receiver is not None and self._framework_fix(found.framework, callee, method)
            edits = _rename(func, found.name) if fix else None
        elif found.kind == "suffix":
            fix = (
                receiver is not None
                and method not in SUFFIX_TWIN_NO_FIX
                and not forwards_arguments(call)
                and not _passes_stream(call)
            )
            edits = _rename(func, found.name) if fix else None
        else:  # `client.models.x` -> `client.aio.models.x`
            fix = (
                receiver is not None
                and method not in AIO_TWIN_NO_FIX
                and not method.endswith("_stream")
            )
            prefix = found.name.partition(".")[0]
            edits = (insert_after(receiver, f".{prefix}"),) if fix and receiver else None
        return _Twin(found.expression, found.name, found.awaited, edits)

    def _framework_fix(self, framework: Framework, callee: Member, method: str) -> bool:
        """May a LangChain / LlamaIndex call take its twin's `await` form?"""
        if method in NO_FIX_TWINS.get(framework.name, ()) or method.startswith("stream"):
            return False
        source = self.ctx.source
        if framework.name == "LlamaIndex" and method in ("query", "chat"):  # engines'
            return not any(marker in source for marker in LLAMA_INDEX_STREAMING_MARKERS)
        if any(cls.startswith("langgraph.") for cls in callee.owner.types):
            savers = set(_SAVER.findall(source)) - ASYNC_CAPABLE_SAVERS
            return not any(not saver.startswith("Async") for saver in savers)
        return True


_SAVER = re.compile(r"\b\w*Saver\b")


@dataclass(frozen=True)
class _Twin:
    expression: str  # as the user would write it: `llm.ainvoke`
    name: str  # the method written in place of the sync one: `ainvoke`, `aio.models.x`
    awaited: bool  # else iterated with `async for`
    edits: tuple[Replace, ...] | None  # None: no fix


def _rename(func: cst.BaseExpression, name: str) -> tuple[Replace, ...]:
    """The edit that calls method `name` of the same receiver."""
    assert isinstance(func, cst.Attribute)
    return (replace(func.attr, name),)


def _passes_stream(call: cst.Call) -> bool:
    """`stream=` other than `False` (mistralai's `responses.create` then streams)."""
    value = argument(call, "stream")
    return value is not None and literal(value) is not False

from __future__ import annotations

import libcst as cst

from async_lint.analysis.values import Member, Ref
from async_lint.rules.base import Rule


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
    No automatic fix yet. The planned fix is safe: call the twin and
    `await` it. Streams (`stream` → `astream`) need `async for`, which is
    not rewritten.
    """

    code = "ASL104"
    name = "sync-method-with-async-twin"
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
        if not ctx.in_async_context or ctx.is_awaited(node):
            return
        callee = ctx.resolve(node.func)
        if isinstance(callee, Ref) and callee.definition is None:
            twin = ctx.knowledge.twin_functions.get(callee.name)
            if twin is not None:
                self.report(
                    node,
                    f"`{callee.name}()` blocks the event loop; use `await {twin}(...)`",
                )
        elif isinstance(callee, Member):
            found = self._twin(callee, node.func)
            if found is not None and not self._is_fallback(node.func, found[0]):
                twin, awaited = found
                sync = self.ctx.code(node.func)
                use = f"`await {twin}(...)`" if awaited else f"`async for ... in {twin}(...)`"
                self.report(node, f"`{sync}()` blocks the event loop; use {use}")

    def _twin(self, callee: Member, func: cst.BaseExpression) -> tuple[str, bool] | None:
        """The twin's expression as the user would write it, and whether it is awaited."""
        knowledge = self.ctx.knowledge
        path, method = callee.path, callee.path[-1]
        if len(path) == 1:
            framework = knowledge.framework_of(callee.owner.types)
            if framework is not None and method in framework.twins:
                return self._on_receiver(
                    func, 1, framework.twins[method]
                ), method not in framework.streams
        for cls in callee.owner.types:
            suffix = knowledge.suffix_twins.get(cls)
            if suffix is not None and len(path) >= 2:
                if method.startswith("_") or method.endswith(suffix):
                    return None
                if method in knowledge.suffix_twin_exceptions:
                    return None
                return self._on_receiver(func, 1, f"{method}{suffix}"), True
            aio = knowledge.aio_twins.get(cls)
            if aio is not None and len(path) == 2 and path[0] in aio[1]:
                return self._on_receiver(func, 2, f"{aio[0]}.{'.'.join(path)}"), True
        return None

    def _is_fallback(self, func: cst.BaseExpression, twin: str) -> bool:
        """Is this `self.complete(...)` inside `async def acomplete`, the twin itself?

        Frameworks implement a default async twin by calling the sync method:
        the fix belongs in the subclass that overrides only the sync one.
        """
        if not (
            isinstance(func, cst.Attribute)
            and isinstance(func.value, cst.Name)
            and func.value.value == "self"
        ):
            return False
        scope = self.ctx.scope
        while scope is not None:  # also from a generator nested in the twin
            node = scope.node
            if isinstance(node, cst.FunctionDef) and twin == f"self.{node.name.value}":
                return node.asynchronous is not None
            scope = scope.parent
        return False

    def _on_receiver(self, func: cst.BaseExpression, strip: int, replacement: str) -> str:
        """`<receiver>.<replacement>`, where the receiver is `func` minus `strip` attributes."""
        expr = func
        for _ in range(strip):
            assert isinstance(expr, cst.Attribute)
            expr = expr.value
        return f"{self.ctx.code(expr)}.{replacement}"

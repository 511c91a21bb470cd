from __future__ import annotations

import libcst as cst

from async_lint.analysis.values import Ref
from async_lint.knowledge import SyncHook
from async_lint.rules.base import Rule

_FALLBACKS = {
    "executor": "runs it in a thread-pool executor, so every `{public}` holds a worker thread",
    "loop": "calls it on the event loop, so every `{public}` blocks the loop",
    "abstract": "is abstract, so the class cannot be instantiated",
}


class SyncOnlyOverride(Rule):
    """
    ## What it does
    Reports a subclass of a LangChain or LlamaIndex base class that
    overrides the sync hook the framework asks for but not its async twin:

    | base | sync hook | async twin |
    |---|---|---|
    | LangChain `BaseRetriever` | `_get_relevant_documents` | `_aget_relevant_documents` |
    | LangChain `BaseTool` | `_run` | `_arun` |
    | LangChain `BaseChatModel`, `BaseLLM` | `_generate` | `_agenerate` |
    | LangChain `SimpleChatModel` | `_call`, `_generate` | `_agenerate` |
    | LangChain `LLM` | `_call` | `_acall` (or `_agenerate`) |
    | LlamaIndex `BaseRetriever` | `_retrieve` | `_aretrieve` |
    | LlamaIndex `BaseQueryEngine` | `_query` | `_aquery` |
    | LlamaIndex `CustomQueryEngine` | `custom_query` | `acustom_query` |

    The bases are matched through imports and aliases, under their public
    and defining module paths (`langchain_core.tools.BaseTool` and
    `langchain_core.tools.base.BaseTool`, `llama_index.core.retrievers` and
    `llama_index.core.base.base_retriever`) and the 0.x `langchain.*`
    re-exports. The hooks follow the installed class hierarchy:
    `SimpleChatModel` implements `_generate` through `_call` and has no
    `_acall`, so its twin is `_agenerate`; `LLM` implements `_agenerate`
    through `_acall`, so either counts. `CustomQueryEngine`, LlamaIndex's
    documented way to write a query engine, goes beyond the catalog's list:
    it is the same case. A project class between the framework and the
    subclass (in the same module) counts: `class Base(BaseTool)` then
    `class Search(Base)`. Not reported: a class that defines both hooks, one
    whose async twin comes from a project base of the same module, one that
    defines neither, and subclasses of concrete framework classes
    (`ChatOpenAI`), whose async path is their own. Streaming hooks
    (`_stream` / `_astream`) are not checked.

    The finding is on the line of the `class` keyword, below any decorators.

    ## Why is this bad
    Async code calls the framework's async path (`ainvoke`, `aretrieve`,
    `aquery`, an agent running tools). When the subclass only implements the
    sync hook, LangChain's default async twin runs it in a thread-pool
    executor — every call holds a worker thread of a small pool — and
    LlamaIndex's calls it directly on the event loop, which stalls every
    other request while it runs.

    ## Example
    ```python
    from langchain_core.tools import BaseTool

    class WeatherTool(BaseTool):
        name: str = "weather"
        description: str = "Current weather for a city"

        def _run(self, city: str) -> str:
            return requests.get(f"https://wttr.in/{city}", timeout=10).text
    ```

    ## Use instead
    ```python
    from langchain_core.tools import BaseTool

    class WeatherTool(BaseTool):
        name: str = "weather"
        description: str = "Current weather for a city"

        def _run(self, city: str) -> str:
            return requests.get(f"https://wttr.in/{city}", timeout=10).text

        async def _arun(self, city: str) -> str:
            async with httpx.AsyncClient(timeout=10) as client:
                return (await client.get(f"https://wttr.in/{city}")).text
    ```

    ## Fix safety
    No automatic fix: the async twin has to be written with async I/O.
    """

    code = "ASL603"
    name = "sync-only-override"
    summary = "a framework subclass that overrides a sync hook but not its async twin"
    valid = (
        "from langchain_core.tools import BaseTool\nclass T(BaseTool):\n"
        "    def _run(self, q):\n        return q\n"
        "    async def _arun(self, q):\n        return q\n",
        "class T:\n    def _run(self, q):\n        return q\n",
        "from langchain_core.tools import BaseTool\nclass T(BaseTool):\n    name: str = 't'\n",
    )
    invalid = (
        "from langchain_core.tools import BaseTool\nclass T(BaseTool):\n"
        "    def _run(self, q):\n        return q\n",
        "from llama_index.core.retrievers import BaseRetriever\nclass R(BaseRetriever):\n"
        "    def _retrieve(self, query_bundle):\n        return []\n",
        "from langchain_core.language_models import LLM\nclass M(LLM):\n"
        "    def _call(self, prompt, stop=None):\n        return prompt\n",
    )

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        ctx = self.ctx
        instance = ctx.resolver.class_instance(node, ctx.scope)
        base = next((cls for cls in instance.types[1:] if cls in ctx.knowledge.sync_hooks), None)
        if base is None:
            return
        own = _defined(node)
        inherited: set[str] | None = None
        for hook in ctx.knowledge.sync_hooks[base]:
            if hook.sync not in own:
                continue
            if inherited is None:
                inherited = own | self._from_project_bases(node, set())
            if not {hook.twin, *hook.also} & inherited:
                self.report(node, self._message(node, base, hook))
                return  # one finding per class

    def _message(self, node: cst.ClassDef, base: str, hook: SyncHook) -> str:
        fallback = _FALLBACKS[hook.fallback].format(public=hook.entry)
        return (
            f"`{node.name.value}` overrides `{hook.sync}` but not `{hook.twin}`: "
            f"`{base.rpartition('.')[2]}`'s `{hook.twin}` {fallback}; "
            f"define `async def {hook.twin}`"
        )

    def _from_project_bases(self, node: cst.ClassDef, seen: set[cst.ClassDef]) -> set[str]:
        """What the project classes `node` derives from (in this module) define."""
        names: set[str] = set()
        seen.add(node)
        for base in node.bases:
            if base.keyword is not None:
                continue
            value = self.ctx.resolve(base.value)
            definition = value.definition if isinstance(value, Ref) else None
            if isinstance(definition, cst.ClassDef) and definition not in seen:
                names |= _defined(definition)
                names |= self._from_project_bases(definition, seen)
        return names


def _defined(node: cst.ClassDef) -> set[str]:
    """The names a class body binds: methods and assigned attributes."""
    names = set()
    body = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
    for statement in body:
        if isinstance(statement, cst.FunctionDef):
            names.add(statement.name.value)
        elif isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                targets = []
                if isinstance(small, cst.Assign):
                    targets = [t.target for t in small.targets]
                elif isinstance(small, cst.AnnAssign) and small.value is not None:
                    targets = [small.target]
                names.update(t.value for t in targets if isinstance(t, cst.Name))
        elif isinstance(statement, cst.If):  # `if TYPE_CHECKING:` / version branches
            names |= _defined(node.with_changes(body=statement.body))
    return names

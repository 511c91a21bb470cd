"""ASL104's fix: where it is not offered, and the SDK facts its no-fix lists rest on."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import pytest

from async_lint import engine
from async_lint.config import Settings
from async_lint.fixes.apply import fix_source
from async_lint.knowledge.frameworks import AIO_TWIN_NO_FIX, AIO_TWINS, SUFFIX_TWIN_NO_FIX

SETTINGS = Settings(root=Path("."), select=("ASL104",))

LLM = "from langchain_openai import ChatOpenAI\nllm = ChatOpenAI(timeout=30)\n"
MISTRAL = "from mistralai import Mistral\nclient = Mistral(timeout_ms=1000)\n"
GENAI = "from google import genai\nclient = genai.Client()\n"
LLAMA = "from llama_index.core import VectorStoreIndex\nindex = VectorStoreIndex([])\n"


def _lint(text: str) -> list:
    return engine.lint_source(text, "module.py", SETTINGS).diagnostics


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(
            LLM + "async def f(q):\n    for chunk in llm.stream(q):\n        print(chunk)\n",
            id="LangChain stream",
        ),
        pytest.param(
            LLM + "async def f(q):\n    chunks = llm.stream(q)\n    return list(chunks)\n",
            id="LangChain stream bound to a name",
        ),
        pytest.param(
            "from llama_index.llms.openai import OpenAI\nllm = OpenAI(timeout=30)\n"
            "async def f(m):\n    for r in llm.stream_chat(m):\n        print(r.delta)\n",
            id="LlamaIndex stream_chat",
        ),
        pytest.param(
            "from llama_index.llms.openai import OpenAI\nllm = OpenAI(timeout=30)\n"
            "async def f(p):\n    return llm.stream_complete(p)\n",
            id="LlamaIndex stream_complete",
        ),
        pytest.param(
            LLAMA + "engine = index.as_query_engine(streaming=True)\n"
            "async def f(q):\n    for t in engine.query(q).response_gen:\n        print(t)\n",
            id="LlamaIndex streaming query engine",
        ),
        pytest.param(
            "from langgraph.checkpoint.sqlite import SqliteSaver\n"
            "from langgraph.prebuilt import create_react_agent\n"
            "agent = create_react_agent('m', [], checkpointer=SqliteSaver.from_conn_string(':m:'))\n"
            "async def f(m):\n    return agent.invoke({'messages': m})\n",
            id="LangGraph graph with a sync checkpointer",
        ),
        pytest.param(
            MISTRAL + "async def f(m):\n    for e in client.chat.stream(model='x', messages=m):\n"
            "        print(e)\n",
            id="mistralai stream",
        ),
        pytest.param(
            MISTRAL
            + "async def f(m):\n    return client.beta.conversations.start_stream(inputs=m)\n",
            id="mistralai start_stream",
        ),
        pytest.param(
            MISTRAL + "async def f(i):\n    return client.files.download(file_id=i).read()\n",
            id="mistralai raw response",
        ),
        pytest.param(
            MISTRAL + "async def f(m):\n    return client.responses.create(input=m, stream=True)\n",
            id="mistralai stream=True",
        ),
        pytest.param(
            MISTRAL + "async def f(kw):\n    return client.chat.complete(**kw)\n",
            id="mistralai **kwargs",
        ),
        pytest.param(
            GENAI + "async def f(p):\n"
            "    for c in client.models.generate_content_stream(model='m', contents=p):\n"
            "        print(c.text)\n",
            id="google-genai generate_content_stream",
        ),
        pytest.param(
            GENAI + "async def f():\n    return [m.name for m in client.models.list()]\n",
            id="google-genai pager",
        ),
        pytest.param(
            GENAI + "async def f(p):\n    models = client.models\n"
            "    return models.generate_content(model='m', contents=p)\n",
            id="google-genai service taken into a name",
        ),
        pytest.param(
            LLM + "async def f(qs):\n    return list(llm.invoke(q) for q in qs)\n",
            id="inside a generator expression",
        ),
        pytest.param(
            LLM + "async def f(q):\n    return f'{llm.invoke(q).content}'\n",
            id="inside an f-string",
        ),
        pytest.param(
            "from agents import Runner\nasync def f(agent):\n    run = Runner.run_sync\n"
            "    return run(agent, 'hi')\n",
            id="Runner.run_sync taken into a name",
        ),
    ],
)
def test_no_fix(source):
    assert [d.code for d in _lint(source)] == ["ASL104"]
    assert fix_source(source, _lint).source == source


def _module_classes(package: str):
    root = Path(importlib.import_module(package).__path__[0])
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                yield node


def test_mistral_methods_that_stream_page_or_return_raw_responses_get_no_fix():
    pytest.importorskip("mistralai.client")
    found = set()
    for cls in _module_classes("mistralai"):
        methods = {m.name: m for m in cls.body if isinstance(m, ast.FunctionDef)}
        for name, method in methods.items():
            if name.startswith("_") or f"{name}_async" not in methods:
                continue
            returns = ast.unparse(method.returns) if method.returns else ""
            if returns.startswith("Union") and "Stream" in returns:
                continue  # streams only with `stream=True`, which gets no fix
            if (
                "Stream" in returns
                or returns == "httpx.Response"
                or "next_func" in ast.unparse(method)
            ):
                found.add(name)
    assert found <= SUFFIX_TWIN_NO_FIX, sorted(found - SUFFIX_TWIN_NO_FIX)


def test_genai_methods_returning_iterators_or_pagers_get_no_fix():
    genai = pytest.importorskip("google.genai")
    client = genai.Client(api_key="test")
    _, services = AIO_TWINS["google.genai.Client"]
    for service in services:
        for name, method in inspect.getmembers(getattr(client, service), inspect.ismethod):
            returns = str(inspect.signature(method).return_annotation)
            if not name.startswith("_") and ("Iterator" in returns or "Pager" in returns):
                assert name in AIO_TWIN_NO_FIX or name.endswith("_stream"), f"{service}.{name}"

import libcst as cst

from async_lint.analysis.arguments import argument, forwards_arguments, is_none
from async_lint.analysis.values import Instance, Member
from async_lint.rules.base import Rule


class TimeoutDisabled(Rule):
    """
    ## What it does
    Reports an explicit `None` timeout, at the call that receives it:
    `timeout=None` on `requests`/`niquests` functions and sessions, on
    `httpx` functions and `httpx.Client`/`AsyncClient` (constructors and
    request methods), on `aiohttp.ClientSession` and its requests, on LLM SDK
    clients (`openai`, `anthropic`, `groq`, `together`, `cohere`) and on any
    call made through them (`client.chat.completions.create(...,
    timeout=None)`); `asyncio.wait_for(x, None)`, `asyncio.timeout(None)`,
    `asyncio.wait(..., timeout=None)`; and timeout objects that set no limit:
    `httpx.Timeout(None)`, `aiohttp.ClientTimeout()` and
    `aiohttp.ClientTimeout(total=None)` (every limit `None` or left out).

    Only a literal `None` is reported: a variable that may be `None` is not.

    ## Why is this bad
    `None` means "wait forever". One upstream that stops answering — a model
    endpoint under load, a half-open connection — then holds the request,
    its connection and its slot in every pool above it until the process
    restarts.

    ## Example
    ```python
    from openai import AsyncOpenAI

    client = AsyncOpenAI(timeout=None)
    ```

    ## Use instead
    ```python
    from openai import AsyncOpenAI

    client = AsyncOpenAI(timeout=60)
    ```
    For a long-running stream, give the read a generous bound rather than
    none: `httpx.Timeout(600, connect=5)`.

    ## Fix safety
    There is no automatic fix: only you know how long the call may take.
    """

    code = "ASL502"
    name = "timeout-disabled"
    summary = "an explicit `timeout=None` (or a timeout object with no limit)"
    valid = (
        "import httpx\nclient = httpx.AsyncClient(timeout=30)\n",
        "import asyncio\nasync def f(c):\n    return await asyncio.wait_for(c, 10)\n",
        "import aiohttp\nt = aiohttp.ClientTimeout(total=None, sock_read=30)\n",
        "def f(cache):\n    return cache.get('k', timeout=None)\n",
        "import requests\ndef f(t):\n    return requests.get('u', timeout=t)\n",
    )
    invalid = (
        "import httpx\nclient = httpx.AsyncClient(timeout=None)\n",
        "import requests\nrequests.get('u', timeout=None)\n",
        "import asyncio\nasync def f(c):\n    return await asyncio.wait_for(c, None)\n",
        "import aiohttp\nt = aiohttp.ClientTimeout()\n",
        "from openai import OpenAI\nclient = OpenAI(timeout=30)\n"
        "client.chat.completions.create(model='m', messages=[], timeout=None)\n",
    )

    def visit_Call(self, node: cst.Call) -> None:
        ctx = self.ctx
        knowledge = ctx.knowledge
        found = ctx.lookup_call(node, knowledge.disabling_functions, knowledge.disabling_methods)
        if found is not None:
            parameter, display = found
            if is_none(argument(node, parameter.keyword, parameter.position)):
                self.report(node, _message(parameter.keyword, f"`{display}`"))
            return
        name = ctx.qualified_name(node.func)
        if name in knowledge.unlimited_when_all_none:
            if not forwards_arguments(node) and all(is_none(a.value) for a in node.args):
                self.report(node, f"`{name}()` with no limit never times out; set the limits")
            return
        client = self._client_of(node.func)
        if client is not None and is_none(argument(node, "timeout")):
            self.report(node, _message("timeout", f"a call on `{client}`"))

    def _client_of(self, func: cst.BaseExpression) -> str | None:
        """The LLM client class a method call goes through, however deep the chain."""
        value = self.ctx.resolve(func)
        if isinstance(value, Member):
            owner: Instance = value.owner
            for cls in owner.types:
                if cls in self.ctx.knowledge.disabling_any_call_on:
                    return cls
        return None


def _message(keyword: str, subject: str) -> str:
    return (
        f"`{keyword}=None` disables the timeout of {subject}: one stuck call waits forever; "
        "pass a number of seconds"
    )

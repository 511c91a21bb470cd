"""ASL103's fix: the cases where it must not touch the code (the finding stays)."""

from __future__ import annotations

from pathlib import Path

import pytest

from async_lint import engine
from async_lint.config import Settings
from async_lint.fixes.apply import fix_source

SETTINGS = Settings(root=Path("."), select=("ALL",))


def _lint(text: str) -> list:
    return engine.lint_source(text, "case.py", SETTINGS).diagnostics


OPENAI = "from openai import OpenAI\n"
HTTPX = "import httpx\n"

NO_FIX = {
    "returned": OPENAI + "async def f():\n    c = OpenAI(timeout=3)\n"
    "    c.files.delete('f')\n    return c\n",
    "yielded": OPENAI + "async def f():\n    c = OpenAI(timeout=3)\n"
    "    c.files.delete('f')\n    yield c\n",
    "passed_to_a_helper": OPENAI + "async def f(helper):\n    c = OpenAI(timeout=3)\n"
    "    c.files.delete('f')\n    helper(c)\n",
    "stored": OPENAI + "async def f(clients):\n    c = OpenAI(timeout=3)\n"
    "    c.files.delete('f')\n    clients['a'] = c\n",
    "bare_attribute": OPENAI + "async def f():\n    c = OpenAI(timeout=3)\n"
    "    chat = c.chat\n    chat.completions.create(model='m', messages=[])\n",
    "with_options": OPENAI + "async def f():\n    c = OpenAI(timeout=3)\n"
    "    c.with_options(timeout=5).chat.completions.create(model='m', messages=[])\n",
    "pager": OPENAI
    + "async def f():\n    c = OpenAI(timeout=3)\n    return list(c.models.list())\n",
    "stream_true": OPENAI + "async def f():\n    c = OpenAI(timeout=3)\n"
    "    for chunk in c.chat.completions.create(model='m', messages=[], stream=True):\n"
    "        print(chunk)\n",
    "stream_variable": OPENAI + "async def f(s):\n    c = OpenAI(timeout=3)\n"
    "    c.chat.completions.create(model='m', messages=[], stream=s)\n",
    "kwargs_may_stream": OPENAI + "async def f(params):\n    c = OpenAI(timeout=3)\n"
    "    c.chat.completions.create(**params)\n",
    "module_level": OPENAI + "c = OpenAI(timeout=3)\nasync def f():\n"
    "    c.chat.completions.create(model='m', messages=[])\n",
    "self_attribute": OPENAI + "class A:\n    async def f(self):\n"
    "        self.c = OpenAI(timeout=3)\n"
    "        self.c.chat.completions.create(model='m', messages=[])\n",
    "parameter": HTTPX + "async def f(c: httpx.Client):\n    c.get('u')\n",
    "nested_def": OPENAI + "async def f():\n    c = OpenAI(timeout=3)\n"
    "    c.files.delete('f')\n    def g():\n        c.files.delete('g')\n    g()\n",
    "lambda": HTTPX + "async def f():\n    c = httpx.Client(timeout=3)\n"
    "    c.get('u')\n    g = lambda: c.get('v')\n",
    "comprehension": HTTPX + "async def f(us):\n    c = httpx.Client(timeout=3)\n"
    "    return [c.get(u) for u in us]\n",
    "generator": HTTPX + "async def f(us):\n    c = httpx.Client(timeout=3)\n"
    "    return list(c.get(u) for u in us)\n",
    "f_string": HTTPX + "async def f():\n    c = httpx.Client(timeout=3)\n"
    "    return f'{c.get(\"u\").text}'\n",
    "rebound": HTTPX + "async def f():\n    c = httpx.Client(timeout=3)\n"
    "    c.get('u')\n    c = httpx.Client(timeout=4)\n    c.get('v')\n",
    "two_clients_one_name": HTTPX + "async def f(x):\n    if x:\n"
    "        c = httpx.Client(timeout=3)\n    else:\n        c = httpx.Client(timeout=4)\n"
    "    c.get('u')\n",
    "deleted": HTTPX
    + "async def f():\n    c = httpx.Client(timeout=3)\n    c.get('u')\n    del c\n",
    "global": HTTPX + "async def f():\n    global c\n    c = httpx.Client(timeout=3)\n"
    "    c.get('u')\n",
    "httpx_close": HTTPX + "async def f():\n    c = httpx.Client(timeout=3)\n"
    "    c.get('u')\n    c.close()\n",
    "httpx_stream": HTTPX + "async def f():\n    with httpx.Client(timeout=3) as c:\n"
    "        with c.stream('GET', 'u') as r:\n            r.read()\n",
    "name_clash": OPENAI + "AsyncOpenAI = None\nasync def f():\n    c = OpenAI(timeout=3)\n"
    "    c.files.delete('f')\n",
    "sync_http_client": OPENAI + HTTPX + "async def f():\n"
    "    c = OpenAI(timeout=3, http_client=httpx.Client())\n    c.files.delete('f')\n",
    "sync_transport": HTTPX + "async def f():\n"
    "    c = httpx.Client(timeout=3, transport=httpx.HTTPTransport(retries=2))\n    c.get('u')\n",
    "callable_api_key": OPENAI + "async def f(token):\n"
    "    c = OpenAI(api_key=token, timeout=3)\n    c.files.delete('f')\n",
    "constructor_kwargs": OPENAI + "async def f(options):\n"
    "    c = OpenAI(**options)\n    c.files.delete('f')\n",
    "annotated": OPENAI + "async def f():\n    c: OpenAI = OpenAI(timeout=3)\n"
    "    c.files.delete('f')\n",
    "two_targets": HTTPX + "async def f():\n    a = b = httpx.Client(timeout=3)\n    a.get('u')\n",
    "with_two_items": HTTPX + "async def f():\n"
    "    with httpx.Client(timeout=3) as a, httpx.Client(timeout=3) as b:\n"
    "        a.get('u')\n        b.get('v')\n",
    "with_without_async_with": "from qdrant_client import QdrantClient\nasync def f():\n"
    "    with QdrantClient(timeout=3) as q:\n        q.count('c')\n",
    "not_a_drop_in": "import requests\nasync def f():\n    s = requests.Session()\n"
    "    s.get('u', timeout=3)\n",
    "not_known_coroutine": "import redis\nasync def f():\n    r = redis.Redis()\n    r.get('k')\n",
    "chain_on_pager": OPENAI + "async def f():\n    return OpenAI(timeout=3).models.list()\n",
}


@pytest.mark.parametrize("source", NO_FIX.values(), ids=NO_FIX.keys())
def test_no_fix(source):
    found = [d for d in _lint(source) if d.code == "ASL103"]
    assert found, "the finding is reported"
    assert all(d.fix is None for d in found)
    assert fix_source(source, _lint).source == source


def test_the_fix_is_shared_by_the_construction_and_its_uses():
    source = HTTPX + "async def f():\n    c = httpx.Client(timeout=3)\n    c.get('u')\n"
    found = [d for d in _lint(source) if d.code == "ASL103"]
    assert len(found) == 2
    assert found[0].fix is not None and found[0].fix == found[1].fix
    result = fix_source(source, _lint)
    assert "await c.get('u')" in result.source
    assert not [d for d in result.remaining if d.code == "ASL103"]


def test_an_awaited_use_is_left_as_it_is():
    source = HTTPX + "async def f():\n    c = httpx.Client(timeout=3)\n    await c.get('u')\n"
    fixed = fix_source(source, _lint).source
    assert fixed == source.replace("httpx.Client", "httpx.AsyncClient")


def test_a_client_never_used_is_swapped():
    source = HTTPX + "async def f():\n    c = httpx.Client(timeout=3)\n"
    assert "httpx.AsyncClient(timeout=3)" in fix_source(source, _lint).source


def test_no_fix_when_the_name_also_means_something_else():
    for source in (
        "import httpx\nasync def f(c, u):\n    c.get(u)\n    c = httpx.Client()\n    return c.get(u)\n",
        "import httpx\nasync def f(u):\n    c = None\n    c = httpx.Client()\n    return c.get(u)\n",
    ):
        assert fix_source(source, _lint).source == source

from async_lint.diagnostics import Applicability
from async_lint.rules._blocking import BlockingCallRule
from async_lint.rules.base import FixAvailability


class BlockingHttpCall(BlockingCallRule):
    """
    ## What it does
    Reports module-level synchronous HTTP calls in async context:
    `requests.get/post/put/patch/delete/head/options/request` (and the same
    for `niquests`), `httpx.get/.../request/stream` (and `httpx2`),
    `urllib.request.urlopen`, `urllib3.request`, and constructing
    `http.client.HTTPConnection` / `HTTPSConnection`.

    Methods of sync client objects (`requests.Session().get`,
    `httpx.Client().post`) belong to ASL103 sync-client-in-async.

    ## Why is this bad
    A synchronous HTTP request holds the event loop for the whole round trip:
    while one handler waits for a slow upstream, every other request served by
    the same process waits too. Under load this turns one slow dependency into
    a full outage.

    ## Example
    ```python
    import requests

    async def fetch_weather(city: str) -> dict:
        response = requests.get(f"https://api.example.com/{city}", timeout=10)
        return response.json()
    ```

    ## Use instead
    ```python
    import httpx

    http = httpx.AsyncClient(timeout=10)

    async def fetch_weather(city: str) -> dict:
        response = await http.get(f"https://api.example.com/{city}")
        return response.json()
    ```

    ## Fix safety
    Unsafe: `requests.get(url, timeout=5)` becomes
    `await asyncio.to_thread(requests.get, url, timeout=5)`. That keeps the
    loop free but runs the call in a worker thread, concurrently with the
    loop's other work, and a thread-pool slot is taken while it waits; an
    async client is the better end state. Offered for the `requests`,
    `niquests`, `httpx`, `httpx2` and `urllib3` request functions, which
    return the whole response; not for `httpx.stream` (a context manager),
    `urlopen` (its body is read later, on the loop) or a connection class.
    In a module that uses trio or anyio the call becomes
    `await trio.to_thread.run_sync(func, *args)` (or `anyio`'s), which takes
    no keyword arguments: a call with some gets no fix there. No fix where
    `await` cannot stand (a generator expression, an f-string).
    """

    code = "ASL102"
    name = "blocking-http-call"
    fix_availability = FixAvailability.SOMETIMES
    fix_safety = Applicability.UNSAFE
    summary = "sync HTTP call (`requests`, `httpx`, `urllib`) in async context"
    valid = (
        "import httpx\nasync def f(c: httpx.AsyncClient):\n    await c.get('u')\n",
        "import requests\ndef f():\n    requests.get('u', timeout=5)\n",
        "async def f(d):\n    d.get('key')\n",
        "import asyncio, requests\nasync def f():\n"
        "    await asyncio.to_thread(requests.get, 'u', timeout=5)\n",
        "from aiohttp import request\nasync def f():\n    async with request('GET', 'u') as r:\n"
        "        pass\n",
    )
    invalid = (
        "import requests\nasync def f():\n    requests.get('u', timeout=5)\n",
        "from requests import post\nasync def f():\n    post('u', json={}, timeout=5)\n",
        "import httpx\nasync def f():\n    httpx.get('u')\n",
        "import urllib.request\nasync def f():\n    urllib.request.urlopen('u', timeout=5)\n",
        "from http.client import HTTPSConnection\nasync def f():\n    HTTPSConnection('h')\n",
    )

import libcst as cst

from async_lint.analysis.arguments import argument, forwards_arguments
from async_lint.diagnostics import Applicability
from async_lint.fixes.plan import FixPlan
from async_lint.fixes.rewrites import add_argument, number_literal
from async_lint.rules.base import FixAvailability, Rule


class HttpCallWithoutTimeout(Rule):
    """
    ## What it does
    Reports HTTP calls that have no timeout unless you give one, in any
    context (sync code too): the `requests` and `niquests` functions
    (`get`, `post`, `put`, `patch`, `delete`, `head`, `options`, `request`),
    the same methods of their `Session` objects (not `mount`, `close`, ...),
    and `urllib.request.urlopen`, when no `timeout` is passed, by keyword or
    by position (`urlopen(url, data, 10)`, `session.request(m, url, ..., 10)`
    as its ninth argument). Calls that pass `*args` or `**kwargs` are not
    reported: the timeout may be in them.

    ## Why is this bad
    These clients wait for the server for as long as it takes, by default
    forever. One upstream that accepts the connection and never answers
    holds the worker thread (or, inside `async def`, the whole event loop)
    until the process is restarted.

    ## Example
    ```python
    import requests

    def fetch_embedding(text):
        return requests.post("https://embed.example.com", json={"text": text}).json()
    ```

    ## Use instead
    ```python
    import requests

    def fetch_embedding(text):
        response = requests.post("https://embed.example.com", json={"text": text}, timeout=30)
        return response.json()
    ```

    ## Fix safety
    Unsafe: the fix passes `timeout=<default-timeout>` (the `default-timeout`
    option, 30 seconds unless configured) after the last argument:
    `requests.get(url)` becomes `requests.get(url, timeout=30)`. A call that
    used to wait for a slow answer may then fail with a timeout error.
    """

    code = "ASL501"
    name = "http-call-without-timeout"
    fix_availability = FixAvailability.ALWAYS
    fix_safety = Applicability.UNSAFE
    summary = "`requests`/`niquests`/`urlopen` call without a timeout (any context)"
    valid = (
        "import requests\nrequests.get('u', timeout=5)\n",
        "import requests\ndef f(**kw):\n    return requests.get('u', **kw)\n",
        "import urllib.request\nurllib.request.urlopen('u', None, 10)\n",
        "import requests\ns = requests.Session()\ns.mount('https://', None)\ns.close()\n",
        "import httpx\nhttpx.get('u')\n",
        "def f(cache):\n    return cache.get('key')\n",
    )
    invalid = (
        "import requests\nrequests.get('u')\n",
        "from requests import post\nasync def f():\n    post('u', json={})\n",
        "import requests\ns = requests.Session()\ns.get('u')\n",
        "from urllib.request import urlopen\nurlopen('u')\n",
        "import niquests\nniquests.request('GET', 'u')\n",
    )

    def visit_Call(self, node: cst.Call) -> None:
        knowledge = self.ctx.knowledge
        found = self.ctx.lookup_call(node, knowledge.timeout_functions, knowledge.timeout_methods)
        if found is None:
            return
        parameter, display = found
        given = argument(node, parameter.keyword, parameter.position)
        if given is None and not forwards_arguments(node):
            seconds = number_literal(self.ctx.settings.default_timeout)
            fix = FixPlan(
                f"Pass `timeout={seconds}`",
                (add_argument(node, f"timeout={seconds}"),),
                Applicability.UNSAFE,
            )
            self.report(
                node,
                f"`{display}` without a timeout waits forever if the server stops answering; "
                "pass `timeout=`",
                fix,
            )

"""Module-level synchronous HTTP calls (ASL102)."""

from async_lint.knowledge import BlockingCall

_ASYNC_HTTP = "an async HTTP client (`httpx.AsyncClient`, `aiohttp.ClientSession`)"
_HTTP = BlockingCall("ASL102", _ASYNC_HTTP)
# Calls that return the whole response: a worker thread can make them. Not
# `httpx.stream` (a context manager), `urlopen` (the body is read later) or a
# connection object (its requests come later).
_HTTP_CALL = BlockingCall("ASL102", _ASYNC_HTTP, offload=True)
_VERBS = ("get", "post", "put", "patch", "delete", "head", "options", "request")

FUNCTIONS = {
    **{f"{module}.{verb}": _HTTP_CALL for module in ("requests", "niquests") for verb in _VERBS},
    **{f"{module}.{verb}": _HTTP_CALL for module in ("httpx", "httpx2") for verb in _VERBS},
    **{f"{module}.stream": _HTTP for module in ("httpx", "httpx2")},
    "urllib.request.urlopen": _HTTP,
    "urllib3.request": _HTTP_CALL,
    "http.client.HTTPConnection": _HTTP,
    "http.client.HTTPSConnection": _HTTP,
}

# The native async form of the functions a worker thread can run (ASL601).
# requests has none of its own: the async clients of httpx and niquests take
# the same calls. `httpx.stream` (a context manager) is not offloaded whole.
_ASYNC_CLIENT_CALL = (
    "`await client.{verb}(...)` on an `httpx.AsyncClient` or `niquests.AsyncSession`"
)
ASYNC_FORMS = {
    **{f"requests.{verb}": _ASYNC_CLIENT_CALL.format(verb=verb) for verb in _VERBS},
    **{f"niquests.{verb}": f"`await niquests.a{verb}(...)`" for verb in _VERBS},
    **{
        f"{module}.{verb}": f"`await client.{verb}(...)` on an `{module}.AsyncClient`"
        for module in ("httpx", "httpx2")
        for verb in _VERBS
    },
}

# The same functions under the submodules that define them.
ALIASES = {
    **{f"requests.api.{verb}": f"requests.{verb}" for verb in _VERBS},
    **{f"niquests.api.{verb}": f"niquests.{verb}" for verb in _VERBS},
    **{f"httpx._api.{verb}": f"httpx.{verb}" for verb in (*_VERBS, "stream")},
}

"""Timeouts: calls that wait forever without one (ASL501) and `None`s that disable one (ASL502)."""

from async_lint.knowledge import TimeoutParameter, clients

_KEYWORD = TimeoutParameter("timeout")
_VERBS = ("get", "post", "put", "patch", "delete", "head", "options", "request")
_SESSIONS = ("requests.Session", "niquests.Session")

# requests and niquests have no default timeout: a silent server holds the
# call (and its thread or event loop) forever.
REQUIRED_FUNCTIONS = {
    **{f"{module}.{verb}": _KEYWORD for module in ("requests", "niquests") for verb in _VERBS},
    "urllib.request.urlopen": TimeoutParameter("timeout", 2),  # urlopen(url, data, timeout)
}
REQUIRED_METHODS = {
    **{(session, verb): _KEYWORD for session in _SESSIONS for verb in _VERBS if verb != "request"},
    # Session.request(method, url, params, data, headers, cookies, files, auth, timeout, ...)
    **{(session, "request"): TimeoutParameter("timeout", 8) for session in _SESSIONS},
}

CLASSES = frozenset({*_SESSIONS, *clients.HTTP_CLIENTS, *clients.LLM_CLIENTS})
FACTORIES = {
    "requests.session": "requests.Session",
    "requests.sessions.session": "requests.Session",
}
ALIASES = {
    "requests.sessions.Session": "requests.Session",
    "niquests.sessions.Session": "niquests.Session",
    **clients.ALIASES,
}

# ASL502: where an explicit `None` turns the timeout off ---------------------

_HTTPX_FUNCTIONS = (*_VERBS, "stream")

DISABLING_FUNCTIONS = {
    **REQUIRED_FUNCTIONS,
    **{f"{module}.{name}": _KEYWORD for module in ("httpx", "httpx2") for name in _HTTPX_FUNCTIONS},
    **dict.fromkeys(clients.HTTP_CLIENTS, _KEYWORD),
    **{cls: TimeoutParameter(keywords[0]) for cls, keywords in clients.LLM_CLIENTS.items()},
    "asyncio.wait_for": TimeoutParameter("timeout", 1),
    "asyncio.timeout": TimeoutParameter("delay", 0),
    "asyncio.wait": _KEYWORD,
}
DISABLING_METHODS = {
    **REQUIRED_METHODS,
    **{
        (cls, method): _KEYWORD
        for cls in clients.HTTP_CLIENTS
        for method in (*clients.HTTP_METHODS, "send", "ws_connect")
    },
}
# Any call on these clients, however deep (`client.chat.completions.create`).
DISABLING_ANY_CALL_ON = frozenset(clients.LLM_CLIENTS)
# Timeout objects that, given only `None`s, set no limit at all.
UNLIMITED_WHEN_ALL_NONE = frozenset({"httpx.Timeout", "httpx2.Timeout", "aiohttp.ClientTimeout"})

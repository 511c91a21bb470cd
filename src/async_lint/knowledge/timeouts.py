"""Timeouts: which calls wait forever without one (ASL501)."""

from async_lint.knowledge import TimeoutParameter

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

CLASSES = frozenset(_SESSIONS)
FACTORIES = {
    "requests.session": "requests.Session",
    "requests.sessions.session": "requests.Session",
}
ALIASES = {
    "requests.sessions.Session": "requests.Session",
    "niquests.sessions.Session": "niquests.Session",
}

"""The rules' codes, names, defaults and severities, as data.

Generated from the rule registry by `python -m async_lint.docs`, and checked
by tests/test_rules.py. What needs only these (reading the configuration,
writing reports, a run whose files all come from the cache) reads them here:
loading the rules loads libcst, which takes longer than such a run.
"""

from __future__ import annotations

from async_lint.diagnostics import Severity

INTERNAL_ERROR = "ASL999"  # a rule failed on a file
DOCS_URL = "https://github.com/async-lint/async-lint/blob/main/docs/rules.md#{anchor}"

# code: (name, on by default, severity)
RULES: dict[str, tuple[str, bool, Severity]] = {
    "ASL000": ("cannot-parse", True, Severity.ERROR),
    "ASL101": ("blocking-sleep", True, Severity.WARNING),
    "ASL102": ("blocking-http-call", True, Severity.WARNING),
    "ASL103": ("sync-client-in-async", True, Severity.WARNING),
    "ASL104": ("sync-method-with-async-twin", True, Severity.WARNING),
    "ASL105": ("blocking-file-io", True, Severity.WARNING),
    "ASL106": ("blocking-subprocess", True, Severity.WARNING),
    "ASL107": ("blocking-db-call", True, Severity.WARNING),
    "ASL108": ("blocking-wait", True, Severity.WARNING),
    "ASL110": ("transitive-blocking-call", True, Severity.WARNING),
    "ASL201": ("client-per-request", True, Severity.WARNING),
    "ASL202": ("client-in-loop", True, Severity.WARNING),
    "ASL301": ("unbounded-fan-out", True, Severity.WARNING),
    "ASL302": ("dangling-task", True, Severity.WARNING),
    "ASL303": ("unawaited-coroutine", True, Severity.ERROR),
    "ASL401": ("nested-event-loop", True, Severity.ERROR),
    "ASL402": ("transitive-nested-event-loop", True, Severity.ERROR),
    "ASL403": ("get-event-loop-in-coroutine", True, Severity.WARNING),
    "ASL501": ("http-call-without-timeout", True, Severity.WARNING),
    "ASL502": ("timeout-disabled", True, Severity.WARNING),
    "ASL503": ("llm-client-default-timeout", True, Severity.WARNING),
    "ASL601": ("offload-with-async-twin", True, Severity.WARNING),
    "ASL602": ("thread-offload", False, Severity.NOTE),
    "ASL603": ("sync-only-override", True, Severity.WARNING),
}
# The transitive rules' messages, `{function}` and `{chain}` to fill in.
CHAIN_TEMPLATES = {
    "ASL110": (
        "`{function}()` blocks: {chain}; make it async or run it with `await "
        "asyncio.to_thread(...)`"
    ),
    "ASL402": (
        "`{function}()` starts an event loop inside the running one: {chain}; await the "
        "coroutine it runs instead"
    ),
}


def name(code: str) -> str:
    return RULES[code][0] if code in RULES else "internal-error"


def docs_url(code: str) -> str:
    anchor = f"{code}-{RULES[code][0]}".lower() if code in RULES else code.lower()
    return DOCS_URL.format(anchor=anchor)


def severity(code: str) -> Severity:
    """A code's severity; an internal error (ASL999) is an error."""
    return RULES[code][2] if code in RULES else Severity.ERROR

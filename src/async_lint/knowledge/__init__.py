"""What async-lint knows about libraries, as data.

Every table here is keyed by the fully qualified name users reach through
their imports (`time.sleep`, `threading.Lock.acquire`). Adding an API is one
entry in one of the data modules, never a new `if` in a rule. The
`Knowledge` object merges the built-in tables with the user's
`extra-blocking-calls` option.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from async_lint.analysis.values import Instance


@dataclass(frozen=True)
class NonBlockingArg:
    """A literal argument that turns a blocking call into a non-blocking one.

    `acquire(blocking=False)` and `acquire(False)` are both written as
    `NonBlockingArg("blocking", 0, False)`. Literal values compare with ==, so
    `timeout=0` also matches `timeout=0.0`.
    """

    keyword: str
    position: int | None
    value: object


@dataclass(frozen=True)
class BlockingCall:
    """A call that blocks the calling thread, and therefore the event loop."""

    code: str  # the ASL1xx rule that reports it
    instead: str  # what async code should use, as a phrase for the message
    non_blocking: tuple[NonBlockingArg, ...] = ()
    opens_file: bool = False  # returns an open file (`open`, `Path.open`)
    on_socket: bool = False  # an operation on a socket object


@dataclass(frozen=True)
class TimeoutParameter:
    """Where a call takes its timeout: a keyword, and its position if it has one."""

    keyword: str
    position: int | None = None


@dataclass(frozen=True)
class Knowledge:
    """The merged view the analysis and the rules consult."""

    # qualified function or class name -> blocking call (a class: its constructor)
    functions: Mapping[str, BlockingCall]
    # (qualified class name, method name) -> blocking call
    methods: Mapping[tuple[str, str], BlockingCall]
    # qualified names that are classes: calling one makes an instance of it
    classes: frozenset[str]
    # qualified function name -> qualified class of the instance it returns
    factories: Mapping[str, str]
    # (qualified class, method or attribute) -> qualified class it returns
    members: Mapping[tuple[str, str], str]
    # the members above that are read as attributes (`path.parent`), not called
    properties: frozenset[tuple[str, str]] = frozenset()
    # what iterating or indexing yields: a function's result or a (class, member)
    items: Mapping[str | tuple[str, str], str] = field(default_factory=dict)
    # known ancestors of known classes (`threading.Timer` is a `threading.Thread`)
    bases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # calls that need a timeout (ASL501), by function and by (class, method)
    timeout_functions: Mapping[str, TimeoutParameter] = field(default_factory=dict)
    timeout_methods: Mapping[tuple[str, str], TimeoutParameter] = field(default_factory=dict)
    # where an explicit None disables a timeout (ASL502), by function and by (class, method)
    disabling_functions: Mapping[str, TimeoutParameter] = field(default_factory=dict)
    disabling_methods: Mapping[tuple[str, str], TimeoutParameter] = field(default_factory=dict)
    disabling_any_call_on: frozenset[str] = frozenset()  # every call on these clients
    unlimited_when_all_none: frozenset[str] = frozenset()  # `httpx.Timeout(None)`
    # LLM SDK client classes -> the constructor parameters that set a timeout (ASL503)
    llm_clients: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # module exports named like builtins, which a star import puts over them
    builtin_shadows: frozenset[str] = frozenset()
    # alternative spellings -> the canonical qualified name
    aliases: Mapping[str, str] = field(default_factory=dict)

    def canonical(self, name: str) -> str:
        return self.aliases.get(name, name)

    def instance(self, cls: str) -> Instance:
        """An instance of `cls`, typed with the ancestors the tables know."""
        return Instance((cls, *self.bases.get(cls, ())))


def build(extra_blocking_calls: Mapping[str, str] | None = None) -> Knowledge:
    """The built-in knowledge, extended with `extra-blocking-calls`.

    An extra name `pkg.mod.fetch` is matched as a function; when its owner
    is named like a class (`pkg.Client.fetch`), also as the method `fetch` of
    instances of `pkg.Client`.
    """
    from async_lint.knowledge import clients, http, stdlib, timeouts

    functions = {**stdlib.FUNCTIONS, **http.FUNCTIONS}
    methods = dict(stdlib.METHODS)
    classes = set(stdlib.CLASSES) | timeouts.CLASSES
    for name, code in (extra_blocking_calls or {}).items():
        call = BlockingCall(code, "a non-blocking alternative or `await asyncio.to_thread(...)`")
        functions[name] = call
        owner, _, method = name.rpartition(".")
        if owner and owner.rpartition(".")[2][:1].isupper():
            methods[(owner, method)] = call
            classes.add(owner)
    return Knowledge(
        functions=functions,
        methods=methods,
        classes=frozenset(classes),
        factories={**stdlib.FACTORIES, **timeouts.FACTORIES},
        members=dict(stdlib.MEMBERS),
        properties=stdlib.PROPERTIES,
        items=dict(stdlib.ITEMS),
        bases=dict(stdlib.BASES),
        builtin_shadows=stdlib.BUILTIN_SHADOWS,
        timeout_functions=timeouts.REQUIRED_FUNCTIONS,
        timeout_methods=timeouts.REQUIRED_METHODS,
        disabling_functions=timeouts.DISABLING_FUNCTIONS,
        disabling_methods=timeouts.DISABLING_METHODS,
        disabling_any_call_on=timeouts.DISABLING_ANY_CALL_ON,
        unlimited_when_all_none=timeouts.UNLIMITED_WHEN_ALL_NONE,
        llm_clients=clients.LLM_CLIENTS,
        aliases={**stdlib.ALIASES, **http.ALIASES, **timeouts.ALIASES},
    )


DEFAULT = build()

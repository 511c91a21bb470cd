"""What async-lint knows about libraries, as data.

Every table here is keyed by the fully qualified name users reach through
their imports (`time.sleep`, `threading.Lock.acquire`). Adding an API is one
entry in one of the data modules, never a new `if` in a rule. The
`Knowledge` object merges the built-in tables with the user's
`extra-blocking-calls` option.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fnmatch import fnmatchcase

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
    # `await asyncio.to_thread(func, *args, **kwargs)` does the whole blocking work
    # (not so for a file handle, a generator or a context manager it returns)
    offload: bool = False


@dataclass(frozen=True)
class TimeoutParameter:
    """Where a call takes its timeout: a keyword, and its position if it has one."""

    keyword: str
    position: int | None = None


@dataclass(frozen=True)
class SyncClient:
    """A sync client class, or the factory that makes one (ASL103).

    `twin` is the async form async code should use, `drop_in` says it takes
    the same arguments and has the same methods (so the class can simply be
    swapped), and `hint` says how to use a twin that is not a drop-in.
    """

    twin: str | None = None
    drop_in: bool = False
    hint: str = ""
    display: str = ""  # how messages name an instance, when not by its class
    # the twin is also entered with `async with` where the client is entered with `with`
    async_with: bool = False
    # constructor parameters that take sync objects (an HTTP client, a transport, a token
    # provider) the twin does not accept: the ASL103 fix leaves a client given one alone
    sync_only: tuple[str, ...] = ()


@dataclass(frozen=True)
class Framework:
    """A framework whose objects have async twins of their sync methods (ASL104).

    Its objects are instances of classes from `packages` (top-level package
    names, `*` wildcards allowed), except the pure-computation classes named
    by `local_modules` / `local_suffixes` (prompt templates, output parsers).
    """

    name: str
    packages: tuple[str, ...]
    twins: Mapping[str, str]  # sync method -> its async twin
    streams: frozenset[str] = frozenset()  # twins iterated with `async for`, not awaited
    local_modules: tuple[str, ...] = ()
    local_suffixes: tuple[str, ...] = ()
    builders: Mapping[str, str] = field(default_factory=dict)  # method -> class of its result
    pipe: str | None = None  # the class `a | b` makes (LangChain's RunnableSequence)

    def owns(self, cls: str) -> bool:
        top = cls.partition(".")[0]
        return any(fnmatchcase(top, package) for package in self.packages)

    def object_of(self, types: tuple[str, ...]) -> bool:
        """True when the most derived framework class among `types` does I/O."""
        for cls in types:
            if self.owns(cls):
                local = cls.startswith(self.local_modules) or cls.endswith(self.local_suffixes)
                return not local
        return False

    def constructs(self, name: str) -> str | None:
        """`ChatOpenAI(...)` and `VectorStoreIndex.from_documents(...)` make instances."""
        if not self.owns(name):
            return None
        owner, _, last = name.rpartition(".")
        if last[:1].isupper():
            return name
        if last.startswith("from_") and owner.rpartition(".")[2][:1].isupper():
            return owner
        return None


@dataclass(frozen=True)
class SyncHook:
    """A method a framework base class asks subclasses to implement (ASL603).

    `twin` is its async counterpart; when a subclass overrides only `sync`,
    the base's default `twin` runs it in a thread-pool executor
    (`fallback="executor"`) or calls it on the event loop (`"loop"`), or is
    abstract (`"abstract"`). Defining any of `twin`, *`also`* keeps the
    async path native (LangChain's `LLM` also calls `_agenerate`).
    """

    sync: str
    twin: str
    entry: str  # the public async method that reaches it: `ainvoke`, `aretrieve`
    fallback: str = "executor"
    also: tuple[str, ...] = ()


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
    # sync client classes and factories -> their async form (ASL103)
    sync_clients: Mapping[str, SyncClient] = field(default_factory=dict)
    # sync client class -> attribute paths whose calls do no I/O (`with_options`, `headers.update`)
    local_calls: Mapping[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    # classes whose Capitalized methods build lazy objects (`s3.Bucket("b")`)
    lazy_subresources: frozenset[str] = frozenset()
    # async client classes and factories, and (class, method) pairs that make one (ASL201)
    async_clients: frozenset[str] = frozenset()
    async_client_methods: frozenset[tuple[str, str]] = frozenset()
    # framework objects whose sync methods have async twins (ASL104)
    frameworks: tuple[Framework, ...] = ()
    # functions with an async twin (`agents.Runner.run_sync` -> `agents.Runner.run`)
    twin_functions: Mapping[str, str] = field(default_factory=dict)
    # one class for both modes: the method `m` has the twin `m<suffix>` (mistralai)
    suffix_twins: Mapping[str, str] = field(default_factory=dict)
    suffix_twin_exceptions: frozenset[str] = frozenset()  # method names
    # one class for both modes: `client.<service>.m` has the twin `client.<aio>.<service>.m`
    aio_twins: Mapping[str, tuple[str, frozenset[str]]] = field(default_factory=dict)
    # module exports named like builtins, which a star import puts over them
    builtin_shadows: frozenset[str] = frozenset()
    # tasks (ASL301, ASL302): functions that start one, and (class, method) -> held by a group
    task_functions: frozenset[str] = frozenset()
    task_methods: Mapping[tuple[str, str], bool] = field(default_factory=dict)
    # fan-out (ASL301): `gather(*aws)`, `wait(aws)`; limiters; fixed-size chunkers
    gather_starred: frozenset[str] = frozenset()
    gather_iterable: frozenset[str] = frozenset()
    limiters: frozenset[str] = frozenset()
    not_fanning: frozenset[str] = frozenset()  # futures, sleeps, thread-pool offloads
    # thread-pool offloads (ASL601, ASL602): function, or method name on any
    # receiver -> the position of the callable they run
    offload_functions: Mapping[str, int] = field(default_factory=dict)
    offload_methods: Mapping[str, int] = field(default_factory=dict)
    # sync functions with a native async form (ASL601) -> that form, for a message
    async_forms: Mapping[str, str] = field(default_factory=dict)
    # framework base classes -> the sync hooks whose default async twin runs them
    # in an executor or on the loop (ASL603)
    sync_hooks: Mapping[str, tuple[SyncHook, ...]] = field(default_factory=dict)
    batchers: frozenset[str] = frozenset()
    same_length: frozenset[str] = frozenset()
    # coroutine functions and (class, attribute path) coroutine methods (ASL303)
    coroutine_functions: frozenset[str] = frozenset()
    coroutine_methods: frozenset[tuple[str, tuple[str, ...]]] = frozenset()
    # alternative spellings -> the canonical qualified name
    aliases: Mapping[str, str] = field(default_factory=dict)

    def canonical(self, name: str) -> str:
        return self.aliases.get(name, name)

    def instance(self, cls: str) -> Instance:
        """An instance of `cls`, typed with the ancestors the tables know."""
        return Instance((cls, *self.bases.get(cls, ())))

    def constructs(self, name: str) -> str | None:
        """The class of the object that calling the external callable `name` returns."""
        if name in self.classes:
            return name
        made = self.factories.get(name)
        if made is not None:
            return made
        for framework in self.frameworks:
            made = framework.constructs(name)
            if made is not None:
                return made
        return None

    def returns(self, cls: str, member: str) -> str | None:
        """The class of what `member` of a `cls` instance returns, if known."""
        made = self.members.get((cls, member))
        if made is None:
            for framework in self.frameworks:
                if framework.owns(cls):
                    return framework.builders.get(member)
        return made

    def piped(self, types: tuple[str, ...]) -> str | None:
        """What `a | b` makes when one operand has `types` (LangChain's `prompt | model`)."""
        for framework in self.frameworks:
            if framework.pipe and framework.object_of(types):
                return framework.pipe
        return None

    def framework_of(self, types: tuple[str, ...]) -> Framework | None:
        """The framework whose I/O object an instance with `types` is."""
        for framework in self.frameworks:
            if framework.object_of(types):
                return framework
        return None


def build(
    extra_blocking_calls: Mapping[str, str] | None = None,
    extra_sync_clients: Mapping[str, str] | None = None,
    extra_async_clients: Iterable[str] = (),
    extra_limiters: Iterable[str] = (),
) -> Knowledge:
    """The built-in knowledge, extended with the user's options.

    An extra blocking call `pkg.mod.fetch` is matched as a function; when its
    owner is named like a class (`pkg.Client.fetch`), also as the method
    `fetch` of instances of `pkg.Client`. Extra sync clients map a class to
    its async twin ("" when it has none); the twin is not assumed drop-in.
    """
    from async_lint.knowledge import (
        clients,
        concurrency,
        databases,
        frameworks,
        http,
        stdlib,
        timeouts,
    )

    functions = {**stdlib.FUNCTIONS, **http.FUNCTIONS, **databases.FUNCTIONS}
    methods = {**stdlib.METHODS, **databases.METHODS}
    classes = set(stdlib.CLASSES) | timeouts.CLASSES | clients.CLASSES | databases.CLASSES
    classes |= concurrency.CLASSES | set(extra_limiters)
    for name, code in (extra_blocking_calls or {}).items():
        call = BlockingCall(code, "a non-blocking alternative or `await asyncio.to_thread(...)`")
        functions[name] = call
        owner, _, method = name.rpartition(".")
        if owner and owner.rpartition(".")[2][:1].isupper():
            methods[(owner, method)] = call
            classes.add(owner)
    sync_clients = dict(clients.SYNC_CLIENTS)
    for name, twin in (extra_sync_clients or {}).items():
        sync_clients[name] = SyncClient(twin or None)
        classes.add(name)
    async_clients = clients.ASYNC_CLIENTS | frozenset(extra_async_clients)
    return Knowledge(
        functions=functions,
        methods=methods,
        classes=frozenset(classes | set(extra_async_clients)),
        factories={
            **stdlib.FACTORIES,
            **timeouts.FACTORIES,
            **clients.FACTORIES,
            **databases.FACTORIES,
            **frameworks.FACTORIES,
            **concurrency.FACTORIES,
        },
        members={**stdlib.MEMBERS, **clients.MEMBERS, **databases.MEMBERS},
        properties=stdlib.PROPERTIES | clients.PROPERTIES,
        items=dict(stdlib.ITEMS),
        bases={**stdlib.BASES, **databases.BASES},
        sync_clients=sync_clients,
        local_calls=clients.LOCAL_CALLS,
        lazy_subresources=clients.LAZY_SUBRESOURCES,
        async_clients=async_clients,
        async_client_methods=clients.ASYNC_CLIENT_METHODS,
        frameworks=frameworks.FRAMEWORKS,
        twin_functions=frameworks.TWIN_FUNCTIONS,
        suffix_twins=frameworks.SUFFIX_TWINS,
        suffix_twin_exceptions=frameworks.SUFFIX_TWIN_EXCEPTIONS,
        aio_twins=frameworks.AIO_TWINS,
        builtin_shadows=stdlib.BUILTIN_SHADOWS,
        task_functions=concurrency.TASK_FUNCTIONS,
        task_methods=concurrency.TASK_METHODS,
        gather_starred=concurrency.GATHER_STARRED,
        gather_iterable=concurrency.GATHER_ITERABLE,
        limiters=concurrency.LIMITERS | frozenset(extra_limiters),
        not_fanning=concurrency.NOT_FANNING,
        offload_functions=concurrency.OFFLOAD_FUNCTIONS,
        offload_methods=concurrency.OFFLOAD_METHODS,
        async_forms={**stdlib.ASYNC_FORMS, **http.ASYNC_FORMS},
        sync_hooks=frameworks.SYNC_HOOKS,
        batchers=concurrency.BATCHERS,
        same_length=concurrency.SAME_LENGTH,
        coroutine_functions=concurrency.COROUTINE_FUNCTIONS,
        coroutine_methods=concurrency.COROUTINE_METHODS,
        timeout_functions=timeouts.REQUIRED_FUNCTIONS,
        timeout_methods=timeouts.REQUIRED_METHODS,
        disabling_functions=timeouts.DISABLING_FUNCTIONS,
        disabling_methods=timeouts.DISABLING_METHODS,
        disabling_any_call_on=timeouts.DISABLING_ANY_CALL_ON,
        unlimited_when_all_none=timeouts.UNLIMITED_WHEN_ALL_NONE,
        llm_clients=clients.LLM_CLIENTS,
        aliases={
            **stdlib.ALIASES,
            **http.ALIASES,
            **timeouts.ALIASES,
            **clients.ALIASES,
            **databases.ALIASES,
            **frameworks.ALIASES,
            **concurrency.ALIASES,
        },
    )


DEFAULT = build()

"""Every dotted name in knowledge/ must exist in the real package it names.

A name whose top-level package is not installed is skipped; the names from
the standard library are always checked.
"""

from __future__ import annotations

import importlib
import inspect
import sys

import pytest

from async_lint.knowledge import DEFAULT, frameworks
from async_lint.knowledge.clients import LIFECYCLE_DECORATORS

# Qualified names the knowledge base claims exist (functions, classes, factories).
CLAIMED = sorted(
    {
        *DEFAULT.functions,
        *DEFAULT.classes,
        *DEFAULT.factories,
        *DEFAULT.factories.values(),
        *DEFAULT.aliases,
        *DEFAULT.aliases.values(),
        *(cls for cls, _ in DEFAULT.methods),
        *(cls for cls, _ in DEFAULT.members),
        *DEFAULT.members.values(),
        *DEFAULT.timeout_functions,
        *DEFAULT.disabling_functions,
        *DEFAULT.llm_clients,
        *DEFAULT.sync_clients,
        *(client.twin for client in DEFAULT.sync_clients.values() if client.twin),
        *DEFAULT.local_calls,
        *DEFAULT.async_clients,
        *(cls for cls, _ in DEFAULT.async_client_methods),
        *DEFAULT.twin_functions,
        *DEFAULT.twin_functions.values(),
        *DEFAULT.suffix_twins,
        *DEFAULT.aio_twins,
        *(built for framework in DEFAULT.frameworks for built in framework.builders.values()),
        *(framework.pipe for framework in DEFAULT.frameworks if framework.pipe),
        *LIFECYCLE_DECORATORS,
        *DEFAULT.task_functions,
        *(cls for cls, _ in DEFAULT.task_methods),
        *DEFAULT.gather_starred,
        *DEFAULT.gather_iterable,
        *DEFAULT.limiters,
        *DEFAULT.not_fanning,
        *DEFAULT.offload_functions,
        *DEFAULT.async_forms,
        *DEFAULT.sync_hooks,
        *DEFAULT.batchers,
        *DEFAULT.same_length,
        *DEFAULT.coroutine_functions,
        *(cls for cls, _ in DEFAULT.coroutine_methods),
    }
    - {"builtins.open", "builtins.input"}  # resolved from unbound names, not imported
    # new in Python 3.12; CI runs 3.11, where code that uses it is still linted
    - ({"itertools.batched"} if sys.version_info < (3, 12) else set())
    # import paths of older major versions (see knowledge/frameworks.py)
    - set(frameworks.LEGACY_ALIASES)
)


def _resolve(name: str) -> object:
    """Import the longest importable module prefix of `name`, then walk attributes."""
    parts = name.split(".")
    for split in range(len(parts), 0, -1):
        module_name = ".".join(parts[:split])
        try:
            target = importlib.import_module(module_name)
        except ImportError:
            continue
        for attribute in parts[split:]:
            target = getattr(target, attribute)
        return target
    pytest.skip(f"{parts[0]} is not installed")


@pytest.mark.parametrize("name", CLAIMED)
def test_name_exists(name):
    try:
        importlib.import_module(name.split(".")[0])
    except ImportError:
        pytest.skip(f"{name.split('.')[0]} is not installed")
    assert _resolve(name) is not None


def _is_async(target: object) -> bool:
    target = inspect.unwrap(target)
    return inspect.iscoroutinefunction(target) or inspect.isasyncgenfunction(target)


# Async clients whose I/O methods are generated at import and return futures,
# so `inspect` cannot see them as coroutines (docs/sdk-survey.py).
FUTURE_RETURNING = {"motor.motor_asyncio.AsyncIOMotorClient"}


def _is_async_class(cls: type) -> bool:
    """An async client: an async context manager, a class with coroutine methods,
    or a session whose `client(...)` is entered with `async with` (aioboto3)."""
    if hasattr(cls, "__aenter__") or f"{cls.__module__}.{cls.__qualname__}" in FUTURE_RETURNING:
        return True
    if any(
        (DEFAULT.canonical(f"{cls.__module__}.{cls.__qualname__}"), m)
        in DEFAULT.async_client_methods
        for m in ("client", "resource")
    ):
        return True
    return any(_is_async(getattr(cls, name, None)) for name in dir(cls) if not name.startswith("_"))


def _installed(name: str) -> object:
    try:
        return _resolve(name)
    except (pytest.skip.Exception, AttributeError):
        pytest.skip(f"{name} is not importable here")


@pytest.mark.parametrize(
    "sync, twin",
    sorted((sync, c.twin) for sync, c in DEFAULT.sync_clients.items() if c.twin is not None),
)
def test_sync_clients_have_async_twins(sync, twin):
    target = _installed(twin)
    if isinstance(target, type):
        assert _is_async_class(target), f"{twin} is not an async client"
    else:
        assert _is_async(target), f"{twin} is not a coroutine function"


@pytest.mark.parametrize("name", sorted(DEFAULT.async_clients))
def test_async_clients_are_async(name):
    target = _installed(name)
    if isinstance(target, type):
        assert _is_async_class(target), f"{name} is not an async client"
    else:  # a factory: what it returns, or awaits to, is async
        made = DEFAULT.factories.get(name)
        assert _is_async(target) or (made and _is_async_class(_installed(made))), name


@pytest.mark.parametrize("sync, twin", sorted(DEFAULT.twin_functions.items()))
def test_twin_functions_are_coroutines(sync, twin):
    assert callable(_installed(sync))
    assert _is_async(_installed(twin)), f"{twin} is not a coroutine function"


# Where the framework twins are defined: base class -> sync methods whose twin it has.
FRAMEWORK_BASES = {
    "langchain_core.runnables.Runnable": ("invoke", "batch", "stream"),
    # `get_relevant_documents` was removed in langchain-core 1.0; it stays in
    # the table for code written against 0.x.
    "langchain_core.retrievers.BaseRetriever": ("invoke",),
    "llama_index.core.llms.LLM": ("chat", "complete", "stream_chat", "stream_complete"),
    "llama_index.core.base.base_query_engine.BaseQueryEngine": ("query",),
    "llama_index.core.base.base_retriever.BaseRetriever": ("retrieve",),
    "llama_index.core.chat_engine.types.BaseChatEngine": ("chat", "stream_chat"),
}


@pytest.mark.parametrize("base", sorted(FRAMEWORK_BASES))
def test_framework_twins_are_coroutines(base):
    cls = _installed(base)
    (framework,) = [f for f in DEFAULT.frameworks if f.owns(base)]
    for method in FRAMEWORK_BASES[base]:
        assert callable(getattr(cls, method)), f"{base}.{method}"
        assert _is_async(getattr(cls, framework.twins[method])), f"{base}: twin of {method}"
    for method, built in framework.builders.items():
        if hasattr(cls, method):
            assert _installed(built) is not None


def test_every_mistral_method_has_an_async_twin():
    mistral = _installed("mistralai.client.Mistral")(api_key="test")
    suffix = DEFAULT.suffix_twins["mistralai.client.Mistral"]
    missing = []

    def crawl(sdk: object, path: tuple[str, ...]) -> None:
        for name in dir(sdk):
            if name.startswith("_") or name.endswith(suffix) or name == "parent_ref":
                continue
            member = getattr(sdk, name, None)
            if inspect.ismethod(member):
                twin = getattr(sdk, name + suffix, None)
                if name not in DEFAULT.suffix_twin_exceptions and not _is_async(twin):
                    missing.append(".".join((*path, name)))
            elif hasattr(member, "sdk_configuration") and len(path) < 4:
                crawl(member, (*path, name))

    crawl(mistral, ())
    assert not missing


def test_every_genai_service_method_has_an_aio_twin():
    client = _installed("google.genai.Client")(api_key="test")
    attribute, services = DEFAULT.aio_twins["google.genai.Client"]
    for service in services:
        sync, aio = getattr(client, service), getattr(getattr(client, attribute), service)
        for name in dir(sync):
            if not name.startswith("_") and callable(getattr(sync, name)):
                assert _is_async(getattr(aio, name, None)), f"aio.{service}.{name}"


def test_methods_exist():
    """Every (class, method) the tables name is an attribute of the real class."""
    for cls, method in sorted({*DEFAULT.methods, *DEFAULT.members}):
        if method.startswith("__") or cls.startswith("builtins."):
            continue
        try:
            target = _resolve(cls)
        except (pytest.skip.Exception, AttributeError, ImportError):
            continue  # not installed, or reported by test_name_exists
        if isinstance(target, type):  # `threading.Lock` is a factory function
            assert hasattr(target, method), f"{cls} has no {method}"


def test_aioboto3_clients_are_entered_with_async_with():
    session = _installed("aioboto3.Session")(region_name="us-east-1")
    for _, method in sorted(DEFAULT.async_client_methods):
        made = getattr(session, method)("s3")
        assert hasattr(made, "__aenter__"), method


def test_aliases_name_the_same_thing():
    """An alias is the canonical object itself, or a subclass of the canonical class."""
    for alias, canonical in DEFAULT.aliases.items():
        try:
            spelled, meant = _resolve(alias), _resolve(canonical)
        except (pytest.skip.Exception, AttributeError):
            continue  # not installed, or reported by test_name_exists
        if isinstance(spelled, type) and isinstance(meant, type):
            assert issubclass(spelled, meant), f"{alias} is not a {canonical}"
        elif not isinstance(meant, type) and callable(meant):
            continue  # a factory such as threading.RLock for the class threading._RLock
        else:
            assert spelled is meant, f"{alias} is not {canonical}"


@pytest.mark.parametrize("name", sorted(DEFAULT.coroutine_functions))
def test_coroutine_functions_are_coroutines(name):
    assert _is_async(_installed(name)), f"{name} is not a coroutine function"


@pytest.mark.parametrize(
    "cls, path",
    sorted(DEFAULT.coroutine_methods),
    ids=lambda p: ".".join(p) if isinstance(p, tuple) else p,
)
def test_coroutine_methods_are_coroutines(cls, path):
    target = _installed(cls)
    if len(path) > 1:  # a resource of an SDK client: reached through an instance
        azure = {"api_version": "2025-01-01", "azure_endpoint": "https://x"}
        target = target(api_key="test", **(azure if "Azure" in cls else {}))
    for name in path:
        target = getattr(target, name)
    assert _is_async(target), f"{cls}: {'.'.join(path)} is not a coroutine function"


@pytest.mark.parametrize("cls, method", sorted(DEFAULT.task_methods))
def test_task_methods_exist(cls, method):
    assert callable(getattr(_installed(cls), method, None)), f"{cls} has no {method}"


DROP_INS = sorted((sync, c) for sync, c in DEFAULT.sync_clients.items() if c.drop_in and c.twin)


@pytest.mark.parametrize("sync, client", DROP_INS, ids=lambda p: p if isinstance(p, str) else "")
def test_drop_in_twins_enter_with_async_with(sync, client):
    twin = _installed(client.twin)
    assert client.async_with == hasattr(twin, "__aenter__"), f"{client.twin} async_with"


@pytest.mark.parametrize("sync, client", DROP_INS, ids=lambda p: p if isinstance(p, str) else "")
def test_drop_in_twins_take_the_same_arguments(sync, client):
    """Every constructor parameter whose annotation differs in the twin is `sync_only`."""
    ours = inspect.signature(_installed(sync).__init__).parameters
    theirs = inspect.signature(_installed(client.twin).__init__).parameters
    differ = {
        name
        for name, parameter in ours.items()
        if name not in theirs or str(parameter.annotation) != str(theirs[name].annotation)
    }
    assert differ <= set(client.sync_only), f"{sync}: {sorted(differ - set(client.sync_only))}"
    assert set(client.sync_only) <= set(ours), f"{sync}: no {set(client.sync_only) - set(ours)}"


@pytest.mark.parametrize("base", sorted(DEFAULT.sync_hooks))
def test_sync_hooks_fall_back_as_documented(base):
    """Each base has both hooks, and its default async twin does what the table says:
    runs the sync hook (or what calls it) in an executor, calls it on the loop, or
    is abstract."""
    cls = _installed(base)
    for hook in DEFAULT.sync_hooks[base]:
        assert callable(getattr(cls, hook.sync)), f"{base}.{hook.sync}"
        twin = getattr(cls, hook.twin)
        assert _is_async(twin), f"{base}.{hook.twin} is not a coroutine function"
        for also in hook.also:
            assert _is_async(getattr(cls, also)), f"{base}.{also}"
        assert hasattr(cls, hook.entry), f"{base}.{hook.entry}"
        source = inspect.getsource(inspect.unwrap(twin))
        if hook.fallback == "abstract":
            assert getattr(twin, "__isabstractmethod__", False), f"{base}.{hook.twin}"
            continue
        assert not getattr(twin, "__isabstractmethod__", False), f"{base}.{hook.twin}"
        # the sync hook, or the method that calls it (`SimpleChatModel._generate`
        # calls `_call`; its `_agenerate` runs `_generate`)
        called = [
            hook.sync,
            *(
                m
                for m in ("_generate",)
                if f"self.{hook.sync}(" in inspect.getsource(getattr(cls, m, lambda: None))
            ),
        ]
        assert any(f"self.{name}" in source for name in called), f"{base}.{hook.twin}"
        if hook.fallback == "executor":
            assert "run_in_executor" in source, f"{base}.{hook.twin} does not use an executor"
        else:
            assert "run_in_executor" not in source and "to_thread" not in source


@pytest.mark.parametrize("name", sorted(DEFAULT.offload_functions))
def test_offload_functions_take_the_callable_first(name):
    target = _installed(name)
    parameters = list(inspect.signature(target).parameters)
    assert parameters[DEFAULT.offload_functions[name]] in ("func", "function", "sync_fn")


def test_run_in_executor_takes_the_callable_second():
    import asyncio

    parameters = list(inspect.signature(asyncio.AbstractEventLoop.run_in_executor).parameters)
    assert parameters[1 + DEFAULT.offload_methods["run_in_executor"]] == "func"


def test_niquests_async_forms_are_coroutines():
    for name, form in DEFAULT.async_forms.items():
        if name.startswith("niquests."):
            twin = form.split("`await ")[1].split("(")[0]
            assert _is_async(_installed(twin)), twin

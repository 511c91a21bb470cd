"""libcst's parser, kept from the inputs that crash it, and without the
validation of the nodes it builds.

Depth. libcst's native parser recurses once per level of nesting, and input
nested deeply enough overflows the C stack: a segfault that ends the whole
run, not an exception (libcst issues 619, 980 and 1000; 5000 nested brackets
or 20000 `or`s on Linux, far fewer on the 1 MB stacks of Windows). So a
source that may be that deep (a cheap scan of its brackets and logical lines
says) is first given to CPython's own parser, which has limits and never
crashes: what it refuses for being too deep or too complex libcst never
sees. And every parse runs on a thread with a stack large enough for
whatever nesting gets through.

Validation. Every libcst node checks itself when it is constructed
(`CSTNode._validate`: whitespace patterns, balanced parentheses, ...). That
is worth it for the nodes a fix builds, not for the parser's own: they come
from code that was just parsed, and checking them is a fifth of the parse
(libcst's own comment on `CSTNode.__post_init__` says as much). Worse, the
checks reject some valid code (libcst issues 711 and 1061), which would then
be reported as unparsable. So the parse skips them, on the parsing thread
only (the flag is thread-local, set on the large-stack thread itself): the
nodes built anywhere else are validated as before.

Construction. A node class's `__init__` is the one `dataclasses` writes for
a frozen class: every field is set through `object.__setattr__` by name, and
`__post_init__` is called, a Python call more per node; two million nodes
for 170k lines. The classes here get an `__init__` with the same signature
and defaults that sets each slot through its descriptor and validates
unless on the parsing thread, in half the time (made when the class is first
used). A class that is not as expected (not a slotted dataclass, a field left
out of `__init__`) keeps libcst's.

Hashing. A node hashes and compares by identity, but through Python methods
that every node class copies from `CSTNode`; the analysis keys its tables by
node, a million lookups on a large project. The node classes here use
`object`'s own, which mean the same and cost no Python call.
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
import os
import queue
import re
import threading
import types
import warnings
from collections.abc import Callable
from typing import TypeVar

import libcst as cst
from libcst._nodes.base import CSTNode

T = TypeVar("T")

# CPython refuses more than 200 nested brackets; a raw count (brackets in
# strings and comments included) deeper than this asks CPython.
_BRACKETS = 100
# A logical line may hold a chain of thousands of operators, which libcst nests
# one level each: more than a line of this many characters can hold asks CPython.
# Each level of nesting needs one of these marks (an operator, a dot, a bracket,
# a quote of an implicitly concatenated string, a keyword), so a longer line
# with no more marks than that is no deeper than a line this long could be.
_LINE = 2000
_MARKS = (*"+-*/%@&|^~<>.=!\"'()[]{}", "or", "and", "not", "if", "lambda", "await")
# Deeper than this (CPython's tree, with each `and`/`or` of a chain counted as
# libcst nests it) is refused: far beyond what the analysis could walk anyway.
_DEPTH = 10_000
# libcst levels a source may have besides its deepest logical line's: each of up
# to 100 nested blocks (CPython's limit) and each `elif` adds a few.
_BLOCKS = 400
_STACK = 512 * 1024 * 1024
# Brackets and line ends; a backslash continues its line.
_SCAN = re.compile(r"\\\r?\n|[()\[\]{}\n]")


class _Parsing(threading.local):
    active = False  # on this thread, nodes are built unvalidated


_parsing = _Parsing()


class TooDeep(Exception):
    """The source is nested too deeply to parse safely."""


def parse_module(source: str) -> cst.Module:
    """`cst.parse_module(source)`, with the parsed nodes left unvalidated; or
    SyntaxError (CPython's, for a source too deep for it), TooDeep, or libcst's
    own errors."""
    _check(source)
    return _on_large_stack(_unvalidated, cst.parse_module, source)


def parse_expression(source: str) -> cst.BaseExpression:
    """`cst.parse_expression` (of a string annotation), guarded the same way."""
    _check(source)
    return _on_large_stack(_unvalidated, cst.parse_expression, source)


def _check(source: str) -> None:
    """Raise what CPython says of a source that may be too deep for libcst (or
    TooDeep); return if it cannot be.

    Almost every file is decided by the scan alone. A long logical line (a call
    with long docstrings as arguments, or the rest of a file after an unmatched
    bracket in a string) only asks CPython if it holds more marks than a short
    line could; and CPython's tree is only measured if the marks could make it
    deeper than `_DEPTH`. Each bound overestimates, so what gets through is
    never deeper than the short lines the scan lets through anyway.
    """
    deepest, long_lines = _measure(source)
    marks = max((_marks(source[start:end]) for start, end in long_lines), default=0)
    if deepest <= _BRACKETS and marks <= _LINE:
        return
    try:
        tree = python_ast(source)
    except (RecursionError, MemoryError):
        raise TooDeep("too deeply nested") from None
    except SyntaxError as error:
        if deepest > 200 or _about_depth(error):
            raise  # the brackets may be real: libcst must not see them
        return  # syntax newer than this Python, perhaps: libcst decides
    except ValueError:  # NUL bytes: libcst reports them
        return
    bound = _BLOCKS + 2 * (max(marks, _LINE) + source.count("elif"))
    if bound > _DEPTH and _depth(tree) > _DEPTH:
        raise TooDeep("too deeply nested")


def python_ast(source: str) -> ast.Module:
    """CPython's parse of `source`, without the warnings it would print to stderr
    (an invalid escape sequence is the user's business, not the linter's output)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return compile(source, "<async-lint>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)


def _measure(source: str) -> tuple[int, list[tuple[int, int]]]:
    """The deepest bracket nesting, and where the logical lines longer than `_LINE`
    are, roughly: brackets in strings and comments count too."""
    depth = deepest = start = 0
    long_lines = []
    for match in _SCAN.finditer(source):
        char = match[0]
        if char == "\n":
            if not depth:
                end = match.start()
                if end - start > _LINE:
                    long_lines.append((start, end))
                start = end + 1
        elif char in "([{":
            depth += 1
            if depth > deepest:
                deepest = depth
        elif depth and char in ")]}":
            depth -= 1
    if len(source) - start > _LINE:
        long_lines.append((start, len(source)))
    return deepest, long_lines


def _marks(line: str) -> int:
    """How many of the marks that nesting needs `line` holds, or more."""
    return sum(map(line.count, _MARKS))


def _about_depth(error: SyntaxError) -> bool:
    message = error.msg or ""
    return "too many" in message or "too complex" in message or "recursion" in message


def _depth(tree: ast.AST) -> int:
    """How deep libcst would nest `tree`: CPython keeps a chain of `or` as one
    node, libcst nests one node per operator."""
    deepest = 0
    stack = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, ast.BoolOp):
            depth += len(node.values) - 2
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))
    return deepest


def _unvalidated(parse: Callable[[str], T], source: str) -> T:
    """`parse(source)` with the nodes it builds left unvalidated (on this thread)."""
    _parsing.active = True
    try:
        return parse(source)
    finally:
        _parsing.active = False


def _on_large_stack(function: Callable[..., T], *args: object) -> T:
    """`function(*args)` on the parsing thread, which has a 512 MB stack (address
    space: only the pages used are memory); here if no such thread can be started.

    One long-lived thread serves every parse of the process: starting a thread
    per parse would map a fresh stack each time, and fault in every page of it
    the parse touches again, a cost of its own on every file.
    """
    if threading.current_thread() is _server.thread:
        return function(*args)
    jobs = _server.jobs if _server.alive() else _server.start()
    if jobs is None:
        return function(*args)
    done = threading.Lock()
    done.acquire()
    job: list = [function, args, done, None, None]
    jobs.put(job)
    done.acquire()  # released by the parsing thread when the job is done
    result, error = job[3], job[4]
    del job
    if error is None:
        return result
    try:
        raise error
    finally:
        del error  # no cycle through this frame: a lint leaves none for the collector


class _Server:
    """The parsing thread and its queue of jobs, `[function, args, done, result,
    error]` lists that it fills in before releasing `done`."""

    def __init__(self) -> None:
        self.thread: threading.Thread | None = None
        self.jobs: queue.SimpleQueue | None = None
        self.lock = threading.Lock()
        self.failed = False  # no such thread here: parse on the calling thread

    def alive(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    def start(self) -> queue.SimpleQueue | None:
        with self.lock:
            if self.alive() or self.failed:
                return self.jobs
            jobs: queue.SimpleQueue = queue.SimpleQueue()
            try:
                previous = threading.stack_size(_STACK)
            except (ValueError, RuntimeError):  # no settable stack size here
                self.failed = True
                return None
            try:
                thread = threading.Thread(
                    target=_serve, args=(jobs,), name="async-lint-parse", daemon=True
                )
                thread.start()
            except RuntimeError:  # the stack could not be mapped
                self.failed = True
                return None
            finally:
                threading.stack_size(previous)
            self.thread, self.jobs = thread, jobs
            return jobs

    def forget(self) -> None:
        """In a forked child: the thread did not come along."""
        self.__init__()


def _serve(jobs: queue.SimpleQueue) -> None:
    while True:
        job = jobs.get()
        try:
            job[3] = job[0](*job[1])
        except BaseException as error:  # noqa: BLE001 - raised again in the caller
            job[4] = error
        done = job[2]
        job[:3] = [None, None, None]  # the source and the parse function: not kept
        del job
        done.release()
        del done


_server = _Server()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_server.forget)


def _post_init(self: CSTNode) -> None:
    if not _parsing.active:
        self._validate()


def _subclasses(kind: type) -> list[type]:
    found = []
    for subclass in kind.__subclasses__():
        found += [subclass, *_subclasses(subclass)]
    return found


# Only the base class defines the hook, and every node class inherits it: if a
# libcst release changes that, everything stays validated, as libcst does.
if "__post_init__" in CSTNode.__dict__ and not any(
    "__post_init__" in kind.__dict__ for kind in _subclasses(CSTNode)
):
    CSTNode.__post_init__ = _post_init  # type: ignore[method-assign]


def _hash_by_identity_in_c() -> None:
    """Identity in C: the same meaning as libcst's `id(self)` and `self is other`."""
    identity = {CSTNode.__hash__: object.__hash__, CSTNode.__eq__: object.__eq__}
    for kind in (CSTNode, *_subclasses(CSTNode)):
        for name in ("__hash__", "__eq__"):
            own = kind.__dict__.get(name)
            if own in identity:
                setattr(kind, name, identity[own])


_hash_by_identity_in_c()


def _constructor(kind: type, init: Callable[..., None]) -> Callable[..., None] | None:
    """`init`, `kind.__init__` as dataclasses writes it, but setting the slots
    through their descriptors and validating as `_post_init` does; None if `kind`
    is not a slotted dataclass whose `__init__` takes exactly its fields."""
    if not dataclasses.is_dataclass(kind):
        return None
    code = getattr(init, "__code__", None)
    fields = dataclasses.fields(kind)
    if code is None or code.co_varnames[1 : code.co_argcount] != tuple(f.name for f in fields):
        return None  # keyword-only or left-out fields
    # the last parameters have the defaults; a factory's is the "make a new one" marker
    given = init.__defaults__ or ()
    defaults = dict(
        zip(code.co_varnames[code.co_argcount - len(given) : code.co_argcount], given, strict=True)
    )
    names: dict[str, object] = {"_parsing": _parsing}
    lines = []
    for number, field in enumerate(fields):
        slot = inspect.getattr_static(kind, field.name, None)
        if not field.init or not isinstance(slot, types.MemberDescriptorType):
            return None
        names[f"_set{number}"] = slot.__set__
        value = field.name
        if field.default_factory is not dataclasses.MISSING:
            names[f"_factory{number}"] = defaults[field.name]
            names[f"_new{number}"] = field.default_factory
            value = f"_new{number}() if {value} is _factory{number} else {value}"
        lines.append(f"    _set{number}(self, {value})\n")
    text = f"def __init__(self, {', '.join(f.name for f in fields)}):\n{''.join(lines)}"
    text += "    if not _parsing.active:\n        self._validate()\n"
    exec(text, names)  # code made of the class's own field names
    constructor = names["__init__"]
    constructor.__defaults__ = init.__defaults__  # type: ignore[attr-defined]
    constructor.__qualname__ = init.__qualname__  # type: ignore[attr-defined]
    constructor.__module__ = init.__module__
    constructor.__wrapped__ = init  # type: ignore[attr-defined]
    return constructor  # type: ignore[return-value]


def _construct_faster() -> None:
    """Each node class's `__init__` is made on its first use: a run's files use a
    third of the classes, and compiling all of them would slow every start."""
    if CSTNode.__post_init__ is not _post_init:  # libcst changed: leave it as it is
        return
    for kind in _subclasses(CSTNode):
        init = kind.__dict__.get("__init__")
        if init is not None and "__slots__" in kind.__dict__:
            kind.__init__ = _on_first_use(kind, init)  # type: ignore[misc]


def _on_first_use(kind: type, init: Callable[..., None]) -> Callable[..., None]:
    def first(self: CSTNode, *args: object, **kwargs: object) -> None:
        constructor = _constructor(kind, init)
        kind.__init__ = constructor or init  # type: ignore[misc]
        kind.__init__(self, *args, **kwargs)  # type: ignore[misc]

    first.__wrapped__ = init  # type: ignore[attr-defined] # its signature, for inspect
    return first


_construct_faster()

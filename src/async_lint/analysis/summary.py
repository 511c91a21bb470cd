"""What one module tells the project index (ASL110, ASL402).

For every function: whether it is async; for every sync one, what it would
block on in async context (what ASL101-ASL108 report there), the event loops
it starts (ASL401's entry points) and the project functions it may call. A
call is kept as the qualified names its callee may have (`pkg.loader.load`,
or `pkg.store.Store.get` and the names of the class's bases), to be looked
up across modules once every module is summarised.

The summary is plain data (strings, tuples and lists), so that it can be
cached by the module's content hash and reused by later runs.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(slots=True)
class FunctionSummary:
    # The sequences are lists while a lint fills them in, tuples once decoded from
    # the cache (`from_data`): a large project holds a hundred thousand of these,
    # and most of their sequences are empty, which as tuples cost nothing.
    name: str  # in its module: `helper`, `Store.get`, `outer.<locals>.inner`
    display: str  # as a chain shows it: `helper`, `Store.get`
    is_async: bool
    blocking: Sequence[str] = field(default_factory=list)  # what blocks: `open()`, `time.sleep()`
    loops: Sequence[str] = field(default_factory=list)  # event loops it starts: `asyncio.run()`
    calls: Sequence[tuple[str, ...]] = field(default_factory=list)  # candidate callees per call
    # asks whether a loop runs (`asyncio.get_running_loop()`, `loop.is_running()`):
    # the loops it starts, itself or through its calls, start only where none runs
    checks_running_loop: bool = False


@dataclass(slots=True)
class ModuleSummary:
    module: str  # dotted name
    path: str = ""  # absolute, for a file on disk
    functions: dict[str, FunctionSummary] = field(default_factory=dict)  # by name in the module
    # module-level names bound by imports -> what they import (re-exports), and
    # module-level instances of project classes -> their class
    imports: dict[str, str] = field(default_factory=dict)
    instances: dict[str, str] = field(default_factory=dict)


def to_data(summary: ModuleSummary) -> dict:
    """The summary as JSON-ready data, for a cache keyed by the module's content hash
    (`dataclasses.asdict`'s, written out: it copies every value it meets)."""
    functions = {
        name: {
            "name": function.name,
            "display": function.display,
            "is_async": function.is_async,
            "blocking": list(function.blocking),
            "loops": list(function.loops),
            "calls": [list(call) for call in function.calls],
            "checks_running_loop": function.checks_running_loop,
        }
        for name, function in summary.functions.items()
    }
    return {
        "module": summary.module,
        "path": summary.path,
        "functions": functions,
        "imports": dict(summary.imports),
        "instances": dict(summary.instances),
    }


def from_data(data: dict) -> ModuleSummary:
    """The summary `to_data` made; TypeError, KeyError or AttributeError when the
    data is not what it makes (every string goes through `sys.intern`, which
    takes nothing else)."""
    # The same names recur across a project's modules: one copy of each (a large
    # project's summaries hold hundreds of thousands of them).
    intern = sys.intern
    functions = {
        intern(name): FunctionSummary(
            intern(fields["name"]),
            intern(fields["display"]),
            _flag(fields["is_async"]),
            tuple(map(intern, fields["blocking"])),
            tuple(map(intern, fields["loops"])),
            tuple(tuple(map(intern, call)) for call in fields["calls"]),
            _flag(fields["checks_running_loop"]),
        )
        for name, fields in data["functions"].items()
    }
    return ModuleSummary(
        intern(data["module"]),
        data["path"],
        functions,
        {intern(name): intern(target) for name, target in data["imports"].items()},
        {intern(name): intern(target) for name, target in data["instances"].items()},
    )


def _flag(value: object) -> bool:
    if type(value) is not bool:
        raise TypeError("expected a bool")
    return value

"""The project index: every module's summary, and the chains through them.

A sync function blocks when it makes a blocking call itself or calls a
project sync function that blocks; the index finds, for each function, the
shortest such chain (`load_config → read_file → open()`), cycles included,
by relaxing the call graph to a fixed point. Calls into async functions do
not block (they only make a coroutine), and nothing passed to an offload is
a call at all.

Modules are found the way RULES.md says imports are: a dotted name `a.b` is
looked up under each import root (`a/b.py`, `a/b/__init__.py`); the roots
are the run's paths and working directory, any `src/` directory and each
file's nearest ancestor without `__init__.py`. A name is then followed
through the module it names: its functions and methods, its imports
(`pkg.load`, re-exported by `pkg/__init__.py`) and its module-level
instances (`pkg.store.store.get` is `pkg.store.Store.get`). A call is
looked up in its own module first, so two scripts that share a file name
keep their own functions.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

from async_lint.analysis.summary import FunctionSummary, ModuleSummary

BLOCKING, LOOPS = "blocking", "loops"
_MAX_HOPS = 10  # re-exports followed before a name is given up

Key = tuple[str, str]  # (the module's path or name, the function's name in it)


def _key(module: ModuleSummary, function: FunctionSummary) -> Key:
    return (module.path or module.module, function.name)


@dataclass(frozen=True)
class Chain:
    function: FunctionSummary  # the project function called in async context
    steps: tuple[str, ...]  # `load_config`, `read_file`, `open()`

    def __str__(self) -> str:
        return " → ".join(self.steps)


class ProjectIndex:
    def __init__(self, summaries: Iterable[ModuleSummary] = (), roots: Iterable[str] = ()):
        self.roots = [os.path.abspath(root) for root in roots]
        self._modules: dict[str, ModuleSummary] = {}  # by path (or name, for stdin)
        self._names: dict[str, ModuleSummary] | None = None
        self._chains: dict[str, dict[Key, tuple[str, ...]]] = {}
        self._followed: dict[str, tuple] = {}  # `_follow`'s answers, until a module changes
        self._graph: dict[Key, tuple[FunctionSummary, list[Key]]] | None = None
        for summary in summaries:
            self.add(summary)

    def add(self, summary: ModuleSummary) -> None:
        """Add a module's summary, or replace the one it had (a file being fixed)."""
        key = summary.path or summary.module
        if self._modules.get(key) == summary:
            return  # the chains found so far still hold
        self._modules[key] = summary
        self._names = None
        self._chains = {}
        self._followed = {}
        self._graph = None

    # -- names --------------------------------------------------------------

    def module(self, name: str) -> ModuleSummary | None:
        """The module a dotted name imports, under any root."""
        if self._names is None:
            self._names = {}
            for summary in self._modules.values():
                for alias in self._importable_as(summary):
                    self._names.setdefault(alias, summary)
        return self._names.get(name)

    def _importable_as(self, summary: ModuleSummary) -> list[str]:
        names = [summary.module]
        if not summary.path:
            return names
        stem = os.path.splitext(summary.path)[0]
        if os.path.basename(stem) == "__init__":
            stem = os.path.dirname(stem)
        for root in self.roots:
            relative = os.path.relpath(stem, root)
            if not relative.startswith(os.pardir) and relative != os.curdir:
                names.append(relative.replace(os.sep, "."))
        return names

    def function(
        self, name: str, caller: ModuleSummary | None = None
    ) -> tuple[ModuleSummary, FunctionSummary] | None:
        """The project function `name` refers to (from a call in `caller`)."""
        for _ in range(_MAX_HOPS):
            if caller is not None and name.startswith(caller.module + "."):
                local = caller.functions.get(name[len(caller.module) + 1 :])
                if local is not None:
                    return caller, local
            found, name = self._follow(name)
            if found is not None:
                return found
            if name is None:
                return None
        return None

    def _follow(self, name: str):
        """The function `name` is, or the name it stands for in its module (an
        import or an instance of a class), or neither."""
        found = self._followed.get(name)
        if found is None:
            found = self._followed[name] = self._follow_once(name)
        return found

    def _follow_once(self, name: str):
        parts = name.split(".")
        for split in range(len(parts) - 1, 0, -1):
            module = self.module(".".join(parts[:split]))
            if module is None:
                continue
            local = ".".join(parts[split:])
            function = module.functions.get(local)
            if function is not None:
                return (module, function), None
            head = parts[split]
            target = module.imports.get(head) or module.instances.get(head)
            if target is not None:
                return None, ".".join([target, *parts[split + 1 :]])
            return None, None
        return None, None

    # -- chains -------------------------------------------------------------

    def prepare(self) -> None:
        """Find every chain now (else the first question finds them)."""
        for kind in (BLOCKING, LOOPS):
            self._chains_of(kind)

    def chain(
        self, callees: Iterable[str], kind: str = BLOCKING, caller: ModuleSummary | None = None
    ) -> Chain | None:
        """The shortest chain from a call with these candidate callees, if one blocks
        (`kind` BLOCKING) or starts an event loop (`kind` LOOPS)."""
        chains = self._chains_of(kind)
        best: Chain | None = None
        for callee in callees:
            found = self.function(callee, caller)
            if found is None or found[1].is_async:
                continue
            steps = chains.get(_key(*found))
            if steps is not None and (best is None or len(steps) < len(best.steps)):
                best = Chain(found[1], steps)
        return best

    def _chains_of(self, kind: str) -> dict[Key, tuple[str, ...]]:
        chains = self._chains.get(kind)
        if chains is not None:
            return chains
        chains = {}
        # (a function left out breaks the chains through it)
        nodes = [
            (key, function, callees)
            for key, (function, callees) in self._call_graph().items()
            if not (kind == LOOPS and function.checks_running_loop)
        ]
        for key, function, _ in nodes:
            direct = function.blocking if kind == BLOCKING else function.loops
            if direct:
                chains[key] = (function.display, direct[0])
        calling = [(key, function.display, callees) for key, function, callees in nodes if callees]
        changed = True
        while changed:  # relax until no chain gets shorter: cycles end here
            changed = False
            for key, display, callees in calling:
                best = chains.get(key)
                for callee in callees:
                    steps = chains.get(callee)
                    if steps is not None and (best is None or len(steps) + 1 < len(best)):
                        best = (display, *steps)
                if best is not None and best != chains.get(key):
                    chains[key] = best
                    changed = True
        self._chains[kind] = chains
        return chains

    def _call_graph(self) -> dict[Key, tuple[FunctionSummary, list[Key]]]:
        """Every sync function of the project, and the sync functions it calls."""
        if self._graph is None:
            self._graph = {
                _key(module, function): (function, self._callees(module, function))
                for module in self._modules.values()
                for function in module.functions.values()
                if not function.is_async
            }
        return self._graph

    def _callees(self, module: ModuleSummary, function: FunctionSummary) -> list[Key]:
        """The project sync functions `function` calls (each call's first known one)."""
        found = []
        for candidates in function.calls:
            for candidate in candidates:
                callee = self.function(candidate, module)
                if callee is not None:
                    if not callee[1].is_async and callee[1] is not function:
                        found.append(_key(*callee))
                    break
        return found

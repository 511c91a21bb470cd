"""The project index: every module's summary, and the chains through them.

A sync function blocks when it makes a blocking call itself or calls a
project sync function that blocks; the index finds, for each function, the
shortest such chain (`load_config → read_file → open()`), cycles included,
by relaxing the call graph to a fixed point. Calls into async functions do
not block (they only make a coroutine), and nothing passed to an offload is
a call at all.

A name is looked up directly (`pkg.loader.load`) or through the module it
names: its imports (`pkg.load`, re-exported by `pkg/__init__.py`) and its
module-level instances (`pkg.store.store.get` is `pkg.store.Store.get`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from async_lint.analysis.summary import FunctionSummary, ModuleSummary

BLOCKING, LOOPS = "blocking", "loops"
_MAX_REEXPORTS = 10  # hops through `__init__` imports before a name is given up


@dataclass(frozen=True)
class Chain:
    function: FunctionSummary  # the project function called in async context
    steps: tuple[str, ...]  # `load_config`, `read_file`, `open()`

    def __str__(self) -> str:
        return " → ".join(self.steps)


class ProjectIndex:
    def __init__(self, summaries: Iterable[ModuleSummary] = ()) -> None:
        self.modules: dict[str, ModuleSummary] = {}
        self._functions: dict[str, FunctionSummary] | None = None
        self._chains: dict[str, dict[str, tuple[str, ...]]] = {}
        for summary in summaries:
            self.add(summary)

    def add(self, summary: ModuleSummary) -> None:
        """Add a module's summary, or replace the one it had (a file being fixed)."""
        if self.modules.get(summary.module) == summary:
            return  # the chains found so far still hold
        self.modules[summary.module] = summary
        self._functions = None
        self._chains = {}

    @property
    def functions(self) -> dict[str, FunctionSummary]:
        if self._functions is None:
            self._functions = {
                name: function
                for module in self.modules.values()
                for name, function in module.functions.items()
            }
        return self._functions

    def function(self, name: str) -> FunctionSummary | None:
        """The project function `name` refers to, following re-exports."""
        for _ in range(_MAX_REEXPORTS):
            found = self.functions.get(name)
            if found is not None:
                return found
            target = self._reexported(name)
            if target is None or target == name:
                return None
            name = target
        return None

    def _reexported(self, name: str) -> str | None:
        """`pkg.load` -> `pkg.loader.load` when `pkg` imports `load` from there."""
        parts = name.split(".")
        for split in range(len(parts) - 1, 0, -1):
            module = self.modules.get(".".join(parts[:split]))
            if module is not None:
                name = parts[split]
                target = module.imports.get(name) or module.instances.get(name)
                if target is None:
                    return None
                return ".".join([target, *parts[split + 1 :]])
        return None

    def chain(self, callees: Iterable[str], kind: str = BLOCKING) -> Chain | None:
        """The shortest chain from a call with these candidate callees, if one blocks
        (`kind` BLOCKING) or starts an event loop (`kind` LOOPS)."""
        chains = self._chains_of(kind)
        best: Chain | None = None
        for callee in callees:
            function = self.function(callee)
            if function is None or function.is_async:
                continue
            steps = chains.get(function.name)
            if steps is not None and (best is None or len(steps) < len(best.steps)):
                best = Chain(function, steps)
        return best

    def _chains_of(self, kind: str) -> dict[str, tuple[str, ...]]:
        chains = self._chains.get(kind)
        if chains is not None:
            return chains
        chains = {}
        sync = [f for f in self.functions.values() if not f.is_async]
        for function in sync:
            direct = function.blocking if kind == BLOCKING else function.loops
            if direct:
                chains[function.name] = (function.display, direct[0])
        callees = {f.name: self._callees(f) for f in sync}
        changed = True
        while changed:  # relax until no chain gets shorter: cycles end here
            changed = False
            for function in sync:
                best = chains.get(function.name)
                for callee in callees[function.name]:
                    steps = chains.get(callee)
                    if steps is not None and (best is None or len(steps) + 1 < len(best)):
                        best = (function.display, *steps)
                if best is not None and best != chains.get(function.name):
                    chains[function.name] = best
                    changed = True
        self._chains[kind] = chains
        return chains

    def _callees(self, function: FunctionSummary) -> list[str]:
        """The project sync functions `function` calls (each call's first known one)."""
        found = []
        for candidates in function.calls:
            for candidate in candidates:
                callee = self.function(candidate)
                if callee is not None:
                    if not callee.is_async and callee.name != function.name:
                        found.append(callee.name)
                    break
        return found

"""One `check` run: every file's first pass, from the cache or from a pool of worker
processes, then the transitive findings decided against the whole project.

A file's first pass depends only on its bytes, its path, the settings and the
run's top-level packages, so it can run anywhere and be cached. The project
index is built from the summaries of those passes (cached or fresh) in file
order, and every file's pending calls are decided against it; only a module
with a confirmed call that was not positioned is linted again (its cache
entry then keeps the positions). A changed file is linted again itself, and
changes what it changes: no other file's cached pass is redone for it.
"""

from __future__ import annotations

import collections
import contextlib
import gc
import hashlib
import os
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from async_lint import cache
from async_lint.analysis.modules import module_name_for
from async_lint.analysis.project import ProjectIndex
from async_lint.config import Settings
from async_lint.diagnostics import Diagnostic
from async_lint.results import Result, complete, needs_positions
from async_lint.sources import SourceError, decode, why_unreadable

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

# The engine (and libcst with it) is imported where a file is linted: a run
# whose files all come from the cache does without it.

PROGRESS_MIN_FILES = 20  # fewer files than this to lint: no progress bar
FILES_PER_WORKER = 4  # `--jobs auto` starts no worker for fewer files than this
# libcst's tree of a module takes about 250 times the memory of its source: the
# files being linted at once may add up to this much source (a larger file is
# linted alone), so that two of the largest never meet.
SOURCE_IN_FLIGHT = 768 * 1024
TRIM_AFTER = 64 * 1024  # source of a file after which a worker gives memory back
# A file this large has its pending calls placed in its first pass: linting it
# again at the end, when the run holds every result, costs more time and memory.
POSITION_AHEAD = 256 * 1024


@dataclass
class Options:
    jobs: int | None = None  # None: `--jobs auto`
    cache_dir: Path | None = None  # None: no cache
    shortcut: bool = True  # skip the files no rule can find anything in (`prefilter`)
    progress: bool = False  # a progress bar on stderr
    sources: bool = False  # keep the text of files with findings (`full`, `gitlab`)
    # Take the last run's completed results when it was of the very same files; the
    # index is then not built, so only for a run that lints nothing afterwards
    # (`lint()`, which fixes use).
    reuse: bool = False


@dataclass
class Stats:
    """What a run did with its files, for `--verbose` (and the tests)."""

    linted: list[str] = field(default_factory=list)  # first passes run, in file order
    cached: list[str] = field(default_factory=list)  # first passes from the cache
    relinted: list[str] = field(default_factory=list)  # linted again for positions
    workers: int = 0  # worker processes started (0: all in this process)
    cache_written: bool | None = None  # None: no cache

    def line(self) -> str:
        total = len(self.linted) + len(self.cached)
        where = f"in {self.workers} processes" if self.workers else "in this process"
        text = f"{total} files: {len(self.linted)} linted {where}, {len(self.cached)} cached"
        if self.relinted:
            text += f", {len(self.relinted)} linted again to place their findings"
        if self.cache_written is False:
            text += "; the cache could not be written"
        return text


class Run:
    """The files of one run, linted as one project: the transitive rules (ASL110,
    ASL402) follow calls into every module of the run."""

    def __init__(self, settings: Settings, paths: list[str], files: list[str]) -> None:
        self.settings = settings
        self.index = ProjectIndex(roots=_import_roots(paths, files))
        names = [name for root in self.index.roots for name in _top_names(root, files)]
        tops = {module_name_for(file)[0].partition(".")[0] for file in files}
        self.modules = frozenset(tops | set(names) | {"__main__"})
        self.stats = Stats()

    def first_pass_source(self, source: str, display: str) -> Result:
        """Standard input's findings, with those that wait for the index left pending."""
        from async_lint import engine

        return engine.lint_source(
            source, display, self.settings, defer=True, project_modules=self.modules,
            position_pending=True,
        )  # fmt: skip

    def lint(self, text: str, display: str, path: str | None) -> list[Diagnostic]:
        """Lint a new version of one module against the rest of the project."""
        from async_lint import engine

        return engine.lint_source(
            text, display, self.settings, path=path, project=self.index,
            project_modules=self.modules,
        ).diagnostics  # fmt: skip

    def check(
        self,
        files: Sequence[tuple[str, str]],
        options: Options,
        stdin: Result | None = None,
    ) -> list[Result]:
        """The findings of `files` ((path, display) pairs), in their order, and of
        standard input's first pass `stdin` (first) if given."""
        store = (
            cache.Cache.open(options.cache_dir, self.settings, self.modules)
            if options.cache_dir is not None
            else None
        )
        passes = _Passes(self, files, options, store)
        if options.reuse and stdin is None and store is not None:
            reused = passes.reused()
            if reused is not None:
                self.stats.cache_written = True
                if options.sources:
                    reused = [_with_source(r, f) for r, (f, _) in zip(reused, files, strict=True)]
                return reused
        results = passes.first()
        for result in ([stdin] if stdin is not None else []) + results:
            if result.summary is not None:
                self.index.add(result.summary)
        again = [i for i, r in enumerate(results) if needs_positions(r, self.index)]
        for index, result in zip(again, passes.again(again), strict=True):
            results[index] = result
        passes.close()
        everything = ([stdin] if stdin is not None else []) + results
        completed = [complete(r, self.index) for r in everything]
        if store is not None:
            if stdin is None:
                passes.keep(completed)
            self.stats.cache_written = store.save()
        if options.sources:
            completed = [_with_source(r, file) for r, file in _files(completed, stdin, files)]
        return completed


class _Passes:
    """The first passes of a run's files: cached ones, and the others linted here or
    in worker processes."""

    def __init__(
        self,
        run: Run,
        files: Sequence[tuple[str, str]],
        options: Options,
        store: cache.Cache | None,
    ) -> None:
        self.run = run
        self.files = files
        self.options = options
        self.store = store
        self.digests: list[str | None] = [None] * len(files)
        self.modules = [module_name_for(file) for file, _ in files]
        self.executor: Executor | None = None

    def first(self) -> list[Result]:
        results: list[Result | None] = [None] * len(self.files)
        missing = []
        for index, (file, display) in enumerate(self.files):
            found = self._cached(index, file, display)
            if found is None:
                missing.append(index)
            else:
                results[index] = found
                self.run.stats.cached.append(file)
        for index, result in self._lint(missing, position_pending=False):
            results[index] = result
        self.run.stats.linted = [self.files[i][0] for i in missing]
        return results  # type: ignore[return-value]

    def again(self, indexes: list[int]) -> list[Result]:
        """The first passes of these files again, with every pending call positioned."""
        self.run.stats.relinted = [self.files[i][0] for i in indexes]
        found = dict(self._lint(indexes, position_pending=True))
        return [found[i] for i in indexes]

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown()
            self.executor = None

    def reused(self) -> list[Result] | None:
        """The last run's completed results, if it was a run of these very files,
        none of them changed since (`Cache.completed`)."""
        assert self.store is not None
        digests = [self._digest(index) for index in range(len(self.files))]
        if None in digests:
            return None
        found = self.store.completed(self._files_key())
        if found is None:
            return None
        try:  # a file without findings has no entry
            results = [
                cache.decode(found[path], shown) if (path := os.path.abspath(f)) in found
                else Result([], [])
                for f, shown in self.files
            ]  # fmt: skip
        except ValueError:
            return None
        self.run.stats.cached = [file for file, _ in self.files]
        return results  # nothing changed: the cache is not written

    def keep(self, completed: list[Result]) -> None:
        """Remember this run's completed results, for a next run of the same files."""
        assert self.store is not None
        if None in self.digests:
            return  # a file was unreadable: nothing to know the run by
        results = {  # only files with findings: the others' results are empty
            os.path.abspath(file): cache.encode(replace(result, summary=None))
            for (file, _), result in zip(self.files, completed, strict=True)
            if result.diagnostics or result.tracebacks
        }
        self.store.put_completed(self._files_key(), results)

    def _files_key(self) -> str:
        entries = zip(self.files, self.digests, self.modules, strict=True)
        return cache.files_key([(os.path.abspath(f), d, m) for (f, _), d, m in entries])

    def _digest(self, index: int) -> str | None:
        """The sha256 of a file's bytes (None if unreadable), read once."""
        if self.digests[index] is None:
            try:
                with open(self.files[index][0], "rb") as handle:
                    self.digests[index] = hashlib.sha256(handle.read()).hexdigest()
            except OSError:
                return None
        return self.digests[index]

    def _cached(self, index: int, file: str, display: str) -> Result | None:
        if self.store is None:
            return None
        digest = self._digest(index)
        if digest is None:
            return None
        text = self.store.get(file, digest, self.modules[index])
        if text is None:
            return None
        try:
            result = cache.decode(text, display)
        except ValueError:
            return None
        self.store.put(file, digest, self.modules[index], text)
        return result

    def _lint(self, indexes: list[int], *, position_pending: bool):
        """(index, result) of each file, linted here or in the pool, in any order."""
        tasks = [
            (i, *self.files[i], position_pending or _size(self.files[i][0]) >= POSITION_AHEAD)
            for i in indexes
        ]
        replies = self._replies(tasks)
        if self.options.progress and len(tasks) >= PROGRESS_MIN_FILES and not position_pending:
            replies = _progress(replies, len(tasks))
        for index, digest, text in replies:
            file, display = self.files[index]
            if digest is not None and self.store is not None:
                self.digests[index] = digest  # of the bytes linted
                self.store.put(file, digest, self.modules[index], text)
            yield index, cache.decode(text, display)

    def _replies(self, tasks: list[tuple[int, str, str, bool]]) -> Iterable[tuple]:
        workers = _workers(self.options.jobs, len(tasks))
        if workers <= 1 and self.executor is None:
            _start_worker(self.run.settings, self.run.modules, self.options.shortcut)
            return map(_first_pass, tasks)
        if self.executor is None:
            self.executor = _pool(workers, self.run.settings, self.run.modules, self.options)
            self.run.stats.workers = workers
        # a later pass may have fewer files than workers, but the pool is the same
        return _scheduled(self.executor, tasks, self.run.stats.workers)


def _scheduled(executor: Executor, tasks: list[tuple], workers: int) -> Iterator[tuple]:
    """The replies to `tasks`, as they come. The largest files go first, so that no
    worker is left with one at the end, but no more source is in flight than
    `SOURCE_IN_FLIGHT` (small files fill in beside a large one); two tasks a
    worker are in flight, so that none waits for its next one."""
    from concurrent.futures import FIRST_COMPLETED, wait

    queue = collections.deque(sorted(((_size(task[1]), task) for task in tasks), reverse=True))
    flying: dict[Future, int] = {}
    while queue or flying:
        while queue and len(flying) < 2 * workers:
            load = sum(flying.values())
            if not flying or load + queue[0][0] <= SOURCE_IN_FLIGHT:
                size, task = queue.popleft()
            elif load + queue[-1][0] <= SOURCE_IN_FLIGHT:
                size, task = queue.pop()
            else:
                break
            flying[executor.submit(_first_pass, task)] = size
        done, _ = wait(flying, return_when=FIRST_COMPLETED)
        for future in done:
            del flying[future]
            yield future.result()


def _workers(jobs: int | None, files: int) -> int:
    if jobs is None:  # auto: one per core, none for a handful of files
        return min(cores(), files // FILES_PER_WORKER)
    return min(jobs, files)


def cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "process_cpu_count"):  # Python 3.13
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _pool(workers: int, settings: Settings, modules: frozenset[str], options: Options):
    # Imported here: a run whose files all come from the cache starts no pool.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Forked workers start with everything imported; fork is only safe without
    # threads (and is not on macOS), elsewhere the platform's default applies.
    method = None
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        method = "fork"
    context = multiprocessing.get_context(method)
    return ProcessPoolExecutor(
        workers,
        mp_context=context,
        initializer=_start_worker,
        initargs=(replace(settings), modules, options.shortcut, True),  # without cached tables
    )


def _size(file: str) -> int:
    try:
        return os.path.getsize(file)
    except OSError:
        return 0


def _progress(replies: Iterable[tuple], total: int) -> Iterable[tuple]:
    from tqdm import tqdm

    with tqdm(total=total, unit="file", file=sys.stderr, leave=False, desc="async-lint") as bar:
        for reply in replies:
            bar.update()
            yield reply


# -- in a worker process (or in this one, for `--jobs 1`) -----------------------

_WORKER: dict[str, Any] = {}


def _start_worker(
    settings: Settings, modules: frozenset[str], shortcut: bool, pooled: bool = False
) -> None:
    _WORKER.update(settings=settings, modules=modules, shortcut=shortcut)
    if pooled:
        # What the worker inherited lives as long as it does: the collector
        # need not look at it again, and libcst's trees make many objects.
        gc.freeze()


def _first_pass(task: tuple[int, str, str, bool]) -> tuple[int, str | None, str]:
    """(index, sha256 of the bytes linted or None if unreadable, the result as JSON
    text: `cache.encode`'s, which the cache keeps as it is)."""
    from async_lint import engine

    index, file, display, position_pending = task
    settings: Settings = _WORKER["settings"]
    try:
        with open(file, "rb") as handle:
            data = handle.read()
        source = decode(data)
    except (OSError, SourceError) as error:
        reason = why_unreadable(error)
        unreadable = engine.unreadable(display, reason, settings, getattr(error, "where", None))
        return index, None, cache.encode(unreadable)
    # A lint leaves no reference cycles (its tree dies by reference counting),
    # so the collector would only scan the millions of nodes it makes, for nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        result = engine.lint_source(
            source, display, settings, path=file, defer=True, project_modules=_WORKER["modules"],
            position_pending=position_pending, shortcut=_WORKER["shortcut"],
        )  # fmt: skip
    finally:
        if collecting:
            gc.enable()
    reply = index, hashlib.sha256(data).hexdigest(), cache.encode(result)
    if len(data) > TRIM_AFTER:
        del result
        _give_back_memory()
    return reply


def _give_back_memory() -> None:
    """Return the memory of a large tree to the system: glibc's malloc keeps what
    was freed, and the worker would hold its largest file's tree to the end."""
    trim = _WORKER.get("malloc_trim")
    if trim is None:
        trim = False
        if sys.platform.startswith("linux"):
            import ctypes

            with contextlib.suppress(OSError, AttributeError):  # not glibc (musl)
                trim = ctypes.CDLL(None).malloc_trim
        _WORKER["malloc_trim"] = trim
    if trim:
        trim(0)


# -- helpers ---------------------------------------------------------------------


def _files(results: list[Result], stdin: Result | None, files) -> Iterable:
    names = ([None] if stdin is not None else []) + [file for file, _ in files]
    return zip(results, names, strict=True)


def _with_source(result: Result, file: str | None) -> Result:
    """The result with the text of its file when it has findings (stdin's is kept)."""
    if not result.diagnostics or result.source is not None or file is None:
        return result
    try:
        with open(file, "rb") as handle:
            source = decode(handle.read())
    except (OSError, SourceError):
        return result
    return replace(result, source=source)


def _import_roots(paths: list[str], files: list[str]) -> list[str]:
    """Where imports are looked up (RULES.md): the paths of the run (a file's
    directory) and the working directory, and any `src/` directory above a file.
    (Each file's nearest directory without `__init__.py` is a root too: the
    module names the engine gives files come from it.)"""
    roots = [os.getcwd()]
    for path in paths:
        roots.append(path if os.path.isdir(path) else os.path.dirname(path) or ".")
    for file in files:
        parts = os.path.abspath(file).split(os.sep)
        if "src" in parts:
            roots.append(os.sep.join(parts[: len(parts) - parts[::-1].index("src")]))
    return list(dict.fromkeys(os.path.abspath(root) for root in roots))


def _top_names(root: str, files: list[str]) -> set[str]:
    """The top-level names files are importable by from `root`."""
    names = set()
    for file in files:
        relative = os.path.relpath(os.path.abspath(file), root)
        if not relative.startswith(os.pardir):
            names.add(os.path.splitext(relative.split(os.sep)[0])[0])
    return names


def cache_directory(settings: Settings, flag: str | None, enabled: bool) -> Path | None:
    """Where the cache is: `--cache-dir`, else the `cache-dir` option, else
    `.async_lint_cache` in the project root (where the configuration is, else the
    working directory); None with `--no-cache`."""
    if not enabled:
        return None
    if flag is not None:
        return Path(os.path.abspath(flag))
    return settings.cache_dir or settings.root / cache.DIRECTORY

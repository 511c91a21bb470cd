"""One `check` run: every file's first pass, from the cache or from a pool of worker
processes, then the transitive findings decided against the whole project.

A file's first pass depends only on its bytes, its path, the settings and the
run's top-level packages, so it can run anywhere and be cached. The project
index is built from the summaries of those passes (cached or fresh) in file
order, and every file's pending calls are decided against it; only a module
with a confirmed call that was not positioned is linted again (its cache
entry then keeps the positions). A changed file is linted again itself, and
changes what it changes: no other file's cached pass is redone for it.

A run with a cache mostly has little to lint: a worker forked as it starts
(`Standby`) imports the engine meanwhile and lints those few files, while
this process builds the index they will most likely give.
"""

from __future__ import annotations

import collections
import contextlib
import gc
import hashlib
import os
import pickle
import signal
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from async_lint import cache
from async_lint.analysis.modules import module_name_for
from async_lint.analysis.project import ProjectIndex
from async_lint.analysis.summary import ModuleSummary
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
    standby: Standby | None = None  # lints what this process would lint itself


@dataclass
class Stats:
    """What a run did with its files, for `--verbose` (and the tests)."""

    linted: list[str] = field(default_factory=list)  # first passes run, in file order
    cached: list[str] = field(default_factory=list)  # first passes from the cache
    relinted: list[str] = field(default_factory=list)  # linted again for positions
    workers: int = 0  # worker processes started (0: all in this process)
    ahead: bool = False  # files were given to the worker started ahead (`Standby`)
    cache_written: bool | None = None  # None: no cache

    def line(self) -> str:
        total = len(self.linted) + len(self.cached)
        where = "in this process"
        if self.workers:
            where = f"in {self.workers} processes"
        elif self.ahead:
            where = "in the worker started ahead"
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
                passes.close()  # nothing to lint: the standby goes now
                self.stats.cache_written = True
                if options.sources:
                    reused = [_with_source(r, f) for r, (f, _) in zip(reused, files, strict=True)]
                return reused
        results = passes.first(stdin)
        summaries = _summaries(stdin, results)
        if passes.guess is not None and _same(passes.guess[0], summaries):
            self.index = passes.guess[1]  # its chains are built already
        else:
            for summary in summaries:
                self.index.add(summary)
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
        # The summaries the index will most likely be built from, and that index,
        # built while the standby lints (`first`).
        self.guess: tuple[list[ModuleSummary], ProjectIndex] | None = None

    def first(self, stdin: Result | None = None) -> list[Result]:
        results: list[Result | None] = [None] * len(self.files)
        missing = []
        for index, (file, display) in enumerate(self.files):
            found = self._cached(index, file, display)
            if found is None:
                missing.append(index)
            else:
                results[index] = found
                self.run.stats.cached.append(file)
        replies = self._lint(missing, position_pending=False)
        standby = self.options.standby
        if standby is not None:
            if standby.linting:
                self.guess = self._guess(stdin, results)
            elif not missing:
                standby.dismiss()  # nothing to lint: it goes now
        for index, result in replies:
            results[index] = result
        self.run.stats.linted = [self.files[i][0] for i in missing]
        self.run.stats.ahead = standby is not None and standby.answered > 0
        return results  # type: ignore[return-value]

    def _guess(
        self, stdin: Result | None, results: list[Result | None]
    ) -> tuple[list[ModuleSummary], ProjectIndex] | None:
        """The project index as it will most likely be, built while this process
        would only wait: with each file being linted summarised as it was before
        (an edit seldom changes a module's summary). None if one was not cached."""
        if self.store is None:
            return None
        guessed = []
        for index, result in enumerate(results):
            if result is None:
                file, display = self.files[index]
                text = self.store.previous(file, self.modules[index])
                try:
                    result = cache.decode(text, display) if text is not None else None
                except ValueError:
                    result = None
                if result is None:
                    return None
            guessed.append(result)
        summaries = _summaries(stdin, guessed)
        guess = ProjectIndex(summaries, roots=self.run.index.roots)
        guess.prepare()
        return summaries, guess

    def again(self, indexes: list[int]) -> list[Result]:
        """The first passes of these files again, with every pending call positioned."""
        self.run.stats.relinted = [self.files[i][0] for i in indexes]
        found = dict(self._lint(indexes, position_pending=True))
        return [found[i] for i in indexes]

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown()
            self.executor = None
        if self.options.standby is not None:
            self.options.standby.dismiss()

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

    def _lint(self, indexes: list[int], *, position_pending: bool) -> Iterator[tuple[int, Result]]:
        """(index, result) of each file, linted here, by the standby or in the pool,
        in any order. The standby is sent every task now; the others are linted
        or submitted as the results are read."""
        tasks = [
            (i, *self.files[i], position_pending or _size(self.files[i][0]) >= POSITION_AHEAD)
            for i in indexes
        ]
        replies = self._replies(tasks)
        if self.options.progress and len(tasks) >= PROGRESS_MIN_FILES and not position_pending:
            replies = _progress(replies, len(tasks))
        return self._received(replies)

    def _received(self, replies: Iterable[tuple]) -> Iterator[tuple[int, Result]]:
        for index, digest, text in replies:
            file, display = self.files[index]
            if digest is not None and self.store is not None:
                self.digests[index] = digest  # of the bytes linted
                self.store.put(file, digest, self.modules[index], text)
            yield index, cache.decode(text, display)

    def _replies(self, tasks: list[tuple[int, str, str, bool]]) -> Iterable[tuple]:
        workers = _workers(self.options.jobs, len(tasks))
        standby = self.options.standby
        if workers <= 1 and self.executor is None:
            run, shortcut = self.run, self.options.shortcut
            if tasks and standby is not None and standby.ready(run.settings, run.modules, shortcut):
                return standby.lint(tasks)
            _start_worker(run.settings, run.modules, shortcut)
            return map(_first_pass, tasks)
        if standby is not None:
            standby.dismiss()  # the pool's workers import the engine themselves
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


def _summaries(stdin: Result | None, results: list[Result]) -> list[ModuleSummary]:
    """What the project index is built from, in its order: standard input's
    summary, then the files'."""
    everything = ([stdin] if stdin is not None else []) + results
    return [result.summary for result in everything if result.summary is not None]


def _same(guessed: list[ModuleSummary], summaries: list[ModuleSummary]) -> bool:
    """Whether the index built from `guessed` is the one `summaries` make: the same
    summaries, each with its functions in the same order (the call graph is walked
    in that order, and of two chains as short, the first found is kept)."""
    return len(guessed) == len(summaries) and all(
        a is b or (a == b and list(a.functions) == list(b.functions))
        for a, b in zip(guessed, summaries, strict=True)
    )


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


class Standby:
    """A worker forked when a run with a cache starts, that imports the engine
    (libcst and the rules: a fifth of a second) while this process finds the
    files and reads the cache. A run with one file changed then only waits for
    its lint; one with nothing to lint dismisses it. It lints what this process
    would lint itself (too few files for a pool), in order; should it die, this
    process lints the rest.

    Only where fork is safe (Linux, no threads yet): the child has this
    process's modules and settings as they are, and leaves with `os._exit`, so
    that nothing of this process's (buffers, atexit) runs twice."""

    def __init__(self, pid: int, requests: Any, replies: Any, settings: Settings) -> None:
        self.pid = pid
        self._requests, self._replies = requests, replies  # pipes to and from the child
        self._settings = settings
        self._setup: tuple[frozenset[str], bool] | None = None  # the run's, once sent
        self.linting = False  # tasks sent, not all replies read
        self.answered = 0  # tasks the child linted

    @classmethod
    def fork(cls, settings: Settings) -> Standby | None:
        """A standby worker for a run with these settings, or None where fork is
        not safe or fails."""
        if not sys.platform.startswith("linux") or threading.active_count() != 1:
            return None
        for stream in (sys.stdout, sys.stderr):  # nothing buffered to write twice
            with contextlib.suppress(OSError, ValueError, AttributeError):  # closed, None
                stream.flush()
        requests_in, requests_out = os.pipe()  # (read, write): to the child
        replies_in, replies_out = os.pipe()  # from it
        # Ctrl-C must never raise in the child, which would unwind into this
        # process's code: held until the child ignores it (the parent lets it go).
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            pid = os.fork()
        except OSError:  # no process to spare: this one lints
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
            for end in (requests_in, requests_out, replies_in, replies_out):
                os.close(end)
            return None
        if pid == 0:  # pragma: no cover - the child; its work is checked by its replies
            try:
                signal.signal(signal.SIGINT, signal.SIG_IGN)
                signal.pthread_sigmask(signal.SIG_SETMASK, mask)
                os.close(requests_out)
                os.close(replies_in)
                _stand_by(os.fdopen(requests_in, "rb"), os.fdopen(replies_out, "wb"), settings)
            finally:  # whatever happened (an end of input, an error): out, and nothing else
                os._exit(0)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        os.close(requests_in)
        os.close(replies_out)
        requests, replies = os.fdopen(requests_out, "wb"), os.fdopen(replies_in, "rb")
        return cls(pid, requests, replies, settings)

    def ready(self, settings: Settings, modules: frozenset[str], shortcut: bool) -> bool:
        """Whether the child is there to lint for a run with these settings and
        top-level packages (`_start_worker`'s)."""
        if self._requests is None or settings != self._settings:
            return False
        if self._setup is None:
            self._setup = (modules, shortcut)
            self._send(self._setup)
        return self._setup == (modules, shortcut)

    def lint(self, tasks: list[tuple]) -> Iterator[tuple]:
        """`_first_pass`'s replies to `tasks`, in their order; the child has them now."""
        self._send(tasks)
        self.linting = True
        return self._replies_to(tasks)

    def _replies_to(self, tasks: list[tuple]) -> Iterator[tuple]:
        for done in range(len(tasks)):
            try:
                reply = pickle.load(self._replies)
            except Exception:  # noqa: BLE001 - it died: this process lints the rest
                self.dismiss()
                _start_worker(self._settings, *self._setup)
                yield from map(_first_pass, tasks[done:])
                break
            self.answered += 1
            yield reply
        self.linting = False

    def dismiss(self) -> None:
        if self._requests is None:
            return
        for pipe in (self._requests, self._replies):
            with contextlib.suppress(OSError):
                pipe.close()
        self._requests = self._replies = None
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)

    def _send(self, message: Any) -> None:
        with contextlib.suppress(OSError):  # it died: the replies will say so
            pickle.dump(message, self._requests)
            self._requests.flush()


# What the standby lints first, so that its first real lint finds everything loaded.
WARM_UP = "import asyncio\n\n\nasync def main():\n    await asyncio.sleep(0)\n"


def _stand_by(requests: Any, replies: Any, settings: Settings) -> None:  # pragma: no cover
    """The standby child: the engine imported and run once on a small module (what
    the first lint imports and builds), then the first passes asked for."""
    from async_lint import engine

    engine.lint_source(WARM_UP, "warm-up.py", settings, defer=True, shortcut=False)
    modules, shortcut = pickle.load(requests)
    _start_worker(settings, modules, shortcut, True)
    while True:
        for task in pickle.load(requests):
            pickle.dump(_first_pass(task), replies)
            replies.flush()


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

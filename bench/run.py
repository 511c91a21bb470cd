"""async-lint against its floor and the reference tools, in one session, on one corpus.

    pip install -r bench/requirements.txt
    python bench/run.py [--corpus medium|large] [--rounds 5] [--jobs N]

Before the rounds, async-lint fills its cache (measured once, as a user's first
run). Each round runs, one after the other: the libcst parse-only floor, async-lint
cold (no cache), async-lint after one file was touched, async-lint warm
(cache, nothing changed), `ruff check --select ASYNC`, and flake8-async's own
CLI with async-lint cold beside it on a subset (flake8-async is slow; its time
is also scaled to the whole corpus by lines). The table gives medians, ratios,
the CPU time and the peak memory of each command's whole process tree (the
sum of the proportional set sizes of the process and its workers, sampled
every 50 ms: a page shared by several processes counts once in all). The CPU
time moves less than the wall time when the machine's speed does.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

BENCH = Path(__file__).resolve().parent
CORPORA = BENCH / ".corpus"
# flake8-async runs on these packages of the corpus only (about 16k lines).
FLAKE8_ASYNC_SUBSET = ("httpx", "starlette")
# The file a "touch" edits: a comment appended, so its summary stays the same.
TOUCHED = Path("httpx") / "_client.py"
FLOOR, COLD, TOUCH, WARM = (
    "libcst parse only (floor)",
    "async-lint cold",
    "async-lint, one file touched",
    "async-lint warm",
)
COLD_SUBSET, FLAKE8_ASYNC = "async-lint cold, subset", "flake8-async, subset"
FILL = "async-lint cold, filling the cache (once)"  # a first run, as users make it


@dataclass
class Samples:
    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)  # of the whole process tree
    peak_mb: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpu_seconds)

    @property
    def peak(self) -> float:
        return max(self.peak_mb)


def install(corpus: str) -> Path:
    """The corpus, installed once under bench/.corpus/<name> (ignored by git)."""
    target = CORPORA / corpus
    done = target / ".installed"
    requirements = BENCH / f"requirements-{corpus}.txt"
    pins = "".join(path.read_text() for path in sorted(BENCH.glob("requirements-*.txt")))
    if done.exists() and done.read_text() == pins:
        return target
    shutil.rmtree(target, ignore_errors=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target",
         str(target), "-r", str(requirements)],
        check=True,
    )  # fmt: skip
    shutil.rmtree(target / "bin", ignore_errors=True)  # scripts, not library code
    done.write_text(pins)
    return target


def compile_async_lint() -> None:
    """Compile async-lint's modules, as installing a package does (the reference
    tools were): an editable install where PYTHONDONTWRITEBYTECODE is set would
    compile every module again in every process of every run."""
    spec = importlib.util.find_spec("async_lint")
    assert spec is not None and spec.submodule_search_locations
    for location in spec.submodule_search_locations:
        compileall.compile_dir(location, quiet=1)


def python_files(root: Path, packages: tuple[str, ...] = ()) -> list[Path]:
    tops = [root / p for p in packages] if packages else [root]
    return sorted(path for top in tops for path in top.rglob("*.py"))


def lines(files: list[Path]) -> int:
    return sum(path.read_bytes().count(b"\n") for path in files)


def measure(command: list[str], samples: Samples, cwd: Path) -> None:
    """Run a command; record its wall time, the CPU time and the peak memory of its
    process tree (a command's workers are waited for by the command, so their CPU
    time counts in its own)."""
    with tempfile.TemporaryFile() as errors:  # a pipe could fill up and stall the command
        before = _children_cpu()
        start = time.perf_counter()
        process = psutil.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        peak = [0]
        ended = threading.Event()
        sampler = threading.Thread(target=_sample, args=(process, peak, ended), daemon=True)
        sampler.start()
        process.wait()
        elapsed = time.perf_counter() - start
        ended.set()
        sampler.join()
        errors.seek(0)
        stderr = errors.read().decode(errors="replace")
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{stderr}")
    samples.seconds.append(elapsed)
    samples.cpu_seconds.append(_children_cpu() - before)
    samples.peak_mb.append(peak[0] / 2**20)


def _children_cpu() -> float:
    """The CPU time of this process's children that have ended (0 on Windows)."""
    times = os.times()
    return times.children_user + times.children_system


def _sample(process: psutil.Popen, peak: list[int], ended: threading.Event) -> None:
    # Not `process.poll()`: it could reap the process under `process.wait()`,
    # which would then not know its exit status.
    while not ended.is_set():
        total = 0
        try:
            for member in [process, *process.children(recursive=True)]:
                total += _memory(member)
        except psutil.Error:
            pass  # a process ended between the listing and the reading
        peak[0] = max(peak[0], total)
        ended.wait(0.05)  # every 10 ms, the sampling itself took a fifth of a core


def _memory(process: psutil.Process) -> int:
    """The process's proportional set size: the pages it shares with the others
    (a forked worker's, the libraries') split between them, so that the sum over
    the tree is the memory the run takes. The resident set where there is none."""
    try:
        return process.memory_full_info().pss
    except (AttributeError, psutil.AccessDenied):  # not Linux
        return process.memory_info().rss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=("medium", "large"), default="medium")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=_cores())
    parser.add_argument(
        "--skip-flake8-async", action="store_true", help="leave out the slowest reference"
    )
    args = parser.parse_args()

    corpus = install(args.corpus)
    compile_async_lint()
    files = python_files(corpus)
    subset = [str(corpus / p) for p in FLAKE8_ASYNC_SUBSET]
    subset_files = python_files(corpus, FLAKE8_ASYNC_SUBSET)
    total_lines, subset_lines = lines(files), lines(subset_files)
    jobs = str(args.jobs)
    cache = Path(tempfile.mkdtemp(prefix="async-lint-bench-cache-"))
    lint = [sys.executable, "-m", "async_lint", "check", "-q", "--exit-zero", "--jobs", jobs]
    touched = corpus / TOUCHED
    original = touched.read_bytes()

    commands = {
        FLOOR: [sys.executable, str(BENCH / "parse_floor.py"), jobs, "."],
        COLD: [*lint, "--no-cache", "."],
        TOUCH: [*lint, "--cache-dir", str(cache), "."],
        WARM: [*lint, "--cache-dir", str(cache), "."],
        # ruff's defaults, not the configuration of the repository the corpus sits in
        "ruff --select ASYNC": [
            sys.executable, "-m", "ruff", "check", "--isolated", "--select", "ASYNC",
            "--no-cache", "--exit-zero", "--quiet", ".",
        ],
        COLD_SUBSET: [*lint, "--no-cache", *subset],
        FLAKE8_ASYNC: [
            str(Path(sys.executable).with_name("flake8-async")), *map(str, subset_files)
        ],
    }  # fmt: skip
    if args.skip_flake8_async:
        del commands[FLAKE8_ASYNC]
    results = {name: Samples() for name in (FLOOR, COLD, FILL, *commands)}
    print(
        f"{args.corpus} corpus: {len(files)} files, {total_lines:,} lines; "
        f"flake8-async subset {', '.join(FLAKE8_ASYNC_SUBSET)}: {subset_lines:,} lines; "
        f"--jobs {jobs}; {args.rounds} rounds",
        flush=True,
    )
    measure(commands[WARM], results[FILL], corpus)
    try:
        for round_ in range(args.rounds):
            for name, command in commands.items():
                if name == TOUCH:
                    touched.write_bytes(original + f"# bench round {round_}\n".encode())
                measure(command, results[name], corpus)
            print(f"round {round_ + 1}/{args.rounds} done", file=sys.stderr, flush=True)
    finally:
        touched.write_bytes(original)
        shutil.rmtree(cache, ignore_errors=True)
    report(results, total_lines / subset_lines)


def report(results: dict[str, Samples], scale: float) -> None:
    floor = results[FLOOR].median
    cold = results[COLD].median
    print(
        "\n| command | median s | / floor | / cold | CPU s | peak MB |"
        "\n|---|---:|---:|---:|---:|---:|"
    )
    for name, samples in results.items():
        print(
            f"| {name} | {samples.median:.2f} | {samples.median / floor:.2f} "
            f"| {samples.median / cold:.3f} | {samples.cpu:.2f} | {samples.peak:.0f} |"
        )
    print("\nTargets:")
    cpu = results[COLD].cpu / results[FLOOR].cpu
    print(f"- cold / floor: {cold / floor:.2f} (target <= 1.3; in CPU time {cpu:.2f})")
    warm = results[WARM].median
    touched = results[TOUCH].median
    print(f"- warm / cold: {warm / cold:.1%} (target <= 5%)")
    print(f"- one file touched / cold: {touched / cold:.1%} (target <= 10%)")
    if FLAKE8_ASYNC in results:
        ours = results[COLD_SUBSET].median
        theirs = results[FLAKE8_ASYNC].median
        print(
            f"- speed-up over flake8-async: {theirs / ours:.1f} times on the subset; "
            f"{theirs * scale / cold:.1f} times against its time scaled to the corpus "
            f"({theirs * scale:.0f} s estimated) (target >= 30)"
        )
    peak = max(s.peak for name, s in results.items() if name.startswith("async-lint"))
    print(f"- async-lint peak memory: {peak:.0f} MB (target <= 400 MB on the large corpus)")
    print(
        f"\nMachine: {_cores()} cores, {_cpu()}, "
        f"{psutil.virtual_memory().total / 2**30:.0f} GiB, Python {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.1f} at the end"
    )


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _cpu() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


if __name__ == "__main__":
    main()

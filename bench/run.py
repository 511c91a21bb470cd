"""async-lint against its floor and the reference tools, in one session, on one corpus.

    pip install -r bench/requirements.txt
    python bench/run.py [--corpus medium|large] [--rounds 3] [--jobs N]

Each round runs, one after the other: the libcst parse-only floor, async-lint
cold (no cache), async-lint after one file was touched, async-lint warm
(cache, nothing changed), `ruff check --select ASYNC`, and flake8-async's own
CLI with async-lint cold beside it on a subset (flake8-async is slow; its time
is also scaled to the whole corpus by lines). The table gives medians, ratios
and the peak memory of each command's whole process tree.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
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


@dataclass
class Samples:
    seconds: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak(self) -> float:
        return max(self.peak_mb)


def install(corpus: str) -> Path:
    """The corpus, installed once under bench/.corpus/<name>."""
    target = CORPORA / corpus
    done = target / ".installed"
    requirements = BENCH / f"requirements-{corpus}.txt"
    if done.exists() and done.read_text() == requirements.read_text():
        return target
    shutil.rmtree(target, ignore_errors=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target",
         str(target), "-r", str(requirements)],
        check=True,
    )  # fmt: skip
    shutil.rmtree(target / "bin", ignore_errors=True)  # scripts, not library code
    done.write_text(requirements.read_text())
    return target


def python_files(root: Path, packages: tuple[str, ...] = ()) -> list[Path]:
    tops = [root / p for p in packages] if packages else [root]
    return sorted(path for top in tops for path in top.rglob("*.py"))


def lines(files: list[Path]) -> int:
    return sum(path.read_bytes().count(b"\n") for path in files)


def measure(command: list[str], samples: Samples, cwd: Path) -> None:
    """Run a command; record its wall time and the peak RSS of its process tree."""
    start = time.perf_counter()
    process = psutil.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        rss = 0
        try:
            for member in [process, *process.children(recursive=True)]:
                rss += member.memory_info().rss
        except psutil.Error:
            pass  # a worker ended between the listing and the reading
        peak = max(peak, rss)
        time.sleep(0.02)
    elapsed = time.perf_counter() - start
    stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{stderr}")
    samples.seconds.append(elapsed)
    samples.peak_mb.append(peak / 2**20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=("medium", "large"), default="medium")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--skip-flake8-async", action="store_true", help="leave out the slowest reference"
    )
    args = parser.parse_args()

    corpus = install(args.corpus)
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
        "libcst parse only (floor)": [sys.executable, str(BENCH / "parse_floor.py"), jobs, "."],
        "async-lint cold": [*lint, "--no-cache", "."],
        "async-lint, one file touched": [*lint, "--cache-dir", str(cache), "."],
        "async-lint warm": [*lint, "--cache-dir", str(cache), "."],
        "ruff --select ASYNC": [
            sys.executable, "-m", "ruff", "check", "--select", "ASYNC", "--no-cache",
            "--exit-zero", "--quiet", ".",
        ],
        "async-lint cold, subset": [*lint, "--no-cache", *subset],
        "flake8-async, subset": [
            str(Path(sys.executable).with_name("flake8-async")), *map(str, subset_files)
        ],
    }  # fmt: skip
    if args.skip_flake8_async:
        del commands["flake8-async, subset"]
    results = {name: Samples() for name in commands}
    print(
        f"{args.corpus} corpus: {len(files)} files, {total_lines:,} lines; "
        f"flake8-async subset {', '.join(FLAKE8_ASYNC_SUBSET)}: {subset_lines:,} lines; "
        f"--jobs {jobs}; {args.rounds} rounds",
        flush=True,
    )
    measure(commands["async-lint warm"], Samples(), corpus)  # fill the cache
    try:
        for round_ in range(args.rounds):
            for name, command in commands.items():
                if name == "async-lint, one file touched":
                    touched.write_bytes(original + f"# bench round {round_}\n".encode())
                measure(command, results[name], corpus)
            print(f"round {round_ + 1}/{args.rounds} done", file=sys.stderr, flush=True)
    finally:
        touched.write_bytes(original)
        shutil.rmtree(cache, ignore_errors=True)
    report(results, total_lines / subset_lines)


def report(results: dict[str, Samples], scale: float) -> None:
    floor = results["libcst parse only (floor)"].median
    cold = results["async-lint cold"].median
    print("\n| command | median s | x floor | x cold | peak MB |\n|---|---:|---:|---:|---:|")
    for name, samples in results.items():
        print(
            f"| {name} | {samples.median:.2f} | {samples.median / floor:.2f} "
            f"| {samples.median / cold:.3f} | {samples.peak:.0f} |"
        )
    ours = results["async-lint cold, subset"].median
    print("\nTargets:")
    print(f"- cold / floor: {cold / floor:.2f} (target ≤ 1.3)")
    warm = results["async-lint warm"].median
    touched = results["async-lint, one file touched"].median
    print(f"- warm / cold: {warm / cold:.1%} (target ≤ 5%)")
    print(f"- one file touched / cold: {touched / cold:.1%} (target ≤ 10%)")
    if "flake8-async, subset" in results:
        theirs = results["flake8-async, subset"].median
        print(
            f"- speed-up over flake8-async: {theirs / ours:.0f}x on the subset; "
            f"{theirs * scale / cold:.0f}x against its time scaled to the corpus "
            f"({theirs * scale:.0f} s estimated) (target ≥ 30x)"
        )
    peak = max(s.peak for name, s in results.items() if name.startswith("async-lint"))
    print(f"- async-lint peak memory: {peak:.0f} MB (target ≤ 400 MB on the large corpus)")
    cpu = platform.processor() or platform.machine()
    print(
        f"\nMachine: {os.cpu_count()} cores, {cpu}, "
        f"{psutil.virtual_memory().total / 2**30:.0f} GiB, Python {platform.python_version()}"
    )


if __name__ == "__main__":
    main()

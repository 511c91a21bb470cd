"""Lint and fix real code: no internal error anywhere, and every fixed file compiles.

    python tests/real_code.py                      # the pinned subset (as in CI)
    python tests/real_code.py --packages httpx,trio
    python tests/real_code.py /tmp/corpus          # any directories or files

It runs `async-lint check` as users do, over installed packages' sources or
the paths given: every file is linted with every rule (`--select ALL`) and any
`ASL999` fails the run. Then a scratch copy is fixed with `--fix
--unsafe-fixes`; every changed file must still compile (if it compiled
before), the fixes that were dropped as broken are listed (a rule offered a
bad fix), and a second run must change nothing.
tests/test_real_code.py runs it in the test suite.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

# Installed by tests/requirements-sdks.txt, so no download: small enough for CI
# (about 3 MB of source), varied enough to matter (HTTP clients, async
# frameworks, an SDK, a database driver).
PINNED = ("httpx", "anyio", "aiohttp", "requests", "groq", "motor", "aiolimiter", "psycopg")


@dataclass
class Report:
    files: int = 0
    lines: int = 0
    findings: int = 0
    internal_errors: list[str] = field(default_factory=list)
    fixed_files: int = 0
    fixed: int = 0
    not_compiling: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    unsettled: list[str] = field(default_factory=list)
    other_stderr: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    exit_statuses: list[int] = field(default_factory=list)  # with --exit-zero: all 0

    @property
    def ok(self) -> bool:
        problems = (self.internal_errors, self.not_compiling, self.dropped, self.unsettled)
        return not any(problems) and not self.other_stderr and not any(self.exit_statuses)

    def summary(self) -> str:
        timing = ", ".join(f"{name} {value:.1f} s" for name, value in self.seconds.items())
        lines = [
            f"{self.files} files, {self.lines} lines: {self.findings} findings ({timing})",
            f"fixed {self.fixed} findings in {self.fixed_files} files",
        ]
        if any(self.exit_statuses):
            lines.append(f"exit statuses (lint, fix, second fix): {self.exit_statuses}")
        for title, items in (
            ("ASL999 internal errors", self.internal_errors),
            ("fixed files that do not compile", self.not_compiling),
            ("fixes dropped as broken", self.dropped),
            ("files a second --fix run changed", self.unsettled),
            ("other messages on stderr", self.other_stderr),
        ):
            if items:
                lines.append(f"{title}: {len(items)}")
                lines.extend(f"  {item}" for item in items[:50])
        return "\n".join(lines)


def package_roots(names: list[str]) -> list[Path]:
    """Where the installed packages' sources are (their own directories, never imported)."""
    roots = []
    for name in names:
        spec = importlib.util.find_spec(name)
        if spec is None:
            raise SystemExit(
                f"{name} is not installed (pip install -r tests/requirements-sdks.txt)"
            )
        if spec.submodule_search_locations:
            roots.extend(Path(location) for location in spec.submodule_search_locations)
        elif spec.origin:
            roots.append(Path(spec.origin))
    return roots


def async_lint(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "async_lint", "check", "--exit-zero", "--select", "ALL", *args]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, env=env, check=False, timeout=3600
    )


def python_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if p.is_file())


def compiles(data: bytes, name: str) -> bool:
    try:
        compile(data, name, "exec", dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def run(paths: list[Path]) -> Report:
    report = Report()
    with tempfile.TemporaryDirectory(prefix="async-lint-real-code-") as scratch:
        # One copy, linted and then fixed: findings name files relative to it.
        work = Path(scratch)
        for index, path in enumerate(paths):
            target = work / f"{index:02}-{path.name}"
            if path.is_dir():
                # packages' own caches and tests directories come along: real code too
                shutil.copytree(path, target, symlinks=True, ignore=shutil.ignore_patterns("*.pyc"))
            else:
                target.mkdir()
                shutil.copy2(path, target / path.name)
        files = python_files(work)
        before = {file: file.read_bytes() for file in files}
        report.files = len(files)
        report.lines = sum(data.count(b"\n") for data in before.values())

        started = time.monotonic()
        # --no-respect-gitignore: a site-packages copy has no .gitignore, a checkout might
        linted = async_lint(
            "--output-format", "json-lines", "--no-respect-gitignore", ".", cwd=work
        )
        report.seconds["lint"] = time.monotonic() - started
        findings = [json.loads(line) for line in linted.stdout.splitlines() if line.strip()]
        report.findings = len(findings)
        report.internal_errors = [
            f"{f['filename']}:{f['location']['row']}: {f['message']}"
            for f in findings
            if f["code"] == "ASL999"
        ]
        report.other_stderr += [line for line in linted.stderr.splitlines() if line]

        started = time.monotonic()
        fixing = async_lint("--fix", "--unsafe-fixes", "--no-respect-gitignore", ".", cwd=work)
        report.seconds["fix"] = time.monotonic() - started
        summary = [line for line in fixing.stdout.splitlines() if line.startswith("Fixed ")]
        report.fixed = int(summary[0].split()[1]) if summary else 0
        for line in fixing.stderr.splitlines():
            (report.dropped if " dropped: " in line else report.other_stderr).append(line)
        after = {file: file.read_bytes() for file in files}
        changed = [file for file in files if after[file] != before[file]]
        report.fixed_files = len(changed)
        report.not_compiling = [
            str(file.relative_to(work))
            for file in changed
            if compiles(before[file], str(file)) and not compiles(after[file], str(file))
        ]

        started = time.monotonic()
        again = async_lint("-q", "--fix", "--unsafe-fixes", "--no-respect-gitignore", ".", cwd=work)
        report.seconds["second fix"] = time.monotonic() - started
        report.unsettled = [
            str(file.relative_to(work)) for file in files if file.read_bytes() != after[file]
        ]
        report.other_stderr += [
            line for line in again.stderr.splitlines() if line and " dropped: " not in line
        ]
        report.exit_statuses = [linted.returncode, fixing.returncode, again.returncode]
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="directories or files to use")
    parser.add_argument(
        "--packages", help=f"installed packages, comma-separated (default: {','.join(PINNED)})"
    )
    args = parser.parse_args(argv)
    if args.paths and args.packages:
        parser.error("give paths or --packages, not both")
    names = args.packages.split(",") if args.packages else list(PINNED)
    paths = args.paths or package_roots(names)
    report = run([path.resolve() for path in paths])
    print(report.summary())
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())

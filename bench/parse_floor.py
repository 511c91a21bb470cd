"""The floor a libcst-based linter cannot beat: libcst parsing the files the linter
would lint, with the same number of worker processes, and nothing else.

    python bench/parse_floor.py JOBS PATH...
"""

from __future__ import annotations

import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import libcst

from async_lint.config import Settings
from async_lint.discovery import discover
from async_lint.sources import SourceError, decode


def parse(path: str) -> bool:
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        libcst.parse_module(decode(data))
    except (SourceError, libcst.ParserSyntaxError):
        return False
    return True


def main() -> None:
    jobs, paths = int(sys.argv[1]), sys.argv[2:]
    files = list(discover(paths, Settings(root=Path.cwd())))
    if jobs == 1:
        parsed = sum(map(parse, files))
    else:
        with ProcessPoolExecutor(jobs) as pool:
            parsed = sum(pool.map(parse, files, chunksize=8))
    print(f"{len(files)} files, {parsed} parsed")


if __name__ == "__main__":
    main()

"""Which files a run lints: `*.py` below the given paths, minus excludes and .gitignore."""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pathspec

from async_lint.config import Settings, relative_to_root

SUFFIXES = (".py",)


class GitIgnore:
    """The .gitignore files loaded so far; below a directory, the deepest decides first."""

    def __init__(self) -> None:
        self._specs: dict[str, pathspec.PathSpec | None] = {}

    def load(self, directory: str) -> None:
        if directory not in self._specs:
            self._specs[directory] = _read_gitignore(directory)

    def load_repository(self, directory: str) -> None:
        """`directory` and its parents up to the enclosing git work tree's root, if any."""
        chain = [directory]
        while not os.path.exists(os.path.join(chain[-1], ".git")):
            parent = os.path.dirname(chain[-1])
            if parent == chain[-1]:
                chain = [directory]  # not in a repository: only the tree itself
                break
            chain.append(parent)
        for ancestor in chain:
            self.load(ancestor)

    def ignored(self, path: str, is_dir: bool, floor: str | None = None) -> bool:
        """Is `path` ignored by the .gitignore files between it and `floor` (or the top)?"""
        directory = os.path.dirname(path)
        while True:
            spec = self._specs.get(directory)
            if spec is not None:
                relative = os.path.relpath(path, directory).replace(os.sep, "/")
                verdict = spec.check_file(relative + ("/" if is_dir else "")).include
                if verdict is not None:
                    return verdict
            parent = os.path.dirname(directory)
            if parent == directory or directory == floor:
                return False
            directory = parent


def _read_gitignore(directory: str) -> pathspec.PathSpec | None:
    try:
        with open(os.path.join(directory, ".gitignore"), encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError:
        return None
    return pathspec.GitIgnoreSpec.from_lines(line for line in lines if _valid_pattern(line))


def _valid_pattern(line: str) -> bool:
    """git skips a pattern it cannot read; so do we, rather than fail the run."""
    try:
        pathspec.GitIgnoreSpec.from_lines([line])
    except Exception:  # noqa: BLE001 - pathspec's errors vary by version
        return False
    return True


class _Filter:
    """Decides exclusion for the entries below one path given on the command line.

    A directory named explicitly is linted even when it is excluded itself
    (`async-lint check dist`): it then counts as a root of its own, and only
    what lies below it is matched, relative to it.
    """

    def __init__(self, settings: Settings, gitignore: GitIgnore | None, top: str | None) -> None:
        self.settings = settings
        self.gitignore = gitignore
        self.top = top  # the explicitly named, itself excluded directory, if any

    def excluded(self, path: str, is_dir: bool) -> bool:
        if self.top is None:
            relative = relative_to_root(path, self.settings.root)
            if relative.startswith("../"):
                relative = Path(path).name  # outside the project: match on the name alone
        else:
            relative = Path(os.path.relpath(path, self.top)).as_posix()
        if self.settings.exclude_spec.match_file(relative + ("/" if is_dir else "")):
            return True
        return self.gitignore is not None and self.gitignore.ignored(path, is_dir, self.top)


def is_excluded(path: str, settings: Settings) -> bool:
    """Is this one file left out by `exclude` (and the default excludes)? For a
    file opened in an editor; .gitignore is not consulted."""
    return _Filter(settings, None, None).excluded(os.path.abspath(path), False)


def discover(
    paths: Sequence[str], settings: Settings, *, force_exclude: bool = False
) -> Iterator[str]:
    """Yield the files to lint, in a stable order and each once.

    Paths named explicitly are linted even when excluded, unless
    `force_exclude` (pre-commit passes every staged file explicitly).
    Symbolic links to directories are not followed. What is neither a
    regular file nor a directory (a FIFO, a socket, a device, a broken
    symbolic link) is skipped with a warning: opening a FIFO would wait for a
    writer forever.
    """
    gitignore = GitIgnore() if settings.respect_gitignore else None
    seen: set[str] = set()
    for given in paths:
        absolute = os.path.abspath(given)
        is_file = os.path.isfile(absolute)
        if not is_file and not os.path.isdir(absolute):
            _skip(given)
            continue
        if gitignore is not None:
            gitignore.load_repository(os.path.dirname(absolute) if is_file else absolute)
        check = _Filter(settings, gitignore, None)
        if force_exclude and check.excluded(absolute, not is_file):
            continue
        if is_file:
            yield from _once(given, seen)
            continue
        if check.excluded(absolute, True):
            check = _Filter(settings, gitignore, absolute)
        below = len(os.path.join(absolute, ""))  # `path[below:]`: relative to `absolute`
        for directory, dirnames, filenames in os.walk(absolute):
            if gitignore is not None:
                gitignore.load(directory)
            dirnames[:] = sorted(
                name for name in dirnames if not check.excluded(os.path.join(directory, name), True)
            )
            real_directory = os.path.realpath(directory)
            for name in sorted(filenames):
                path = os.path.join(directory, name)
                if name.endswith(SUFFIXES) and not check.excluded(path, False):
                    shown = os.path.join(given, path[below:])
                    if not os.path.isfile(path):
                        _skip(shown)
                    elif os.path.islink(path):
                        yield from _once(shown, seen)
                    else:  # its real path, without resolving each directory again
                        yield from _once(shown, seen, os.path.join(real_directory, name))


def _skip(path: str) -> None:
    """Say why a path is not linted. A warning on stderr, which changes no exit
    status: the run lints everything else."""
    try:
        mode = os.stat(path).st_mode
        reason = "not a regular file" + (" (a FIFO)" if stat.S_ISFIFO(mode) else "")
    except OSError as error:
        reasons = {errno.ENOENT: "a broken symbolic link", errno.ELOOP: "a symbolic link loop"}
        reason = reasons.get(error.errno) or error.strerror or str(error)
    print(f"async-lint: warning: {os.path.normpath(path)}: {reason}; skipped", file=sys.stderr)


def _once(path: str, seen: set[str], real: str | None = None) -> Iterator[str]:
    key = real or os.path.realpath(path)
    if key not in seen:
        seen.add(key)
        yield path

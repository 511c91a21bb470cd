"""Which files a run lints: `*.py` below the given paths, minus excludes and .gitignore."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import pathspec

from async_lint.config import Settings, relative_to_root

SUFFIXES = (".py",)


class GitIgnore:
    """The .gitignore files that apply below a directory, deepest deciding first."""

    def __init__(self) -> None:
        self._specs: dict[str, pathspec.PathSpec | None] = {}

    def load(self, directory: str) -> None:
        if directory not in self._specs:
            self._specs[directory] = _read_gitignore(directory)

    def ignored(self, path: str, is_dir: bool) -> bool:
        directory = os.path.dirname(path)
        while True:
            spec = self._specs.get(directory)
            if spec is not None:
                relative = os.path.relpath(path, directory).replace(os.sep, "/")
                verdict = spec.check_file(relative + ("/" if is_dir else "")).include
                if verdict is not None:
                    return verdict
            parent = os.path.dirname(directory)
            if parent == directory:
                return False
            directory = parent


def _read_gitignore(directory: str) -> pathspec.PathSpec | None:
    try:
        with open(os.path.join(directory, ".gitignore"), encoding="utf-8", errors="replace") as f:
            return pathspec.GitIgnoreSpec.from_lines(f)
    except OSError:
        return None


def _repository_ancestors(directory: str) -> list[str]:
    """`directory` and its parents up to the enclosing git work tree's root, if any."""
    chain = [directory]
    current = directory
    while not os.path.exists(os.path.join(current, ".git")):
        parent = os.path.dirname(current)
        if parent == current:
            return [directory]  # not in a repository: only the tree itself
        chain.append(parent)
        current = parent
    return chain


def discover(
    paths: Sequence[str], settings: Settings, *, force_exclude: bool = False
) -> Iterator[str]:
    """Yield the files to lint, in a stable order.

    Paths named explicitly are linted even when excluded, unless
    `force_exclude` (pre-commit passes every staged file explicitly).
    Symbolic links to directories are not followed.
    """
    gitignore = GitIgnore() if settings.respect_gitignore else None
    exclude = settings.exclude_spec
    for given in paths:
        absolute = os.path.abspath(given)
        if os.path.isfile(absolute):
            if not force_exclude or not _excluded(absolute, False, settings, exclude, gitignore):
                yield given
            continue
        if gitignore is not None:
            for ancestor in _repository_ancestors(absolute):
                gitignore.load(ancestor)
        if force_exclude and _excluded(absolute, True, settings, exclude, gitignore):
            continue
        for directory, dirnames, filenames in os.walk(absolute):
            if gitignore is not None:
                gitignore.load(directory)
            dirnames[:] = sorted(
                name
                for name in dirnames
                if not _excluded(os.path.join(directory, name), True, settings, exclude, gitignore)
            )
            for name in sorted(filenames):
                path = os.path.join(directory, name)
                if name.endswith(SUFFIXES) and not _excluded(
                    path, False, settings, exclude, gitignore
                ):
                    yield os.path.join(given, os.path.relpath(path, absolute))


def _excluded(
    path: str,
    is_dir: bool,
    settings: Settings,
    exclude: pathspec.PathSpec,
    gitignore: GitIgnore | None,
) -> bool:
    relative = relative_to_root(path, settings.root)
    if relative.startswith("../"):
        relative = Path(path).name  # outside the project: match on the name alone
    if exclude.match_file(relative + ("/" if is_dir else "")):
        return True
    return gitignore is not None and gitignore.ignored(path, is_dir)

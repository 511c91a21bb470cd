"""Where a file sits among Python packages."""

from __future__ import annotations

import os
from functools import lru_cache


@lru_cache(maxsize=4096)
def _is_package(directory: str) -> bool:
    return os.path.isfile(os.path.join(directory, "__init__.py"))


def module_name_for(path: str) -> tuple[str, str | None]:
    """The dotted module name of a file and the package it belongs to.

    The import root is the nearest ancestor directory without an
    `__init__.py`: `src/app/api/routes.py` -> `app.api.routes` in package
    `app.api`. Source that is not a file on disk (stdin) is module `__main__`.
    """
    if not os.path.isfile(path):
        return "__main__", None
    directory, filename = os.path.split(os.path.abspath(path))
    stem = filename.rsplit(".", 1)[0]
    parts = [] if stem == "__init__" else [stem]
    package_parts: list[str] = []
    while _is_package(directory):
        directory, name = os.path.split(directory)
        package_parts.insert(0, name)
    name = ".".join(package_parts + parts) or stem
    return name, ".".join(package_parts) if package_parts else ""

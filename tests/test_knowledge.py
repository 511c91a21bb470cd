"""Every dotted name in knowledge/ must exist in the real package it names.

A name whose top-level package is not installed is skipped; the names from
the standard library are always checked.
"""

from __future__ import annotations

import importlib

import pytest

from async_lint.knowledge import DEFAULT

# Qualified names the knowledge base claims exist (functions, classes, factories).
CLAIMED = sorted(
    {
        *DEFAULT.functions,
        *DEFAULT.classes,
        *DEFAULT.factories,
        *DEFAULT.factories.values(),
        *DEFAULT.aliases,
        *DEFAULT.aliases.values(),
        *(cls for cls, _ in DEFAULT.methods),
        *DEFAULT.timeout_functions,
        *DEFAULT.disabling_functions,
        *DEFAULT.llm_clients,
    }
    - {"builtins.open", "builtins.input"}  # resolved from unbound names, not imported
)


def _resolve(name: str) -> object:
    """Import the longest importable module prefix of `name`, then walk attributes."""
    parts = name.split(".")
    for split in range(len(parts), 0, -1):
        module_name = ".".join(parts[:split])
        try:
            target = importlib.import_module(module_name)
        except ImportError:
            continue
        for attribute in parts[split:]:
            target = getattr(target, attribute)
        return target
    pytest.skip(f"{parts[0]} is not installed")


@pytest.mark.parametrize("name", CLAIMED)
def test_name_exists(name):
    try:
        importlib.import_module(name.split(".")[0])
    except ImportError:
        pytest.skip(f"{name.split('.')[0]} is not installed")
    assert _resolve(name) is not None


def test_aliases_name_the_same_thing():
    """An alias is the canonical object itself, or a subclass of the canonical class."""
    for alias, canonical in DEFAULT.aliases.items():
        try:
            spelled, meant = _resolve(alias), _resolve(canonical)
        except (pytest.skip.Exception, AttributeError):
            continue  # not installed, or reported by test_name_exists
        if isinstance(spelled, type) and isinstance(meant, type):
            assert issubclass(spelled, meant), f"{alias} is not a {canonical}"
        elif not isinstance(meant, type) and callable(meant):
            continue  # a factory such as threading.RLock for the class threading._RLock
        else:
            assert spelled is meant, f"{alias} is not {canonical}"

"""Files that cannot hold a finding, recognised from their text before the parse.

Every rule reports something that is either in async context (the file says
`async`), or a call, class or method that resolves to a name the knowledge
tables know, which needs an import of that name's module (or, for a builtin
like `open`, the builtin's name), or a method the tables match on any
receiver (`run_in_executor`). The transitive rules need each module's summary
as well: what a sync function blocks on (the same knowledge), the project
functions it calls (imports of the run's top-level packages, relative
imports) and its classes, whose methods stand in the call graph.

A file with none of these is skipped: no rule runs on it. Its summary is the
empty summary of its module, which the project index treats exactly as the
full one would be: a module that exists, whose names lead nowhere (its
functions block nothing, call nothing outside it, and without classes no
call has a second candidate in it). The words are looked for in the whole
text, comments and strings included, so a doubt always means a full lint.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable, Iterator

from async_lint.knowledge import Knowledge

_ASYNC = re.compile(r"\b(?:async|await)\b")
_IMPORT_WORD = re.compile(r"\bimport\b")
_RELATIVE = re.compile(r"\bfrom\s*\.")
_CLASS = re.compile(r"^[ \t\f]*class\b", re.M)  # a class statement starts its line
_WORD = re.compile(r"\w+")
_DOTTED = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+")
_DYNAMIC_IMPORTS = ("__import__", "import_module", "__builtins__")
# Builtins of these tables only matter beside a call matched through an import
# (the arguments of `gather()`), never on their own.
_ONLY_BESIDE_OTHERS = frozenset({"same_length", "batchers", "not_fanning"})


@dataclasses.dataclass(frozen=True)
class Triggers:
    """The words that make a file worth linting, for one knowledge base and run."""

    modules: frozenset[str]  # top-level modules, as imported
    wildcards: re.Pattern[str] | None  # framework packages given as `langchain_*`
    anywhere: re.Pattern[str]  # builtins and methods matched on any receiver
    words: tuple[str, ...]  # the names `anywhere` looks for: no match without one


_CACHE: dict[tuple[int, frozenset[str]], tuple[Knowledge, Triggers]] = {}


def may_report(
    source: str, knowledge: Knowledge, project_modules: frozenset[str], summarize: bool
) -> bool:
    """False when no rule can find anything in `source` and its summary (when
    `summarize`) says nothing the project index can use."""
    if not source.isascii():  # identifiers are compared as Python normalises them
        source = unicodedata.normalize("NFKC", source)
    if "\r" in source:
        source = source.replace("\r\n", "\n").replace("\r", "\n")
    # Each regular expression is only asked where the plain text it needs is
    # present: a search for a substring is many times faster than one for a pattern.
    if ("async" in source or "await" in source) and _ASYNC.search(source):
        return True
    triggers = _triggers(knowledge, project_modules if summarize else frozenset())
    if any(word in source for word in triggers.words) and triggers.anywhere.search(source):
        return True
    if summarize and _CLASS.search(source):
        return True
    joined = source.replace("\\\n", " ")
    for line in _import_lines(joined):
        if summarize and _RELATIVE.search(line):
            return True
        for word in _WORD.findall(line):
            if word in triggers.modules or (triggers.wildcards and triggers.wildcards.match(word)):
                return True
    return False


def _triggers(knowledge: Knowledge, project_modules: frozenset[str]) -> Triggers:
    key = (id(knowledge), project_modules)
    cached = _CACHE.get(key)
    if cached is not None and cached[0] is knowledge:
        return cached[1]
    modules, builtins = set(project_modules), set()
    for field in dataclasses.fields(knowledge):
        for name in _names(getattr(knowledge, field.name)):
            top, _, rest = name.partition(".")
            modules.add(top)
            if top == "builtins" and field.name not in _ONLY_BESIDE_OTHERS:
                builtins.add(rest.partition(".")[0])
    packages = [p for framework in knowledge.frameworks for p in framework.packages]
    modules.update(p for p in packages if "*" not in p)
    wildcards = "|".join(re.escape(p).replace(r"\*", r"\w*") for p in packages if "*" in p)
    anywhere = [rf"(?<![\w.]){re.escape(name)}\b" for name in sorted(builtins)]  # not `x.open`
    methods = sorted({*knowledge.offload_methods, *_DYNAMIC_IMPORTS})
    anywhere += [rf"\b{re.escape(name)}\b" for name in methods]
    triggers = Triggers(
        frozenset(modules),
        re.compile(rf"(?:{wildcards})$") if wildcards else None,
        re.compile("|".join(anywhere)),
        (*sorted(builtins), *methods),
    )
    _CACHE[key] = (knowledge, triggers)
    return triggers


def _import_lines(source: str) -> Iterator[str]:
    """The lines with the word `import` (`re.findall(r"^.*\\bimport\\b.*$", source,
    re.M)`), found from where the text `import` is."""
    at = source.find("import")
    while at != -1:
        start = source.rfind("\n", 0, at) + 1
        end = source.find("\n", at)
        end = len(source) if end == -1 else end
        line = source[start:end]
        if _IMPORT_WORD.search(line):
            yield line
        at = source.find("import", end)


def _names(value: object) -> Iterator[str]:
    """The dotted names anywhere in a knowledge table (keys, values, entries)."""
    if isinstance(value, str):
        if _DOTTED.fullmatch(value):
            yield value
    elif isinstance(value, dict) or hasattr(value, "items"):
        for key, item in value.items():  # type: ignore[attr-defined]
            yield from _names(key)
            yield from _names(item)
    elif isinstance(value, Iterable):
        for item in value:
            yield from _names(item)
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from _names(getattr(value, field.name))

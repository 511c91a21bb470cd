"""`--output-format sarif`: SARIF 2.1.0, as GitHub code scanning reads it.

One run; the driver describes every rule (not only those found), so code scanning
can show a rule's help for any alert and the file is the same shape whatever was
found. Locations are relative to the repository root (`%SRCROOT%`), which is how
code scanning matches them to the checkout; columns count code points, as ours
do. The output depends only on the findings and the files' places in their
repository: no timestamps, no absolute paths of files inside it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from async_lint import __version__
from async_lint.catalog import DOCS_URL, INTERNAL_ERROR, docs_url, severity
from async_lint.diagnostics import Applicability, Diagnostic, Edit, Fix
from async_lint.output.paths import artifact_uri

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION_URI = DOCS_URL.split("/blob/", 1)[0]
# The families of codes, by their first digit: a tag code scanning can filter on.
FAMILIES = {
    "0": "parse",
    "1": "blocking-call",
    "2": "client-lifecycle",
    "3": "task-management",
    "4": "event-loop",
    "5": "timeout",
    "6": "thread-offload",
    "9": "internal-error",
}


def render_sarif(diagnostics: Sequence[Diagnostic]) -> str:
    rules = _rules()
    index = {rule["id"]: position for position, rule in enumerate(rules)}
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "async-lint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(d, index) for d in diagnostics],
            }
        ],
    }
    return json.dumps(log, indent=2) + "\n"


def _rules() -> list[dict]:
    """A descriptor for every rule, and one for internal errors (ASL999), which
    any rule can report on a file it fails on."""
    from async_lint.docs import plain_text  # the rules' docs: they load libcst
    from async_lint.rules import REGISTRY

    rules = []
    for code, rule in REGISTRY.items():
        docs = rule.docs()
        rules.append(
            _descriptor(
                code,
                rule.name,
                rule.summary,
                plain_text(rule.doc_section("What it does")),
                docs,
                rule.severity.value,
            )
        )
    internal = (
        "A rule failed on this file; the other rules still ran. "
        "`async-lint check --verbose` prints the traceback."
    )
    rules.append(
        _descriptor(
            INTERNAL_ERROR,
            "internal-error",
            "a rule failed on the file (a bug in async-lint)",
            plain_text(internal),
            f"# {INTERNAL_ERROR} internal-error\n\n{internal}\n",
            severity(INTERNAL_ERROR).value,
        )
    )
    return rules


def _descriptor(
    code: str, name: str, summary: str, description: str, docs: str, level: str
) -> dict:
    return {
        "id": code,
        "name": name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": description},
        "help": {"text": docs, "markdown": docs},
        "helpUri": docs_url(code),
        "defaultConfiguration": {"level": level},
        "properties": {"tags": ["async", FAMILIES.get(code[3], "other")]},
    }


def _result(d: Diagnostic, index: dict[str, int]) -> dict:
    location = _artifact(d.filename)
    result: dict = {"ruleId": d.code}
    if d.code in index:
        result["ruleIndex"] = index[d.code]
    result["level"] = severity(d.code).value
    result["message"] = {"text": d.message}
    region = _region(d.start, d.end)
    result["locations"] = [{"physicalLocation": {"artifactLocation": location, "region": region}}]
    if d.fix is not None:
        result["fixes"] = [_fix(d.fix, location)]
    return result


def _artifact(filename: str) -> dict:
    uri, relative = artifact_uri(filename)
    return {"uri": uri, "uriBaseId": "%SRCROOT%"} if relative else {"uri": uri}


def _region(start, end) -> dict:
    """1-based lines and columns; `endColumn` is the column after the region."""
    return {
        "startLine": start.line,
        "startColumn": start.display_column,
        "endLine": end.line,
        "endColumn": end.display_column,
    }


def _fix(fix: Fix, location: dict) -> dict:
    if fix.applicability is Applicability.SAFE:
        how = "safe, applied by `async-lint check --fix`"
    else:
        how = "unsafe, applied by `async-lint check --fix --unsafe-fixes`"
    return {
        "description": {"text": f"{fix.message} ({how})"},
        "artifactChanges": [
            {"artifactLocation": location, "replacements": [_replacement(e) for e in fix.edits]}
        ],
        "properties": {"applicability": fix.applicability.value},
    }


def _replacement(edit: Edit) -> dict:
    return {
        "deletedRegion": _region(edit.start, edit.end),
        "insertedContent": {"text": edit.content},
    }

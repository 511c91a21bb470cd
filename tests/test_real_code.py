"""Real code, linted and fixed as users run async-lint (tests/real_code.py).

The pinned packages are installed by tests/requirements-sdks.txt: no download.
Set ASYNC_LINT_CORPUS to a directory (the benchmark corpus) to run over it
instead: minutes, not seconds.
"""

from __future__ import annotations

import os
from pathlib import Path

import real_code


def test_real_code_has_no_internal_error_and_every_fix_compiles():
    corpus = os.environ.get("ASYNC_LINT_CORPUS")
    paths = [Path(corpus)] if corpus else real_code.package_roots(list(real_code.PINNED))
    report = real_code.run(paths)
    print(report.summary())
    assert report.files > 100 and report.findings > 0  # the packages were found and linted
    assert report.ok, report.summary()

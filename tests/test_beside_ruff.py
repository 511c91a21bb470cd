"""docs/with-ruff-and-flake8.md, checked: ruff's unused-noqa fix keeps `# noqa: ASL…`
comments only when the ASL codes are declared external."""

from __future__ import annotations

import subprocess
import sys

from conftest import run_cli

SOURCE = "import time\n\n\nasync def handler():\n    time.sleep(1)  # noqa: E501, ASL101\n"


def ruff_fix(root) -> None:
    subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--fix", "--quiet", "--exit-zero", "."],
        cwd=root,
        check=True,
        capture_output=True,
    )


def test_external_asl_codes_keep_the_noqa_comment(project):
    root = project(
        {
            "app.py": SOURCE,
            "pyproject.toml": '[tool.ruff.lint]\nselect = ["RUF100"]\nexternal = ["ASL"]\n',
        }
    )
    ruff_fix(root)
    # ruff drops only its own unused code; async-lint still reads the rest.
    assert "# noqa: ASL101" in (root / "app.py").read_text(encoding="utf-8")
    assert run_cli("check", "app.py", cwd=root).returncode == 0


def test_without_external_ruff_removes_the_suppression(project):
    root = project({"app.py": SOURCE, "pyproject.toml": '[tool.ruff.lint]\nselect = ["RUF100"]\n'})
    ruff_fix(root)
    assert "ASL101" not in (root / "app.py").read_text(encoding="utf-8")
    result = run_cli("check", "app.py", cwd=root)
    assert result.returncode == 1
    assert "ASL101" in result.stdout

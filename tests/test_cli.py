"""The `check` and `rule` commands as users run them: output, exit status, discovery."""

from __future__ import annotations

import json

from conftest import run_cli

from async_lint.rules import REGISTRY

BAD = "import time\n\nasync def handler():\n    time.sleep(1)\n"
CLEAN = "import asyncio\n\nasync def handler():\n    await asyncio.sleep(1)\n"
MESSAGE = "ASL101 `time.sleep()` blocks the event loop; use `await asyncio.sleep()`"
FIXABLE = MESSAGE.replace(" ", " [*] ", 1)  # as listed: the fix is safe


def test_concise_output_and_exit_status(project):
    root = project({"app/bad.py": BAD, "app/good.py": CLEAN})
    result = run_cli("check", "app", cwd=root)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"app/bad.py:4:5: {FIXABLE}",
        "Found 1 finding.",
        "[*] 1 fixable with `--fix`.",
    ]


def test_clean_run_exits_zero(project):
    root = project({"good.py": CLEAN})
    result = run_cli("check", cwd=root)
    assert result.returncode == 0
    assert result.stdout == "All checks passed!\n"


def test_quiet_prints_findings_only(project):
    root = project({"bad.py": BAD})
    result = run_cli("check", "-q", cwd=root)
    assert result.stdout == f"bad.py:4:5: {FIXABLE}\n"


def test_exit_zero(project):
    root = project({"bad.py": BAD})
    assert run_cli("check", "--exit-zero", cwd=root).returncode == 0


def test_json_output(project):
    root = project({"bad.py": BAD})
    result = run_cli("check", "--output-format", "json", cwd=root)
    assert result.returncode == 1
    (finding,) = json.loads(result.stdout)
    assert finding == {
        "code": "ASL101",
        "name": "blocking-sleep",
        "message": MESSAGE.removeprefix("ASL101 "),
        "filename": "bad.py",
        "location": {"row": 4, "column": 5},
        "end_location": {"row": 4, "column": 18},
        "fix": {
            "message": "Replace with `await asyncio.sleep()`",
            "applicability": "safe",
            "edits": [
                {
                    "content": "await ",
                    "location": {"row": 4, "column": 5},
                    "end_location": {"row": 4, "column": 5},
                },
                {
                    "content": "asyncio.sleep",
                    "location": {"row": 4, "column": 5},
                    "end_location": {"row": 4, "column": 15},
                },
                {
                    "content": "import asyncio\n",
                    "location": {"row": 1, "column": 1},
                    "end_location": {"row": 1, "column": 1},
                },
            ],
        },
        "url": finding["url"],
    }
    assert finding["url"].startswith("https://") and "asl101" in finding["url"]


def test_json_output_when_clean(project):
    root = project({"good.py": CLEAN})
    result = run_cli("check", "--output-format", "json", cwd=root)
    assert (result.returncode, json.loads(result.stdout)) == (0, [])


def test_statistics(project):
    root = project({"a.py": BAD, "b.py": BAD + "async def g():\n    input()\n"})
    result = run_cli("check", "--statistics", "-q", cwd=root)
    assert result.stdout.splitlines() == [
        "    2\tASL101\tblocking-sleep",
        "    1\tASL108\tblocking-wait",
    ]
    result = run_cli("check", "--statistics", "--output-format", "json", cwd=root)
    assert json.loads(result.stdout)[0] == {"code": "ASL101", "name": "blocking-sleep", "count": 2}


def test_findings_are_sorted_by_file_line_column(project):
    root = project(
        {"b.py": BAD, "a.py": "import time\nasync def f():\n    time.sleep(1); time.sleep(2)\n"}
    )
    lines = run_cli("check", "-q", cwd=root).stdout.splitlines()
    assert [line.split(": ")[0] for line in lines] == ["a.py:3:5", "a.py:3:20", "b.py:4:5"]


def test_select_ignore_and_extend_select(project):
    source = BAD + "async def g():\n    input()\n"
    root = project({"a.py": source})
    assert "ASL108" not in run_cli("check", "--select", "ASL101", cwd=root).stdout
    assert (
        "ASL101"
        not in run_cli("check", "--ignore", "ASL1", "--extend-select", "ASL108", cwd=root).stdout
    )
    both = run_cli("check", "--select", "ASL101,ASL108", cwd=root).stdout
    assert "ASL101" in both and "ASL108" in both


def test_unknown_code_is_a_usage_error(project):
    root = project({"a.py": BAD})
    result = run_cli("check", "--select", "ASL9", cwd=root)
    assert result.returncode == 2
    assert "unknown rule code or prefix 'ASL9'" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_path_is_a_usage_error(project):
    root = project({"a.py": BAD})
    result = run_cli("check", "nope.py", cwd=root)
    assert result.returncode == 2
    assert "no such file or directory: nope.py" in result.stderr


def test_bad_flag_is_a_usage_error():
    result = run_cli("check", "--output-format", "xml")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_version():
    from async_lint import __version__

    result = run_cli("--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"async-lint {__version__}")


def test_rule_docs():
    result = run_cli("rule", "ASL101")
    assert result.returncode == 0
    assert result.stdout.startswith("# ASL101 blocking-sleep")
    for section in ("What it does", "Why is this bad", "Example", "Use instead", "Fix safety"):
        assert f"## {section}" in result.stdout


def test_rule_lowercase_code_and_unknown_code():
    assert run_cli("rule", "asl105").stdout.startswith("# ASL105 blocking-file-io")
    result = run_cli("rule", "ASL777")
    assert result.returncode == 2
    assert "unknown rule code" in result.stderr


def test_rule_all_lists_every_code():
    listing = run_cli("rule", "--all").stdout
    for code, rule in REGISTRY.items():
        assert f"| {code} | {rule.name} |" in listing


def test_stdin(project):
    result = run_cli("check", "-", "--stdin-filename", "app/handler.py", stdin=BAD)
    assert result.stdout.splitlines()[0] == f"app/handler.py:4:5: {FIXABLE}"
    assert run_cli("check", "-", stdin=BAD).stdout.startswith("-:4:5: ASL101")


# -- discovery ------------------------------------------------------------------


def test_discovery_skips_gitignored_and_tool_directories(project):
    root = project({
        ".gitignore": "generated/\n*_pb2.py\n",
        "src/app.py": BAD,
        "src/generated/x.py": BAD,
        "src/models_pb2.py": BAD,
        ".venv/lib/x.py": BAD,
        "node_modules/pkg/x.py": BAD,
        "notes.txt": BAD,
    })  # fmt: skip
    (root / ".git").mkdir()
    result = run_cli("check", "-q", cwd=root)
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["src/app.py"]


def test_gitignore_negation_and_nested_files(project):
    root = project({
        ".gitignore": "*.py\n!keep.py\n",
        "keep.py": BAD,
        "drop.py": BAD,
        "sub/.gitignore": "!inner.py\n",
        "sub/inner.py": BAD,
    })  # fmt: skip
    (root / ".git").mkdir()
    result = run_cli("check", "-q", cwd=root)
    assert sorted(line.split(":")[0] for line in result.stdout.splitlines()) == [
        "keep.py",
        "sub/inner.py",
    ]


def test_no_respect_gitignore(project):
    root = project({".gitignore": "ignored.py\n", "ignored.py": BAD})
    (root / ".git").mkdir()
    assert run_cli("check", cwd=root).returncode == 0
    assert run_cli("check", "--no-respect-gitignore", cwd=root).returncode == 1


def test_explicit_file_is_linted_unless_force_exclude(project):
    root = project({
        "pyproject.toml": '[tool.async-lint]\nexclude = ["legacy/"]\n',
        "legacy/old.py": BAD,
    })  # fmt: skip
    assert run_cli("check", cwd=root).returncode == 0
    assert run_cli("check", "legacy/old.py", cwd=root).returncode == 1
    assert run_cli("check", "--force-exclude", "legacy/old.py", cwd=root).returncode == 0


def test_force_exclude_applies_gitignore_to_named_files(project):
    root = project({".gitignore": "gen.py\n", "gen.py": BAD, "ok.py": BAD})
    (root / ".git").mkdir()
    result = run_cli("check", "-q", "--force-exclude", "gen.py", "ok.py", cwd=root)
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["ok.py"]


def test_named_directory_is_linted_even_if_excluded(project):
    root = project({"dist/app.py": BAD, "venv/tool.py": BAD, "dist/.venv/x.py": BAD})
    lines = run_cli("check", "-q", "dist", "venv", cwd=root).stdout.splitlines()
    assert sorted(line.split(":")[0] for line in lines) == ["dist/app.py", "venv/tool.py"]


def test_each_file_is_linted_once(project):
    root = project({"a.py": BAD})
    assert len(run_cli("check", "-q", "a.py", "a.py", ".", cwd=root).stdout.splitlines()) == 1


def test_explicit_non_python_file_is_linted(project):
    root = project({"script": BAD})
    assert run_cli("check", "script", cwd=root).returncode == 1


def test_directory_named_like_a_python_file(project):
    root = project({"pkg.py/inner.py": BAD})
    result = run_cli("check", "-q", cwd=root)
    assert result.stdout.startswith("pkg.py/inner.py:4:5: ASL101")


def test_absolute_paths_outside_cwd_are_shown_as_given(project, tmp_path_factory):
    root = project({"bad.py": BAD})
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    result = run_cli("check", "-q", str(root / "bad.py"), cwd=elsewhere)
    assert result.stdout.startswith(f"{root / 'bad.py'}:4:5: ASL101")


def test_readme_sample_output_is_what_the_examples_give():
    from pathlib import Path

    root = Path(__file__).parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    sample = readme.split("$ async-lint check examples/\n", 1)[1].split("```", 1)[0]
    shown = [line for line in sample.splitlines() if line != "..."]
    actual = run_cli("check", "examples/", cwd=root).stdout.splitlines()
    assert shown and set(shown) <= set(actual)

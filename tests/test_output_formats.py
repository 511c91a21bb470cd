"""The report formats for people and CI: full, github, sarif, json-lines and gitlab."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from async_lint import __version__, cli
from async_lint.diagnostics import Diagnostic, Position
from async_lint.output import FORMATS, render_github
from async_lint.rules import REGISTRY, docs_url, severity

ROOT = Path(__file__).parent.parent
SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())

SLEEP = "import time\n\nasync def handler():\n    time.sleep(1)\n"
UNICODE_LINE = '    s = "héllo 世界 😀"; time.sleep(1)'
FILES = {
    "app/sleep.py": SLEEP,  # a safe fix
    "app/fetch.py": 'import requests\n\ndef fetch():\n    return requests.get("https://example.com")\n',  # an unsafe fix
    "app/unicode.py": f"import time\n\nasync def greet():\n{UNICODE_LINE}\n",
    "app/syntax.py": "def broken(:\n    pass\n",
    "app/my café.py": SLEEP,  # a name to percent-encode
}
UNREADABLE = ("app/latin.py", b"x = '\xff'\n")  # ASL000 with no source to show


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A git work tree (a `.git` directory is all it takes) with findings of every
    kind, the current directory at its root."""
    (tmp_path / ".git").mkdir()
    for name, text in FILES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / UNREADABLE[0]).write_bytes(UNREADABLE[1])
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(capsys, *args: str) -> tuple[int, str, str]:
    """Run `async-lint check` in-process: exit status, stdout, stderr."""
    status = cli.main(["check", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def sarif(capsys, *args: str) -> dict:
    status, out, err = check(capsys, "--output-format", "sarif", *args)
    assert status in (0, 1), err
    log = json.loads(out)
    jsonschema.Draft7Validator(SCHEMA).validate(log)
    return log


# --- sarif ---------------------------------------------------------------------------


def _assert_code_scanning_shape(log: dict) -> None:
    """What GitHub code scanning relies on, beyond the schema."""
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "async-lint" and driver["version"] == __version__
    assert driver["informationUri"].startswith("https://")
    ids = [rule["id"] for rule in driver["rules"]]
    assert set(REGISTRY) <= set(ids) and len(ids) == len(set(ids))
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] == severity(result["ruleId"]).value
        assert result["message"]["text"]
        (location,) = result["locations"]
        artifact = location["physicalLocation"]["artifactLocation"]
        uri = artifact["uri"]
        assert not uri.startswith("/") and ".." not in uri.split("/") and "file:" not in uri
        assert "\\" not in uri and " " not in uri
        assert artifact["uriBaseId"] == "%SRCROOT%"
        region = location["physicalLocation"]["region"]
        assert min(region.values()) >= 1
        assert (region["startLine"], region["startColumn"]) <= (
            region["endLine"],
            region["endColumn"],
        )


def test_sarif_of_the_examples_is_valid_for_code_scanning(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    log = sarif(capsys, "examples/")
    _assert_code_scanning_shape(log)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    }
    assert uris == {"examples/llm_backend.py", "examples/llm_clients.py"}


def test_sarif_of_fixes_parse_errors_and_non_ascii_text(repo, capsys):
    log = sarif(capsys, ".")
    _assert_code_scanning_shape(log)
    results = log["runs"][0]["results"]
    by_uri = {}
    for result in results:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        by_uri.setdefault(uri, []).append(result)
    assert set(by_uri) == {
        "app/sleep.py",
        "app/fetch.py",
        "app/unicode.py",
        "app/syntax.py",
        "app/latin.py",
        "app/my%20caf%C3%A9.py",
    }
    (sleep,) = by_uri["app/sleep.py"]
    assert sleep["ruleId"] == "ASL101"
    (fix,) = sleep["fixes"]
    assert fix["properties"]["applicability"] == "safe"
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"] == {"uri": "app/sleep.py", "uriBaseId": "%SRCROOT%"}
    texts = {r["insertedContent"]["text"] for r in change["replacements"]}
    assert "asyncio.sleep" in texts
    (fetch,) = by_uri["app/fetch.py"]
    assert fetch["ruleId"] == "ASL501"
    assert fetch["fixes"][0]["properties"]["applicability"] == "unsafe"
    assert "--unsafe-fixes" in fetch["fixes"][0]["description"]["text"]
    for name in ("app/syntax.py", "app/latin.py"):
        (parse,) = by_uri[name]
        assert parse["ruleId"] == "ASL000" and parse["level"] == "error"
    (unicode,) = by_uri["app/unicode.py"]
    region = unicode["locations"][0]["physicalLocation"]["region"]
    # columns count code points: the emoji is one, not two UTF-16 units
    assert region["startColumn"] == UNICODE_LINE.index("time.sleep") + 1
    assert region["endColumn"] == UNICODE_LINE.index("time.sleep") + len("time.sleep(1)") + 1


def test_sarif_rules_describe_every_rule(repo, capsys):
    rules = {rule["id"]: rule for rule in sarif(capsys, ".")["runs"][0]["tool"]["driver"]["rules"]}
    for code, rule in REGISTRY.items():
        descriptor = rules[code]
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary
        full = descriptor["fullDescription"]["text"]
        assert full and "`" not in full and "## " not in full
        assert full.split()[:3] == rule.doc_section("What it does").replace("`", "").split()[:3]
        assert descriptor["help"]["markdown"] == descriptor["help"]["text"] == rule.docs()
        assert descriptor["helpUri"] == docs_url(code)
        assert descriptor["defaultConfiguration"]["level"] == rule.severity.value
        assert descriptor["properties"]["tags"]


def test_sarif_uris_are_relative_to_the_repository_whatever_the_cwd(repo, capsys, monkeypatch):
    (repo / "lib").mkdir()
    (repo / "lib" / "other.py").write_text(SLEEP)
    monkeypatch.chdir(repo / "app")
    log = sarif(capsys, "sleep.py", "../lib/other.py", str(repo / "app" / "fetch.py"))
    _assert_code_scanning_shape(log)
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    ]
    assert sorted(uris) == ["app/fetch.py", "app/sleep.py", "lib/other.py"]


def test_sarif_without_a_repository_is_relative_to_the_cwd(tmp_path, capsys, monkeypatch):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "a.py").write_text(SLEEP)
    monkeypatch.chdir(tmp_path)
    log = sarif(capsys, "pkg")
    artifact = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "pkg/a.py", "uriBaseId": "%SRCROOT%"}


def test_sarif_of_an_internal_error_is_valid(repo, capsys, monkeypatch):
    from async_lint.rules.asl101_blocking_sleep import BlockingSleep

    def explode(self, node):
        raise RuntimeError("boom")

    monkeypatch.setattr(BlockingSleep, "visit_Call", explode)
    log = sarif(capsys, "app/sleep.py")
    _assert_code_scanning_shape(log)
    (result,) = log["runs"][0]["results"]
    assert result["ruleId"] == "ASL999" and result["level"] == "error"


def test_sarif_is_deterministic(repo, capsys):
    first = check(capsys, "--output-format", "sarif", ".")
    assert check(capsys, "--output-format", "sarif", ".") == first
    assert str(repo) not in first[1]


def test_sarif_when_clean(tmp_path, capsys, monkeypatch):
    (tmp_path / "ok.py").write_text("x = 1\n")
    monkeypatch.chdir(tmp_path)
    log = sarif(capsys, ".")
    assert log["runs"][0]["results"] == []
    assert len(log["runs"][0]["tool"]["driver"]["rules"]) >= len(REGISTRY)


# --- github --------------------------------------------------------------------------

COMMAND = re.compile(
    r"::(?P<kind>error|warning|notice) "
    r"title=async-lint \((?P<code>ASL\d{3})\),file=(?P<file>[^,:]+),"
    r"line=(?P<line>\d+),col=(?P<col>\d+),endLine=\d+,endColumn=\d+::(?P<message>[^\r\n]+)"
)


def test_github_prints_one_workflow_command_per_finding(repo, capsys):
    status, out, err = check(capsys, "--output-format", "github", ".")
    assert status == 1 and err == ""
    lines = out.splitlines()
    matches = [COMMAND.fullmatch(line) for line in lines]
    assert all(matches), lines
    assert len(lines) == 6  # one per finding, and no summary lines
    kinds = {m["code"]: m["kind"] for m in matches}
    assert kinds["ASL000"] == "error" and kinds["ASL101"] == "warning"
    sleep = next(m for m in matches if m["file"] == "app/sleep.py")
    assert (sleep["line"], sleep["col"]) == ("4", "5")


def test_github_notice_for_an_audit_rule(tmp_path, capsys, monkeypatch):
    source = "import asyncio, time\n\nasync def f():\n    await asyncio.to_thread(time.sleep, 1)\n"
    (tmp_path / "a.py").write_text(source)
    monkeypatch.chdir(tmp_path)
    _, out, _ = check(capsys, "--output-format", "github", "--select", "ASL602", ".")
    assert COMMAND.fullmatch(out.strip())["kind"] == "notice"


def test_github_escapes_data_and_properties():
    start, end = Position(3, 0), Position(3, 4)
    diagnostic = Diagnostic("odd,name:x.py", start, "ASL101", "100% sure, a: b\nnext\rline", end)
    (line,) = render_github([diagnostic]).splitlines()
    assert line == (
        "::warning title=async-lint (ASL101),file=odd%2Cname%3Ax.py,"
        "line=3,col=1,endLine=3,endColumn=5::100%25 sure, a: b%0Anext%0Dline"
    )


def test_github_files_are_relative_to_the_repository(repo, capsys, monkeypatch):
    monkeypatch.chdir(repo / "app")
    _, out, _ = check(capsys, "--output-format", "github", "sleep.py")
    assert COMMAND.fullmatch(out.strip())["file"] == "app/sleep.py"


# --- json-lines ----------------------------------------------------------------------


def test_json_lines_are_the_json_objects(repo, capsys):
    _, listed, _ = check(capsys, "--output-format", "json", ".")
    status, out, _ = check(capsys, "--output-format", "json-lines", ".")
    assert status == 1
    assert [json.loads(line) for line in out.splitlines()] == json.loads(listed)
    assert len(out.splitlines()) == len(json.loads(listed)) > 0


def test_json_lines_statistics(repo, capsys):
    _, listed, _ = check(capsys, "--output-format", "json", "--statistics", ".")
    _, out, _ = check(capsys, "--output-format", "json-lines", "--statistics", ".")
    assert [json.loads(line) for line in out.splitlines()] == json.loads(listed)


def test_json_lines_when_clean(tmp_path, capsys, monkeypatch):
    (tmp_path / "ok.py").write_text("x = 1\n")
    monkeypatch.chdir(tmp_path)
    assert check(capsys, "--output-format", "json-lines", ".") == (0, "", "")


# --- gitlab --------------------------------------------------------------------------


def gitlab(capsys, *args: str) -> list[dict]:
    status, out, err = check(capsys, "--output-format", "gitlab", *args)
    assert status in (0, 1), err
    return json.loads(out)


def test_gitlab_code_quality_report(repo, capsys):
    issues = gitlab(capsys, ".")
    assert isinstance(issues, list) and len(issues) == 6
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])
        lines = issue["location"]["lines"]
        assert 1 <= lines["begin"] <= lines["end"]
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    paths = {issue["location"]["path"] for issue in issues}
    assert "app/my café.py" in paths and "app/latin.py" in paths
    severities = {issue["check_name"]: issue["severity"] for issue in issues}
    assert severities["ASL000"] == "critical" and severities["ASL101"] == "major"


def test_gitlab_fingerprints_are_distinct_and_survive_lines_moving(tmp_path, capsys, monkeypatch):
    twice = (
        "import time\n\nasync def f():\n    time.sleep(1)\n    time.sleep(1)\n    time.sleep(2)\n"
    )
    (tmp_path / "a.py").write_text(twice)
    (tmp_path / "b.py").write_text(twice)
    monkeypatch.chdir(tmp_path)
    before = [issue["fingerprint"] for issue in gitlab(capsys, ".")]
    assert len(before) == len(set(before)) == 6
    (tmp_path / "a.py").write_text('"""A docstring above."""\n\nimport os\n' + twice)
    moved = gitlab(capsys, ".")
    assert [issue["fingerprint"] for issue in moved] == before
    assert moved[0]["location"]["lines"]["begin"] == 7  # the lines did move
    assert gitlab(capsys, ".") == moved  # and runs repeat


def test_gitlab_paths_are_relative_to_the_repository(repo, capsys, monkeypatch):
    monkeypatch.chdir(repo / "app")
    (issue,) = gitlab(capsys, "sleep.py")
    assert issue["location"]["path"] == "app/sleep.py"


# --- full ----------------------------------------------------------------------------


def test_full_shows_the_code_the_caret_and_the_fix(repo, capsys):
    status, out, _ = check(capsys, "--output-format", "full", "app/sleep.py", "app/fetch.py")
    assert status == 1
    assert out.startswith("app/fetch.py:4:12: ASL501 `requests.get()` without a timeout")
    sleep = out[out.index("app/sleep.py:4:5: ASL101 [*] ") :]
    assert "3 | async def handler():\n" in sleep
    assert "4 |     time.sleep(1)\n  |     ^^^^^^^^^^^^^\n" in sleep
    assert "Fix (safe, applied by `--fix`): Replace with `await asyncio.sleep()`" in sleep
    assert "--- a/app/sleep.py\n+++ b/app/sleep.py\n" in sleep
    assert "-    time.sleep(1)\n+    await asyncio.sleep(1)\n" in sleep
    assert "+import asyncio\n" in sleep
    assert "--fix --unsafe-fixes" in out[: out.index("app/sleep.py")]  # ASL501's fix is unsafe
    assert out.endswith(
        "Found 2 findings.\n[*] 1 fixable with `--fix`.\n(1 more fixable with `--unsafe-fixes`.)\n"
    )


def test_full_shows_context_and_underlines_what_is_flagged(repo, capsys):
    _, out, _ = check(capsys, "--output-format", "full", "-q", "app/unicode.py")
    lines = out.splitlines()
    shown = lines.index(f"4 | {UNICODE_LINE}")
    assert lines[shown - 1] == "3 | async def greet():"
    caret = lines[shown + 1]
    # wide characters take two columns: the carets stand under `time.sleep(1)`
    prefix = UNICODE_LINE[: UNICODE_LINE.index("time.sleep")]
    wide = sum(1 for c in prefix if c in "世界😀")
    assert caret == "  | " + " " * (len(prefix) + wide) + "^" * len("time.sleep(1)")


def test_full_multi_line_finding(tmp_path, capsys, monkeypatch):
    source = "import requests\n\nasync def f():\n    requests.get(\n        'u', timeout=3\n    )\n    return 1\n"
    (tmp_path / "a.py").write_text(source)
    monkeypatch.chdir(tmp_path)
    _, out, _ = check(capsys, "--output-format", "full", "-q", "--select", "ASL102", ".")
    assert "4 |     requests.get(\n  |     ^^^^^^^^^^^^^\n" in out
    assert "5 |         'u', timeout=3\n  |         ^^^^^^^^^^^^^^\n" in out
    assert "6 |     )\n  |     ^\n7 |     return 1\n" in out


def test_full_of_unreadable_and_unparsable_files(repo, capsys):
    _, out, _ = check(capsys, "--output-format", "full", "app/latin.py", "app/syntax.py")
    blocks = out.split("\n\n")
    assert blocks[0].startswith("app/latin.py:1:6: ASL000 cannot parse:")  # at the bad byte
    assert "\n" not in blocks[0]  # the headline only: there is no text to show
    assert blocks[1].startswith("app/syntax.py:1:12: ASL000 cannot parse:")
    assert "1 | def broken(:\n  |            ^\n2 |     pass" in blocks[1]
    assert out.endswith("Found 2 findings.\n")


def test_full_of_standard_input(tmp_path, capsys, monkeypatch):
    import io
    import sys

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SLEEP.encode())))
    _, out, _ = check(capsys, "--output-format", "full", "--stdin-filename", "in.py", "-")
    assert out.startswith("in.py:4:5: ASL101 [*] ")
    assert "4 |     time.sleep(1)\n  |     ^^^^" in out
    assert "--- a/in.py\n" in out


def test_full_after_fix_shows_the_fixed_text(tmp_path, capsys, monkeypatch):
    source = "import requests, time\n\nasync def f():\n    time.sleep(1)\n    requests.get('u', timeout=3)\n"
    (tmp_path / "a.py").write_text(source)
    monkeypatch.chdir(tmp_path)
    _, out, _ = check(capsys, "--output-format", "full", "--fix", "a.py")
    assert "5 |     await asyncio.sleep(1)\n6 |     requests.get('u', timeout=3)\n" in out
    assert "Fixed 1 finding.\nFound 1 finding.\n" in out


def test_full_quiet_and_statistics(repo, capsys):
    _, quiet, _ = check(capsys, "--output-format", "full", "-q", "app/sleep.py")
    assert "Found" not in quiet and quiet.endswith("\n\n")
    _, concise, _ = check(capsys, "--statistics", "app")
    assert check(capsys, "--output-format", "full", "--statistics", "app")[1] == concise


# --- statistics, formats, docs -------------------------------------------------------


@pytest.mark.parametrize("kind", ["github", "sarif", "gitlab"])
def test_statistics_with_a_format_for_tools_is_a_usage_error(repo, capsys, kind):
    status, out, err = check(capsys, "--output-format", kind, "--statistics", ".")
    assert (status, out) == (2, "")
    assert f"--statistics cannot be used with --output-format {kind}" in err


def test_readme_lists_every_format():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (line,) = [line for line in readme.splitlines() if line.strip().startswith("--output-format")]
    listed = line.split("FORMAT", 1)[1].replace("(below)", "")
    assert [name.strip() for name in listed.split(",")] == list(FORMATS)
    assert "github/codeql-action/upload-sarif@v4" in readme
    assert "security-events: write" in readme and "codequality:" in readme

"""[tool.async-lint]: discovery, selection, per-file ignores, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

from async_lint.config import ConfigError, Settings, load_config, select_codes
from async_lint.rules import REGISTRY

BAD = "import time\n\nasync def handler():\n    time.sleep(1)\n    input()\n"


def test_defaults_select_every_default_on_rule():
    assert select_codes(None, (), ()) == {c for c, r in REGISTRY.items() if r.default_enabled}


@pytest.mark.parametrize(
    ("select", "extend", "ignore", "on", "off"),
    [
        (("ASL1",), (), ("ASL101",), {"ASL105"}, {"ASL101", "ASL401"}),
        (("ASL1",), (), ("ASL1",), set(), {"ASL101", "ASL105"}),  # equally specific: ignore wins
        (("ASL101",), (), ("ASL1",), {"ASL101"}, {"ASL105"}),  # the more specific select wins
        (None, ("ASL401",), ("ASL4",), {"ASL401", "ASL101"}, {"ASL403"}),
        (("ALL",), (), ("ASL4",), {"ASL101"}, {"ASL401", "ASL403"}),
    ],
)
def test_most_specific_selector_decides(select, extend, ignore, on, off):
    enabled = select_codes(select, extend, ignore)
    assert on <= enabled
    assert not (off & enabled)


def test_pyproject_found_by_walking_up(project):
    root = project({
        "pyproject.toml": '[tool.async-lint]\nignore = ["ASL101"]\n',
        "src/app/handlers.py": BAD,
    })  # fmt: skip
    result = run_cli("check", "-q", "app", cwd=root / "src")
    assert "ASL101" not in result.stdout and "ASL108" in result.stdout


def test_pyproject_without_section_is_skipped(project):
    root = project({
        "pyproject.toml": '[tool.async-lint]\nignore = ["ASL108"]\n',
        "pkg/pyproject.toml": '[project]\nname = "pkg"\n',
        "pkg/a.py": BAD,
    })  # fmt: skip
    result = run_cli("check", "-q", "pkg", cwd=root)
    assert "ASL108" not in result.stdout and "ASL101" in result.stdout


def test_explicit_config_file(project):
    root = project({"lint.toml": 'select = ["ASL108"]\n', "a.py": BAD})
    result = run_cli("check", "-q", "--config", "lint.toml", cwd=root)
    assert "ASL101" not in result.stdout and "ASL108" in result.stdout


def test_cli_select_replaces_config_select(project):
    root = project({"pyproject.toml": '[tool.async-lint]\nselect = ["ASL108"]\n', "a.py": BAD})
    result = run_cli("check", "-q", "--select", "ASL101", cwd=root)
    assert "ASL101" in result.stdout and "ASL108" not in result.stdout


def test_per_file_ignores(project):
    root = project({
        "pyproject.toml": '[tool.async-lint]\nper-file-ignores = { "tests/**" = ["ASL1"], '
        '"scripts/*.py" = ["ASL108"] }\n',
        "tests/test_a.py": BAD,
        "scripts/run.py": BAD,
        "app.py": BAD,
    })  # fmt: skip
    lines = run_cli("check", "-q", cwd=root).stdout.splitlines()
    found = sorted((line.split(":")[0], line.split()[1]) for line in lines)
    assert found == [
        ("app.py", "ASL101"),
        ("app.py", "ASL108"),
        ("scripts/run.py", "ASL101"),
    ]


def test_exclude_patterns_are_relative_to_the_config(project):
    root = project({
        "pyproject.toml": '[tool.async-lint]\nexclude = ["migrations/", "generated_*.py"]\n',
        "app/migrations/m1.py": BAD,
        "app/generated_client.py": BAD,
        "app/views.py": BAD,
    })  # fmt: skip
    lines = run_cli("check", "-q", "app", cwd=root).stdout.splitlines()
    assert {line.split(":")[0] for line in lines} == {"app/views.py"}


def test_extra_blocking_calls(project):
    source = "from mylib import storage\n\nasync def f():\n    storage.fetch_blob('k')\n"
    root = project({
        "pyproject.toml": '[tool.async-lint]\nextra-blocking-calls = '
        '{ "mylib.storage.fetch_blob" = "ASL105" }\n',
        "a.py": source,
    })  # fmt: skip
    result = run_cli("check", "-q", cwd=root)
    assert result.stdout.startswith("a.py:4:5: ASL105 `mylib.storage.fetch_blob()` blocks")


def test_extra_clients_and_lifecycle_functions(project):
    source = (
        "from acme import AsyncClient, Client, Legacy\n\n"
        "legacy = Legacy()\n\n"
        "async def handler():\n"
        "    Client()\n"
        "    legacy.fetch()\n"
        "    await AsyncClient().fetch()\n\n"
        "async def boot():\n"
        "    await AsyncClient().fetch()\n"
    )
    root = project({
        "pyproject.toml": "[tool.async-lint]\n"
        'extra-sync-clients = { "acme.Client" = "acme.AsyncClient", "acme.Legacy" = "" }\n'
        'extra-async-clients = ["acme.AsyncClient"]\nlifecycle-functions = ["boot"]\n',
        "a.py": source,
    })  # fmt: skip
    lines = run_cli("check", "-q", "--select", "ASL103,ASL201", cwd=root).stdout.splitlines()
    assert [line.split(" ", 2)[:2] for line in lines] == [
        ["a.py:6:5:", "ASL103"],
        ["a.py:7:5:", "ASL103"],
        ["a.py:8:11:", "ASL201"],
    ]
    assert "use `acme.AsyncClient`" in lines[0]


def test_limiters_and_max_fan_out(project):
    source = (
        "import asyncio\nfrom acme import Gate\n\ngate = Gate(4)\n\n"
        "async def one(x):\n    async with gate:\n        await asyncio.sleep(x)\n\n"
        "async def two(x):\n    await asyncio.sleep(x)\n\n"
        "async def run(items):\n"
        "    await asyncio.gather(*[one(x) for x in items])\n"
        "    await asyncio.gather(*[two(x) for x in range(3)])\n"
    )
    root = project({
        "pyproject.toml": '[tool.async-lint]\nlimiters = ["acme.Gate"]\nmax-fan-out = 2\n',
        "a.py": source,
    })  # fmt: skip
    lines = run_cli("check", "-q", "--select", "ASL301", cwd=root).stdout.splitlines()
    assert [line.split(" ", 2)[:2] for line in lines] == [["a.py:15:11:", "ASL301"]]
    assert "`range(3)`" in lines[0] and "at most 2" in lines[0]


@pytest.mark.parametrize(
    ("toml", "error"),
    [
        ('selct = ["ASL101"]', "unknown option 'selct' (did you mean 'select'?)"),
        ('select = ["ASL999"]', "unknown rule code or prefix 'ASL999'"),
        ('ignore = ["E501"]', "unknown rule code or prefix 'E501'"),
        ("select = 3", "expected a list of strings"),
        ("default-timeout = -1", "must be greater than 0"),
        ('max-fan-out = "ten"', "expected a whole number"),
        ("respect-gitignore = 1", "expected true or false"),
        ('extra-blocking-calls = { "x.y" = "ASL401" }', "expected one of ASL101"),
        ('extra-sync-clients = { "a.B" = 1 }', "must be a dotted name"),
        ('limiters = ["not a name"]', "is not a dotted name"),
        ("select = [", "invalid TOML"),
    ],
)
def test_invalid_configuration_is_exit_2(project, toml, error):
    root = project({"pyproject.toml": f"[tool.async-lint]\n{toml}\n", "a.py": BAD})
    result = run_cli("check", cwd=root)
    assert result.returncode == 2
    assert error in result.stderr
    assert "Traceback" not in result.stderr


def test_every_catalog_option_is_accepted(tmp_path: Path):
    config = tmp_path / "pyproject.toml"
    config.write_text(
        "[tool.async-lint]\n"
        'select = ["ASL"]\nextend-select = []\nignore = []\nper-file-ignores = {}\n'
        "exclude = []\ndefault-timeout = 12.5\nmax-fan-out = 4\nextra-blocking-calls = {}\n"
        'extra-sync-clients = { "acme.Client" = "acme.AsyncClient", "acme.Legacy" = "" }\n'
        'extra-async-clients = ["acme.AsyncClient"]\nlifecycle-functions = ["boot"]\n'
        'limiters = ["acme.Limiter"]\nrespect-gitignore = false\n'
    )
    settings = load_config(config)
    assert settings.default_timeout == 12.5
    assert settings.max_fan_out == 4
    assert settings.extra_sync_clients == {"acme.Client": "acme.AsyncClient", "acme.Legacy": ""}
    assert settings.root == tmp_path.resolve()


def test_missing_config_file_is_an_error(project):
    root = project({"a.py": BAD})
    result = run_cli("check", "--config", "missing.toml", cwd=root)
    assert result.returncode == 2
    assert "config file not found" in result.stderr


def test_config_error_type():
    with pytest.raises(ConfigError):
        from async_lint.config import settings_from_mapping

        settings_from_mapping({"bogus": 1}, Path("."), "here")


@pytest.mark.parametrize(
    ("pyproject", "error"),
    [
        ("[tool]\nasync-lint = 1\n", "expected a table"),
        ('[tool.async-lint]\nexclude = ["!"]\n', "invalid pattern '!'"),
        ('[tool.async-lint]\nper-file-ignores = { "!" = ["ASL101"] }\n', "invalid pattern '!'"),
    ],
)
def test_malformed_tables_and_patterns(project, pyproject, error):
    root = project({"pyproject.toml": pyproject, "a.py": BAD})
    result = run_cli("check", cwd=root)
    assert (result.returncode, "Traceback" in result.stderr) == (2, False)
    assert error in result.stderr


def test_ignore_all_and_empty_select(project):
    root = project({"a.py": BAD})
    assert run_cli("check", "--ignore", "ALL", cwd=root).returncode == 0
    result = run_cli("check", "--select", "", cwd=root)
    assert result.returncode == 2 and "at least one code" in result.stderr


def test_per_file_ignores_through_a_symlink(project, tmp_path_factory):
    root = project({
        "pyproject.toml": '[tool.async-lint]\nper-file-ignores = { "tests/**" = ["ASL1"] }\n',
        "tests/t.py": BAD,
    })  # fmt: skip
    link = tmp_path_factory.mktemp("links") / "project"
    link.symlink_to(root, target_is_directory=True)
    assert run_cli("check", str(link)).returncode == 0


def test_per_file_ignores_all(tmp_path):
    settings = Settings(per_file_ignores=(("generated/*", ("ALL",)),), root=tmp_path)
    assert settings.enabled_codes(str(tmp_path / "generated" / "x.py")) == frozenset()
    assert "ASL101" in settings.enabled_codes(str(tmp_path / "app.py"))

"""`async-lint check`, `async-lint rule` and `async-lint server`: thin over the engine."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from async_lint import __version__, output
from async_lint.config import ConfigError, Settings, check_selector, find_config, load_config
from async_lint.diagnostics import Diagnostic
from async_lint.discovery import discover
from async_lint.results import Result
from async_lint.run import Options, Run, Standby, cache_directory, cores
from async_lint.sources import SourceError, decode, why_unreadable

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit 2 with one line, like every usage error
        self.print_usage(sys.stderr)
        raise _UsageError(message)


class _UsageError(Exception):
    pass


def _selectors(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _jobs(value: str) -> int | None:
    """`--jobs`: a number of processes, or `auto` (None)."""
    if value == "auto":
        return None
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected 1 or more processes, or auto: {value!r}")
    return int(value)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="async-lint",
        description="Find async misuse that makes LLM and web backends slow, stuck or fragile.",
    )
    parser.add_argument("--version", action="version", version=f"async-lint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = commands.add_parser("check", help="lint files and directories")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default .)")
    check.add_argument(
        "--select",
        type=_selectors,
        action="extend",
        metavar="CODES",
        help="only these codes or prefixes (comma-separated); replaces the config",
    )
    check.add_argument(
        "--extend-select",
        type=_selectors,
        action="extend",
        metavar="CODES",
        help="codes or prefixes to enable in addition",
    )
    check.add_argument(
        "--ignore",
        type=_selectors,
        action="extend",
        metavar="CODES",
        help="codes or prefixes to disable",
    )
    check.add_argument(
        "--config",
        metavar="FILE",
        help="a pyproject.toml ([tool.async-lint]) or a TOML file of bare options",
    )
    check.add_argument(
        "--output-format",
        choices=output.FORMATS,
        default="concise",
        help="concise (default), full (with the code and the fix), json, json-lines, "
        "github (Actions annotations), gitlab (Code Quality) or sarif (code scanning)",
    )
    check.add_argument(
        "--statistics",
        action="store_true",
        help="count findings by code instead of listing them (concise, full, json, json-lines)",
    )
    check.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary")
    check.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when there are findings"
    )
    check.add_argument(
        "--force-exclude",
        action="store_true",
        help="apply exclude and .gitignore to paths given explicitly too",
    )
    check.add_argument(
        "--no-respect-gitignore",
        dest="respect_gitignore",
        action="store_false",
        default=None,
        help="lint files that .gitignore ignores",
    )
    check.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the name to report when reading source from stdin (path -)",
    )
    check.add_argument("--fix", action="store_true", help="apply the safe fixes")
    check.add_argument(
        "--unsafe-fixes", action="store_true", help="with --fix or --diff, also the unsafe ones"
    )
    check.add_argument(
        "--diff", action="store_true", help="print the fixes as a diff instead of writing them"
    )
    check.add_argument(
        "--exit-non-zero-on-fix",
        action="store_true",
        help="with --fix, exit 1 when something was fixed, even if no finding remains",
    )
    check.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="print tracebacks of internal errors (ASL999) and what the run linted",
    )
    check.add_argument(
        "--jobs",
        type=_jobs,
        default=None,
        metavar="N",
        help="worker processes: a number, or auto (the default: one per core)",
    )
    check.add_argument(
        "--no-cache", dest="cache", action="store_false", help="neither read nor write the cache"
    )
    check.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="where the cache is (default: .async_lint_cache in the project root)",
    )

    rule = commands.add_parser("rule", help="explain a rule, or list them all")
    rule.add_argument("code", nargs="?", metavar="CODE")
    rule.add_argument("--all", action="store_true", help="list every rule")

    commands.add_parser("server", help="run the language server for editors (stdio)")
    return parser  # fmt: skip


def entry() -> None:
    """The console command: `main()`, and out without tearing the interpreter down.
    Freeing each object of a run one by one (the cached results of a whole
    project, libcst's classes) takes a tenth of a second, longer than a run
    that finds everything in the cache; what is written is flushed first."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # reading stopped; a stream closed
            pass
        except OSError:  # the output is not all written: as Python would say it
            code = 120
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    # A path or message the terminal cannot encode is escaped, never an error.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        args = parser.parse_args(argv)
        if args.command == "check":
            return _check(args)
        if args.command == "rule":
            return _rule(args)
        if args.command == "server":
            return _server()
        parser.print_help()
        return EXIT_ERROR
    except (_UsageError, ConfigError) as error:
        print(f"async-lint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Reading stopped (`| head`): nothing else to say. Silence the final flush too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    except Exception as error:  # noqa: BLE001 - the last resort: one line, never a traceback
        print(f"async-lint: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_ERROR


def _settings(args: argparse.Namespace, paths: list[str]) -> Settings:
    if args.config:
        config_path = Path(args.config)
        if not config_path.is_file():
            raise ConfigError(f"config file not found: {args.config}")
        settings = load_config(config_path)
    else:
        real = [os.path.abspath(p) for p in paths if p != "-"] or [os.getcwd()]
        found = find_config(Path(os.path.commonpath(real)))
        settings = load_config(found) if found else Settings(root=Path.cwd())
    changes: dict = {}
    if args.select is not None:
        if not args.select:
            raise _UsageError("--select needs at least one code or prefix")
        changes["select"] = tuple(check_selector(s, "--select") for s in args.select)
    if args.extend_select:
        extra = tuple(check_selector(s, "--extend-select") for s in args.extend_select)
        changes["extend_select"] = settings.extend_select + extra
    if args.ignore:
        extra = tuple(check_selector(s, "--ignore") for s in args.ignore)
        changes["ignore"] = settings.ignore + extra
    if args.respect_gitignore is not None:
        changes["respect_gitignore"] = args.respect_gitignore
    return replace(settings, **changes) if changes else settings


def _check(args: argparse.Namespace) -> int:
    paths = args.paths or ["."]
    missing = [p for p in paths if p != "-" and not os.path.exists(p)]
    if missing:
        raise _UsageError(f"no such file or directory: {', '.join(missing)}")
    if args.statistics and args.output_format in output.WITHOUT_STATISTICS:
        raise _UsageError(f"--statistics cannot be used with --output-format {args.output_format}")
    settings = _settings(args, paths)
    cache_dir = cache_directory(settings, args.cache_dir, args.cache)
    # A run with a cache has most often little to lint: its worker starts now, to
    # import the engine while this process finds the files and reads the cache.
    standby = None
    if cache_dir is not None and cache_dir.is_dir() and args.jobs != 1 and cores() > 1:
        standby = Standby.fork(settings)
    try:
        return _check_files(args, paths, settings, cache_dir, standby)
    finally:
        if standby is not None:
            standby.dismiss()


def _check_files(
    args: argparse.Namespace,
    paths: list[str],
    settings: Settings,
    cache_dir: Path | None,
    standby: Standby | None,
) -> int:
    fixing = args.fix or args.diff
    named = [path for path in paths if path != "-"]
    files = list(discover(named, settings, force_exclude=args.force_exclude))
    run = Run(settings, named, files)
    stdin: tuple[bytes, str, str] | None = None  # data, source, name
    first: Result | None = None  # standard input's first pass
    if "-" in paths:
        name = args.stdin_filename or "-"
        data = sys.stdin.buffer.read()
        try:
            source = decode(data)
        except SourceError as error:
            from async_lint.engine import unreadable  # libcst: not for cached runs

            first = unreadable(name, str(error), settings, error.where)
            if args.fix and not args.diff:
                sys.stdout.buffer.write(data)  # `--fix -` prints the source, fixed or not
        else:
            stdin = (data, source, name)
            first = run.first_pass_source(source, name)
    options = Options(
        jobs=args.jobs,
        cache_dir=cache_dir,
        progress=sys.stderr.isatty() and not args.quiet,
        sources=args.output_format in ("full", "gitlab"),  # they quote the flagged lines
        reuse=not (args.fix or args.diff),  # fixes lint again against the index
        standby=standby,
    )
    shown = [(file, _display(file)) for file in files]
    checked = run.check(shown, options, stdin=first)
    if args.verbose:
        print(f"async-lint: {run.stats.line()}", file=sys.stderr)
    inputs: list[tuple[str | None, str]] = [(None, args.stdin_filename or "-")] if first else []
    results = [(*item, result) for item, result in zip(inputs + shown, checked, strict=True)]

    fixed: list[Diagnostic] = []
    changed = False
    if fixing:
        for index, (file, display, result) in enumerate(results):
            if not any(output.fixable(d, args.unsafe_fixes) for d in result.diagnostics):
                continue
            if file is not None:
                result, done = _fix_file(file, display, run, args)
            elif stdin is not None:
                result, done = _fix_stdin(*stdin, run, args)
                stdin = None  # written
            else:
                continue
            results[index] = (file, display, result)
            fixed += done
            changed |= bool(done)
    if stdin is not None and args.fix and not args.diff:
        sys.stdout.buffer.write(stdin[0])  # nothing to fix: the source as it came
    results_only = [result for _, _, result in results]
    diagnostics = sorted((d for r in results_only for d in r.diagnostics), key=lambda d: d.sort_key)
    # The text each finding's file had when it was linted (after --fix, the fixed text).
    sources = {display: r.source for _, display, r in results if r.source is not None}
    tracebacks = [text for r in results_only for text in r.tracebacks]

    if args.verbose:
        for text in tracebacks:
            print(text, file=sys.stderr)
    if args.diff:
        if not args.quiet and fixed:
            count = len(fixed)
            print(f"Would fix {count} finding{'s' if count != 1 else ''}.", file=sys.stderr)
        return EXIT_FINDINGS if changed else EXIT_CLEAN
    if not ("-" in paths and args.fix):  # `--fix -` printed the fixed source instead
        _report(args, diagnostics, fixed, sources)
    if fixed and args.exit_non_zero_on_fix:
        return EXIT_FINDINGS
    if diagnostics and not args.exit_zero:
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _fix(source: str, display: str, path: str | None, run: Run, unsafe: bool):
    from async_lint.fixes.apply import fix_source  # libcst: not for cached runs

    outcome = fix_source(source, lambda text: run.lint(text, display, path), unsafe=unsafe)
    for diagnostic, reason in outcome.failed:
        where = f"{display}:{diagnostic.start.line}:{diagnostic.start.display_column}"
        print(f"async-lint: fix of {diagnostic.code} at {where} dropped: {reason}", file=sys.stderr)
    return outcome


def _fix_stdin(
    data: bytes, source: str, name: str, run: Run, args: argparse.Namespace
) -> tuple[Result, list[Diagnostic]]:
    """Fix standard input: print the diff, or the fixed source in the input's encoding."""
    from async_lint.fixes.write import encode_like

    outcome = _fix(source, name, None, run, args.unsafe_fixes)
    if args.diff:
        sys.stdout.write(output.unified_diff(source, outcome.source, name))
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(encode_like(data, outcome.source))  # BOM included
    return Result(outcome.remaining, [], source=outcome.source), outcome.fixed


def _fix_file(
    file: str, display: str, run: Run, args: argparse.Namespace
) -> tuple[Result, list[Diagnostic]]:
    """Fix one file (or print its diff); the findings that remain, and those fixed."""
    from async_lint.fixes.write import WriteError, write_atomically  # for fixes only

    try:
        with open(file, "rb") as handle:
            original = handle.read()
        source = decode(original)
    except (OSError, SourceError) as error:  # removed or garbled since it was linted
        reason = why_unreadable(error)
        print(f"async-lint: {display}: not fixed: {reason}", file=sys.stderr)
        from async_lint.engine import unreadable  # libcst: not for cached runs

        return unreadable(display, reason, run.settings, getattr(error, "where", None)), []
    outcome = _fix(source, display, file, run, args.unsafe_fixes)
    if outcome.source == source:
        return Result(outcome.remaining, [], source=source), []
    if args.diff:
        sys.stdout.write(output.unified_diff(source, outcome.source, display))
        return Result(run.lint(source, display, file), [], source=source), outcome.fixed
    try:
        write_atomically(file, original, outcome.source)
    except (OSError, WriteError) as error:
        print(f"async-lint: {display}: not fixed: {error}", file=sys.stderr)
        return Result(run.lint(source, display, file), [], source=source), []
    return Result(outcome.remaining, [], source=outcome.source), outcome.fixed


def _display(path: str) -> str:
    """Paths are shown relative to the current directory when they are below it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def _report(
    args: argparse.Namespace,
    diagnostics: list[Diagnostic],
    fixed: list[Diagnostic],
    sources: dict[str, str],
) -> None:
    """Print the findings in the chosen format. The formats for people (concise, full)
    end with the summary; those for tools print their document only."""
    out, kind, unsafe = sys.stdout, args.output_format, args.unsafe_fixes
    if args.statistics and kind == "json":
        out.write(output.render_json_statistics(diagnostics))
        return
    if args.statistics and kind == "json-lines":
        out.write(output.render_json_lines_statistics(diagnostics))
        return
    tools = {
        "json": output.render_json,
        "json-lines": output.render_json_lines,
        "github": output.render_github,
        "sarif": output.render_sarif,
        "gitlab": lambda found: output.render_gitlab(found, sources),
    }
    if kind in tools:
        out.write(tools[kind](diagnostics))
        return
    if args.statistics:
        out.write(output.render_statistics(diagnostics))
    elif kind == "full":
        out.write(output.render_full(diagnostics, sources, unsafe))
    else:
        out.write(output.render_concise(diagnostics, unsafe))
    if args.quiet:
        return
    if fixed:
        out.write(f"Fixed {_count(fixed)}.\n")
    out.write(f"Found {_count(diagnostics)}.\n" if diagnostics else "All checks passed!\n")
    fixable = sum(output.fixable(d, unsafe) for d in diagnostics)
    if fixable and not args.fix:
        flags = "`--fix --unsafe-fixes`" if unsafe else "`--fix`"
        out.write(f"[*] {fixable} fixable with {flags}.\n")
    hidden = sum(output.fixable(d, True) for d in diagnostics) - fixable
    if hidden and not unsafe:
        out.write(f"({hidden} more fixable with `--unsafe-fixes`.)\n")


def _count(diagnostics: list[Diagnostic]) -> str:
    return f"{len(diagnostics)} finding{'s' if len(diagnostics) != 1 else ''}"


def _server() -> int:
    """pygls is an optional extra, imported only here: `check` never loads it."""
    try:
        from async_lint import lsp
    except ImportError as error:
        if (error.name or "").partition(".")[0] == "async_lint":
            raise
        needs = "the language server needs pygls: pip install 'async-lint[lsp]'"
        raise _UsageError(needs) from None
    return lsp.serve()


def _rule(args: argparse.Namespace) -> int:
    from async_lint.docs import catalog
    from async_lint.rules import REGISTRY

    if args.all or not args.code:
        sys.stdout.write(catalog())
        return EXIT_CLEAN
    code = args.code.upper()
    if code not in REGISTRY:
        raise _UsageError(f"unknown rule code {args.code!r}; `async-lint rule --all` lists them")
    sys.stdout.write(REGISTRY[code].docs())
    return EXIT_CLEAN

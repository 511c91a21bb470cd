from async_lint.cli import entry

entry()

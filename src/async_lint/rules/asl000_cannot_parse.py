from async_lint.rules.base import Rule, Severity


class CannotParse(Rule):
    """
    ## What it does
    Reports a file that async-lint cannot read: a syntax error, bytes that do
    not decode in the file's declared encoding, or a file that cannot be
    opened. The finding is placed where the parser stopped (line 1, column 1
    when the whole file is unreadable), and the run goes on with the other
    files.

    ## Why is this bad
    No other rule can look at a file that does not parse, so every problem in
    it goes unreported until the file is fixed.

    ## Example
    ```python
    async def handler(:
        ...
    ```

    ## Use instead
    ```python
    async def handler():
        ...
    ```

    ## Fix safety
    There is no automatic fix: the file has to be repaired by hand.
    """

    code = "ASL000"
    name = "cannot-parse"
    summary = "the file cannot be decoded or parsed"
    severity = Severity.ERROR
    valid = ("async def handler():\n    return 1\n",)
    invalid = ("async def handler(:\n    pass\n", "x = (\n")

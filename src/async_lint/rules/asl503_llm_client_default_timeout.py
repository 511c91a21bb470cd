import libcst as cst

from async_lint.analysis.arguments import argument, forwards_arguments
from async_lint.diagnostics import Applicability
from async_lint.fixes.plan import FixPlan
from async_lint.fixes.rewrites import add_argument, number_literal
from async_lint.knowledge.clients import TIMEOUT_ARGUMENTS
from async_lint.rules.base import FixAvailability, Rule


class LlmClientDefaultTimeout(Rule):
    """
    ## What it does
    Reports constructing an LLM SDK client without a `timeout` argument, in
    any context: `openai.OpenAI`, `AsyncOpenAI`, `AzureOpenAI`,
    `AsyncAzureOpenAI`, `BedrockOpenAI` and its async form,
    `anthropic.Anthropic`, `AsyncAnthropic` and their Bedrock, Vertex, AWS,
    Foundry and Google Cloud variants, `groq.Groq`/`AsyncGroq`,
    `together.Together`/`AsyncTogether`, `cohere.Client`/`ClientV2` and
    their async forms, `mistralai`'s `Mistral` (whose parameter is
    `timeout_ms`) and `google.genai.Client` (which takes its timeout in
    `http_options`). Not reported: a call that passes `**kwargs` (the timeout
    may be in them), and a client given its own HTTP client
    (`http_client=` for openai, anthropic, groq and together, `httpx_client=`
    for cohere), whose timeout the SDK then uses.

    ## Why is this bad
    The SDKs' default timeouts are long: ten minutes per attempt for
    `openai` and `anthropic`, five for `cohere` and `mistralai`, none at all
    for `google-genai`; and they retry, so one stuck request can hold a
    handler, a connection and a user for half an hour before anything
    fails. A timeout that fits your latency budget turns a hang into an
    error you can handle.

    ## Example
    ```python
    from openai import AsyncOpenAI

    client = AsyncOpenAI()
    ```

    ## Use instead
    ```python
    from openai import AsyncOpenAI

    client = AsyncOpenAI(timeout=60, max_retries=2)
    ```

    ## Fix safety
    Unsafe: the fix passes the `default-timeout` option (30 seconds unless
    configured) after the last argument, in the SDK's own terms:
    `AsyncOpenAI()` becomes `AsyncOpenAI(timeout=30)`, mistralai's
    `Mistral(api_key=k)` becomes `Mistral(api_key=k, timeout_ms=30000)` and
    `genai.Client()` becomes `genai.Client(http_options={"timeout": 30000})`.
    Long generations that used to succeed may then time out.
    """

    code = "ASL503"
    name = "llm-client-default-timeout"
    fix_availability = FixAvailability.ALWAYS
    fix_safety = Applicability.UNSAFE
    summary = "an LLM SDK client made without `timeout=` (10-minute default)"
    valid = (
        "from openai import AsyncOpenAI\nclient = AsyncOpenAI(timeout=30)\n",
        "import anthropic\nclient = anthropic.Anthropic(timeout=20.0, max_retries=1)\n",
        "from openai import AsyncOpenAI\ndef make(**options):\n    return AsyncOpenAI(**options)\n",
        "class OpenAI:\n    pass\nclient = OpenAI()\n",
    )
    invalid = (
        "from openai import AsyncOpenAI\nclient = AsyncOpenAI()\n",
        "import anthropic\nclient = anthropic.AsyncAnthropic(api_key='k')\n",
        "from openai import AzureOpenAI as Azure\n"
        "async def f():\n    return Azure(api_version='v')\n",
    )

    def visit_Call(self, node: cst.Call) -> None:
        name = self.ctx.qualified_name(node.func)
        keywords = self.ctx.knowledge.llm_clients.get(name, ()) if name else ()
        if keywords and not _passes_any(node, keywords):
            keyword = keywords[0]
            seconds = self.ctx.settings.default_timeout
            text = TIMEOUT_ARGUMENTS[keyword].format(
                seconds=number_literal(seconds), milliseconds=round(seconds * 1000)
            )
            fix = FixPlan(f"Pass `{text}`", (add_argument(node, text),), Applicability.UNSAFE)
            self.report(
                node,
                f"`{name}()` without `{keyword}=` keeps the SDK's default timeout (minutes per "
                f"attempt, or none); pass `{keyword}=`",
                fix,
            )


def _passes_any(call: cst.Call, keywords: tuple[str, ...]) -> bool:
    return forwards_arguments(call) or any(argument(call, k) is not None for k in keywords)

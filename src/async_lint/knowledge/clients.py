"""Client classes: LLM SDKs and HTTP clients, for the timeout rules.

Each class is named by the public path users import it from; the
alternative spellings that resolve to the same class are in ALIASES.
"""

# LLM SDK clients, sync and async -> the constructor parameter for the timeout.
LLM_CLIENTS = {
    **dict.fromkeys(
        (
            "openai.OpenAI", "openai.AsyncOpenAI", "openai.AzureOpenAI", "openai.AsyncAzureOpenAI",
            "anthropic.Anthropic", "anthropic.AsyncAnthropic",
            "anthropic.AnthropicBedrock", "anthropic.AsyncAnthropicBedrock",
            "anthropic.AnthropicVertex", "anthropic.AsyncAnthropicVertex",
            "groq.Groq", "groq.AsyncGroq",
            "together.Together", "together.AsyncTogether",
            "cohere.Client", "cohere.ClientV2", "cohere.AsyncClient", "cohere.AsyncClientV2",
        ),
        "timeout",
    ),
}  # fmt: skip

# HTTP clients whose constructor and request methods take `timeout=`.
HTTP_CLIENTS = frozenset({
    "httpx.Client", "httpx.AsyncClient", "httpx2.Client", "httpx2.AsyncClient",
    "aiohttp.ClientSession",
})  # fmt: skip

HTTP_METHODS = ("get", "post", "put", "patch", "delete", "head", "options", "request", "stream")

ALIASES = {
    "openai._client.OpenAI": "openai.OpenAI",
    "openai._client.AsyncOpenAI": "openai.AsyncOpenAI",
    "openai.lib.azure.AzureOpenAI": "openai.AzureOpenAI",
    "openai.lib.azure.AsyncAzureOpenAI": "openai.AsyncAzureOpenAI",
    "anthropic._client.Anthropic": "anthropic.Anthropic",
    "anthropic._client.AsyncAnthropic": "anthropic.AsyncAnthropic",
    "httpx._client.Client": "httpx.Client",
    "httpx._client.AsyncClient": "httpx.AsyncClient",
    "aiohttp.client.ClientSession": "aiohttp.ClientSession",
}

"""Client classes: LLM SDKs and HTTP clients, for the timeout rules.

Each class is named by the public path users import it from; the
alternative spellings that resolve to the same class are in ALIASES.
"""

_ANTHROPIC_PLATFORMS = ("", "Bedrock", "BedrockMantle", "Vertex", "AWS", "Foundry", "GoogleCloud")

# LLM SDK clients, sync and async -> the constructor parameters that set the
# timeout: the timeout itself first, then an HTTP client whose own timeout the
# SDK adopts when given (openai/anthropic `http_client`, cohere `httpx_client`).
# Checked against openai 3.54, anthropic 2.12, groq 1.7, together 3.1, cohere 7.3,
# mistralai 3.7 and google-genai 3.4 (tests/test_knowledge.py imports each name).
LLM_CLIENTS = {
    **dict.fromkeys(
        (
            "openai.OpenAI", "openai.AsyncOpenAI", "openai.AzureOpenAI", "openai.AsyncAzureOpenAI",
            "openai.BedrockOpenAI", "openai.AsyncBedrockOpenAI",
            *(f"anthropic.{prefix}Anthropic{platform}"
              for prefix in ("", "Async") for platform in _ANTHROPIC_PLATFORMS),
            "groq.Groq", "groq.AsyncGroq",
            "together.Together", "together.AsyncTogether",
        ),
        ("timeout", "http_client"),
    ),
    **dict.fromkeys(
        ("cohere.Client", "cohere.ClientV2", "cohere.AsyncClient", "cohere.AsyncClientV2"),
        ("timeout", "httpx_client"),
    ),
    # one class for both modes; the timeout is in milliseconds, and every method
    # falls back to 300 s whatever HTTP client it is given
    "mistralai.client.Mistral": ("timeout_ms",),
    # no timeout parameter: HttpOptions(timeout=ms) goes in http_options, and without it
    # requests have no timeout at all
    "google.genai.Client": ("http_options",),
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

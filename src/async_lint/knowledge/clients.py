"""Client classes: LLM SDKs, HTTP, services and vector stores.

Each class is named by the public path users import it from; the
alternative spellings that resolve to the same class are in ALIASES. The
facts come from the SDK sources (docs/sdk-survey.py records where), and
tests/test_knowledge.py imports every name from the pinned SDKs.
"""

from async_lint.knowledge import SyncClient

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

# How the fix of ASL503 passes a timeout of N seconds, by the parameter's name.
TIMEOUT_ARGUMENTS = {
    "timeout": "timeout={seconds}",
    "timeout_ms": "timeout_ms={milliseconds}",
    "http_options": 'http_options={{"timeout": {milliseconds}}}',  # an HttpOptions dict, in ms
}

# HTTP clients whose constructor and request methods take `timeout=`.
HTTP_CLIENTS = frozenset({
    "httpx.Client", "httpx.AsyncClient", "httpx2.Client", "httpx2.AsyncClient",
    "aiohttp.ClientSession",
})  # fmt: skip

HTTP_METHODS = ("get", "post", "put", "patch", "delete", "head", "options", "request", "stream")

# ASL103: sync clients -> their async form ------------------------------------


def _drop_in(twin: str, *sync_only: str, async_with: bool = True) -> SyncClient:
    return SyncClient(twin, drop_in=True, async_with=async_with, sync_only=sync_only)


# Constructor parameters whose sync and async annotations differ (tests/test_knowledge.py
# compares the signatures of the pinned SDKs): the ASL103 fix does not swap a client
# given one, except a string (`api_key="..."`, `os.environ[...]`).
_STAINLESS_SYNC_ONLY = {
    "openai.OpenAI": ("api_key", "http_client"),
    "openai.AzureOpenAI": ("api_key", "azure_ad_token_provider", "http_client"),
    "openai.BedrockOpenAI": ("bedrock_token_provider", "http_client"),
    "anthropic.Anthropic": ("credentials", "http_client"),
    "anthropic.AnthropicFoundry": ("azure_ad_token_provider", "http_client"),
    "anthropic.AnthropicGoogleCloud": ("token_provider", "http_client"),
}


_STAINLESS_SYNC = ("openai.OpenAI", "openai.AzureOpenAI", "openai.BedrockOpenAI",
                   *(f"anthropic.Anthropic{platform}" for platform in _ANTHROPIC_PLATFORMS),
                   "groq.Groq", "together.Together")  # fmt: skip
_BOTO3 = SyncClient(
    "aioboto3.Session", hint="`async with aioboto3.Session().client(...)`", display="boto3.client"
)
_BOTO3_RESOURCE = SyncClient(
    "aioboto3.Session",
    hint="`async with aioboto3.Session().resource(...)`",
    display="boto3.resource",
)
_CHROMA = SyncClient("chromadb.AsyncHttpClient", hint="`await chromadb.AsyncHttpClient(...)`")
_WEAVIATE = SyncClient(
    "weaviate.WeaviateAsyncClient",
    hint="`weaviate.use_async_with_*()` and `await client.connect()`",
)

# A key is a class or the factory that makes one; the classes that factories
# return are keys too, so that annotated parameters are recognised.
SYNC_CLIENTS = {
    **{name: _drop_in(name.replace(".", ".Async", 1),
                      *_STAINLESS_SYNC_ONLY.get(name, ("http_client",)))
       for name in _STAINLESS_SYNC},
    "cohere.Client": _drop_in("cohere.AsyncClient", "httpx_client"),
    "cohere.ClientV2": _drop_in("cohere.AsyncClientV2", "httpx_client"),
    "httpx.Client": _drop_in("httpx.AsyncClient", "mounts", "transport", "event_hooks"),
    "httpx2.Client": _drop_in("httpx2.AsyncClient", "mounts", "transport", "event_hooks"),
    "requests.Session": SyncClient(
        "aiohttp.ClientSession", hint="`aiohttp.ClientSession` or `httpx.AsyncClient`"
    ),
    "niquests.Session": _drop_in("niquests.AsyncSession", "resolver", "auth", "hooks", "app"),
    "urllib3.PoolManager": SyncClient(),
    "redis.Redis": _drop_in(
        "redis.asyncio.Redis", "db", "connection_pool", "retry", "retry_on_error",
        "ssl_cert_reqs", "ssl_include_verify_flags", "ssl_exclude_verify_flags",
        "ssl_validate_ocsp", "ssl_validate_ocsp_stapled", "ssl_ocsp_context",
        "ssl_ocsp_expected_cert", "ssl_min_version", "redis_connect_func", "cache",
        "cache_config", "oss_cluster_maint_notifications_handler",
    ),
    "redis.RedisCluster": _drop_in(
        "redis.asyncio.RedisCluster", "host", "port", "retry", "load_balancing_strategy",
        "url", "cache", "cache_config", "event_dispatcher", "policy_resolver",
        "maint_notifications_config", "kwargs",
    ),
    "pymongo.MongoClient": _drop_in("pymongo.AsyncMongoClient"),
    "elasticsearch.Elasticsearch": _drop_in(
        "elasticsearch.AsyncElasticsearch", "transport_class", "_transport"
    ),
    "boto3.client": _BOTO3,
    "boto3.resource": _BOTO3_RESOURCE,
    "botocore.client.BaseClient": _BOTO3,
    "boto3.resources.base.ServiceResource": _BOTO3_RESOURCE,
    "qdrant_client.QdrantClient": _drop_in("qdrant_client.AsyncQdrantClient", async_with=False),
    "chromadb.HttpClient": _CHROMA,
    "chromadb.PersistentClient": SyncClient(),
    "chromadb.Client": SyncClient(),
    "chromadb.EphemeralClient": SyncClient(),
    "chromadb.CloudClient": SyncClient(),
    "chromadb.api.ClientAPI": SyncClient(),
    "chromadb.api.client.Client": SyncClient(),
    "chromadb.api.models.Collection.Collection": SyncClient(),
    "pinecone.Pinecone": _drop_in("pinecone.AsyncPinecone", "grpc_scheme", "kwargs"),
    "pinecone.Index": SyncClient(
        "pinecone.AsyncIndex", hint="`pinecone.AsyncPinecone().IndexAsyncio(host=...)`"
    ),
    "weaviate.WeaviateClient": _WEAVIATE,
    **dict.fromkeys(
        (
            f"weaviate.connect_to_{where}"
            for where in ("local", "weaviate_cloud", "custom", "embedded", "wcs")
        ),
        _WEAVIATE,
    ),
}  # fmt: skip

# Calls on a sync client that do no I/O: configuration, request building,
# lazy handles. A path matches when the call's attribute path starts with it.
_STAINLESS_LOCAL = (("with_options",), ("copy",), ("close",), ("is_closed",), ("platform_headers",),
                    ("webhooks", "unwrap"), ("webhooks", "verify_signature"))  # fmt: skip
_HTTPX_LOCAL = (("build_request",), ("close",), ("headers",), ("cookies",), ("params",),
                ("auth",), ("event_hooks",))  # fmt: skip
_REQUESTS_LOCAL = (("mount",), ("close",), ("prepare_request",), ("get_adapter",),
                   ("headers",), ("cookies",), ("auth",), ("proxies",), ("hooks",),
                   ("params",), ("adapters",))  # fmt: skip
LOCAL_CALLS = {
    **dict.fromkeys((*_STAINLESS_SYNC, "cohere.Client", "cohere.ClientV2"), _STAINLESS_LOCAL),
    **dict.fromkeys(("httpx.Client", "httpx2.Client"), _HTTPX_LOCAL),
    **dict.fromkeys(("requests.Session", "niquests.Session"), _REQUESTS_LOCAL),
    "urllib3.PoolManager": (
        ("connection_from_url",),
        ("connection_from_host",),
        ("clear",),
        ("headers",),
    ),
    "redis.Redis": (("pipeline",), ("pubsub",), ("lock",), ("register_script",), ("close",),
                    ("get_encoder",), ("get_connection_kwargs",), ("get_retry",), ("set_retry",),
                    ("set_response_callback",), ("connection_pool",)),
    "pymongo.MongoClient": (("get_database",), ("get_default_database",), ("close",),
                            ("with_options",)),
    "elasticsearch.Elasticsearch": (("options",), ("close",)),
    "botocore.client.BaseClient": (("get_paginator",), ("get_waiter",), ("can_paginate",),
                                   ("generate_presigned_url",), ("generate_presigned_post",),
                                   ("meta",), ("exceptions",), ("close",)),
    "weaviate.WeaviateClient": (("collections", "get"), ("collections", "use"), ("close",),
                                ("is_connected",)),
}  # fmt: skip
LAZY_SUBRESOURCES = frozenset({"boto3.resources.base.ServiceResource"})

# ASL201: async clients, which should be made once and shared ---------------------

_STAINLESS_ASYNC = tuple(name.replace(".", ".Async", 1) for name in _STAINLESS_SYNC)
ASYNC_CLIENTS = frozenset({
    *_STAINLESS_ASYNC, "cohere.AsyncClient", "cohere.AsyncClientV2",
    "httpx.AsyncClient", "httpx2.AsyncClient", "niquests.AsyncSession", "aiohttp.ClientSession",
    "redis.asyncio.Redis", "redis.asyncio.RedisCluster", "redis.asyncio.from_url",
    "pymongo.AsyncMongoClient", "motor.motor_asyncio.AsyncIOMotorClient",
    "elasticsearch.AsyncElasticsearch", "qdrant_client.AsyncQdrantClient",
    "chromadb.AsyncHttpClient", "pinecone.AsyncPinecone", "weaviate.WeaviateAsyncClient",
    *(
        f"weaviate.use_async_with_{where}"
        for where in ("local", "weaviate_cloud", "custom", "embedded")
    ),
    "sqlalchemy.ext.asyncio.create_async_engine",
})  # fmt: skip
# `session.client("s3")` on an aioboto3 session makes a client (used with `async with`).
ASYNC_CLIENT_METHODS = frozenset({("aioboto3.Session", "client"), ("aioboto3.Session", "resource")})

# Code that runs once per application, process or test, where making a client
# is right: by name, and by decorator (`@app.on_event(...)` is matched by its
# method name, whatever the app object).
LIFECYCLE_NAMES = frozenset({
    "lifespan", "startup", "shutdown", "on_startup", "main", "__aenter__", "__init__",
    "setup", "setUp", "asyncSetUp", "setUpClass",
})  # fmt: skip
LIFECYCLE_DECORATORS = frozenset({
    "contextlib.asynccontextmanager", "pytest.fixture", "pytest_asyncio.fixture",
})  # fmt: skip
LIFECYCLE_DECORATOR_METHODS = frozenset({"on_event"})

# Types -------------------------------------------------------------------------

CLASSES = frozenset({
    *(name for name in (*SYNC_CLIENTS, *ASYNC_CLIENTS) if name.rpartition(".")[2][:1].isupper()),
    "boto3.session.Session", "aioboto3.Session", "sqlalchemy.ext.asyncio.AsyncEngine",
} - {"chromadb.HttpClient", "chromadb.PersistentClient", "chromadb.Client",
     "chromadb.EphemeralClient", "chromadb.CloudClient", "chromadb.AsyncHttpClient"})  # fmt: skip
FACTORIES = {
    "boto3.client": "botocore.client.BaseClient",
    "boto3.resource": "boto3.resources.base.ServiceResource",
    "redis.from_url": "redis.Redis",
    "redis.Redis.from_url": "redis.Redis",
    "redis.Redis.from_pool": "redis.Redis",
    "redis.asyncio.from_url": "redis.asyncio.Redis",
    "redis.asyncio.Redis.from_url": "redis.asyncio.Redis",
    **dict.fromkeys(
        ("chromadb.HttpClient", "chromadb.PersistentClient", "chromadb.Client",
         "chromadb.EphemeralClient", "chromadb.CloudClient"),
        "chromadb.api.client.Client",
    ),
    **{f"weaviate.connect_to_{where}": "weaviate.WeaviateClient"
       for where in ("local", "weaviate_cloud", "custom", "embedded", "wcs")},
    **{f"weaviate.use_async_with_{where}": "weaviate.WeaviateAsyncClient"
       for where in ("local", "weaviate_cloud", "custom", "embedded")},
    "sqlalchemy.ext.asyncio.create_async_engine": "sqlalchemy.ext.asyncio.AsyncEngine",
}  # fmt: skip
_SAME = ("with_options", "copy")  # Stainless: a configured copy of the client
MEMBERS = {
    **{(name, member): name for name in (*_STAINLESS_SYNC, *_STAINLESS_ASYNC) for member in _SAME},
    ("boto3.session.Session", "client"): "botocore.client.BaseClient",
    ("boto3.session.Session", "resource"): "boto3.resources.base.ServiceResource",
    ("elasticsearch.Elasticsearch", "options"): "elasticsearch.Elasticsearch",
    ("pinecone.Pinecone", "Index"): "pinecone.Index",
    **{("chromadb.api.client.Client", method): "chromadb.api.models.Collection.Collection"
       for method in ("get_collection", "get_or_create_collection", "create_collection")},
    **{("chromadb.api.ClientAPI", method): "chromadb.api.models.Collection.Collection"
       for method in ("get_collection", "get_or_create_collection", "create_collection")},
}  # fmt: skip
PROPERTIES: frozenset[tuple[str, str]] = frozenset()

ALIASES = {
    "openai.Client": "openai.OpenAI",
    "openai.AsyncClient": "openai.AsyncOpenAI",
    "openai._client.OpenAI": "openai.OpenAI",
    "openai._client.AsyncOpenAI": "openai.AsyncOpenAI",
    "openai.lib.azure.AzureOpenAI": "openai.AzureOpenAI",
    "openai.lib.azure.AsyncAzureOpenAI": "openai.AsyncAzureOpenAI",
    "anthropic.Client": "anthropic.Anthropic",
    "anthropic.AsyncClient": "anthropic.AsyncAnthropic",
    "anthropic._client.Anthropic": "anthropic.Anthropic",
    "anthropic._client.AsyncAnthropic": "anthropic.AsyncAnthropic",
    "groq.Client": "groq.Groq",
    "groq.AsyncClient": "groq.AsyncGroq",
    "together.Client": "together.Together",
    "together.AsyncClient": "together.AsyncTogether",
    "cohere.client.Client": "cohere.Client",
    "cohere.client.AsyncClient": "cohere.AsyncClient",
    "cohere.client_v2.ClientV2": "cohere.ClientV2",
    "cohere.client_v2.AsyncClientV2": "cohere.AsyncClientV2",
    "mistralai.client.sdk.Mistral": "mistralai.client.Mistral",
    "google.genai.client.Client": "google.genai.Client",
    "httpx._client.Client": "httpx.Client",
    "httpx._client.AsyncClient": "httpx.AsyncClient",
    "aiohttp.client.ClientSession": "aiohttp.ClientSession",
    "niquests.sessions.Session": "niquests.Session",
    "niquests.async_session.AsyncSession": "niquests.AsyncSession",
    "urllib3.poolmanager.PoolManager": "urllib3.PoolManager",
    "redis.client.Redis": "redis.Redis",
    "redis.StrictRedis": "redis.Redis",
    "redis.client.StrictRedis": "redis.Redis",
    "redis.cluster.RedisCluster": "redis.RedisCluster",
    "redis.utils.from_url": "redis.from_url",
    "redis.asyncio.client.Redis": "redis.asyncio.Redis",
    "redis.asyncio.StrictRedis": "redis.asyncio.Redis",
    "redis.asyncio.client.StrictRedis": "redis.asyncio.Redis",
    "redis.asyncio.cluster.RedisCluster": "redis.asyncio.RedisCluster",
    "redis.asyncio.utils.from_url": "redis.asyncio.from_url",
    "pymongo.mongo_client.MongoClient": "pymongo.MongoClient",
    "pymongo.synchronous.mongo_client.MongoClient": "pymongo.MongoClient",
    "pymongo.asynchronous.mongo_client.AsyncMongoClient": "pymongo.AsyncMongoClient",
    "elasticsearch.client.Elasticsearch": "elasticsearch.Elasticsearch",
    "boto3.Session": "boto3.session.Session",
    "aioboto3.session.Session": "aioboto3.Session",
    "qdrant_client.qdrant_client.QdrantClient": "qdrant_client.QdrantClient",
    "qdrant_client.async_qdrant_client.AsyncQdrantClient": "qdrant_client.AsyncQdrantClient",
    "chromadb.ClientAPI": "chromadb.api.ClientAPI",
    "pinecone.PineconeAsyncio": "pinecone.AsyncPinecone",
    "pinecone.db_data.Index": "pinecone.Index",
    "weaviate.client.WeaviateClient": "weaviate.WeaviateClient",
    "weaviate.client.WeaviateAsyncClient": "weaviate.WeaviateAsyncClient",
    "sqlalchemy.ext.asyncio.engine.create_async_engine": (
        "sqlalchemy.ext.asyncio.create_async_engine"
    ),
    "sqlalchemy.ext.asyncio.engine.AsyncEngine": "sqlalchemy.ext.asyncio.AsyncEngine",
}

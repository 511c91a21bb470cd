"""Verified facts about SDK clients: the source for the knowledge/ tables.

Reference data, not imported by async-lint. Each entry was checked against
the package sources at the versions in VERSIONS (installed with
``pip install --no-deps --target``, then imported with their dependencies:
identity checked with ``is``, coroutine-ness with
``inspect.iscoroutinefunction`` on the unwrapped function). "file:line"
references are relative to the package root and point at the first line of
the class or def. The knowledge/ tables take their names from here, and
tests/test_knowledge.py re-checks every name they use against the pinned
SDKs in tests/requirements-sdks.txt.
"""

VERSIONS: dict[str, str] = {
    "openai": "3.54.0",  # openai-3.54.0.dist-info (note: built on httpx2, not httpx)
    "anthropic": "2.12.0",  # anthropic-2.12.0.dist-info (built on httpx2)
    "cohere": "7.3.1",
    "groq": "1.7.0",  # built on httpx
    "together": "3.1.1",  # Stainless-generated; built on httpx
    "mistralai": "3.7.0",  # mistralai/client/_version.py (built on httpx2)
    "google-genai": "3.4.0",
    "redis": "8.1.0",
    "pymongo": "4.20.0",
    "motor": "3.7.1",
    "elasticsearch": "9.5.1",
    "boto3": "1.44.5",
    "botocore": "1.44.5",
    "aioboto3": "15.5.0",  # needs aiobotocore (2.25.1 was pulled in as a dep)
    "qdrant-client": "1.20.0",
    "chromadb": "1.5.9",
    "pinecone": "10.2.0",
    "weaviate-client": "4.24.1",
    "httpx": "0.28.1",
    "httpx2": "2.16.2",  # dep of openai/anthropic/mistralai/google-genai
    "niquests": "3.21.2",
    "requests": "2.34.2",
    "urllib3": "2.8.0",
    "aiohttp": "3.14.5",
    "psycopg": "3.3.9",
    "psycopg2-binary": "2.9.13",
    "pymysql": "1.2.4",  # pymysql.__version__ says "2.2.8" (mysqlclient-compat shim, pymysql/__init__.py:58); VERSION=(1,2,4)
    "mysql-connector-python": "26.10.0",
    "sqlalchemy": "2.1.9",
    "langchain-core": "1.8.2",
    "llama-index-core": "0.14.25",
    "openai-agents": "0.24.0",
}

# ---------------------------------------------------------------------------
# 1. sync client -> drop-in (or closest) async twin.  None = no async twin exists.
#    Keys/values are the canonical public paths; alternative spellings are in ALIASES.
# ---------------------------------------------------------------------------
SYNC_TO_ASYNC: dict[str, str | None] = {
    # --- LLM SDKs ---
    "openai.OpenAI": "openai.AsyncOpenAI",  # openai/_client.py:142 -> openai/_client.py:669 (openai 3.54.0)
    "openai.AzureOpenAI": "openai.AsyncAzureOpenAI",  # openai/lib/azure.py:188 -> :562, re-exported openai/__init__.py:117
    "openai.BedrockOpenAI": "openai.AsyncBedrockOpenAI",  # openai/lib/bedrock.py:411 -> :647, re-exported openai/__init__.py:118
    "anthropic.Anthropic": "anthropic.AsyncAnthropic",  # anthropic/_client.py:151 -> :566 (anthropic 2.12.0)
    "anthropic.AnthropicBedrock": "anthropic.AsyncAnthropicBedrock",  # anthropic/lib/bedrock/_client.py:117 -> :298
    "anthropic.AnthropicBedrockMantle": "anthropic.AsyncAnthropicBedrockMantle",  # anthropic/lib/bedrock/_mantle.py:144 -> :334
    "anthropic.AnthropicVertex": "anthropic.AsyncAnthropicVertex",  # anthropic/lib/vertex/_client.py:55 -> :221
    "anthropic.AnthropicAWS": "anthropic.AsyncAnthropicAWS",  # anthropic/lib/aws/_client.py:24 -> :249
    "anthropic.AnthropicFoundry": "anthropic.AsyncAnthropicFoundry",  # anthropic/lib/foundry.py:93 -> :305
    "anthropic.AnthropicGoogleCloud": "anthropic.AsyncAnthropicGoogleCloud",  # anthropic/lib/google_cloud/_client.py:240 -> :488
    "cohere.Client": "cohere.AsyncClient",  # cohere/client.py:131 -> cohere/client.py:380 (cohere 7.3.1)
    "cohere.ClientV2": "cohere.AsyncClientV2",  # cohere/client_v2.py:31 -> cohere/client_v2.py:66
    "cohere.BedrockClient": None,  # cohere/bedrock_client.py:8 (subclass of sync AwsClient); no async variant in package
    "cohere.BedrockClientV2": None,  # cohere/bedrock_client.py:31
    "cohere.SagemakerClient": None,  # cohere/sagemaker_client.py:8
    "cohere.SagemakerClientV2": None,  # cohere/sagemaker_client.py:35
    "cohere.AwsClient": None,  # cohere/aws_client.py:17
    "cohere.OciClient": None,  # cohere/oci_client.py:19
    "cohere.OciClientV2": None,  # cohere/oci_client.py:105
    "groq.Groq": "groq.AsyncGroq",  # groq/_client.py:49 -> :262 (groq 1.7.0)
    "together.Together": "together.AsyncTogether",  # together/_client.py:103 -> :443 (together 3.1.1)
    # mistralai: ONE class serves both; async variants are `<method>_async` coroutines on the same
    # instance (see ASYNC_METHOD_TWINS). `from mistralai import Mistral` FAILS: mistralai/ has no
    # __init__.py (namespace package); the class lives at mistralai.client.Mistral.
    "mistralai.client.Mistral": None,  # mistralai/client/sdk.py:35 (mistralai 3.7.0)
    "mistralai.azure.client.MistralAzure": None,  # mistralai/azure/client/sdk.py:24 (same *_async pattern)
    "mistralai.gcp.client.MistralGCP": None,  # mistralai/gcp/client/sdk.py:24 (same *_async pattern)
    # google-genai: the async twin is an attribute, `google.genai.Client(...).aio`
    # (property google/genai/client.py:603) of type google.genai.client.AsyncClient (client.py:69);
    # AsyncClient(api_client) is not meant to be constructed by users and is not exported from google.genai.
    "google.genai.Client": "google.genai.client.AsyncClient",  # google/genai/client.py:295 (google-genai 3.4.0)
    # --- Redis / Mongo / Elasticsearch ---
    "redis.Redis": "redis.asyncio.Redis",  # redis/client.py:156 -> redis/asyncio/client.py:136 (redis 8.1.0)
    "redis.StrictRedis": "redis.asyncio.StrictRedis",  # alias of the above: redis/client.py:1016, redis/asyncio/client.py:1055
    "redis.RedisCluster": "redis.asyncio.RedisCluster",  # redis/cluster.py:643 -> redis/asyncio/cluster.py:214
    "redis.Sentinel": "redis.asyncio.Sentinel",  # redis/sentinel.py:224 -> redis/asyncio/sentinel.py:181
    "redis.ConnectionPool": "redis.asyncio.ConnectionPool",  # redis/connection.py:2897 -> redis/asyncio/connection.py:2553
    "pymongo.MongoClient": "pymongo.AsyncMongoClient",  # pymongo/synchronous/mongo_client.py:170 -> pymongo/asynchronous/mongo_client.py:173 (pymongo 4.20.0); legacy 3rd-party twin: motor.motor_asyncio.AsyncIOMotorClient (motor/motor_asyncio.py:40, motor 3.7.1; README says motor deprecated 2026-05-14)
    "elasticsearch.Elasticsearch": "elasticsearch.AsyncElasticsearch",  # elasticsearch/_sync/client/__init__.py:105 -> elasticsearch/_async/client/__init__.py:105 (9.5.1)
    "elasticsearch.helpers.bulk": "elasticsearch.helpers.async_bulk",  # helpers/actions.py:568 -> _async/helpers.py:364 (async def)
    "elasticsearch.helpers.streaming_bulk": "elasticsearch.helpers.async_streaming_bulk",  # helpers/actions.py:421 -> _async/helpers.py:212 (async generator)
    "elasticsearch.helpers.scan": "elasticsearch.helpers.async_scan",  # helpers/actions.py:732 -> _async/helpers.py:421 (async generator)
    # --- AWS ---
    "boto3.session.Session": "aioboto3.Session",  # boto3/session.py:32 -> aioboto3/session.py:22 (subclass of boto3 Session; aioboto3 15.5.0)
    "boto3.client": None,  # boto3/__init__.py:87; aioboto3 has NO module-level client()/resource() (dir(aioboto3) = Session, session, resources)
    "boto3.resource": None,  # boto3/__init__.py:96
    # --- vector DBs ---
    "qdrant_client.QdrantClient": "qdrant_client.AsyncQdrantClient",  # qdrant_client/qdrant_client.py:26 -> qdrant_client/async_qdrant_client.py:27 (1.20.0)
    "chromadb.HttpClient": "chromadb.AsyncHttpClient",  # chromadb/__init__.py:260 (def) -> :314 (ASYNC DEF factory) (chromadb 1.5.9)
    "chromadb.Client": None,  # chromadb/__init__.py:446 (in-process); only the HTTP client has an async twin
    "chromadb.PersistentClient": None,  # chromadb/__init__.py:199
    "chromadb.EphemeralClient": None,  # chromadb/__init__.py:170
    "chromadb.CloudClient": None,  # chromadb/__init__.py:373
    "chromadb.RustClient": None,  # chromadb/__init__.py:231
    "pinecone.Pinecone": "pinecone.AsyncPinecone",  # pinecone/_client.py:81 -> pinecone/async_client/pinecone.py:56 (pinecone 10.2.0); PineconeAsyncio is a legacy alias
    "pinecone.Index": "pinecone.AsyncIndex",  # pinecone/index/__init__.py:81 -> pinecone/async_client/async_index.py:83
    "pinecone.grpc.PineconeGRPC": None,  # pinecone/grpc/pinecone_grpc.py:27
    "pinecone.GrpcIndex": None,  # pinecone/grpc/__init__.py:345
    "weaviate.WeaviateClient": "weaviate.WeaviateAsyncClient",  # weaviate/client.py:100 -> weaviate/client.py:34 (both @executor.wrap-decorated; 4.24.1)
    "weaviate.connect_to_local": "weaviate.use_async_with_local",  # weaviate/connect/helpers.py:174 -> :471
    "weaviate.connect_to_weaviate_cloud": "weaviate.use_async_with_weaviate_cloud",  # helpers.py:86 -> :406
    "weaviate.connect_to_custom": "weaviate.use_async_with_custom",  # helpers.py:314 -> :621
    "weaviate.connect_to_embedded": "weaviate.use_async_with_embedded",  # helpers.py:239 -> :542
    "weaviate.connect_to_wcs": None,  # helpers.py:153 (deprecated); weaviate.use_async_with_wcs does NOT exist
    # --- HTTP ---
    "httpx.Client": "httpx.AsyncClient",  # httpx/_client.py:594 -> :1307 (0.28.1)
    "httpx2.Client": "httpx2.AsyncClient",  # httpx2/_client.py:560 -> :1396 (httpx2 2.16.2, used by openai/anthropic/mistralai/google-genai)
    "httpx.get": None,  # httpx/_api.py:174 (module-level helpers get/post/request/stream have no async twins)
    "niquests.Session": "niquests.AsyncSession",  # niquests/sessions.py:215 -> niquests/async_session.py:121 (3.21.2)
    "niquests.get": "niquests.aget",  # niquests/api.py:159 -> niquests/async_api.py:248 (also arequest/apost/aput/... async defs)
    "requests.Session": "aiohttp.ClientSession",  # requests/sessions.py:395; requests has no async; aiohttp.client.ClientSession (aiohttp/client.py:287) is NOT drop-in
    "requests.get": None,  # requests/api.py:74
    "urllib3.PoolManager": None,  # urllib3/poolmanager.py:164; urllib3 2.8.0 has no async (urllib3.AsyncPoolManager does not exist; only the urllib3_future fork, a niquests dep, has one)
    # --- DB-API / ORM ---
    "sqlite3.connect": None,  # stdlib builtin _sqlite3.connect (Python 3.11.7); no stdlib async twin
    "psycopg2.connect": None,  # psycopg2/__init__.py:80 (2.9.13); no async twin in psycopg2
    "psycopg.connect": "psycopg.AsyncConnection.connect",  # psycopg/__init__.py:41 (= Connection.connect, connection.py:81) -> connection_async.py:85 (classmethod ASYNC DEF)
    "psycopg.Connection": "psycopg.AsyncConnection",  # psycopg/connection.py:58 -> psycopg/connection_async.py:62 (3.3.9)
    "psycopg.Cursor": "psycopg.AsyncCursor",  # psycopg/cursor.py:32 -> psycopg/cursor_async.py:29
    "pymysql.connect": None,  # pymysql/__init__.py:136 (= connections.Connection class); no async in pymysql
    "mysql.connector.connect": "mysql.connector.aio.connect",  # mysql/connector/pooling.py:202 -> mysql/connector/aio/pooling.py:196 (async def) (26.10.0)
    "mysql.connector.MySQLConnection": "mysql.connector.aio.MySQLConnection",  # mysql/connector/connection.py:134 -> mysql/connector/aio/connection.py:119
    "sqlalchemy.create_engine": "sqlalchemy.ext.asyncio.create_async_engine",  # sqlalchemy/engine/create.py:93 -> sqlalchemy/ext/asyncio/engine.py:76 (2.1.9)
    "sqlalchemy.Engine": "sqlalchemy.ext.asyncio.AsyncEngine",  # sqlalchemy/engine/base.py:2912 -> sqlalchemy/ext/asyncio/engine.py:1004
    "sqlalchemy.orm.Session": "sqlalchemy.ext.asyncio.AsyncSession",  # sqlalchemy/orm/session.py:1554 -> sqlalchemy/ext/asyncio/session.py:185
    "sqlalchemy.orm.sessionmaker": "sqlalchemy.ext.asyncio.async_sessionmaker",  # sqlalchemy/orm/session.py:5215 -> sqlalchemy/ext/asyncio/session.py:1932
    "sqlalchemy.orm.scoped_session": "sqlalchemy.ext.asyncio.async_scoped_session",  # sqlalchemy/orm/scoping.py:105 -> sqlalchemy/ext/asyncio/scoping.py:76
}

# Same-object async method twins (sync method -> async method on the same class/instance).
ASYNC_METHOD_TWINS: dict[str, str] = {
    "mistralai.client.Mistral.chat.complete": "mistralai.client.Mistral.chat.complete_async",  # mistralai/client/chat.py:100 -> :324 (async def)
    "mistralai.client.Mistral.chat.stream": "mistralai.client.Mistral.chat.stream_async",  # chat.py:548 -> :784 (async def -> EventStreamAsync)
    "mistralai.client.Mistral.<any>.<m>": "mistralai.client.Mistral.<any>.<m>_async",  # crawl: 366 of 368 methods have a *_async coroutine twin; exceptions: beta.connectors.http_client/mcp_client; audio.sessions.init is itself async def (mistralai/extra/voice_agents/client.py:34)
    "cohere.Client.embed_stream": "<none>",  # cohere/client.py:228 sync only; AsyncClient has no embed_stream
    "google.genai.Client.close": "google.genai.client.AsyncClient.aclose",  # google/genai/client.py:643 -> :244 (async def); AsyncClient has no close()
    "httpx.Client.close": "httpx.AsyncClient.aclose",  # httpx/_client.py:1263 -> :1978 (async def); AsyncClient has no close()
    "redis.Redis.close": "redis.asyncio.Redis.aclose",  # redis/asyncio/client.py:819; redis.asyncio.Redis.close (:839) is a deprecated async alias
    "langchain_core.runnables.Runnable.invoke": "langchain_core.runnables.Runnable.ainvoke",  # langchain_core/runnables/base.py:949 -> :972 (async def) (1.8.2)
    "langchain_core.runnables.Runnable.batch": "langchain_core.runnables.Runnable.abatch",  # base.py:995 -> :1130 (async def)
    "langchain_core.runnables.Runnable.stream": "langchain_core.runnables.Runnable.astream",  # base.py:1258 -> :1279 (async generator: `async for`, no await)
    "langchain_core.language_models.BaseChatModel.invoke": "langchain_core.language_models.BaseChatModel.ainvoke",  # langchain_core/language_models/chat_models.py:515 -> :542
    "llama_index.core.llms.LLM.chat": "llama_index.core.llms.LLM.achat",  # llama_index/core/base/llms/base.py:88 -> :199 (0.14.25)
    "llama_index.core.llms.LLM.complete": "llama_index.core.llms.LLM.acomplete",  # base.py:112 -> :225
    "llama_index.core.llms.LLM.stream_chat": "llama_index.core.llms.LLM.astream_chat",  # base.py:140 -> :253 (async def returning async gen: await then async for)
    "llama_index.core.base.base_query_engine.BaseQueryEngine.query": "llama_index.core.base.base_query_engine.BaseQueryEngine.aquery",  # base_query_engine.py:38 -> :50
    "llama_index.core.base.base_retriever.BaseRetriever.retrieve": "llama_index.core.base.base_retriever.BaseRetriever.aretrieve",  # base_retriever.py:191 -> :229
    "agents.Runner.run_sync": "agents.Runner.run",  # agents/run.py:385 (classmethod def) -> agents/run.py:280 (classmethod async def) (openai-agents 0.24.0)
}

# ---------------------------------------------------------------------------
# Alternative import path -> canonical path (same object, checked with `is`).
# PRIVATE_PATHS lists the ones that go through an underscore module.
# ---------------------------------------------------------------------------
ALIASES: dict[str, str] = {
    "openai.Client": "openai.OpenAI",  # openai/_client.py:1924 `Client = OpenAI`, exported openai/__init__.py:12
    "openai.AsyncClient": "openai.AsyncOpenAI",  # openai/_client.py:1926
    "openai._client.OpenAI": "openai.OpenAI",  # private module
    "openai._client.Client": "openai.OpenAI",  # private
    "openai._client.AsyncOpenAI": "openai.AsyncOpenAI",  # private
    "openai._client.AsyncClient": "openai.AsyncOpenAI",  # private
    "openai.lib.azure.AzureOpenAI": "openai.AzureOpenAI",  # openai/lib/azure.py:188 (no underscore, but internal lib/)
    "openai.lib.azure.AsyncAzureOpenAI": "openai.AsyncAzureOpenAI",  # openai/lib/azure.py:562
    "openai.lib.bedrock.BedrockOpenAI": "openai.BedrockOpenAI",  # openai/lib/bedrock.py:411
    "openai.lib.bedrock.AsyncBedrockOpenAI": "openai.AsyncBedrockOpenAI",  # openai/lib/bedrock.py:647
    "anthropic.Client": "anthropic.Anthropic",  # anthropic/_client.py:1164
    "anthropic.AsyncClient": "anthropic.AsyncAnthropic",  # anthropic/_client.py:1166
    "anthropic._client.Anthropic": "anthropic.Anthropic",  # private
    "anthropic._client.Client": "anthropic.Anthropic",  # private
    "anthropic._client.AsyncAnthropic": "anthropic.AsyncAnthropic",  # private
    "anthropic._client.AsyncClient": "anthropic.AsyncAnthropic",  # private
    "anthropic.lib.bedrock.AnthropicBedrock": "anthropic.AnthropicBedrock",  # anthropic/lib/bedrock/_client.py:117
    "anthropic.lib.bedrock._client.AnthropicBedrock": "anthropic.AnthropicBedrock",  # private
    "anthropic.lib.bedrock.AsyncAnthropicBedrock": "anthropic.AsyncAnthropicBedrock",  # _client.py:298
    "anthropic.lib.bedrock._client.AsyncAnthropicBedrock": "anthropic.AsyncAnthropicBedrock",  # private
    "anthropic.lib.bedrock.AnthropicBedrockMantle": "anthropic.AnthropicBedrockMantle",  # anthropic/lib/bedrock/_mantle.py:144
    "anthropic.lib.bedrock._mantle.AnthropicBedrockMantle": "anthropic.AnthropicBedrockMantle",  # private
    "anthropic.lib.bedrock.AsyncAnthropicBedrockMantle": "anthropic.AsyncAnthropicBedrockMantle",  # _mantle.py:334
    "anthropic.lib.bedrock._mantle.AsyncAnthropicBedrockMantle": "anthropic.AsyncAnthropicBedrockMantle",  # private
    "anthropic.lib.vertex.AnthropicVertex": "anthropic.AnthropicVertex",  # anthropic/lib/vertex/_client.py:55
    "anthropic.lib.vertex._client.AnthropicVertex": "anthropic.AnthropicVertex",  # private
    "anthropic.lib.vertex.AsyncAnthropicVertex": "anthropic.AsyncAnthropicVertex",  # _client.py:221
    "anthropic.lib.vertex._client.AsyncAnthropicVertex": "anthropic.AsyncAnthropicVertex",  # private
    "anthropic.lib.aws.AnthropicAWS": "anthropic.AnthropicAWS",  # anthropic/lib/aws/_client.py:24
    "anthropic.lib.aws._client.AnthropicAWS": "anthropic.AnthropicAWS",  # private
    "anthropic.lib.aws.AsyncAnthropicAWS": "anthropic.AsyncAnthropicAWS",  # :249
    "anthropic.lib.aws._client.AsyncAnthropicAWS": "anthropic.AsyncAnthropicAWS",  # private
    "anthropic.lib.foundry.AnthropicFoundry": "anthropic.AnthropicFoundry",  # anthropic/lib/foundry.py:93
    "anthropic.lib.foundry.AsyncAnthropicFoundry": "anthropic.AsyncAnthropicFoundry",  # :305
    "anthropic.lib.google_cloud.AnthropicGoogleCloud": "anthropic.AnthropicGoogleCloud",  # anthropic/lib/google_cloud/_client.py:240
    "anthropic.lib.google_cloud._client.AnthropicGoogleCloud": "anthropic.AnthropicGoogleCloud",  # private
    "anthropic.lib.google_cloud.AsyncAnthropicGoogleCloud": "anthropic.AsyncAnthropicGoogleCloud",  # :488
    "anthropic.lib.google_cloud._client.AsyncAnthropicGoogleCloud": "anthropic.AsyncAnthropicGoogleCloud",  # private
    "cohere.client.Client": "cohere.Client",  # cohere/client.py:131 (public module)
    "cohere.client.AsyncClient": "cohere.AsyncClient",  # cohere/client.py:380
    "cohere.client_v2.ClientV2": "cohere.ClientV2",  # cohere/client_v2.py:31
    "cohere.client_v2.AsyncClientV2": "cohere.AsyncClientV2",  # cohere/client_v2.py:66
    "groq.Client": "groq.Groq",  # groq/_client.py:647
    "groq.AsyncClient": "groq.AsyncGroq",  # groq/_client.py:649
    "groq._client.Groq": "groq.Groq",  # private
    "groq._client.Client": "groq.Groq",  # private
    "groq._client.AsyncGroq": "groq.AsyncGroq",  # private
    "groq._client.AsyncClient": "groq.AsyncGroq",  # private
    "together.Client": "together.Together",  # together/_client.py:1259
    "together.AsyncClient": "together.AsyncTogether",  # together/_client.py:1261
    "together._client.Together": "together.Together",  # private
    "together._client.Client": "together.Together",  # private
    "together._client.AsyncTogether": "together.AsyncTogether",  # private
    "together._client.AsyncClient": "together.AsyncTogether",  # private
    "mistralai.client.sdk.Mistral": "mistralai.client.Mistral",  # mistralai/client/__init__.py `from .sdk import *`
    "mistralai.azure.client.sdk.MistralAzure": "mistralai.azure.client.MistralAzure",
    "mistralai.gcp.client.sdk.MistralGCP": "mistralai.gcp.client.MistralGCP",
    "google.genai.client.Client": "google.genai.Client",  # google/genai/__init__.py imports `from .client import Client`
    "redis.client.Redis": "redis.Redis",  # redis/__init__.py:3
    "redis.client.StrictRedis": "redis.Redis",  # redis/client.py:1016 `StrictRedis = Redis`
    "redis.StrictRedis": "redis.Redis",  # redis/__init__.py:3
    "redis.asyncio.client.Redis": "redis.asyncio.Redis",  # redis/asyncio/__init__.py:1
    "redis.asyncio.client.StrictRedis": "redis.asyncio.Redis",  # redis/asyncio/client.py:1055
    "redis.asyncio.StrictRedis": "redis.asyncio.Redis",  # redis/asyncio/__init__.py:1
    "redis.utils.from_url": "redis.from_url",  # redis/utils.py:52, redis/__init__.py:57
    "redis.asyncio.utils.from_url": "redis.asyncio.from_url",  # redis/asyncio/utils.py:7, redis/asyncio/__init__.py:21
    "redis.cluster.RedisCluster": "redis.RedisCluster",
    "redis.asyncio.cluster.RedisCluster": "redis.asyncio.RedisCluster",
    "redis.sentinel.Sentinel": "redis.Sentinel",
    "redis.asyncio.sentinel.Sentinel": "redis.asyncio.Sentinel",
    "pymongo.mongo_client.MongoClient": "pymongo.MongoClient",  # pymongo/mongo_client.py is a compat re-export shim
    "pymongo.synchronous.mongo_client.MongoClient": "pymongo.MongoClient",  # real definition, pymongo/synchronous/mongo_client.py:170
    "pymongo.asynchronous.mongo_client.AsyncMongoClient": "pymongo.AsyncMongoClient",  # pymongo/asynchronous/mongo_client.py:173
    "pymongo.synchronous.collection.Collection": "pymongo.collection.Collection",  # pymongo/collection.py is a compat re-export; real def pymongo/synchronous/collection.py:137
    "elasticsearch.client.Elasticsearch": "elasticsearch.Elasticsearch",  # elasticsearch/client.py:20 (compat module); there is NO elasticsearch.client.AsyncElasticsearch
    "elasticsearch._sync.client.Elasticsearch": "elasticsearch.Elasticsearch",  # private
    "elasticsearch._async.client.AsyncElasticsearch": "elasticsearch.AsyncElasticsearch",  # private
    "boto3.Session": "boto3.session.Session",  # boto3/__init__.py
    "aioboto3.session.Session": "aioboto3.Session",  # aioboto3/session.py:22
    "qdrant_client.qdrant_client.QdrantClient": "qdrant_client.QdrantClient",
    "qdrant_client.async_qdrant_client.AsyncQdrantClient": "qdrant_client.AsyncQdrantClient",
    "chromadb.ClientAPI": "chromadb.api.ClientAPI",  # return type of the sync factories (chromadb/api/__init__.py:389)
    "chromadb.AsyncClientAPI": "chromadb.api.async_api.AsyncClientAPI",  # return type of AsyncHttpClient (async_api.py:341)
    "chromadb.ClientCreator": "chromadb.api.client.Client",  # chromadb/__init__.py:6 (concrete class returned by the sync factories)
    "chromadb.AsyncClientCreator": "chromadb.api.async_client.AsyncClient",  # chromadb/__init__.py:10
    "pinecone._client.Pinecone": "pinecone.Pinecone",  # private; real definition pinecone/_client.py:81
    "pinecone.pinecone.Pinecone": "pinecone.Pinecone",  # pinecone/pinecone.py back-compat shim (":meta private:")
    "pinecone.PineconeAsyncio": "pinecone.AsyncPinecone",  # pinecone/__init__.py:511 "legacy alias for AsyncPinecone"
    "pinecone.async_client.pinecone.AsyncPinecone": "pinecone.AsyncPinecone",  # pinecone/async_client/pinecone.py:56
    "pinecone.pinecone_asyncio.PineconeAsyncio": "pinecone.AsyncPinecone",  # pinecone/pinecone_asyncio.py shim
    "pinecone.pinecone_asyncio.AsyncPinecone": "pinecone.AsyncPinecone",
    "pinecone.index.Index": "pinecone.Index",  # pinecone/index/__init__.py:81
    "pinecone.db_data.Index": "pinecone.Index",  # legacy path still resolves
    "pinecone.async_client.async_index.AsyncIndex": "pinecone.AsyncIndex",  # pinecone/async_client/async_index.py:83
    "pinecone.db_data.IndexAsyncio": "pinecone.AsyncIndex",  # legacy path still resolves (pinecone.IndexAsyncio does NOT)
    "weaviate.client.WeaviateClient": "weaviate.WeaviateClient",
    "weaviate.client.WeaviateAsyncClient": "weaviate.WeaviateAsyncClient",
    "weaviate.connect.helpers.connect_to_local": "weaviate.connect_to_local",  # likewise for every connect_to_* / use_async_with_*
    "weaviate.connect.helpers.use_async_with_local": "weaviate.use_async_with_local",
    "httpx._client.Client": "httpx.Client",  # private
    "httpx._client.AsyncClient": "httpx.AsyncClient",  # private
    "niquests.sessions.Session": "niquests.Session",
    "niquests.async_session.AsyncSession": "niquests.AsyncSession",
    "niquests.async_api.get": "niquests.aget",
    "requests.sessions.Session": "requests.Session",
    "urllib3.poolmanager.PoolManager": "urllib3.PoolManager",
    "aiohttp.client.ClientSession": "aiohttp.ClientSession",
    "psycopg.Connection.connect": "psycopg.connect",  # psycopg/__init__.py:41 `connect = Connection.connect` (same __func__)
    "psycopg.connection.Connection": "psycopg.Connection",
    "psycopg.connection_async.AsyncConnection": "psycopg.AsyncConnection",
    "pymysql.Connect": "pymysql.connect",  # pymysql/__init__.py:136 `Connect = connect = Connection = connections.Connection`
    "pymysql.Connection": "pymysql.connect",
    "pymysql.connections.Connection": "pymysql.connect",
    "mysql.connector.Connect": "mysql.connector.connect",  # mysql/connector/__init__.py:75
    "mysql.connector.pooling.connect": "mysql.connector.connect",  # mysql/connector/__init__.py:73
    "mysql.connector.aio.pooling.connect": "mysql.connector.aio.connect",
    "mysql.connector.aio.connection.MySQLConnection": "mysql.connector.aio.MySQLConnection",
    "sqlalchemy.engine.create_engine": "sqlalchemy.create_engine",
    "sqlalchemy.engine.create.create_engine": "sqlalchemy.create_engine",  # sqlalchemy/engine/create.py:93
    "sqlalchemy.orm.session.sessionmaker": "sqlalchemy.orm.sessionmaker",
    "sqlalchemy.orm.session.Session": "sqlalchemy.orm.Session",
    "sqlalchemy.ext.asyncio.engine.create_async_engine": "sqlalchemy.ext.asyncio.create_async_engine",
    "sqlalchemy.ext.asyncio.session.AsyncSession": "sqlalchemy.ext.asyncio.AsyncSession",
    "sqlalchemy.ext.asyncio.session.async_sessionmaker": "sqlalchemy.ext.asyncio.async_sessionmaker",
    "sqlalchemy.engine.Engine": "sqlalchemy.Engine",
    "sqlalchemy.engine.base.Engine": "sqlalchemy.Engine",
    "langchain_core.runnables.base.Runnable": "langchain_core.runnables.Runnable",
    "agents.run.Runner": "agents.Runner",  # agents/run.py:279
}

PRIVATE_PATHS: list[str] = [  # alias paths that go through an underscore-prefixed module
    "openai._client.OpenAI", "openai._client.Client", "openai._client.AsyncOpenAI", "openai._client.AsyncClient",
    "anthropic._client.Anthropic", "anthropic._client.Client", "anthropic._client.AsyncAnthropic", "anthropic._client.AsyncClient",
    "anthropic.lib.bedrock._client.AnthropicBedrock", "anthropic.lib.bedrock._client.AsyncAnthropicBedrock",
    "anthropic.lib.bedrock._mantle.AnthropicBedrockMantle", "anthropic.lib.bedrock._mantle.AsyncAnthropicBedrockMantle",
    "anthropic.lib.vertex._client.AnthropicVertex", "anthropic.lib.vertex._client.AsyncAnthropicVertex",
    "anthropic.lib.aws._client.AnthropicAWS", "anthropic.lib.aws._client.AsyncAnthropicAWS",
    "anthropic.lib.google_cloud._client.AnthropicGoogleCloud", "anthropic.lib.google_cloud._client.AsyncAnthropicGoogleCloud",
    "groq._client.Groq", "groq._client.Client", "groq._client.AsyncGroq", "groq._client.AsyncClient",
    "together._client.Together", "together._client.Client", "together._client.AsyncTogether", "together._client.AsyncClient",
    "elasticsearch._sync.client.Elasticsearch", "elasticsearch._async.client.AsyncElasticsearch",
    "pinecone._client.Pinecone", "httpx._client.Client", "httpx._client.AsyncClient",
]

# ---------------------------------------------------------------------------
# 2. Async client classes / factories (everything a linter should treat as "async side").
# ---------------------------------------------------------------------------
ASYNC_CLIENTS: list[str] = [
    "openai.AsyncOpenAI",  # openai/_client.py:669
    "openai.AsyncAzureOpenAI",  # openai/lib/azure.py:562
    "openai.AsyncBedrockOpenAI",  # openai/lib/bedrock.py:647
    "anthropic.AsyncAnthropic",  # anthropic/_client.py:566
    "anthropic.AsyncAnthropicBedrock",  # anthropic/lib/bedrock/_client.py:298
    "anthropic.AsyncAnthropicBedrockMantle",  # anthropic/lib/bedrock/_mantle.py:334
    "anthropic.AsyncAnthropicVertex",  # anthropic/lib/vertex/_client.py:221
    "anthropic.AsyncAnthropicAWS",  # anthropic/lib/aws/_client.py:249
    "anthropic.AsyncAnthropicFoundry",  # anthropic/lib/foundry.py:305
    "anthropic.AsyncAnthropicGoogleCloud",  # anthropic/lib/google_cloud/_client.py:488
    "cohere.AsyncClient",  # cohere/client.py:380
    "cohere.AsyncClientV2",  # cohere/client_v2.py:66
    "groq.AsyncGroq",  # groq/_client.py:262
    "together.AsyncTogether",  # together/_client.py:443
    "google.genai.client.AsyncClient",  # google/genai/client.py:69 (reach it as google.genai.Client(...).aio)
    "redis.asyncio.Redis",  # redis/asyncio/client.py:136
    "redis.asyncio.RedisCluster",  # redis/asyncio/cluster.py:214
    "redis.asyncio.Sentinel",  # redis/asyncio/sentinel.py:181
    "pymongo.AsyncMongoClient",  # pymongo/asynchronous/mongo_client.py:173
    "motor.motor_asyncio.AsyncIOMotorClient",  # motor/motor_asyncio.py:40 (create_asyncio_class(core.AgnosticClient))
    "elasticsearch.AsyncElasticsearch",  # elasticsearch/_async/client/__init__.py:105
    "aioboto3.Session",  # aioboto3/session.py:22
    "qdrant_client.AsyncQdrantClient",  # qdrant_client/async_qdrant_client.py:27
    "chromadb.AsyncHttpClient",  # chromadb/__init__.py:314 -- async def FACTORY, returns chromadb.api.async_client.AsyncClient
    "chromadb.api.async_client.AsyncClient",  # chromadb/api/async_client.py:42
    "pinecone.AsyncPinecone",  # pinecone/async_client/pinecone.py:56 (alias pinecone.PineconeAsyncio)
    "pinecone.AsyncIndex",  # pinecone/async_client/async_index.py:83
    "weaviate.WeaviateAsyncClient",  # weaviate/client.py:34
    "weaviate.use_async_with_local",  # weaviate/connect/helpers.py:471 (plain def returning an UNCONNECTED WeaviateAsyncClient)
    "weaviate.use_async_with_weaviate_cloud",  # helpers.py:406
    "weaviate.use_async_with_custom",  # helpers.py:621
    "weaviate.use_async_with_embedded",  # helpers.py:542
    "httpx.AsyncClient",  # httpx/_client.py:1307
    "httpx2.AsyncClient",  # httpx2/_client.py:1396
    "niquests.AsyncSession",  # niquests/async_session.py:121
    "aiohttp.ClientSession",  # aiohttp/client.py:287
    "psycopg.AsyncConnection",  # psycopg/connection_async.py:62
    "psycopg.AsyncCursor",  # psycopg/cursor_async.py:29
    "mysql.connector.aio.MySQLConnection",  # mysql/connector/aio/connection.py:119
    "sqlalchemy.ext.asyncio.AsyncEngine",  # sqlalchemy/ext/asyncio/engine.py:1004
    "sqlalchemy.ext.asyncio.AsyncSession",  # sqlalchemy/ext/asyncio/session.py:185
    "sqlalchemy.ext.asyncio.async_sessionmaker",  # sqlalchemy/ext/asyncio/session.py:1932
]

# Async classes whose I/O methods are NOT `async def` but plain defs that RETURN awaitables.
# inspect.iscoroutinefunction() is False for these; a linter must not rely on it.
AWAITABLE_RETURNING_CLASSES: dict[str, str] = {
    "redis.asyncio.Redis": "381 of 403 public callables are plain defs (e.g. get/set/hget/delete/ping, redis/commands/core.py:3194/4329/9754/2866/2024) returning Awaitable via async execute_command (redis/asyncio/client.py:924); only 18 are async def (execute_command, aclose, close, initialize, transaction, ...)",
    "weaviate.WeaviateAsyncClient": "connect/close/is_ready/is_live/get_meta... are plain defs (weaviate/client_executor.py:131,141,178,213,281) returning awaitables at runtime; weaviate/client.pyi declares them `async def`",
    "motor.motor_asyncio.AsyncIOMotorClient": "methods generated by AsyncRead/AsyncCommand descriptors (motor/core.py:122 list_database_names, :911 find_one, :918 insert_one) are plain functions returning Futures; only start_session (:130, AsyncCommand.wrap) tests as a coroutine function; close (:111 DelegateMethod) is sync",
}

# ---------------------------------------------------------------------------
# 2b. Methods of async clients that are NOT coroutine functions.
#     Paths are attribute chains on an instance. Stainless clients: every resource also has
#     `with_raw_response` / `with_streaming_response` PROPERTIES (not methods).
# ---------------------------------------------------------------------------
NON_COROUTINE_METHODS: dict[str, list[str]] = {
    "openai.AsyncOpenAI": [  # crawled every resource of openai.AsyncOpenAI(api_key="x") via inspect; openai 3.54.0
        "admin.organization.admin_api_keys.list",  # def -> AsyncPaginator[AdminAPIKey, AsyncCursorPage[AdminAPIKey]]; openai/resources/admin/organization/admin_api_keys.py:328
        "admin.organization.audit_logs.list",  # def -> AsyncPaginator[AuditLogListResponse, AsyncConversationCur...; openai/resources/admin/organization/audit_logs.py:317
        "admin.organization.certificates.activate",  # def -> AsyncPaginator[CertificateActivateResponse, AsyncPage[Cer...; openai/resources/admin/organization/certificates.py:628
        "admin.organization.certificates.deactivate",  # def -> AsyncPaginator[CertificateDeactivateResponse, AsyncPage[C...; openai/resources/admin/organization/certificates.py:670
        "admin.organization.certificates.list",  # def -> AsyncPaginator[CertificateListResponse, AsyncConversation...; openai/resources/admin/organization/certificates.py:532
        "admin.organization.external_keys.list",  # def -> AsyncPaginator[ExternalKey, AsyncCursorPage[ExternalKey]]; openai/resources/admin/organization/external_keys.py:818
        "admin.organization.external_storage.list",  # def -> AsyncPaginator[ExternalStorageConfiguration, AsyncCursorP...; openai/resources/admin/organization/external_storage.py:373
        "admin.organization.groups.list",  # def -> AsyncPaginator[Group, AsyncNextCursorPage[Group]]; openai/resources/admin/organization/groups/groups.py:423
        "admin.organization.groups.roles.list",  # def -> AsyncPaginator[RoleListResponse, AsyncNextCursorPage[Role...; openai/resources/admin/organization/groups/roles.py:325
        "admin.organization.groups.users.list",  # def -> AsyncPaginator[OrganizationGroupUser, AsyncNextCursorPage...; openai/resources/admin/organization/groups/users.py:326
        "admin.organization.invites.list",  # def -> AsyncPaginator[Invite, AsyncConversationCursorPage[Invite]]; openai/resources/admin/organization/invites.py:342
        "admin.organization.projects.api_keys.list",  # def -> AsyncPaginator[ProjectAPIKey, AsyncConversationCursorPage...; openai/resources/admin/organization/projects/api_keys.py:427
        "admin.organization.projects.certificates.activate",  # def -> AsyncPaginator[CertificateActivateResponse, AsyncPage[Cer...; openai/resources/admin/organization/projects/certificates.py:280
        "admin.organization.projects.certificates.deactivate",  # def -> AsyncPaginator[CertificateDeactivateResponse, AsyncPage[C...; openai/resources/admin/organization/projects/certificates.py:325
        "admin.organization.projects.certificates.list",  # def -> AsyncPaginator[CertificateListResponse, AsyncConversation...; openai/resources/admin/organization/projects/certificates.py:220
        "admin.organization.projects.groups.list",  # def -> AsyncPaginator[ProjectGroup, AsyncNextCursorPage[ProjectG...; openai/resources/admin/organization/projects/groups/groups.py:373
        "admin.organization.projects.groups.roles.list",  # def -> AsyncPaginator[RoleListResponse, AsyncNextCursorPage[Role...; openai/resources/admin/organization/projects/groups/roles.py:358
        "admin.organization.projects.list",  # def -> AsyncPaginator[Project, AsyncConversationCursorPage[Proje...; openai/resources/admin/organization/projects/projects.py:689
        "admin.organization.projects.rate_limits.list_rate_limits",  # def -> AsyncPaginator[ProjectRateLimit, AsyncConversationCursorP...; openai/resources/admin/organization/projects/rate_limits.py:199
        "admin.organization.projects.roles.list",  # def -> AsyncPaginator[Role, AsyncNextCursorPage[Role]]; openai/resources/admin/organization/projects/roles.py:465
        "admin.organization.projects.service_accounts.list",  # def -> AsyncPaginator[ProjectServiceAccount, AsyncConversationCu...; openai/resources/admin/organization/projects/service_accounts/service_accounts.py:511
        "admin.organization.projects.spend_alerts.list",  # def -> AsyncPaginator[ProjectSpendAlert, AsyncConversationCursor...; openai/resources/admin/organization/projects/spend_alerts.py:499
        "admin.organization.projects.users.list",  # def -> AsyncPaginator[ProjectUser, AsyncConversationCursorPage[P...; openai/resources/admin/organization/projects/users/users.py:469
        "admin.organization.projects.users.roles.list",  # def -> AsyncPaginator[RoleListResponse, AsyncNextCursorPage[Role...; openai/resources/admin/organization/projects/users/roles.py:358
        "admin.organization.roles.list",  # def -> AsyncPaginator[Role, AsyncNextCursorPage[Role]]; openai/resources/admin/organization/roles.py:440
        "admin.organization.spend_alerts.list",  # def -> AsyncPaginator[OrganizationSpendAlert, AsyncConversationC...; openai/resources/admin/organization/spend_alerts.py:461
        "admin.organization.users.list",  # def -> AsyncPaginator[OrganizationUser, AsyncConversationCursorP...; openai/resources/admin/organization/users/users.py:364
        "admin.organization.users.roles.list",  # def -> AsyncPaginator[RoleListResponse, AsyncNextCursorPage[Role...; openai/resources/admin/organization/users/roles.py:325
        "admin.organization.workload_identity_providers.federation_rules.list",  # def -> AsyncPaginator[FederationRule, AsyncCursorPage[Federation...; openai/resources/admin/organization/workload_identity_providers/federation_rules.py:518
        "admin.organization.workload_identity_providers.list",  # def -> AsyncPaginator[WorkloadIdentityProvider, AsyncCursorPage[...; openai/resources/admin/organization/workload_identity_providers/workload_identity_providers.py:494
        "audio.voice_consents.list",  # def -> AsyncPaginator[VoiceConsent, AsyncCursorPage[VoiceConsent]]; openai/resources/audio/voice_consents.py:438
        "batches.list",  # def -> AsyncPaginator[Batch, AsyncCursorPage[Batch]]; openai/resources/batches.py:415
        "beta.agents.automations.invocations.list",  # def -> AsyncPaginator[AutomationInvocation, AsyncCursorPage[Auto...; openai/resources/beta/agents/automations/invocations.py:289
        "beta.agents.automations.list",  # def -> AsyncPaginator[Automation, AsyncCursorPage[Automation]]; openai/resources/beta/agents/automations/automations.py:740
        "beta.agents.environments.files.list",  # def -> AsyncPaginator[EnvironmentFile, AsyncTokenPage[Environmen...; openai/resources/beta/agents/environments/files.py:493
        "beta.agents.environments.list",  # def -> AsyncPaginator[EnvironmentInfo, AsyncCursorPage[Environme...; openai/resources/beta/agents/environments/environments.py:343
        "beta.agents.environments.templates.list",  # def -> AsyncPaginator[EnvironmentTemplate, AsyncCursorPage[Envir...; openai/resources/beta/agents/environments/templates.py:617
        "beta.agents.list",  # def -> AsyncPaginator[Agent, AsyncCursorPage[Agent]]; openai/resources/beta/agents/agents.py:714
        "beta.agents.sessions.artifacts.for_result",  # def -> AsyncAgentResultArtifacts; openai/resources/beta/agents/sessions/artifacts.py:288
        "beta.agents.sessions.artifacts.list",  # def -> AsyncPaginator[SessionArtifact, AsyncCursorPage[SessionAr...; openai/resources/beta/agents/sessions/artifacts.py:343
        "beta.agents.sessions.items.list",  # def -> AsyncPaginator[AgentSessionItem, AsyncCursorPage[AgentSes...; openai/resources/beta/agents/sessions/items.py:126
        "beta.agents.sessions.list",  # def -> AsyncPaginator[AgentSession, AsyncCursorPage[AgentSession]]; openai/resources/beta/agents/sessions/sessions.py:845
        "beta.agents.sessions.stream",  # def -> AsyncAgentSessionStream[OutputT]; openai/resources/beta/agents/sessions/sessions.py:520
        "beta.agents.sessions.subagents.items.list",  # def -> AsyncPaginator[AgentSessionItem, AsyncCursorPage[AgentSes...; openai/resources/beta/agents/sessions/subagents/items.py:133
        "beta.agents.sessions.subagents.list",  # def -> AsyncPaginator[Subagent, AsyncCursorPage[Subagent]]; openai/resources/beta/agents/sessions/subagents/subagents.py:247
        "beta.agents.sessions.subagents.turns.items.list",  # def -> AsyncPaginator[AgentSessionItem, AsyncCursorPage[AgentSes...; openai/resources/beta/agents/sessions/subagents/turns/items.py:137
        "beta.agents.sessions.subagents.turns.list",  # def -> AsyncPaginator[Turn, AsyncCursorPage[Turn]]; openai/resources/beta/agents/sessions/subagents/turns/turns.py:250
        "beta.agents.sessions.traces.list",  # def -> AsyncPaginator[SessionTrace, AsyncCursorPage[SessionTrace]]; openai/resources/beta/agents/sessions/traces.py:126
        "beta.agents.sessions.turns.items.list",  # def -> AsyncPaginator[AgentSessionItem, AsyncConversationCursorP...; openai/resources/beta/agents/sessions/turns/items.py:132
        "beta.agents.sessions.turns.list",  # def -> AsyncPaginator[Turn, AsyncCursorPage[Turn]]; openai/resources/beta/agents/sessions/turns/turns.py:230
        "beta.agents.vaults.credentials.list",  # def -> AsyncPaginator[Credential, AsyncCursorPage[Credential]]; openai/resources/beta/agents/vaults/credentials.py:519
        "beta.agents.vaults.list",  # def -> AsyncPaginator[Vault, AsyncCursorPage[Vault]]; openai/resources/beta/agents/vaults/vaults.py:489
        "beta.assistants.list",  # def -> AsyncPaginator[Assistant, AsyncCursorPage[Assistant]]; openai/resources/beta/assistants.py:1050
        "beta.chat.completions.list",  # def -> AsyncPaginator[ChatCompletion, AsyncCursorPage[ChatComple...; openai/resources/chat/completions/completions.py:3560
        "beta.chat.completions.messages.list",  # def -> AsyncPaginator[ChatCompletionStoreMessage, AsyncCursorPag...; openai/resources/chat/completions/messages.py:130
        "beta.chat.completions.stream",  # def -> AsyncChatCompletionStreamManager[ResponseFormatT]; openai/resources/chat/completions/completions.py:2023
        "beta.chatkit.threads.list",  # def -> AsyncPaginator[ChatKitThread, AsyncConversationCursorPage...; openai/resources/beta/chatkit/threads.py:307
        "beta.chatkit.threads.list_items",  # def -> AsyncPaginator[Data, AsyncConversationCursorPage[Data]]; openai/resources/beta/chatkit/threads.py:409
        "beta.realtime.connect",  # def -> AsyncRealtimeConnectionManager; openai/resources/beta/realtime/realtime.py:148
        "beta.responses.connect",  # def -> AsyncResponsesConnectionManager; openai/resources/beta/responses/responses.py:4848
        "beta.responses.input_items.list",  # def -> AsyncPaginator[BetaResponseItem, AsyncCursorPage[BetaResp...; openai/resources/beta/responses/input_items.py:139
        "beta.threads.create_and_run_stream",  # def -> AsyncAssistantStreamManager[AsyncAssistantEventHandler] |...; openai/resources/beta/threads/threads.py:1286
        "beta.threads.messages.list",  # def -> AsyncPaginator[Message, AsyncCursorPage[Message]]; openai/resources/beta/threads/messages.py:516
        "beta.threads.runs.create_and_stream",  # def -> AsyncAssistantStreamManager[AsyncAssistantEventHandler] |...; openai/resources/beta/threads/runs/runs.py:1754
        "beta.threads.runs.list",  # def -> AsyncPaginator[Run, AsyncCursorPage[Run]]; openai/resources/beta/threads/runs/runs.py:2885
        "beta.threads.runs.steps.list",  # def -> AsyncPaginator[RunStep, AsyncCursorPage[RunStep]]; openai/resources/beta/threads/runs/steps.py:273
        "beta.threads.runs.stream",  # def -> AsyncAssistantStreamManager[AsyncAssistantEventHandler] |...; openai/resources/beta/threads/runs/runs.py:1894
        "beta.threads.runs.submit_tool_outputs_stream",  # def -> AsyncAssistantStreamManager[AsyncAssistantEventHandler] |...; openai/resources/beta/threads/runs/runs.py:2016
        "chat.completions.list",  # def -> AsyncPaginator[ChatCompletion, AsyncCursorPage[ChatComple...; openai/resources/chat/completions/completions.py:3560
        "chat.completions.messages.list",  # def -> AsyncPaginator[ChatCompletionStoreMessage, AsyncCursorPag...; openai/resources/chat/completions/messages.py:130
        "chat.completions.stream",  # def -> AsyncChatCompletionStreamManager[ResponseFormatT]; openai/resources/chat/completions/completions.py:2023
        "containers.files.list",  # def -> AsyncPaginator[FileListResponse, AsyncCursorPage[FileList...; openai/resources/containers/files/files.py:388
        "containers.list",  # def -> AsyncPaginator[ContainerListResponse, AsyncCursorPage[Con...; openai/resources/containers/containers.py:383
        "conversations.items.list",  # def -> AsyncPaginator[ConversationItem, AsyncConversationCursorP...; openai/resources/conversations/items.py:391
        "copy",  # def -> Self; openai/_client.py:1105
        "evals.list",  # def -> AsyncPaginator[EvalListResponse, AsyncCursorPage[EvalList...; openai/resources/evals/evals.py:509
        "evals.runs.list",  # def -> AsyncPaginator[RunListResponse, AsyncCursorPage[RunListRe...; openai/resources/evals/runs/runs.py:435
        "evals.runs.output_items.list",  # def -> AsyncPaginator[OutputItemListResponse, AsyncCursorPage[Ou...; openai/resources/evals/runs/output_items.py:229
        "files.list",  # def -> AsyncPaginator[FileObject, AsyncCursorPage[FileObject]]; openai/resources/files.py:535
        "fine_tuning.checkpoints.permissions.create",  # def -> AsyncPaginator[PermissionCreateResponse, AsyncPage[Permis...; openai/resources/fine_tuning/checkpoints/permissions.py:314
        "fine_tuning.checkpoints.permissions.list",  # def -> AsyncPaginator[PermissionListResponse, AsyncConversationC...; openai/resources/fine_tuning/checkpoints/permissions.py:434
        "fine_tuning.jobs.checkpoints.list",  # def -> AsyncPaginator[FineTuningJobCheckpoint, AsyncCursorPage[F...; openai/resources/fine_tuning/jobs/checkpoints.py:117
        "fine_tuning.jobs.list",  # def -> AsyncPaginator[FineTuningJob, AsyncCursorPage[FineTuningJ...; openai/resources/fine_tuning/jobs/jobs.py:635
        "fine_tuning.jobs.list_events",  # def -> AsyncPaginator[FineTuningJobEvent, AsyncCursorPage[FineTu...; openai/resources/fine_tuning/jobs/jobs.py:730
        "get_api_list",  # def -> AsyncPaginator[_T, AsyncPageT]; openai/_base_client.py:2165
        "is_closed",  # def -> bool; openai/_base_client.py:1676
        "live.connect",  # def -> AsyncLiveConnectionManager; openai/resources/live/live.py:251
        "live.forks.connect",  # def -> AsyncForksConnectionManager; openai/resources/live/forks.py:80
        "live.sideband.connect",  # def -> AsyncSidebandConnectionManager; openai/resources/live/sideband.py:81
        "models.list",  # def -> AsyncPaginator[Model, AsyncPage[Model]]; openai/resources/models.py:208
        "platform_headers",  # def -> Dict[str, str]; openai/_base_client.py:843
        "realtime.connect",  # def -> AsyncRealtimeConnectionManager; openai/resources/realtime/realtime.py:190
        "realtime.translations.connect",  # def -> AsyncTranslationsConnectionManager; openai/resources/realtime/translations/translations.py:131
        "responses.connect",  # def -> AsyncResponsesConnectionManager; openai/resources/responses/responses.py:4017
        "responses.input_items.list",  # def -> AsyncPaginator[ResponseItem, AsyncCursorPage[ResponseItem]]; openai/resources/responses/input_items.py:134
        "responses.stream",  # def -> AsyncResponseStreamManager[TextFormatT]; openai/resources/responses/responses.py:2347
        "skills.list",  # def -> AsyncPaginator[Skill, AsyncCursorPage[Skill]]; openai/resources/skills/skills.py:449
        "skills.versions.list",  # def -> AsyncPaginator[SkillVersion, AsyncCursorPage[SkillVersion]]; openai/resources/skills/versions/versions.py:390
        "vector_stores.file_batches.list_files",  # def -> AsyncPaginator[VectorStoreFile, AsyncCursorPage[VectorSto...; openai/resources/vector_stores/file_batches.py:562
        "vector_stores.files.content",  # def -> AsyncPaginator[FileContentResponse, AsyncPage[FileContent...; openai/resources/vector_stores/files.py:765
        "vector_stores.files.list",  # def -> AsyncPaginator[VectorStoreFile, AsyncCursorPage[VectorSto...; openai/resources/vector_stores/files.py:646
        "vector_stores.list",  # def -> AsyncPaginator[VectorStore, AsyncCursorPage[VectorStore]]; openai/resources/vector_stores/vector_stores.py:620
        "vector_stores.search",  # def -> AsyncPaginator[VectorStoreSearchResponse, AsyncPage[Vecto...; openai/resources/vector_stores/vector_stores.py:724
        "videos.list",  # def -> AsyncPaginator[Video, AsyncConversationCursorPage[Video]]; openai/resources/videos.py:761
        "webhooks.list",  # def -> AsyncPaginator[WebhookEndpoint, AsyncCursorPage[WebhookEn...; openai/resources/webhooks/webhooks.py:767
        "webhooks.unwrap",  # def -> UnwrapWebhookEvent; openai/resources/webhooks/webhooks.py:974
        "webhooks.verify_signature",  # def -> None; openai/resources/webhooks/webhooks.py:996
        "with_options",  # def -> Self; openai/_client.py:1105 (`with_options = copy` at openai/_client.py:1159)
    ],
    "anthropic.AsyncAnthropic": [  # crawled every resource of anthropic.AsyncAnthropic(api_key="x") via inspect; anthropic 2.12.0
        "beta.agents.list",  # def -> AsyncPaginator[BetaManagedAgentsAgent, AsyncPageCursor[Be...; anthropic/resources/beta/agents/agents.py:867
        "beta.agents.versions.list",  # def -> AsyncPaginator[BetaManagedAgentsAgent, AsyncPageCursor[Be...; anthropic/resources/beta/agents/versions.py:144
        "beta.deployment_runs.list",  # def -> AsyncPaginator[BetaManagedAgentsDeploymentRun, AsyncPageC...; anthropic/resources/beta/deployment_runs.py:305
        "beta.deployments.list",  # def -> AsyncPaginator[BetaManagedAgentsDeployment, AsyncPageCurs...; anthropic/resources/beta/deployments.py:1041
        "beta.dreams.list",  # def -> AsyncPaginator[BetaDream, AsyncPageCursor[BetaDream]]; anthropic/resources/beta/dreams.py:671
        "beta.environments.list",  # def -> AsyncPaginator[BetaEnvironment, AsyncPageCursor[BetaEnvir...; anthropic/resources/beta/environments/environments.py:825
        "beta.environments.work.list",  # def -> AsyncPaginator[BetaSelfHostedWork, AsyncPageCursor[BetaSe...; anthropic/resources/beta/environments/work.py:855
        "beta.environments.work.poller",  # def -> AsyncIterator[BetaSelfHostedWork]; anthropic/resources/beta/environments/work.py:1297
        "beta.environments.work.worker",  # def -> EnvironmentWorker; anthropic/resources/beta/environments/work.py:1415
        "beta.files.list",  # def -> AsyncPaginator[BetaFileMetadata, AsyncPageCursor[BetaFile...; anthropic/resources/beta/files.py:494
        "beta.memory_stores.list",  # def -> AsyncPaginator[BetaManagedAgentsMemoryStore, AsyncPageCur...; anthropic/resources/beta/memory_stores/memory_stores.py:823
        "beta.memory_stores.memories.list",  # def -> AsyncPaginator[BetaManagedAgentsMemoryListItem, AsyncPage...; anthropic/resources/beta/memory_stores/memories.py:832
        "beta.memory_stores.memory_versions.list",  # def -> AsyncPaginator[BetaManagedAgentsMemoryVersion, AsyncPageC...; anthropic/resources/beta/memory_stores/memory_versions.py:446
        "beta.messages.batches.list",  # def -> AsyncPaginator[BetaMessageBatch, AsyncPage[BetaMessageBat...; anthropic/resources/beta/messages/batches.py:716
        "beta.messages.stream",  # def -> BetaAsyncMessageStreamManager[ResponseFormatT]; anthropic/resources/beta/messages/messages.py:4349
        "beta.messages.thread",  # def -> BetaAsyncMessageThread[ResponseFormatT]; anthropic/resources/beta/messages/messages.py:4315
        "beta.messages.tool_runner",  # def -> BetaAsyncToolRunner[ResponseFormatT] | BetaAsyncStreaming...; anthropic/resources/beta/messages/messages.py:4182
        "beta.models.list",  # def -> AsyncPaginator[BetaModelInfo, AsyncPage[BetaModelInfo]]; anthropic/resources/beta/models.py:297
        "beta.organization.analytics.apps.chat.projects.list",  # def -> AsyncPaginator[BetaAnalyticsProjectActivity, AsyncPageCur...; anthropic/resources/beta/organization/analytics/apps/chat/projects.py:186
        "beta.organization.analytics.artifacts.list",  # def -> AsyncPaginator[BetaAnalyticsArtifactActivity, AsyncPageCu...; anthropic/resources/beta/organization/analytics/artifacts.py:154
        "beta.organization.analytics.connectors.list",  # def -> AsyncPaginator[BetaAnalyticsConnectorActivity, AsyncPageC...; anthropic/resources/beta/organization/analytics/connectors.py:194
        "beta.organization.analytics.cost.list",  # def -> AsyncPaginator[BetaAnalyticsCostItem, AsyncReportPageCurs...; anthropic/resources/beta/organization/analytics/cost.py:326
        "beta.organization.analytics.cost_report.list",  # def -> AsyncPaginator[BetaAnalyticsCostReportTimeBucket, AsyncRe...; anthropic/resources/beta/organization/analytics/cost_report.py:223
        "beta.organization.analytics.plugins.list",  # def -> AsyncPaginator[BetaAnalyticsPluginActivity, AsyncPageCurs...; anthropic/resources/beta/organization/analytics/plugins.py:197
        "beta.organization.analytics.skills.list",  # def -> AsyncPaginator[BetaAnalyticsSkillActivity, AsyncPageCurso...; anthropic/resources/beta/organization/analytics/skills.py:191
        "beta.organization.analytics.summaries.list",  # def -> AsyncPaginator[BetaAnalyticsSingleDayActivitySummary, Asy...; anthropic/resources/beta/organization/analytics/summaries.py:153
        "beta.organization.analytics.usage.list",  # def -> AsyncPaginator[BetaAnalyticsUsageItem, AsyncReportPageCur...; anthropic/resources/beta/organization/analytics/usage.py:321
        "beta.organization.analytics.usage_report.list",  # def -> AsyncPaginator[BetaAnalyticsUsageReportTimeBucket, AsyncR...; anthropic/resources/beta/organization/analytics/usage_report.py:221
        "beta.organization.analytics.user_cost_report.list",  # def -> AsyncPaginator[BetaAnalyticsCostUsersItem, AsyncReportPag...; anthropic/resources/beta/organization/analytics/user_cost_report.py:252
        "beta.organization.analytics.user_usage_report.list",  # def -> AsyncPaginator[BetaAnalyticsUsageUsersItem, AsyncReportPa...; anthropic/resources/beta/organization/analytics/user_usage_report.py:245
        "beta.organization.analytics.users.list",  # def -> AsyncPaginator[BetaAnalyticsUserActivity, AsyncPageCursor...; anthropic/resources/beta/organization/analytics/users.py:194
        "beta.organization.api_keys.list",  # def -> AsyncPaginator[BetaAPIKey, AsyncPage[BetaAPIKey]]; anthropic/resources/beta/organization/api_keys.py:335
        "beta.organization.claude_code.managed_settings.rbac_groups.list",  # def -> AsyncPaginator[BetaClaudeCodeRBACGroupManagedSettingsSumm...; anthropic/resources/beta/organization/claude_code/managed_settings/rbac_groups.py:506
        "beta.organization.claude_tag.bundles.list",  # def -> AsyncPaginator[BetaClaudeTagBundle, AsyncPageCursor[BetaC...; anthropic/resources/beta/organization/claude_tag/bundles/bundles.py:456
        "beta.organization.claude_tag.bundles.targets.list",  # def -> AsyncPaginator[BetaClaudeTagBundleTarget, AsyncPageCursor...; anthropic/resources/beta/organization/claude_tag/bundles/targets.py:566
        "beta.organization.claude_tag.slack_channels.list",  # def -> AsyncPaginator[BetaClaudeTagSlackChannel, AsyncPageCursor...; anthropic/resources/beta/organization/claude_tag/slack_channels.py:757
        "beta.organization.claude_tag.slack_workspaces.list",  # def -> AsyncPaginator[BetaClaudeTagSlackWorkspace, AsyncPageCurs...; anthropic/resources/beta/organization/claude_tag/slack_workspaces.py:477
        "beta.organization.external_keys.list",  # def -> AsyncPaginator[BetaExternalKey, AsyncPageCursor[BetaExter...; anthropic/resources/beta/organization/external_keys.py:568
        "beta.organization.federation.issuers.list",  # def -> AsyncPaginator[BetaFederationIssuer, AsyncPageCursor[Beta...; anthropic/resources/beta/organization/federation/issuers.py:699
        "beta.organization.federation.rules.list",  # def -> AsyncPaginator[BetaFederationRule, AsyncPageCursor[BetaFe...; anthropic/resources/beta/organization/federation/rules/rules.py:820
        "beta.organization.federation.rules.workspaces.list",  # def -> AsyncPaginator[BetaFederationRuleWorkspace, AsyncPageCurs...; anthropic/resources/beta/organization/federation/rules/workspaces.py:287
        "beta.organization.invites.list",  # def -> AsyncPaginator[BetaOrganizationInvite, AsyncPage[BetaOrga...; anthropic/resources/beta/organization/invites.py:433
        "beta.organization.plugin_marketplaces.list",  # def -> AsyncPaginator[BetaPluginMarketplace, AsyncPageCursor[Bet...; anthropic/resources/beta/organization/plugin_marketplaces.py:698
        "beta.organization.plugins.installation_settings.list",  # def -> AsyncPaginator[BetaPluginInstallationSetting, AsyncPageCu...; anthropic/resources/beta/organization/plugins/installation_settings.py:376
        "beta.organization.plugins.list",  # def -> AsyncPaginator[BetaPlugin, AsyncPageCursor[BetaPlugin]]; anthropic/resources/beta/organization/plugins/plugins.py:988
        "beta.organization.plugins.shares.list",  # def -> AsyncPaginator[BetaPluginShare, AsyncPageCursor[BetaPlugi...; anthropic/resources/beta/organization/plugins/shares.py:172
        "beta.organization.plugins.versions.list",  # def -> AsyncPaginator[BetaPluginVersion, AsyncPageCursor[BetaPlu...; anthropic/resources/beta/organization/plugins/versions.py:725
        "beta.organization.rate_limits.list",  # def -> AsyncPaginator[BetaOrganizationRateLimit, AsyncPageCursor...; anthropic/resources/beta/organization/rate_limits.py:133
        "beta.organization.rbac_groups.list",  # def -> AsyncPaginator[BetaRBACGroup, AsyncPageCursor[BetaRBACGro...; anthropic/resources/beta/organization/rbac_groups/rbac_groups.py:479
        "beta.organization.rbac_groups.members.list",  # def -> AsyncPaginator[BetaRBACGroupMember, AsyncPageCursor[BetaR...; anthropic/resources/beta/organization/rbac_groups/members.py:248
        "beta.organization.rbac_roles.list",  # def -> AsyncPaginator[BetaRBACRole, AsyncPageCursor[BetaRBACRole]]; anthropic/resources/beta/organization/rbac_roles/rbac_roles.py:239
        "beta.organization.rbac_roles.permissions.list",  # def -> AsyncPaginator[BetaRBACRolePermission, AsyncPageCursor[Be...; anthropic/resources/beta/organization/rbac_roles/permissions.py:129
        "beta.organization.service_accounts.list",  # def -> AsyncPaginator[BetaServiceAccount, AsyncPageCursor[BetaSe...; anthropic/resources/beta/organization/service_accounts/service_accounts.py:624
        "beta.organization.service_accounts.workspaces.list",  # def -> AsyncPaginator[BetaServiceAccountWorkspaceMember, AsyncPa...; anthropic/resources/beta/organization/service_accounts/workspaces.py:303
        "beta.organization.spend_limits.effective.list",  # def -> AsyncPaginator[BetaSpendSummary, AsyncPageCursor[BetaSpen...; anthropic/resources/beta/organization/spend_limits/effective.py:131
        "beta.organization.spend_limits.increase_requests.list",  # def -> AsyncPaginator[BetaSpendLimitIncreaseRequest, AsyncPageCu...; anthropic/resources/beta/organization/spend_limits/increase_requests.py:354
        "beta.organization.spend_limits.list",  # def -> AsyncPaginator[BetaSpendLimit, AsyncPageCursor[BetaSpendL...; anthropic/resources/beta/organization/spend_limits/spend_limits.py:412
        "beta.organization.telemetry_destinations.list",  # def -> AsyncPaginator[BetaTelemetryDestination, AsyncPageCursor[...; anthropic/resources/beta/organization/telemetry_destinations/telemetry_destinations.py:883
        "beta.organization.telemetry_destinations.workspaces.list",  # def -> AsyncPaginator[BetaTelemetryDestinationWorkspace, AsyncPa...; anthropic/resources/beta/organization/telemetry_destinations/workspaces.py:311
        "beta.organization.users.list",  # def -> AsyncPaginator[BetaOrganizationUser, AsyncPage[BetaOrgani...; anthropic/resources/beta/organization/users.py:479
        "beta.organization.webhooks.list",  # def -> AsyncPaginator[BetaOrganizationWebhookEndpoint, AsyncPage...; anthropic/resources/beta/organization/webhooks.py:819
        "beta.organization.workspaces.list",  # def -> AsyncPaginator[BetaWorkspace, AsyncPage[BetaWorkspace]]; anthropic/resources/beta/organization/workspaces/workspaces.py:712
        "beta.organization.workspaces.members.list",  # def -> AsyncPaginator[BetaWorkspaceMember, AsyncPage[BetaWorkspa...; anthropic/resources/beta/organization/workspaces/members.py:477
        "beta.organization.workspaces.rate_limits.list",  # def -> AsyncPaginator[BetaWorkspaceRateLimit, AsyncPageCursor[Be...; anthropic/resources/beta/organization/workspaces/rate_limits.py:284
        "beta.organization.workspaces.service_accounts.list",  # def -> AsyncPaginator[BetaServiceAccountWorkspaceMember, AsyncPa...; anthropic/resources/beta/organization/workspaces/service_accounts.py:593
        "beta.sessions.events.list",  # def -> AsyncPaginator[BetaManagedAgentsSessionEvent, AsyncPageCu...; anthropic/resources/beta/sessions/events.py:335
        "beta.sessions.events.tool_runner",  # def -> SessionToolRunner; anthropic/resources/beta/sessions/events.py:589
        "beta.sessions.list",  # def -> AsyncPaginator[BetaManagedAgentsSession, AsyncBidirection...; anthropic/resources/beta/sessions/sessions.py:900
        "beta.sessions.resources.list",  # def -> AsyncPaginator[BetaManagedAgentsSessionResource, AsyncPag...; anthropic/resources/beta/sessions/resources.py:602
        "beta.sessions.threads.events.list",  # def -> AsyncPaginator[BetaManagedAgentsSessionEvent, AsyncPageCu...; anthropic/resources/beta/sessions/threads/events.py:236
        "beta.sessions.threads.list",  # def -> AsyncPaginator[BetaManagedAgentsSessionThread, AsyncPageC...; anthropic/resources/beta/sessions/threads/threads.py:370
        "beta.skills.list",  # def -> AsyncPaginator[BetaSkill, AsyncPageCursor[BetaSkill]]; anthropic/resources/beta/skills/skills.py:573
        "beta.skills.versions.list",  # def -> AsyncPaginator[BetaSkillVersion, AsyncPageCursor[BetaSkil...; anthropic/resources/beta/skills/versions.py:654
        "beta.tunnels.certificates.list",  # def -> AsyncPaginator[BetaTunnelCertificate, AsyncPageCursor[Bet...; anthropic/resources/beta/tunnels/certificates.py:561
        "beta.tunnels.list",  # def -> AsyncPaginator[BetaTunnel, AsyncPageCursor[BetaTunnel]]; anthropic/resources/beta/tunnels/tunnels.py:684
        "beta.user_profiles.list",  # def -> AsyncPaginator[BetaUserProfile, AsyncPageCursor[BetaUserP...; anthropic/resources/beta/user_profiles/user_profiles.py:892
        "beta.vaults.credentials.list",  # def -> AsyncPaginator[BetaManagedAgentsCredential, AsyncPageCurs...; anthropic/resources/beta/vaults/credentials.py:864
        "beta.vaults.list",  # def -> AsyncPaginator[BetaManagedAgentsVault, AsyncPageCursor[Be...; anthropic/resources/beta/vaults/vaults.py:725
        "beta.webhooks.parse_unverified",  # def -> BetaWebhookEvent; anthropic/resources/beta/webhooks.py:62
        "beta.webhooks.unwrap",  # def -> BetaWebhookEvent; anthropic/resources/beta/webhooks.py:76
        "copy",  # def -> Self; anthropic/_client.py:855
        "files.list",  # def -> AsyncPaginator[FileMetadata, AsyncPageCursor[FileMetadata]]; anthropic/resources/files.py:418
        "get_api_list",  # def -> AsyncPaginator[_T, AsyncPageT]; anthropic/_base_client.py:2524
        "is_closed",  # def -> bool; anthropic/_base_client.py:1925
        "messages.batches.list",  # def -> AsyncPaginator[MessageBatch, AsyncPage[MessageBatch]]; anthropic/resources/messages/batches.py:633
        "messages.stream",  # def -> AsyncMessageStreamManager[ResponseFormatT]; anthropic/resources/messages/messages.py:3130
        "models.list",  # def -> AsyncPaginator[ModelInfo, AsyncPage[ModelInfo]]; anthropic/resources/models.py:260
        "organization.analytics.apps.chat.projects.list",  # def -> AsyncPaginator[AnalyticsProjectActivity, AsyncPageCursor[...; anthropic/resources/organization/analytics/apps/chat/projects.py:185
        "organization.analytics.artifacts.list",  # def -> AsyncPaginator[AnalyticsArtifactActivity, AsyncPageCursor...; anthropic/resources/organization/analytics/artifacts.py:153
        "organization.analytics.connectors.list",  # def -> AsyncPaginator[AnalyticsConnectorActivity, AsyncPageCurso...; anthropic/resources/organization/analytics/connectors.py:193
        "organization.analytics.plugins.list",  # def -> AsyncPaginator[AnalyticsPluginActivity, AsyncPageCursor[A...; anthropic/resources/organization/analytics/plugins.py:196
        "organization.analytics.skills.list",  # def -> AsyncPaginator[AnalyticsSkillActivity, AsyncPageCursor[An...; anthropic/resources/organization/analytics/skills.py:190
        "organization.analytics.summaries.list",  # def -> AsyncPaginator[AnalyticsSingleDayActivitySummary, AsyncPa...; anthropic/resources/organization/analytics/summaries.py:150
        "organization.analytics.users.list",  # def -> AsyncPaginator[AnalyticsUserActivity, AsyncPageCursor[Ana...; anthropic/resources/organization/analytics/users.py:193
        "organization.api_keys.list",  # def -> AsyncPaginator[APIKey, AsyncPage[APIKey]]; anthropic/resources/organization/api_keys.py:330
        "organization.external_keys.list",  # def -> AsyncPaginator[ExternalKey, AsyncPageCursor[ExternalKey]]; anthropic/resources/organization/external_keys.py:559
        "organization.federation.issuers.list",  # def -> AsyncPaginator[FederationIssuer, AsyncPageCursor[Federati...; anthropic/resources/organization/federation/issuers.py:634
        "organization.federation.rules.list",  # def -> AsyncPaginator[FederationRule, AsyncPageCursor[Federation...; anthropic/resources/organization/federation/rules/rules.py:733
        "organization.federation.rules.workspaces.list",  # def -> AsyncPaginator[FederationRuleWorkspace, AsyncPageCursor[F...; anthropic/resources/organization/federation/rules/workspaces.py:262
        "organization.invites.list",  # def -> AsyncPaginator[OrganizationInvite, AsyncPage[Organization...; anthropic/resources/organization/invites.py:427
        "organization.rate_limits.list",  # def -> AsyncPaginator[OrganizationRateLimit, AsyncPageCursor[Org...; anthropic/resources/organization/rate_limits.py:132
        "organization.rbac_groups.list",  # def -> AsyncPaginator[RBACGroup, AsyncPageCursor[RBACGroup]]; anthropic/resources/organization/rbac_groups/rbac_groups.py:471
        "organization.rbac_groups.members.list",  # def -> AsyncPaginator[RBACGroupMember, AsyncPageCursor[RBACGroup...; anthropic/resources/organization/rbac_groups/members.py:245
        "organization.rbac_roles.list",  # def -> AsyncPaginator[RBACRole, AsyncPageCursor[RBACRole]]; anthropic/resources/organization/rbac_roles/rbac_roles.py:236
        "organization.rbac_roles.permissions.list",  # def -> AsyncPaginator[RBACRolePermission, AsyncPageCursor[RBACRo...; anthropic/resources/organization/rbac_roles/permissions.py:128
        "organization.service_accounts.list",  # def -> AsyncPaginator[ServiceAccount, AsyncPageCursor[ServiceAcc...; anthropic/resources/organization/service_accounts/service_accounts.py:559
        "organization.service_accounts.workspaces.list",  # def -> AsyncPaginator[ServiceAccountWorkspaceMember, AsyncPageCu...; anthropic/resources/organization/service_accounts/workspaces.py:278
        "organization.spend_limits.effective.list",  # def -> AsyncPaginator[SpendSummary, AsyncPageCursor[SpendSummary]]; anthropic/resources/organization/spend_limits/effective.py:130
        "organization.spend_limits.increase_requests.list",  # def -> AsyncPaginator[SpendLimitIncreaseRequest, AsyncPageCursor...; anthropic/resources/organization/spend_limits/increase_requests.py:347
        "organization.users.list",  # def -> AsyncPaginator[OrganizationUser, AsyncPage[OrganizationUs...; anthropic/resources/organization/users.py:372
        "organization.workspaces.list",  # def -> AsyncPaginator[Workspace, AsyncPage[Workspace]]; anthropic/resources/organization/workspaces/workspaces.py:689
        "organization.workspaces.members.list",  # def -> AsyncPaginator[WorkspaceMember, AsyncPage[WorkspaceMember]]; anthropic/resources/organization/workspaces/members.py:470
        "organization.workspaces.rate_limits.list",  # def -> AsyncPaginator[WorkspaceRateLimit, AsyncPageCursor[Worksp...; anthropic/resources/organization/workspaces/rate_limits.py:279
        "organization.workspaces.service_accounts.list",  # def -> AsyncPaginator[ServiceAccountWorkspaceMember, AsyncPageCu...; anthropic/resources/organization/workspaces/service_accounts.py:536
        "platform_headers",  # def -> Dict[str, str]; anthropic/_base_client.py:858
        "skills.list",  # def -> AsyncPaginator[Skill, AsyncPageCursor[Skill]]; anthropic/resources/skills/skills.py:500
        "skills.versions.list",  # def -> AsyncPaginator[SkillVersion, AsyncPageCursor[SkillVersion]]; anthropic/resources/skills/versions.py:500
        "user_profiles.list",  # def -> AsyncPaginator[UserProfile, AsyncPageCursor[UserProfile]]; anthropic/resources/user_profiles/user_profiles.py:625
        "with_middleware",  # def -> Self; anthropic/_client.py:956
        "with_options",  # def -> Self; anthropic/_client.py:855 (`with_options = copy` at anthropic/_client.py:954)
    ],
    "groq.AsyncGroq": [  # crawled every resource of groq.AsyncGroq(api_key="x") via inspect; groq 1.7.0
        "copy",  # def -> Self; groq/_client.py:390
        "get_api_list",  # def -> AsyncPaginator[_T, AsyncPageT]; groq/_base_client.py:1936
        "is_closed",  # def -> bool; groq/_base_client.py:1477
        "platform_headers",  # def -> Dict[str, str]; groq/_base_client.py:711
        "with_options",  # def -> Self; groq/_client.py:390 (`with_options = copy` at groq/_client.py:439)
    ],
    "together.AsyncTogether": [  # crawled every resource of together.AsyncTogether(api_key="x") via inspect; together 3.1.1
        "agent_headers",  # def -> dict[str, str]; together/_base_client.py:719
        "beta.realtime.buffer_pool.charge",  # def -> None; together/lib/realtime/_state.py:156
        "beta.realtime.buffer_pool.register",  # def -> None; together/lib/realtime/_state.py:148
        "beta.realtime.buffer_pool.release",  # def -> None; together/lib/realtime/_state.py:164
        "beta.realtime.buffer_pool.unregister",  # def -> None; together/lib/realtime/_state.py:152
        "beta.realtime.connect",  # def -> AsyncRealtimeConnectionManager; together/resources/realtime.py:144
        "beta.realtime.transcription",  # def -> AsyncRealtimeTranscriptionSession; together/resources/realtime.py:173
        "copy",  # def -> Self; together/_client.py:656
        "endpoints.ab_experiments.list",  # def -> AsyncPaginator[AbExperiment, AsyncCursorPagination[AbExpe...; together/resources/endpoints/ab_experiments.py:602
        "endpoints.adapters.list",  # def -> AsyncPaginator[AdapterListResponse, AsyncCursorPagination...; together/resources/endpoints/adapters.py:614
        "endpoints.deployments.list",  # def -> AsyncPaginator[EndpointDeployment, AsyncCursorPagination[...; together/resources/endpoints/deployments.py:731
        "endpoints.list",  # def -> AsyncPaginator[Endpoint, AsyncCursorPagination[Endpoint]]; together/resources/endpoints/endpoints.py:888
        "endpoints.list_events",  # def -> AsyncPaginator[EndpointListEventsResponse, AsyncCursorPag...; together/resources/endpoints/endpoints.py:1078
        "endpoints.list_org_scoped",  # def -> AsyncPaginator[Endpoint, AsyncCursorPagination[Endpoint]]; together/resources/endpoints/endpoints.py:1173
        "endpoints.placement_profiles.list",  # def -> AsyncPaginator[PlacementProfile, AsyncCursorPagination[Pl...; together/resources/endpoints/placement_profiles.py:205
        "endpoints.rollouts.list",  # def -> AsyncPaginator[Rollout, AsyncCursorPagination[Rollout]]; together/resources/endpoints/rollouts.py:938
        "endpoints.shadow_experiments.list",  # def -> AsyncPaginator[ShadowExperiment, AsyncCursorPagination[Sh...; together/resources/endpoints/shadow_experiments/shadow_experiments.py:625
        "endpoints.shadow_experiments.targets.list",  # def -> AsyncPaginator[ShadowExperimentTarget, AsyncCursorPaginat...; together/resources/endpoints/shadow_experiments/targets.py:653
        "get_api_list",  # def -> AsyncPaginator[_T, AsyncPageT]; together/_base_client.py:1944
        "is_closed",  # def -> bool; together/_base_client.py:1485
        "models.configs.list",  # def -> AsyncPaginator[Config, AsyncCursorPagination[Config]]; together/resources/models/configs.py:221
        "models.list",  # def -> AsyncPaginator[Model, AsyncCursorPagination[Model]]; together/resources/models/models.py:816
        "models.list_org_scoped",  # def -> AsyncPaginator[Model, AsyncCursorPagination[Model]]; together/resources/models/models.py:979
        "models.list_supported",  # def -> AsyncPaginator[SupportedModel, AsyncCursorPagination[Supp...; together/resources/models/models.py:1074
        "models.remote_uploads.list",  # def -> AsyncPaginator[RemoteUploadListResponse, AsyncCursorPagin...; together/resources/models/remote_uploads.py:382
        "organization.usage.costs.list",  # def -> AsyncPaginator[BillingUsageWindow, AsyncCursorPagination[...; together/resources/organization/usage/costs.py:136
        "platform_headers",  # def -> Dict[str, str]; together/_base_client.py:713
        "projects.list",  # def -> AsyncPaginator[Project, AsyncCursorPagination[Project]]; together/resources/projects.py:113
        "with_options",  # def -> Self; together/_client.py:656 (`with_options = copy` at together/_client.py:709)
    ],
    # AzureOpenAI/BedrockOpenAI async variants subclass AsyncOpenAI (openai/lib/azure.py:562, lib/bedrock.py:647)
    # and the anthropic Bedrock/Vertex/AWS/Foundry/GoogleCloud async variants expose the same resources:
    # the lists above apply to them too.
    "cohere.AsyncClient": [  # cohere 7.3.1; AsyncClientV2 (cohere/client_v2.py:66) has the same list
        "chat_stream",  # instance attr replaced in __init__ (cohere/client.py:168) by the plain-def wrapper cohere/client.py:97 when log_warning_experimental_features=True (default); the class-level method is an async generator (cohere/base_client.py:1751). Either way: `async for`, never `await`.
        "generate_stream",  # async generator, cohere/base_client.py:2367
        "v2.chat_stream",  # async generator, cohere/v2/client.py:660 (AsyncClientV2.chat_stream is this one)
        "utils.save_dataset",  # plain def, cohere/utils.py:296
        # deprecated/moved stubs: plain defs that just raise ValueError (cohere/client.py:287-320, same on AsyncClient)
        "check_api_key", "loglikelihood", "batch_generate", "codebook", "batch_tokenize", "batch_detokenize",
        "detect_language", "generate_feedback", "generate_preference_feedback", "create_dataset", "get_dataset",
        "list_datasets", "delete_dataset", "get_dataset_usage", "wait_for_dataset", "create_cluster_job",
        "get_cluster_job", "list_cluster_jobs", "wait_for_cluster_job", "create_embed_job", "list_embed_jobs",
        "get_embed_job", "cancel_embed_job", "wait_for_embed_job", "create_custom_model", "wait_for_custom_model",
        "get_custom_model", "get_custom_model_by_name", "get_custom_model_metrics", "list_custom_models",
        "create_connector", "update_connector", "get_connector", "list_connectors", "delete_connector",
        "oauth_authorize_connector",
    ],
    "google.genai.client.AsyncClient": [  # google-genai 3.4.0; everything else under .aio.* is async def
        "chats.create",  # plain def -> AsyncChat, google/genai/chats.py:1166
        "live.connect",  # @asynccontextmanager, google/genai/live.py:976 -> `async with client.aio.live.connect(...)`
        "live.music.connect",  # @asynccontextmanager, google/genai/live_music.py:170
        # note: aio.models.generate_content_stream IS async def but returns AsyncIterator -> `async for x in await ...`
    ],
    "redis.asyncio.Redis": [  # redis 8.1.0 -- see AWAITABLE_RETURNING_CLASSES: command methods are plain defs returning awaitables
        "<every command method: get, set, hget, delete, ping, ...>",  # redis/commands/core.py (e.g. get :3194) -- must still be awaited
        "pipeline",  # redis/asyncio/client.py:589 -> Pipeline (pipeline.execute() is async)
        "pubsub",  # :713 -> PubSub
        "lock",  # :632 -> redis.asyncio.lock.Lock
        "monitor",  # :750
        "client",  # :753
        "from_url",  # classmethod :156
        "from_pool",  # classmethod :225
        "register_script",  # redis/commands/core.py:11433 -> AsyncScript
        "scan_iter", "sscan_iter", "hscan_iter", "zscan_iter",  # async generators redis/commands/core.py:6356/6385/6407/6436: `async for`
    ],
    "pymongo.AsyncMongoClient": [  # pymongo 4.20.0
        "get_database",  # pymongo/asynchronous/mongo_client.py:1615
        "get_default_database",  # :1555
        "start_session",  # :1495 plain def -> AsyncClientSession (`async with client.start_session()`; motor needs `await`)
        "__getitem__", "__getattr__",  # :1455 / :1440 -> AsyncDatabase
        "AsyncDatabase.get_collection",  # pymongo/asynchronous/database.py:248
        "AsyncDatabase.with_options",  # database.py:165
        "AsyncCollection.find",  # pymongo/asynchronous/collection.py:1738 -> AsyncCursor (NOT awaited; `async for`)
        "AsyncCollection.find_raw_batches",  # collection.py:1947
        "AsyncCollection.with_options",  # collection.py:354
        # NB: AsyncCollection.aggregate (collection.py:2934) and .watch (:422) ARE async def (await them) -- unlike motor
    ],
    "motor.motor_asyncio.AsyncIOMotorClient": [  # motor 3.7.1 -- see AWAITABLE_RETURNING_CLASSES
        "<all I/O methods: plain functions returning Futures (await them)>",  # motor/metaprogramming.py:25 asynchronize()
        "close",  # motor/core.py:111 DelegateMethod, sync
        "get_database", "get_default_database",  # delegated, sync (wraps result in AsyncIOMotorDatabase)
        "AsyncIOMotorCollection.find",  # motor/core.py:993 -> cursor, sync
        "AsyncIOMotorCollection.aggregate",  # motor/core.py:1038 -> cursor, sync (pymongo async: awaited)
        "AsyncIOMotorCollection.watch",  # motor/core.py:1167 sync -> change stream
    ],
    "elasticsearch.AsyncElasticsearch": [  # elasticsearch 9.5.1: all 627 API methods incl. namespaces (indices.*, cat.*, ...) are async def
        "options",  # elasticsearch/_async/client/__init__.py:434 -> new client
    ],
    "aioboto3.Session": [  # aioboto3 15.5.0
        "client",  # inherited boto3/session.py:233 -> aiobotocore ClientCreatorContext: `async with session.client("s3") as s3`
        "resource",  # aioboto3/session.py:99 -> ResourceCreatorContext: `async with session.resource("s3") as s3`
    ],
    "qdrant_client.AsyncQdrantClient": [  # qdrant-client 1.20.0
        "upload_points",  # qdrant_client/async_qdrant_client.py:1825 (plain def)
        "upload_collection",  # :1896 (plain def)
        "get_embedding_size",  # qdrant_client/async_qdrant_fastembed.py:100
        "migrate",  # qdrant_client/async_client_base.py:351 -- plain def that raises NotImplementedError
    ],
    "chromadb.api.async_client.AsyncClient": [  # chromadb 1.5.9
        "get_settings",  # chromadb/api/async_client.py:512
        "clear_system_cache",  # chromadb/api/shared_system_client.py:126
        "get_chroma_cloud_api_key_from_clients",  # shared_system_client.py:139
        "AsyncCollection.get_model",  # chromadb/api/models/CollectionCommon.py:206
    ],
    "pinecone.AsyncPinecone": [  # pinecone 10.2.0
        "IndexAsyncio",  # pinecone/async_client/pinecone.py:1258 plain def -> AsyncIndex (host only)
        # NB: AsyncPinecone.index (:1352) IS async def -> `await pc.index(name=...)`
    ],
    "pinecone.AsyncIndex": [
        "list",  # async generator, pinecone/async_client/async_index.py:1559
        "list_namespaces",  # async generator, :1923
        "list_imports",  # async generator, :2168
    ],
    "weaviate.WeaviateAsyncClient": [  # weaviate-client 4.24.1 -- see AWAITABLE_RETURNING_CLASSES
        "<all methods: plain defs returning awaitables at runtime>",  # weaviate/client_executor.py:131 close, :141 connect ...
    ],
    "httpx.AsyncClient": [  # httpx 0.28.1 (httpx2.AsyncClient identical in shape)
        "build_request",  # httpx/_client.py:340
        "stream",  # @asynccontextmanager httpx/_client.py:1542 -> `async with client.stream(...)`
    ],
    "niquests.AsyncSession": [  # niquests 3.21.2
        "mount",  # niquests/async_session.py:598
        "get_adapter",  # :601
        "prepare_request",  # niquests/sessions.py:638
        "resolve_redirects",  # async generator :973
        "merge_environment_settings", "rebuild_auth", "rebuild_method", "rebuild_proxies", "should_strip_auth", "get_redirect_target",
        "__enter__",  # :450 -> NoReturn (raises; must use `async with`)
    ],
    "aiohttp.ClientSession": [  # aiohttp 3.14.5
        "get", "post", "put", "patch", "delete", "head", "options", "request",  # plain defs -> _RequestContextManager (aiohttp/client.py:546 request, :1526 get, :1556 post); awaitable AND async ctx manager
        "ws_connect",  # :1124 -> _BaseRequestContextManager
        "detach",  # :1699
    ],
    "psycopg.AsyncConnection": [  # psycopg 3.3.9
        "cursor",  # psycopg/connection_async.py:255 plain def (NOT awaited)
        "transaction",  # @asynccontextmanager :383
        "pipeline",  # @asynccontextmanager :476
        "notifies",  # async generator :404
        "cancel", "xid", "fileno",  # psycopg/_connection_base.py:296 / :624 / :287
        "add_notice_handler", "remove_notice_handler", "add_notify_handler", "remove_notify_handler",
        "AsyncCursor.stream",  # async generator psycopg/cursor_async.py:150
        "AsyncCursor.copy",  # @asynccontextmanager cursor_async.py:314
        "AsyncCursor.results",  # async generator cursor_async.py:200
        "AsyncCursor.nextset", "AsyncCursor.setinputsizes", "AsyncCursor.setoutputsize",
    ],
    "mysql.connector.aio.MySQLConnection": [  # mysql-connector-python 26.10.0
        # NB: cursor() IS async def here (mysql/connector/aio/connection.py:814) -> `await cnx.cursor()`, unlike psycopg
        "cmd_query_iter",  # async generator :1141
        "get_server_info", "get_server_version", "get_self", "isset_client_flag", "is_socket_connected",  # mysql/connector/aio/abstracts.py
        "add_cursor", "remove_cursor", "set_client_flags", "set_converter_class", "set_allow_local_infile_in_path",
        "query_attrs_append", "query_attrs_clear", "query_attrs_remove",
    ],
    "sqlalchemy.ext.asyncio.AsyncSession": [  # sqlalchemy 2.1.9
        "add",  # sqlalchemy/ext/asyncio/session.py:1419
        "add_all",  # :1453
        "begin",  # :1249 -> AsyncSessionTransaction (`async with session.begin()`)
        "begin_nested",  # :1272
        "expire", "expire_all", "expunge", "expunge_all",  # :1475 / :1523 / :1564 / :1580
        "get_bind",  # :1068
        "in_transaction", "in_nested_transaction", "get_transaction", "get_nested_transaction",  # :1660 ...
        "is_modified",  # :1596
        "bind_mapper", "bind_table", "identity_key", "object_session",
        # NB: AsyncSession.stream / run_sync / execute / commit / close are async def
    ],
    "sqlalchemy.ext.asyncio.AsyncEngine": [
        "connect",  # sqlalchemy/ext/asyncio/engine.py:1090 plain def -> AsyncConnection (`async with engine.connect()`)
        "begin",  # @asynccontextmanager :1069
        "execution_options", "update_execution_options", "get_execution_options", "clear_compiled_cache",  # :1133 ...
    ],
    "sqlalchemy.ext.asyncio.AsyncConnection": [
        "begin", "begin_nested",  # engine.py:338 / :343 -> AsyncTransaction
        "stream", "stream_scalars",  # @asyncstartablecontext engine.py:545 / :786 (await OR async with)
        "get_transaction", "get_nested_transaction", "in_transaction", "in_nested_transaction",
    ],
    "sqlalchemy.ext.asyncio.async_sessionmaker": [
        "begin",  # -> async ctx manager
        "configure",
    ],
}

# ---------------------------------------------------------------------------
# 3. Drop-in status of each async twin (same ctor params & method names, only `await` differs?).
#    Checked by diffing inspect.signature(__init__) and crawled public method names.
# ---------------------------------------------------------------------------
DROP_IN: dict[str, str] = {
    "openai.AsyncOpenAI": "yes: identical __init__ params; identical resource/method names (448 callables crawled, 340 async def)",
    "openai.AsyncAzureOpenAI": "yes: identical __init__ params",
    "openai.AsyncBedrockOpenAI": "yes: identical __init__ params",
    "anthropic.AsyncAnthropic": "yes: identical params; async has 3 extras (beta.environments.work.poller/worker, beta.sessions.events.tool_runner)",
    "anthropic.AsyncAnthropic{Bedrock,BedrockMantle,Vertex,AWS,Foundry,GoogleCloud}": "yes: identical __init__ params",
    "groq.AsyncGroq": "yes: identical params and 32 method names",
    "together.AsyncTogether": "yes: identical params and 199 method names",
    "cohere.AsyncClient": "mostly: same params (httpx_client typed httpx.AsyncClient); AsyncClient lacks embed_stream (cohere/client.py:228); *_stream are async generators (async for, no await)",
    "cohere.AsyncClientV2": "mostly: same as above",
    "google.genai.client.AsyncClient": "NO: not constructed; reached via Client(...).aio; close() -> aclose(); aio has live.* that sync Client lacks",
    "mistralai.client.Mistral": "n/a: same object; call <method>_async instead of <method>",
    "redis.asyncio.Redis": "mostly: same command names; close() -> aclose() (close deprecated); ctor differs: sync-only ssl_validate_ocsp*, ssl_ocsp_*, cache, cache_config, oss_cluster_maint_notifications_handler; async-only auto_close_connection_pool; sync-only get_cache()",
    "pymongo.AsyncMongoClient": "mostly: identical ctor (host, port, document_class, tz_aware, connect, type_registry, **kwargs); adds aconnect/aclose; find() not awaited but aggregate()/watch() are awaited",
    "motor.motor_asyncio.AsyncIOMotorClient": "NO: ctor is (*args, **kwargs) (+io_loop); `await client.start_session()`, sync close(), collection.aggregate() not awaited -- semantics differ from pymongo.AsyncMongoClient",
    "elasticsearch.AsyncElasticsearch": "yes: same params (transport_class default AsyncTransport) and all 628 method names",
    "aioboto3.Session": "NO: client()/resource() return async context managers (`async with`), not clients; no module-level aioboto3.client/resource",
    "qdrant_client.AsyncQdrantClient": "yes: identical params and 64 method names; upload_points/upload_collection are sync; migrate raises NotImplementedError",
    "chromadb.AsyncHttpClient": "NO: `async def` factory -> must `client = await chromadb.AsyncHttpClient(...)`; same params as HttpClient; AsyncClient has no close(); no async twin for Persistent/Ephemeral/Cloud/Client; sync Collection has attach_function/detach_function/get_attached_function, AsyncCollection does not",
    "pinecone.AsyncPinecone": "mostly: ctor lacks grpc_scheme and proxy_headers raises NotImplementedError; no Index() -- use `await pc.index(...)` (async def) or pc.IndexAsyncio(host=...)",
    "pinecone.AsyncIndex": "mostly: same method names; list/list_namespaces/list_imports are async generators",
    "weaviate.WeaviateAsyncClient": "mostly: identical ctor; use_async_with_* returns an UNCONNECTED client (needs `await client.connect()` or `async with`) whereas connect_to_* connects immediately; weaviate.use_async_with_wcs missing",
    "httpx.AsyncClient": "mostly: identical ctor; close() -> aclose(); stream() is async ctx manager",
    "niquests.AsyncSession": "yes: identical ctor; sync __enter__ raises",
    "aiohttp.ClientSession": "NO (vs requests.Session): completely different ctor/API",
    "psycopg.AsyncConnection": "mostly: `await psycopg.AsyncConnection.connect(...)` (no module-level async connect); cursor() not awaited",
    "mysql.connector.aio.MySQLConnection": "NO: `await mysql.connector.aio.connect(...)`, `await cnx.cursor()`; explicit ctor kwargs instead of **kwargs",
    "sqlalchemy.ext.asyncio.AsyncSession": "NO: no query() (legacy Query API), no bulk_* methods, no prepare(); adds run_sync/stream/stream_scalars; ctor is (bind, *, binds, sync_session_class, **kw)",
    "sqlalchemy.ext.asyncio.create_async_engine": "mostly: same (url, **kw) but needs an async driver URL (postgresql+asyncpg://, etc.)",
}

# ---------------------------------------------------------------------------
# 4. Timeouts for LLM SDK clients: class -> (constructor param, default as written in source).
#    The ctor default of Stainless clients is the sentinel `not_given`, resolved to DEFAULT_TIMEOUT
#    in _base_client (openai/_base_client.py:1017-1029: if not is_given(timeout): ... timeout = DEFAULT_TIMEOUT).
# ---------------------------------------------------------------------------
TIMEOUT_PARAMS: dict[str, tuple[str, str]] = {
    "openai.OpenAI": ("timeout", "httpx2.Timeout(timeout=600, connect=5.0)"),  # ctor openai/_client.py:298 `timeout: float | Timeout | None | NotGiven = not_given`; DEFAULT_TIMEOUT openai/_constants.py:7
    "openai.AsyncOpenAI": ("timeout", "httpx2.Timeout(timeout=600, connect=5.0)"),  # ctor openai/_client.py:825
    "openai.AzureOpenAI": ("timeout", "httpx2.Timeout(timeout=600, connect=5.0)"),  # openai/lib/azure.py:203 `= NOT_GIVEN`
    "openai.AsyncAzureOpenAI": ("timeout", "httpx2.Timeout(timeout=600, connect=5.0)"),  # openai/lib/azure.py:578 `= NOT_GIVEN`
    "openai.BedrockOpenAI": ("timeout", "httpx2.Timeout(timeout=600, connect=5.0)"),  # openai/lib/bedrock.py:437 `= NOT_GIVEN`
    "anthropic.Anthropic": ("timeout", "httpx2.Timeout(timeout=10 * 60, connect=5.0)"),  # ctor anthropic/_client.py:174 `= not_given`; DEFAULT_TIMEOUT anthropic/_constants.py:10
    "anthropic.AsyncAnthropic": ("timeout", "httpx2.Timeout(timeout=10 * 60, connect=5.0)"),  # ctor anthropic/_client.py:589. Non-streaming messages.create with large max_tokens computes its own timeout (anthropic/_base_client.py:864 _calculate_nonstreaming_timeout) when none given
    "anthropic.AnthropicBedrock": ("timeout", "httpx2.Timeout(timeout=10 * 60, connect=5.0)"),  # anthropic/lib/bedrock/_client.py:130
    "anthropic.AnthropicVertex": ("timeout", "httpx2.Timeout(timeout=10 * 60, connect=5.0)"),  # anthropic/lib/vertex/_client.py:67
    "groq.Groq": ("timeout", "httpx.Timeout(timeout=60, connect=5.0)"),  # ctor groq/_client.py:58 `= not_given`; DEFAULT_TIMEOUT groq/_constants.py:9
    "groq.AsyncGroq": ("timeout", "httpx.Timeout(timeout=60, connect=5.0)"),  # groq/_client.py:271
    "together.Together": ("timeout", "httpx.Timeout(timeout=60, connect=5.0)"),  # ctor together/_client.py:114 `= not_given`; DEFAULT_TIMEOUT together/_constants.py:9
    "together.AsyncTogether": ("timeout", "httpx.Timeout(timeout=60, connect=5.0)"),  # together/_client.py:454
    "cohere.Client": ("timeout", "None"),  # cohere/client.py:141 `timeout: typing.Optional[float] = None`; effective 300 s: cohere/base_client.py:136 `timeout if timeout is not None else 300 if httpx_client is None else None`
    "cohere.AsyncClient": ("timeout", "None"),  # cohere/client.py:390; AsyncBaseCohere same 300 s rule cohere/base_client.py:1710
    "cohere.ClientV2": ("timeout", "None"),  # cohere/client_v2.py:40
    "cohere.AsyncClientV2": ("timeout", "None"),  # cohere/client_v2.py:75
    "mistralai.client.Mistral": ("timeout_ms", "None"),  # mistralai/client/sdk.py:89 `timeout_ms: Optional[int] = None` (MILLISECONDS); each operation falls back to `timeout_ms = 300000` (e.g. mistralai/client/chat.py:208; 604 such sites)
    "google.genai.Client": ("http_options", "None"),  # NO `timeout` ctor param: google/genai/client.py:373 `http_options: Optional[Union[HttpOptions, HttpOptionsDict]] = None`; HttpOptions.timeout: Optional[int] = None, "Timeout for the request in milliseconds" (google/genai/types.py:3058); None -> no timeout (httpx client args get timeout=None, google/genai/_api_client.py:1714-1715)
}

PER_CALL_TIMEOUT: dict[str, str] = {
    "openai": "yes: `timeout: float | httpx2.Timeout | None | NotGiven = not_given` on every request method (e.g. openai/resources/chat/completions/completions.py:133); also client.with_options(timeout=...)",
    "anthropic": "yes: `timeout=` on every request method (anthropic/resources/messages/messages.py:149); with_options(timeout=...)",
    "groq": "yes: `timeout=` (groq/resources/chat/completions.py:114); with_options(timeout=...)",
    "together": "yes: `timeout=` (together/resources/chat/completions.py:87); with_options(timeout=...)",
    "cohere": "no `timeout` kwarg; use request_options={'timeout': float} (cohere/core/request_options.py:34; `timeout_in_seconds` deprecated alias :35)",
    "mistralai": "yes but named `timeout_ms` (ms) on every method, e.g. mistralai/client/chat.py:162",
    "google-genai": "no `timeout` kwarg; config=types.GenerateContentConfig(http_options=types.HttpOptions(timeout=ms)) (google/genai/types.py:6897)",
}

# ---------------------------------------------------------------------------
# 5. DB-API drivers / SQLAlchemy entry points (name -> facts).
# ---------------------------------------------------------------------------
DRIVERS: dict[str, dict[str, str]] = {
    "sqlite3.connect": {"kind": "sync def (builtin _sqlite3.connect)", "returns": "sqlite3.Connection", "where": "stdlib, Python 3.11.7"},
    "psycopg2.connect": {"kind": "sync def", "returns": "psycopg2.extensions.connection", "where": "psycopg2/__init__.py:80 (2.9.13)"},
    "psycopg.connect": {"kind": "sync classmethod alias", "returns": "psycopg.Connection", "where": "psycopg/__init__.py:41 `connect = Connection.connect`; psycopg/connection.py:81 (3.3.9)"},
    "psycopg.Connection.connect": {"kind": "sync classmethod", "returns": "psycopg.Connection", "where": "psycopg/connection.py:81"},
    "psycopg.AsyncConnection.connect": {"kind": "ASYNC classmethod (await)", "returns": "psycopg.AsyncConnection", "where": "psycopg/connection_async.py:85"},
    "pymysql.connect": {"kind": "the Connection CLASS itself (call constructs)", "returns": "pymysql.connections.Connection", "where": "pymysql/__init__.py:136 `Connect = connect = Connection = connections.Connection`; class pymysql/connections.py:94 (1.2.4)"},
    "mysql.connector.connect": {"kind": "sync def", "returns": "PooledMySQLConnection | MySQLConnectionAbstract (MySQLConnection or CMySQLConnection)", "where": "mysql/connector/pooling.py:202; exported mysql/connector/__init__.py:73 (26.10.0)"},
    "mysql.connector.aio.connect": {"kind": "ASYNC def (await)", "returns": "PooledMySQLConnection | MySQLConnectionAbstract (aio)", "where": "mysql/connector/aio/pooling.py:196"},
    "sqlalchemy.create_engine": {"kind": "sync def", "returns": "sqlalchemy.Engine", "where": "sqlalchemy/engine/create.py:93 (2.1.9)"},
    "sqlalchemy.orm.sessionmaker": {"kind": "class (factory)", "returns": "sqlalchemy.orm.Session", "where": "sqlalchemy/orm/session.py:5215"},
    "sqlalchemy.orm.Session": {"kind": "class", "returns": "-", "where": "sqlalchemy/orm/session.py:1554"},
    "sqlalchemy.ext.asyncio.create_async_engine": {"kind": "sync def (NOT awaited)", "returns": "sqlalchemy.ext.asyncio.AsyncEngine", "where": "sqlalchemy/ext/asyncio/engine.py:76"},
    "sqlalchemy.ext.asyncio.async_sessionmaker": {"kind": "class (factory)", "returns": "sqlalchemy.ext.asyncio.AsyncSession", "where": "sqlalchemy/ext/asyncio/session.py:1932"},
    "sqlalchemy.ext.asyncio.AsyncSession": {"kind": "class", "returns": "-", "where": "sqlalchemy/ext/asyncio/session.py:185"},
}

# ---------------------------------------------------------------------------
# 6. Factories: call expression -> type of the returned object.
# ---------------------------------------------------------------------------
FACTORIES: dict[str, str] = {
    "boto3.client": "botocore.client.BaseClient",  # boto3/__init__.py:87 -> _get_default_session().client(...); class generated per service, subclass of botocore/client.py:911
    "boto3.resource": "boto3.resources.base.ServiceResource",  # boto3/__init__.py:96; base class boto3/resources/base.py:69
    "boto3.Session().client": "botocore.client.BaseClient",  # boto3/session.py:233
    "boto3.session.Session().client": "botocore.client.BaseClient",  # same method
    "boto3.Session().resource": "boto3.resources.base.ServiceResource",  # boto3/session.py:341
    "aioboto3.Session().client": "aiobotocore.session.ClientCreatorContext",  # inherited boto3/session.py:233 -> async ctx mgr (verified type at runtime)
    "aioboto3.Session().resource": "aioboto3.session.ResourceCreatorContext",  # aioboto3/session.py:99 -> async ctx mgr
    "redis.from_url": "redis.Redis",  # redis/utils.py:52 -> Redis.from_url
    "redis.Redis.from_url": "redis.Redis",  # classmethod redis/client.py:174
    "redis.StrictRedis.from_url": "redis.Redis",  # same (StrictRedis is Redis)
    "redis.Redis.from_pool": "redis.Redis",  # classmethod redis/client.py:225
    "redis.asyncio.from_url": "redis.asyncio.Redis",  # redis/asyncio/utils.py:7 (plain def, NOT awaited)
    "redis.asyncio.Redis.from_url": "redis.asyncio.Redis",  # classmethod redis/asyncio/client.py:156 (plain def)
    "redis.asyncio.Redis.from_pool": "redis.asyncio.Redis",  # redis/asyncio/client.py:225
    "pinecone.Pinecone().Index": "pinecone.Index",  # pinecone/_client.py:1413 back-compat shim; always HTTP Index
    "pinecone.Pinecone().index": "pinecone.Index | pinecone.GrpcIndex",  # pinecone/_client.py:545 (grpc=True -> GrpcIndex)
    "pinecone.AsyncPinecone().index": "pinecone.AsyncIndex",  # ASYNC def pinecone/async_client/pinecone.py:1352 -> must await
    "pinecone.AsyncPinecone().IndexAsyncio": "pinecone.AsyncIndex",  # plain def pinecone/async_client/pinecone.py:1258
    "chromadb.Client": "chromadb.api.client.Client",  # chromadb/__init__.py:446 (annotated -> ClientAPI)
    "chromadb.HttpClient": "chromadb.api.client.Client",  # chromadb/__init__.py:260
    "chromadb.PersistentClient": "chromadb.api.client.Client",  # :199
    "chromadb.EphemeralClient": "chromadb.api.client.Client",  # :170
    "chromadb.CloudClient": "chromadb.api.client.Client",  # :373
    "chromadb.AsyncHttpClient": "chromadb.api.async_client.AsyncClient",  # ASYNC def :314 -> await AsyncClientCreator.create(...)
    "weaviate.connect_to_local": "weaviate.WeaviateClient",  # weaviate/connect/helpers.py:174 (connected)
    "weaviate.use_async_with_local": "weaviate.WeaviateAsyncClient",  # helpers.py:471 (NOT connected)
    "google.genai.Client().aio": "google.genai.client.AsyncClient",  # property google/genai/client.py:603
    "sqlalchemy.create_engine": "sqlalchemy.Engine",  # sqlalchemy/engine/create.py:93
    "sqlalchemy.ext.asyncio.create_async_engine": "sqlalchemy.ext.asyncio.AsyncEngine",  # engine.py:76
    "sqlalchemy.orm.sessionmaker()()": "sqlalchemy.orm.Session",
    "sqlalchemy.ext.asyncio.async_sessionmaker()()": "sqlalchemy.ext.asyncio.AsyncSession",
    "requests.session": "requests.Session",  # requests/sessions.py:908
    "urllib3.connection_from_url": "urllib3.HTTPConnectionPool",  # urllib3/connectionpool.py:1140 (https URL -> HTTPSConnectionPool)
    "psycopg.connect": "psycopg.Connection",
    "psycopg.AsyncConnection.connect": "psycopg.AsyncConnection",  # async
    "mysql.connector.aio.connect": "mysql.connector.aio.MySQLConnection",  # async
}

"""The rule registry: the single source of truth for codes, names and docs.

The CLI, the flake8 plugin, `async-lint rule` and the README table are all
generated from `REGISTRY`; so is `async_lint.catalog`, the metadata as data for
what must not load the rules.
"""

from async_lint.catalog import DOCS_URL, docs_url, severity
from async_lint.rules.asl000_cannot_parse import CannotParse
from async_lint.rules.asl101_blocking_sleep import BlockingSleep
from async_lint.rules.asl102_blocking_http_call import BlockingHttpCall
from async_lint.rules.asl103_sync_client_in_async import SyncClientInAsync
from async_lint.rules.asl104_sync_method_with_async_twin import SyncMethodWithAsyncTwin
from async_lint.rules.asl105_blocking_file_io import BlockingFileIo
from async_lint.rules.asl106_blocking_subprocess import BlockingSubprocess
from async_lint.rules.asl107_blocking_db_call import BlockingDbCall
from async_lint.rules.asl108_blocking_wait import BlockingWait
from async_lint.rules.asl110_transitive_blocking_call import TransitiveBlockingCall
from async_lint.rules.asl201_client_per_request import ClientPerRequest
from async_lint.rules.asl202_client_in_loop import ClientInLoop
from async_lint.rules.asl301_unbounded_fan_out import UnboundedFanOut
from async_lint.rules.asl302_dangling_task import DanglingTask
from async_lint.rules.asl303_unawaited_coroutine import UnawaitedCoroutine
from async_lint.rules.asl401_nested_event_loop import NestedEventLoop
from async_lint.rules.asl402_transitive_nested_event_loop import TransitiveNestedEventLoop
from async_lint.rules.asl403_get_event_loop_in_coroutine import GetEventLoopInCoroutine
from async_lint.rules.asl501_http_call_without_timeout import HttpCallWithoutTimeout
from async_lint.rules.asl502_timeout_disabled import TimeoutDisabled
from async_lint.rules.asl503_llm_client_default_timeout import LlmClientDefaultTimeout
from async_lint.rules.asl601_offload_with_async_twin import OffloadWithAsyncTwin
from async_lint.rules.asl602_thread_offload import ThreadOffload
from async_lint.rules.asl603_sync_only_override import SyncOnlyOverride
from async_lint.rules.base import Rule, Severity

_RULES: tuple[type[Rule], ...] = (
    CannotParse,
    BlockingSleep,
    BlockingHttpCall,
    SyncClientInAsync,
    SyncMethodWithAsyncTwin,
    BlockingFileIo,
    BlockingSubprocess,
    BlockingDbCall,
    BlockingWait,
    TransitiveBlockingCall,
    ClientPerRequest,
    ClientInLoop,
    UnboundedFanOut,
    DanglingTask,
    UnawaitedCoroutine,
    NestedEventLoop,
    TransitiveNestedEventLoop,
    GetEventLoopInCoroutine,
    HttpCallWithoutTimeout,
    TimeoutDisabled,
    LlmClientDefaultTimeout,
    OffloadWithAsyncTwin,
    ThreadOffload,
    SyncOnlyOverride,
)

REGISTRY: dict[str, type[Rule]] = {rule.code: rule for rule in _RULES}

__all__ = ["DOCS_URL", "REGISTRY", "Rule", "Severity", "docs_url", "severity"]

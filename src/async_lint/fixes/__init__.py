"""Fixes: rules describe them by node, the engine positions them, `apply` runs them safely."""

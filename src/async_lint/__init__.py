"""async-lint: finds async misuse in Python code and fixes what it safely can."""

__version__ = "0.1.0"

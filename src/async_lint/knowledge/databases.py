"""Synchronous database drivers: DB-API connections and SQLAlchemy's sync API (ASL107)."""

from async_lint.knowledge import BlockingCall

_INSTEAD = "an async driver (`asyncpg`, `aiosqlite`, `psycopg.AsyncConnection`)"
_CONNECT = BlockingCall("ASL107", _INSTEAD)
_QUERY = BlockingCall("ASL107", _INSTEAD)
_ORM = BlockingCall("ASL107", "`sqlalchemy.ext.asyncio` (`AsyncSession`, `create_async_engine`)")

# DB-API: connect, and the statements and transactions on connections and
# cursors (`cursor()` and `close()` do no round trip).
_CONNECTIONS = {
    "sqlite3.connect": "sqlite3.Connection",
    "psycopg2.connect": "psycopg2.extensions.connection",
    "psycopg.connect": "psycopg.Connection",
    "pymysql.connect": "pymysql.connections.Connection",
    "mysql.connector.connect": "mysql.connector.abstracts.MySQLConnectionAbstract",
}
_CURSORS = {
    "sqlite3.Connection": "sqlite3.Cursor",
    "psycopg2.extensions.connection": "psycopg2.extensions.cursor",
    "psycopg.Connection": "psycopg.Cursor",
    "pymysql.connections.Connection": "pymysql.cursors.Cursor",
    "mysql.connector.abstracts.MySQLConnectionAbstract":
        "mysql.connector.abstracts.MySQLCursorAbstract",
}  # fmt: skip
_TRANSACTION = ("commit", "rollback")
_STATEMENTS = ("execute", "executemany")
_FETCHES = ("fetchone", "fetchall", "fetchmany")
_CONNECTION_METHODS = {  # connections that also run statements themselves
    "sqlite3.Connection": (*_TRANSACTION, *_STATEMENTS, "executescript"),
    "psycopg.Connection": (*_TRANSACTION, "execute"),
}
_CURSOR_METHODS = {"sqlite3.Cursor": (*_STATEMENTS, "executescript", *_FETCHES)}

# SQLAlchemy's sync engine and ORM. The spec's lists, plus `rollback` and the
# Connection's other statement runners (`scalar`, `scalars`, `exec_driver_sql`).
_ENGINE_METHODS = ("connect", "begin")
_SA_CONNECTION_METHODS = ("execute", "commit", "rollback", "scalar", "scalars", "exec_driver_sql")
_SESSION_METHODS = ("execute", "scalars", "scalar", "get", "commit", "flush", "query", "refresh",
                    "rollback")  # fmt: skip

FUNCTIONS = {
    **dict.fromkeys(_CONNECTIONS, _CONNECT),
    "pymysql.connections.Connection": _CONNECT,  # `pymysql.connect` is this class
    "sqlalchemy.create_engine": _ORM,
}
METHODS = {
    **{(connection, method): _QUERY for connection in _CURSORS for method in _TRANSACTION},
    **{(connection, method): _QUERY for connection, methods in _CONNECTION_METHODS.items()
       for method in methods},
    **{(cursor, method): _QUERY for cursor in _CURSORS.values()
       for method in _CURSOR_METHODS.get(cursor, (*_STATEMENTS, *_FETCHES))},
    **{("sqlalchemy.Engine", method): _ORM for method in _ENGINE_METHODS},
    **{("sqlalchemy.Connection", method): _ORM for method in _SA_CONNECTION_METHODS},
    **{(session, method): _ORM
       for session in ("sqlalchemy.orm.Session", "sqlalchemy.orm.scoped_session")
       for method in _SESSION_METHODS},
    ("sqlmodel.Session", "exec"): _ORM,
}  # fmt: skip

CLASSES = frozenset({
    *_CURSORS, *_CURSORS.values(),
    "sqlalchemy.Engine", "sqlalchemy.Connection", "sqlalchemy.orm.Session",
    "sqlalchemy.orm.sessionmaker", "sqlalchemy.orm.scoped_session", "sqlmodel.Session",
})  # fmt: skip
FACTORIES = {**_CONNECTIONS, "sqlalchemy.create_engine": "sqlalchemy.Engine"}
MEMBERS = {
    **{(connection, "cursor"): cursor for connection, cursor in _CURSORS.items()},
    ("sqlite3.Connection", "execute"): "sqlite3.Cursor",
    ("sqlite3.Connection", "executemany"): "sqlite3.Cursor",
    ("psycopg.Connection", "execute"): "psycopg.Cursor",
    ("sqlalchemy.Engine", "connect"): "sqlalchemy.Connection",
    ("sqlalchemy.Engine", "begin"): "sqlalchemy.Connection",  # `with engine.begin() as conn`
    ("sqlalchemy.orm.sessionmaker", "__call__"): "sqlalchemy.orm.Session",
    ("sqlalchemy.orm.sessionmaker", "begin"): "sqlalchemy.orm.Session",
}
BASES = {
    "mysql.connector.MySQLConnection": ("mysql.connector.abstracts.MySQLConnectionAbstract",),
    "sqlmodel.Session": ("sqlalchemy.orm.Session",),
}
ALIASES = {
    "psycopg.Connection.connect": "psycopg.connect",
    "psycopg.connection.Connection": "psycopg.Connection",
    "psycopg.cursor.Cursor": "psycopg.Cursor",
    "pymysql.Connect": "pymysql.connect",
    "pymysql.Connection": "pymysql.connections.Connection",
    "mysql.connector.Connect": "mysql.connector.connect",
    "mysql.connector.pooling.connect": "mysql.connector.connect",
    "mysql.connector.connection.MySQLConnection": "mysql.connector.MySQLConnection",
    "sqlalchemy.engine.create_engine": "sqlalchemy.create_engine",
    "sqlalchemy.engine.create.create_engine": "sqlalchemy.create_engine",
    "sqlalchemy.engine.Engine": "sqlalchemy.Engine",
    "sqlalchemy.engine.base.Engine": "sqlalchemy.Engine",
    "sqlalchemy.engine.Connection": "sqlalchemy.Connection",
    "sqlalchemy.engine.base.Connection": "sqlalchemy.Connection",
    "sqlalchemy.orm.session.Session": "sqlalchemy.orm.Session",
    "sqlalchemy.orm.session.sessionmaker": "sqlalchemy.orm.sessionmaker",
    "sqlalchemy.orm.scoping.scoped_session": "sqlalchemy.orm.scoped_session",
    "sqlmodel.orm.session.Session": "sqlmodel.Session",
}

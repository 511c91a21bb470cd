from async_lint.rules._blocking import BlockingCallRule


class BlockingDbCall(BlockingCallRule):
    """
    ## What it does
    Reports synchronous database calls in async context: connecting with a
    DB-API driver (`sqlite3.connect`, `psycopg2.connect`, `psycopg.connect`,
    `pymysql.connect`, `mysql.connector.connect`), and
    `execute`/`executemany`/`executescript`/`fetchone`/`fetchall`/`fetchmany`/
    `commit`/`rollback` on the connections and cursors they return
    (`cursor()` and `close()` are not reported: they make no round trip);
    SQLAlchemy's sync API: `create_engine(...)`, `Engine.connect()` and
    `begin()`, `Connection.execute/commit` (and `rollback`, `scalar`,
    `scalars`, `exec_driver_sql`), and `Session.execute/scalars/scalar/get/
    commit/flush/query/refresh` (and `rollback`) on sessions made by
    `Session(...)`, a `sessionmaker` or `scoped_session`, or annotated as
    one (a FastAPI `db: Session = Depends(get_db)`). `Session.add` is not
    reported. SQLModel's `Session.exec` counts too.

    ## Why is this bad
    A query waits for the database, and a sync driver waits on the event
    loop's thread: every other request in the process stalls for the
    duration of the slowest query.

    ## Example
    ```python
    import sqlite3

    async def count_users(path: str) -> int:
        with sqlite3.connect(path) as db:
            return db.execute("select count(*) from users").fetchone()[0]
    ```

    ## Use instead
    ```python
    import aiosqlite

    async def count_users(path: str) -> int:
        async with aiosqlite.connect(path) as db:
            async with db.execute("select count(*) from users") as cursor:
                return (await cursor.fetchone())[0]
    ```

    ## Fix safety
    No automatic fix: moving to an async driver changes the connection API.
    """

    code = "ASL107"
    name = "blocking-db-call"
    summary = "sync database driver or SQLAlchemy sync call in async context"
    valid = (
        "import sqlite3\ndef f(p):\n    sqlite3.connect(p).execute('select 1')\n",
        "from sqlalchemy.orm import Session\nasync def f(s: Session, row):\n    s.add(row)\n",
        "from sqlalchemy.ext.asyncio import AsyncSession\nasync def f(s: AsyncSession):\n"
        "    await s.execute('q')\n",
        "async def f(db):\n    db.execute('select 1')\n",
    )
    invalid = (
        "import sqlite3\nasync def f(p):\n    conn = sqlite3.connect(p)\n",
        "import psycopg2\nconn = psycopg2.connect('dsn')\nasync def f():\n"
        "    with conn.cursor() as cur:\n        cur.execute('select 1')\n",
        "from sqlalchemy.orm import Session\nasync def f(db: Session):\n    db.commit()\n",
    )

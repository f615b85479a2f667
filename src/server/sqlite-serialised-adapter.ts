import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
} from "@prisma/driver-adapter-utils";

/**
 * The embedded database is one better-sqlite3 connection shared by every request. Prisma's adapter
 * keeps interactive transactions from overlapping each other, but not from overlapping plain
 * queries: a query from another request that arrives while a transaction awaits runs on the same
 * connection, inside that transaction. It would read the transaction's unfinished writes (and a
 * cache could keep them after a rollback), and a write of its own would be rolled back with it.
 *
 * This wrapper puts every plain query and every transaction, from BEGIN to COMMIT or ROLLBACK, in one
 * first-come-first-served queue. Queries are synchronous on this driver, so the queue costs no
 * parallelism; it only makes other requests wait for the short transactions to finish.
 *
 * Several server processes may share the database file (`WEB_CONCURRENCY`). The queue orders only
 * this process's work; across processes SQLite's own locks do it. Every transaction starts with
 * BEGIN IMMEDIATE, which takes the database's write lock at once (waiting up to the connection's
 * busy timeout while another process holds it) rather than at its first write: a transaction that
 * read first and then had to upgrade its lock could fail with SQLITE_BUSY, whatever the timeout,
 * when another process committed in between. In write-ahead-log mode readers never wait for the
 * writer and see only committed data.
 */
export class SerialisedSqliteAdapterFactory implements SqlDriverAdapterFactory {
  readonly provider;
  readonly adapterName;

  constructor(private readonly inner: SqlDriverAdapterFactory) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return new SerialisedSqliteAdapter(await this.inner.connect());
  }
}

/** A first-come-first-served lock: `acquire` resolves with the function that releases it. */
export class ConnectionQueue {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const turn = this.tail.then(() => release);
    this.tail = this.tail.then(() => released);
    return turn;
  }
}

class SerialisedSqliteAdapter implements SqlDriverAdapter {
  readonly provider;
  readonly adapterName;
  readonly getConnectionInfo?: SqlDriverAdapter["getConnectionInfo"];
  private readonly queue = new ConnectionQueue();

  constructor(private readonly inner: SqlDriverAdapter) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
    // Only where the driver offers it: Prisma reads its absence as "use the defaults".
    if (inner.getConnectionInfo) this.getConnectionInfo = () => inner.getConnectionInfo!();
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.inTurn(() => this.inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.inTurn(() => this.inner.executeRaw(query));
  }

  executeScript(script: string): Promise<void> {
    return this.inTurn(() => this.inner.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") {
      // SQLite's transactions are serialisable; what the driver says about any other level.
      return this.inner.startTransaction(isolationLevel);
    }
    const release = await this.queue.acquire();
    try {
      await this.inner.executeRaw(statement("BEGIN IMMEDIATE"));
    } catch (error) {
      release();
      throw error;
    }
    // Prisma sends COMMIT or ROLLBACK itself as a statement (usePhantomQuery: false), then calls
    // commit() or rollback() to hand the connection back.
    let released = false;
    const finish = () => {
      if (!released) {
        released = true;
        release();
      }
      return Promise.resolve();
    };
    const inner = this.inner;
    return {
      provider: inner.provider,
      adapterName: inner.adapterName,
      options: { usePhantomQuery: false },
      queryRaw: (query) => inner.queryRaw(query),
      executeRaw: (query) => inner.executeRaw(query),
      commit: finish,
      rollback: finish,
      createSavepoint: async (name) => void (await inner.executeRaw(statement(`SAVEPOINT ${name}`))),
      rollbackToSavepoint: async (name) => void (await inner.executeRaw(statement(`ROLLBACK TO ${name}`))),
      releaseSavepoint: async (name) => void (await inner.executeRaw(statement(`RELEASE SAVEPOINT ${name}`))),
    };
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }

  private async inTurn<T>(run: () => Promise<T>): Promise<T> {
    const release = await this.queue.acquire();
    try {
      return await run();
    } finally {
      release();
    }
  }
}

function statement(sql: string): SqlQuery {
  return { sql, args: [], argTypes: [] };
}

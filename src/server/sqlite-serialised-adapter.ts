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
    const release = await this.queue.acquire();
    let transaction: Transaction;
    try {
      transaction = await this.inner.startTransaction(isolationLevel);
    } catch (error) {
      release();
      throw error;
    }
    const finish = async (end: () => Promise<void>) => {
      try {
        await end();
      } finally {
        release();
      }
    };
    return {
      provider: transaction.provider,
      adapterName: transaction.adapterName,
      options: transaction.options,
      queryRaw: (query) => transaction.queryRaw(query),
      executeRaw: (query) => transaction.executeRaw(query),
      commit: () => finish(() => transaction.commit()),
      rollback: () => finish(() => transaction.rollback()),
      createSavepoint: transaction.createSavepoint?.bind(transaction),
      rollbackToSavepoint: transaction.rollbackToSavepoint?.bind(transaction),
      releaseSavepoint: transaction.releaseSavepoint?.bind(transaction),
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

import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  PostgresDialect,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/**
 * Marks a statement without parameters whose rows nobody reads (the request context's set-up): when it
 * opens a transaction, it travels with the transaction's `begin` in one message.
 */
export const WITH_BEGIN = '/* with begin */ ';

/**
 * PostgreSQL dialect whose transactions send their `begin` with their first statement when it is marked
 * WITH_BEGIN (issue 15).
 *
 * Every request is a transaction whose first statement sets its signed context; over the network each
 * statement is a round trip (about 190 µs on loopback, as much as a one-row read). `begin` and that
 * statement travel as one simple-protocol message, and PostgreSQL keeps the transaction block open after
 * it. Any other first statement is preceded by its own `begin`, and a transaction that ends before running
 * anything sends nothing. PGlite is in-process and keeps the stock dialect.
 */
export class DeferredBeginPostgresDialect extends PostgresDialect {
  override createDriver(): Driver {
    return new DeferredBeginDriver(super.createDriver());
  }
}

class DeferredBeginConnection implements DatabaseConnection {
  /** A `begin` owed to the server, sent with the next statement. */
  pending = false;

  constructor(readonly inner: DatabaseConnection) {
    // Cancellation of a running statement (abort signals) stays the inner connection's.
    if (inner.cancelQuery) this.cancelQuery = inner.cancelQuery.bind(inner);
    if (inner.killSession) this.killSession = inner.killSession.bind(inner);
    if (inner.collectSessionInfo) this.collectSessionInfo = inner.collectSessionInfo.bind(inner);
  }

  cancelQuery?: DatabaseConnection['cancelQuery'];
  killSession?: DatabaseConnection['killSession'];
  collectSessionInfo?: DatabaseConnection['collectSessionInfo'];

  /** Sends the owed `begin` on its own (before a statement with parameters, a savepoint, a stream). */
  async flush(): Promise<void> {
    if (!this.pending) return;
    this.pending = false;
    await this.inner.executeQuery(CompiledQuery.raw('begin'));
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.pending && query.parameters.length === 0 && query.sql.startsWith(WITH_BEGIN)) {
      this.pending = false;
      // A multi-statement message answers with one result per statement, which the inner connection
      // cannot read: hence only for statements whose rows nobody reads.
      await this.inner.executeQuery(CompiledQuery.raw(`begin;\n${query.sql}`));
      return { rows: [] };
    }
    await this.flush();
    return this.inner.executeQuery<R>(query);
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize: number): AsyncIterableIterator<QueryResult<R>> {
    await this.flush();
    yield* this.inner.streamQuery<R>(query, chunkSize);
  }
}

type Compile = QueryCompiler['compileQuery'];

class DeferredBeginDriver implements Driver {
  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new DeferredBeginConnection(await this.inner.acquireConnection());
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const c = connection as DeferredBeginConnection;
    if (settings.isolationLevel || settings.accessMode) return this.inner.beginTransaction(c.inner, settings);
    c.pending = true;
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.end(connection, (inner) => this.inner.commitTransaction(inner));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.end(connection, (inner) => this.inner.rollbackTransaction(inner));
  }

  /** Ends a transaction: nothing to send when its begin never was. */
  private async end(connection: DatabaseConnection, send: (inner: DatabaseConnection) => Promise<void>) {
    const c = connection as DeferredBeginConnection;
    if (c.pending) {
      c.pending = false;
      return;
    }
    await send(c.inner);
  }

  savepoint(connection: DatabaseConnection, name: string, compile: Compile) {
    return this.inBlock(connection, (inner) => this.inner.savepoint?.(inner, name, compile));
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: Compile) {
    return this.inBlock(connection, (inner) => this.inner.rollbackToSavepoint?.(inner, name, compile));
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compile: Compile) {
    return this.inBlock(connection, (inner) => this.inner.releaseSavepoint?.(inner, name, compile));
  }

  /** A savepoint needs the block open: the owed begin goes first. */
  private async inBlock(
    connection: DatabaseConnection,
    send: (inner: DatabaseConnection) => Promise<void> | undefined,
  ) {
    const c = connection as DeferredBeginConnection;
    await c.flush();
    await send(c.inner);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const c = connection as DeferredBeginConnection;
    // Never hand the next caller a connection that owes a begin: its first statement would open a block.
    c.pending = false;
    await this.inner.releaseConnection(c.inner);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

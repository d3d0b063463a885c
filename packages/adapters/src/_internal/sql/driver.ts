/**
 * The minimal query interface both SQL stores speak through. PGlite and
 * node-postgres each implement it in a few lines; everything else (schema,
 * migrations, transactions, retries, the LedgerTx) is shared, so both stores
 * run the same SQL.
 */

/** A row as returned: column name to value (the shared SQL casts to text where types differ between drivers). */
export type SqlRow = Record<string, unknown>;

/** One connection held for the duration of a unit of work. */
export interface SqlSession {
  /** One statement with `$1`-style parameters. */
  query(text: string, params?: readonly unknown[]): Promise<readonly SqlRow[]>;
  /** Several `;`-separated statements without parameters (one round trip). */
  script(text: string): Promise<void>;
}

/** A source of sessions: a pool of connections, or one embedded database used by one unit of work at a time. */
export interface SqlDriver {
  /**
   * Runs `work` on one session. When `work` fails with a broken connection
   * the driver discards that connection instead of reusing it.
   */
  withSession<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  /** Releases what the driver owns (pool, embedded database). */
  close(): Promise<void>;
}

/** The parts of a database error both drivers report (pg-protocol's `DatabaseError`). */
export interface DatabaseErrorLike {
  readonly code: string;
  readonly message: string;
  readonly constraint?: string;
  readonly detail?: string;
  readonly table?: string;
}

/** True for an error the server sent (it has a five-character SQLSTATE); false for a broken connection and the like. */
export function isDatabaseError(error: unknown): error is DatabaseErrorLike {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' && /^[0-9A-Z]{5}$/.test((error as { code: string }).code);
}

/**
 * SQLSTATEs after which running the whole unit of work again is safe and may
 * succeed: serialization failure, deadlock, lock wait timeout, and a read on a
 * replica cancelled by recovery.
 */
export const retryableSqlStates: ReadonlySet<string> = new Set(['40001', '40P01', '55P03']);

/** True when the error is one a retry may cure. */
export function isRetryable(error: unknown): boolean {
  return isDatabaseError(error) && retryableSqlStates.has(error.code);
}

/** The connection to the database broke (refused, reset, closed); `cause` is the driver's error. */
export class ConnectionLostError extends Error {
  constructor(cause: unknown) {
    super(`database connection lost: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'ConnectionLostError';
  }
}

/** True for errors that mean the connection itself is gone: a driver's ConnectionLostError, or the server's 08xxx / 57Pxx (e.g. a terminated backend). */
export function isConnectionLoss(error: unknown): boolean {
  if (error instanceof ConnectionLostError) return true;
  return isDatabaseError(error) && (error.code.startsWith('08') || error.code.startsWith('57P'));
}

/** Lets one unit of work at a time through (the embedded database has one connection). */
export function createMutex(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const result = tail.then(work);
    tail = result.catch(() => undefined);
    return result;
  };
}

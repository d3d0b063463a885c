import { KronosError, type LedgerStore, type LedgerTx, type TransactOptions } from '@kronos/core-ledger';
import { isConnectionLoss, isDatabaseError, isRetryable, type SqlDriver, type SqlSession } from './driver.js';
import { checkSchema, migrate, quoteSchema, type MigrateOptions, type MigrationReport } from './migrate.js';
import { createSqlTx } from './sql-tx.js';

/** Options every SQL store accepts. */
export interface SqlStoreOptions {
  /** The Postgres schema holding the ledger's tables (default `kronos`). */
  readonly schema?: string;
  /**
   * Apply pending migrations when the store opens (default false: opening a
   * store on an old schema fails with `SCHEMA_OUTDATED` until `migrate()` runs).
   */
  readonly migrate?: boolean;
  /** Times a unit of work is run again after a serialization failure, deadlock or lock timeout (default 5). */
  readonly retriesMax?: number;
  /** How long a write waits for the ledger's write lock before that attempt fails and is retried (default 10,000 ms). */
  readonly lockTimeoutMs?: number;
  /** Pause before retry number `attempt` (1, 2, ...); default 10 ms doubling, at most 500 ms. */
  readonly retryDelayMs?: (attempt: number) => number;
}

/** A LedgerStore on PostgreSQL (embedded or server) that can be migrated and closed. */
export interface SqlLedgerStore extends LedgerStore {
  /** The schema the store reads and writes. */
  readonly schema: string;
  /** Brings the schema up to date; safe to run again and from several processes. */
  migrate(options?: MigrateOptions): Promise<MigrationReport>;
  /** Releases the connections (or the embedded database) the store owns. */
  close(): Promise<void>;
}

/** Upper bound on `retriesMax`, so a misconfiguration cannot loop for ever. */
export const retriesMaxLimit = 50;
const defaultSchema = 'kronos';

/**
 * Opens a store over a driver: checks (or, with `migrate: true`, applies) the
 * schema, then serves units of work. The shared core of the PGlite and
 * Postgres stores.
 */
export async function openSqlStore(driver: SqlDriver, options: SqlStoreOptions, migrateHint: string): Promise<SqlLedgerStore> {
  const schema = options.schema ?? defaultSchema;
  const quoted = quoteSchema(schema);
  const retriesMax = options.retriesMax ?? 5;
  const lockTimeoutMs = options.lockTimeoutMs ?? 10_000;
  if (!Number.isInteger(retriesMax) || retriesMax < 0 || retriesMax > retriesMaxLimit) {
    throw new KronosError('INVALID_INPUT', `retriesMax must be an integer from 0 to ${retriesMaxLimit}.`, { retriesMax });
  }
  if (!Number.isInteger(lockTimeoutMs) || lockTimeoutMs < 1) throw new KronosError('INVALID_INPUT', 'lockTimeoutMs must be a positive integer.', { lockTimeoutMs });
  const delayMs = options.retryDelayMs ?? ((attempt: number) => Math.min(500, 10 * 2 ** (attempt - 1)));
  try {
    if (options.migrate === true) await migrate(driver, schema);
    await checkSchema(driver, schema, migrateHint);
  } catch (error) {
    if (!isConnectionLoss(error)) throw error;
    throw new KronosError('STORE_UNAVAILABLE', `Could not reach the database to open the ledger store (${(error as Error).message}): check the connection string and that the server is running, then open the store again.`, { schema }, { cause: error });
  }
  const begin = {
    read: 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    // Writers queue on one lock taken before their first read, so every write sees every
    // earlier commit: the hash-chained audit log orders all writes anyway. Readers never wait.
    write: `BEGIN ISOLATION LEVEL READ COMMITTED; SET LOCAL lock_timeout = ${lockTimeoutMs}; LOCK TABLE ${quoted}.write_lock IN EXCLUSIVE MODE`,
  };

  async function transact<T>(work: (tx: LedgerTx) => Promise<T>, transactOptions?: TransactOptions): Promise<T> {
    const readOnly = transactOptions?.readOnly === true;
    const attemptsMax = retriesMax + 1;
    for (let attempt = 1; attempt <= attemptsMax; attempt++) {
      let phase: 'work' | 'commit' = 'work';
      try {
        return await driver.withSession(async (session) => {
          const result = await runOrRollBack(session, async () => {
            await session.script(readOnly ? begin.read : begin.write);
            return work(createSqlTx(session, quoted));
          });
          phase = 'commit';
          await session.query('COMMIT');
          return result;
        });
      } catch (error) {
        if (isRetryable(error) && attempt < attemptsMax) {
          await sleep(delayMs(attempt));
          continue;
        }
        throw translateError(error, { attempts: attempt, phase, schema });
      }
    }
    throw new Error('transact: unreachable, every attempt returns or throws');
  }

  return {
    schema,
    transact,
    migrate: (migrateOptions) => migrate(driver, schema, migrateOptions),
    close: () => driver.close(),
  };
}

async function runOrRollBack<T>(session: SqlSession, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await session.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** Turns what the database said into a KronosError that says what to do; other errors pass through. */
function translateError(error: unknown, context: { attempts: number; phase: 'work' | 'commit'; schema: string }): unknown {
  if (error instanceof KronosError) return error;
  if (isConnectionLoss(error)) {
    const outcome = context.phase === 'commit'
      ? 'it was lost while committing, so the write may or may not have been kept: resend the same request (writes are idempotent on their id) to find out'
      : 'the server rolled the unfinished transaction back, so nothing of it was kept: retry the call';
    return new KronosError('STORE_UNAVAILABLE', `The connection to the database was lost during a unit of work; ${outcome}.`, { phase: context.phase, cause: String((error as Error).message) }, { cause: error });
  }
  if (!isDatabaseError(error)) return error;
  const details = { sqlState: error.code, constraint: error.constraint ?? null, schema: context.schema, attempts: context.attempts };
  if (isRetryable(error)) {
    return new KronosError('STORE_CONFLICT', `The database kept refusing this unit of work (${error.code}: ${error.message}) after ${context.attempts} attempts; nothing was written. Other writers held the ledger: retry later, or raise retriesMax or lockTimeoutMs.`, details, { cause: error });
  }
  if (error.constraint === 'entry_balanced') {
    return new KronosError('UNBALANCED_ENTRY', `The database refused to commit: ${error.message}. Nothing was written; the entry was built unbalanced, which the ledger's own checks should have caught: report it with the entry.`, details, { cause: error });
  }
  return new KronosError('STORE_FAILURE', `The database refused the unit of work (${error.code}${error.constraint === undefined ? '' : `, constraint ${error.constraint}`}: ${error.message}); nothing was written. Check that the schema is migrated and that nothing else writes to it.`, details, { cause: error });
}

import pg from 'pg';
import { ConnectionLostError, isConnectionLoss, isDatabaseError, type SqlDriver, type SqlSession } from '../_internal/sql/driver.js';
import { migrate, type MigrateOptions, type MigrationReport } from '../_internal/sql/migrate.js';
import { openSqlStore, type SqlLedgerStore, type SqlStoreOptions } from '../_internal/sql/sql-store.js';

export type { SqlLedgerStore, SqlStoreOptions } from '../_internal/sql/sql-store.js';
export type { MigrateOptions, MigrationReport } from '../_internal/sql/migrate.js';
export { schemaVersion } from '../_internal/sql/schema.js';

/** How a Postgres store connects: a connection string (the store owns its pool) or your pool. */
export interface PostgresConnection {
  /** `postgres://user@host:5432/db`; the store creates and closes its own pool. */
  readonly connectionString?: string;
  /** A pool you own and close; the store only borrows connections from it. */
  readonly pool?: pg.Pool;
  /** Size of the store's own pool (default 10). */
  readonly poolSize?: number;
}

/** Options of `createPostgresStore`. */
export interface PostgresStoreOptions extends SqlStoreOptions, PostgresConnection {}

/** A ledger store on a PostgreSQL server. */
export interface PostgresStore extends SqlLedgerStore {
  /** The pool the store borrows connections from. */
  readonly pool: pg.Pool;
}

const ignore = (): void => undefined;

/**
 * The driver over a node-postgres pool. A connection that broke during a
 * unit of work (network, server restart, a terminated backend) is destroyed
 * rather than returned to the pool.
 */
function createPgDriver(pool: pg.Pool, owned: boolean): SqlDriver {
  // An idle connection that the server drops must not crash the process; the next checkout reconnects.
  if (owned) pool.on('error', ignore);
  return {
    async withSession(work) {
      const client = await pool.connect().catch((error: unknown) => {
        throw new ConnectionLostError(error);
      });
      let broken = false;
      const noteBroken = (error: unknown): never => {
        if (isDatabaseError(error)) {
          if (isConnectionLoss(error)) broken = true;
          throw error;
        }
        broken = true;
        throw new ConnectionLostError(error);
      };
      client.on('error', ignore);
      const session: SqlSession = {
        query: async (text, params) => (await client.query(text, params === undefined ? undefined : [...params]).catch(noteBroken)).rows as Record<string, unknown>[],
        script: async (text) => {
          await client.query(text).catch(noteBroken);
        },
      };
      try {
        return await work(session);
      } finally {
        client.off('error', ignore);
        client.release(broken);
      }
    },
    close: async () => {
      if (owned) await pool.end();
    },
  };
}

function openPool(connection: PostgresConnection): { pool: pg.Pool; owned: boolean } {
  if (connection.pool !== undefined) return { pool: connection.pool, owned: false };
  return { pool: new pg.Pool({ connectionString: connection.connectionString, max: connection.poolSize ?? 10 }), owned: true };
}

/**
 * Opens a ledger store on a PostgreSQL server (node-postgres). Many
 * processes may share one database: writes queue on one row lock and are
 * retried on serialization failures and lock timeouts; reads never wait.
 * The schema must be migrated first (`migratePostgres`), or pass
 * `migrate: true`; an old schema is refused with `SCHEMA_OUTDATED`.
 *
 * @example
 * ```ts
 * import { createLedger } from '@kronos/core-ledger';
 * import { createPostgresStore, migratePostgres } from '@kronos/adapters/postgres';
 * const connectionString = process.env['KRONOS_POSTGRES_URL'];
 * if (connectionString !== undefined) {
 *   const schema = `kronos_example_${Date.now()}`;
 *   await migratePostgres({ connectionString, schema });
 *   const store = await createPostgresStore({ connectionString, schema });
 *   const ledger = createLedger({ store });
 *   (await ledger.trialBalance()).balanced; //=> true
 *   await store.pool.query(`DROP SCHEMA ${schema} CASCADE`);
 *   await store.close();
 * }
 * ```
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const { pool, owned } = openPool(options);
  const driver = createPgDriver(pool, owned);
  try {
    const store = await openSqlStore(driver, options, 'migratePostgres({ connectionString }) from @kronos/adapters/postgres');
    return { ...store, pool };
  } catch (error) {
    await driver.close();
    throw error;
  }
}

/**
 * Creates or upgrades the ledger schema on a Postgres server, all pending
 * migrations in one transaction. Concurrent runs wait for each other; running
 * it again does nothing. Run it at deploy, before the new code serves.
 *
 * @example
 * ```ts
 * import { createPostgresStore, migratePostgres } from '@kronos/adapters/postgres';
 * const connectionString = process.env['KRONOS_POSTGRES_URL'];
 * if (connectionString !== undefined) {
 *   const schema = `kronos_example_${Date.now()}`;
 *   (await migratePostgres({ connectionString, schema })).applied.map((step) => step.version); //=> [1, 2, 3, 4]
 *   (await migratePostgres({ connectionString, schema })).applied; //=> []
 *   const store = await createPostgresStore({ connectionString, schema });
 *   await store.pool.query(`DROP SCHEMA ${schema} CASCADE`);
 *   await store.close();
 * }
 * ```
 */
export async function migratePostgres(options: PostgresConnection & { readonly schema?: string } & MigrateOptions): Promise<MigrationReport> {
  const { pool, owned } = openPool({ ...options, poolSize: 1 });
  const driver = createPgDriver(pool, owned);
  try {
    return await migrate(driver, options.schema ?? 'kronos', options.targetVersion === undefined ? {} : { targetVersion: options.targetVersion });
  } finally {
    await driver.close();
  }
}

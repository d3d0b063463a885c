import { PGlite } from '@electric-sql/pglite';
import { createPgliteDriver } from './driver.js';
import { migrate, type MigrateOptions, type MigrationReport } from '../_internal/sql/migrate.js';
import { openSqlStore, type SqlLedgerStore, type SqlStoreOptions } from '../_internal/sql/sql-store.js';

export type { SqlLedgerStore, SqlStoreOptions } from '../_internal/sql/sql-store.js';
export type { MigrateOptions, MigrationReport } from '../_internal/sql/migrate.js';
export { schemaVersion } from '../_internal/sql/schema.js';

/** Where a PGlite store keeps its data. */
export interface PgliteStoreOptions extends SqlStoreOptions {
  /**
   * A folder to persist to (created if missing), e.g. `'./.kronos-data'`.
   * Leave it out (and `db`) for an in-memory database that is gone on exit.
   */
  readonly dataDir?: string;
  /** An open PGlite to use instead; the store then leaves closing it to you. */
  readonly db?: PGlite;
}

/** A ledger store on embedded PGlite. */
export interface PgliteStore extends SqlLedgerStore {
  /** The embedded database (for backups with `dumpDataDir`, or your own read-only queries between units of work). */
  readonly db: PGlite;
}

async function openDatabase(options: PgliteStoreOptions): Promise<{ db: PGlite; owned: boolean }> {
  if (options.db !== undefined) return { db: options.db, owned: false };
  return { db: options.dataDir === undefined ? await PGlite.create() : await PGlite.create(options.dataDir), owned: true };
}

/**
 * Opens a ledger store on embedded Postgres (PGlite): in memory, or persisted
 * to a folder. The default store for apps and demos: no server to run. Pass
 * `migrate: true` to create or upgrade the schema on open (an embedded
 * database has no separate deploy step); otherwise an old schema is refused
 * with `SCHEMA_OUTDATED` until `migratePglite` runs.
 *
 * @example
 * ```ts
 * import { createLedger } from '@kronos/core-ledger';
 * import { createPgliteStore } from '@kronos/adapters/pglite';
 * // In memory here; createPgliteStore({ dataDir: './.kronos-data', migrate: true }) keeps the books in that folder.
 * const store = await createPgliteStore({ migrate: true });
 * const ledger = createLedger({ store });
 * (await ledger.trialBalance()).balanced; //=> true
 * await store.close();
 * ```
 */
export async function createPgliteStore(options: PgliteStoreOptions = {}): Promise<PgliteStore> {
  const { db, owned } = await openDatabase(options);
  const driver = createPgliteDriver(db, owned);
  try {
    const store = await openSqlStore(driver, options, 'migratePglite({ dataDir }) from @kronos/adapters/pglite (or open with { migrate: true })');
    return { ...store, db };
  } catch (error) {
    await driver.close();
    throw error;
  }
}

/**
 * Creates or upgrades the ledger schema in a PGlite database (all pending
 * migrations in one transaction). Safe to run again.
 *
 * @example
 * ```ts
 * import { migratePglite, schemaVersion } from '@kronos/adapters/pglite';
 * // An in-memory database here; pass { dataDir } (or { db }) to migrate a real one.
 * const report = await migratePglite();
 * [report.from, report.to === schemaVersion]; //=> [0, true]
 * ```
 */
export async function migratePglite(options: Pick<PgliteStoreOptions, 'dataDir' | 'db' | 'schema'> & MigrateOptions = {}): Promise<MigrationReport> {
  const { db, owned } = await openDatabase(options);
  const driver = createPgliteDriver(db, owned);
  try {
    return await migrate(driver, options.schema ?? 'kronos', options.targetVersion === undefined ? {} : { targetVersion: options.targetVersion });
  } finally {
    await driver.close();
  }
}

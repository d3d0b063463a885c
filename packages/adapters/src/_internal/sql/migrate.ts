import { KronosError } from '@kronos/core-ledger';
import type { SqlDriver, SqlSession } from './driver.js';
import { migrations, schemaVersion } from './schema.js';

const schemaNamePattern = /^[a-z_][a-z0-9_]{0,62}$/;

/** Checks a schema name and returns it quoted for SQL. */
export function quoteSchema(schema: string): string {
  if (!schemaNamePattern.test(schema)) {
    throw new KronosError('INVALID_INPUT', `Schema name '${schema}' is not allowed: use lower-case letters, digits and underscores, starting with a letter (at most 63).`, { schema });
  }
  return `"${schema}"`;
}

/** What `migrate` did. */
export interface MigrationReport {
  readonly schema: string;
  /** Version before and after. */
  readonly from: number;
  readonly to: number;
  /** The migrations applied, oldest first. */
  readonly applied: readonly { readonly version: number; readonly name: string }[];
}

/** Options of `migrate`. */
export interface MigrateOptions {
  /** Stop at this version (default: the latest). Tests use it to build an old schema. */
  readonly targetVersion?: number;
}

/** The version a schema is at: 0 when it has no ledger tables yet. */
export async function readSchemaVersion(session: SqlSession, schema: string): Promise<number> {
  const quoted = quoteSchema(schema);
  const [exists] = await session.query('SELECT to_regclass($1) IS NOT NULL AS present', [`${quoted}.schema_migrations`]);
  if (exists?.['present'] !== true) return 0;
  const [row] = await session.query(`SELECT coalesce(max(version), 0)::int AS version FROM ${quoted}.schema_migrations`);
  return Number(row?.['version'] ?? 0);
}

/**
 * Brings a schema up to date, in one transaction (DDL is transactional in
 * Postgres): either every pending migration is applied or none. Concurrent
 * callers wait for each other on an advisory lock, so running it from several
 * processes at deploy time is safe. Running it again does nothing.
 */
export async function migrate(driver: SqlDriver, schema: string, options: MigrateOptions = {}): Promise<MigrationReport> {
  const quoted = quoteSchema(schema);
  const target = options.targetVersion ?? schemaVersion;
  if (!Number.isInteger(target) || target < 0 || target > schemaVersion) {
    throw new KronosError('INVALID_INPUT', `targetVersion must be an integer from 0 to ${schemaVersion}.`, { targetVersion: target });
  }
  return driver.withSession(async (session) => {
    await session.query('BEGIN');
    try {
      await session.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`kronos.migrate.${schema}`]);
      await session.script(`CREATE SCHEMA IF NOT EXISTS ${quoted};
        CREATE TABLE IF NOT EXISTS ${quoted}.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      const from = await readSchemaVersion(session, schema);
      const applied: { version: number; name: string }[] = [];
      for (const migration of migrations) {
        if (migration.version <= from || migration.version > target) continue;
        await session.script(migration.up(quoted));
        await session.query(`INSERT INTO ${quoted}.schema_migrations (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
        applied.push({ version: migration.version, name: migration.name });
      }
      await session.query('COMMIT');
      return { schema, from, to: Math.max(from, target), applied };
    } catch (error) {
      await session.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });
}

/**
 * Refuses to open a store on a schema of another version, saying how to fix it.
 * `migrateHint` names the call that migrates for this kind of store.
 */
export async function checkSchema(driver: SqlDriver, schema: string, migrateHint: string): Promise<void> {
  const version = await driver.withSession((session) => readSchemaVersion(session, schema));
  if (version === schemaVersion) return;
  const details = { schema, version, required: schemaVersion };
  if (version < schemaVersion) {
    const state = version === 0 ? 'has no ledger tables yet' : `is at version ${version}`;
    throw new KronosError('SCHEMA_OUTDATED', `The ledger schema '${schema}' ${state}; this version of @kronos/adapters needs version ${schemaVersion}. Run ${migrateHint} once (e.g. at deploy), then open the store again.`, details);
  }
  throw new KronosError('SCHEMA_TOO_NEW', `The ledger schema '${schema}' is at version ${version}, newer than the ${schemaVersion} this version of @kronos/adapters knows: upgrade @kronos/adapters.`, details);
}

/**
 * Shared set-up of the SQL store tests (not part of the package's API): one
 * embedded PGlite per test file with a fresh schema per store, and the
 * Postgres server from KRONOS_POSTGRES_URL with a fresh schema per store,
 * dropped when the file ends.
 */
import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createPgliteStore, type PgliteStore } from '../../pglite/index.js';
import { createPostgresStore, type PostgresStore, type PostgresStoreOptions } from '../../postgres/index.js';

/** Where the Postgres tests run, or why they do not. */
export type PostgresTarget = { readonly url: string; readonly skipReason?: undefined } | { readonly url?: undefined; readonly skipReason: string };

/**
 * KRONOS_POSTGRES_URL, or the reason the Postgres tests are skipped. Under
 * KRONOS_REQUIRE_SERVICES=1 a missing URL throws, failing the file.
 */
export function postgresTarget(): PostgresTarget {
  const url = process.env['KRONOS_POSTGRES_URL'];
  if (url !== undefined && url !== '') return { url };
  if (process.env['KRONOS_REQUIRE_SERVICES'] === '1') throw new Error('KRONOS_REQUIRE_SERVICES=1 but KRONOS_POSTGRES_URL is not set: the Postgres store tests must run.');
  return { skipReason: 'skipped: KRONOS_POSTGRES_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test)' };
}

/** A schema name no other test file uses. */
export function testSchemaName(): string {
  return `kronos_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

/**
 * Fresh, migrated PGlite stores, each in a schema of its own, on two embedded
 * databases per file (a new database costs seconds to start). Consecutive
 * stores alternate between the two, so a unit of work on one store may use
 * the next store created (the contract's replay property does).
 */
export function createPgliteFixture() {
  const databases: Promise<PGlite>[] = [];
  let created = 0;
  return {
    database(index = 0): Promise<PGlite> {
      databases[index] ??= PGlite.create();
      return databases[index];
    },
    async createStore(options: { migrate?: boolean; schema?: string } = {}): Promise<PgliteStore> {
      const db = await this.database(created++ % 2);
      return createPgliteStore({ db, schema: options.schema ?? testSchemaName(), migrate: options.migrate ?? true });
    },
    async close(): Promise<void> {
      for (const db of databases) await (await db).close();
    },
  };
}

/** Fresh, migrated Postgres stores sharing one pool; every schema made is dropped by `close`. */
export function createPostgresFixture(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 12 });
  pool.on('error', () => undefined);
  const schemas: string[] = [];
  return {
    pool,
    async createStore(options: Partial<PostgresStoreOptions> = {}): Promise<PostgresStore> {
      const schema = options.schema ?? testSchemaName();
      if (!schemas.includes(schema)) schemas.push(schema);
      return createPostgresStore({ pool, migrate: true, ...options, schema });
    },
    async close(): Promise<void> {
      for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    },
  };
}

/** A small seeded generator (mulberry32), so a concurrency run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

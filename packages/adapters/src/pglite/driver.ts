import type { PGlite } from '@electric-sql/pglite';
import { createMutex, type SqlDriver, type SqlSession } from '../_internal/sql/driver.js';

/** One turn-taking lock per database, shared by every store (schema) opened on it. */
const turns = new WeakMap<PGlite, ReturnType<typeof createMutex>>();

/**
 * The driver over one PGlite: it has one connection, so units of work take
 * turns (one mutex per database, shared by every store on it). A unit of work
 * must therefore not wait on another unit of a store on the same database.
 */
export function createPgliteDriver(db: PGlite, owned: boolean): SqlDriver {
  let exclusive = turns.get(db);
  if (exclusive === undefined) turns.set(db, (exclusive = createMutex()));
  const session: SqlSession = {
    query: async (text, params) => (await db.query<Record<string, unknown>>(text, params === undefined ? [] : [...params])).rows,
    script: async (text) => {
      await db.exec(text);
    },
  };
  return {
    withSession: (work) => exclusive!(() => work(session)),
    close: async () => {
      if (owned && !db.closed) await db.close();
    },
  };
}


/**
 * The Kronos demo. By default the books live in embedded Postgres (PGlite)
 * in ./.kronos-data, so a second run finds them there (and, every write being
 * idempotent on its id, changes nothing). `--memory` keeps them in memory.
 *
 *   npx -y pnpm@10 demo            # PGlite in ./.kronos-data
 *   npx -y pnpm@10 demo --memory   # in-memory store
 */
import { createMemoryStore } from '@kronos/core-ledger';
import { createPgliteStore } from '@kronos/adapters/pglite';
import { runBooks } from './books.js';
import { runPlan } from './plan.js';

const inMemory = process.argv.includes('--memory');
const dataDir = process.env['KRONOS_DATA_DIR'] ?? './.kronos-data';
const store = inMemory ? createMemoryStore() : await createPgliteStore({ dataDir, migrate: true });
try {
  console.log(`Store: ${inMemory ? 'in memory' : `PGlite (embedded Postgres) in ${dataDir}`}\n`);
  console.log(await runBooks(store));
  console.log(`\n${await runPlan(store)}`);
} finally {
  if ('close' in store && typeof store.close === 'function') await store.close();
}

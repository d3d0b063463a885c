/**
 * The Kronos demo. By default the books live in embedded Postgres (PGlite)
 * in ./.kronos-data, so a second run finds them there (and, every write being
 * idempotent on its id, changes nothing). `--memory` keeps them in memory.
 * The books are also exported as an hledger journal beside them
 * (`hledger -f .kronos-data/books.journal bal` reads it).
 *
 *   npx -y pnpm@10 demo            # PGlite in ./.kronos-data
 *   npx -y pnpm@10 demo --memory   # in-memory store, journal in the system's temp folder
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLedger, createMemoryStore, exportHledger } from '@kronos/core-ledger';
import { createPgliteStore } from '@kronos/adapters/pglite';
import { runBooks } from './books.js';
import { runFebruary } from './february.js';
import { runPlan } from './plan.js';

const inMemory = process.argv.includes('--memory');
const dataDir = process.env['KRONOS_DATA_DIR'] ?? './.kronos-data';
const store = inMemory ? createMemoryStore() : await createPgliteStore({ dataDir, migrate: true });
try {
  console.log(`Store: ${inMemory ? 'in memory' : `PGlite (embedded Postgres) in ${dataDir}`}\n`);
  console.log(await runBooks(store));
  console.log(`\n${await runPlan(store)}`);
  console.log(`\n${await runFebruary(store)}`);
  const journal = await exportHledger(createLedger({ store }), { assertions: 'monthly' });
  const folder = inMemory ? tmpdir() : dataDir;
  mkdirSync(folder, { recursive: true });
  const path = join(folder, 'books.journal');
  writeFileSync(path, journal);
  const transactions = journal.split('\n').filter((line) => /^\d{4}-\d{2}-\d{2} [*!]/.test(line)).length;
  console.log(`\nExported ${transactions} transactions of both entities, with balance assertions, to ${path} (hledger -f ${path} bal)`);
} finally {
  if ('close' in store && typeof store.close === 'function') await store.close();
}

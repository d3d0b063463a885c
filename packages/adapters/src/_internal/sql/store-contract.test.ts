/**
 * The LedgerStore contract, unchanged, on every store this package ships and
 * on the memory store for comparison. The last test names the stores it ran
 * on; under KRONOS_REQUIRE_SERVICES=1 it fails unless Postgres was one of them.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryStore, type LedgerStore } from '@kronos/core-ledger';
import { runLedgerStoreContract } from '@kronos/core-ledger/testing';
import { createPgliteFixture, createPostgresFixture, postgresTarget } from './test-support.js';

// Each property run opens fresh stores (a schema and its migrations each), so the SQL stores run fewer.
const numRuns = 3;
const memoryRuns = 25;
const storesOpened = new Map<string, number>();
const counted = (name: string, open: () => LedgerStore | Promise<LedgerStore>) => () => {
  storesOpened.set(name, (storesOpened.get(name) ?? 0) + 1);
  return open();
};

runLedgerStoreContract({ name: 'memory', createStore: counted('memory', () => createMemoryStore()), numRuns: memoryRuns });

const pglite = createPgliteFixture();
afterAll(() => pglite.close());
runLedgerStoreContract({ name: 'pglite', createStore: counted('pglite', () => pglite.createStore()), numRuns });

const target = postgresTarget();
if (target.url === undefined) {
  console.warn(`Postgres: ${target.skipReason}`);
  describe.skip(`LedgerStore contract (postgres): ${target.skipReason}`, () => {
    it('runs when KRONOS_POSTGRES_URL is set', () => undefined);
  });
} else {
  const postgres = createPostgresFixture(target.url);
  afterAll(() => postgres.close());
  runLedgerStoreContract({ name: 'postgres', createStore: counted('postgres', () => postgres.createStore()), numRuns });
}

const expected = ['memory', 'pglite', ...(target.url === undefined ? [] : ['postgres'])];
describe('store coverage', () => {
  it(`contract ran on: ${expected.join(', ')}`, () => {
    console.log(`LedgerStore contract ran on: ${[...storesOpened.keys()].join(', ')}`);
    expect([...storesOpened.keys()]).toEqual(expected);
    if (process.env['KRONOS_REQUIRE_SERVICES'] === '1') expect(storesOpened.get('postgres') ?? 0).toBeGreaterThan(0);
  });
});

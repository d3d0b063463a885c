/**
 * What the database guarantees on its own (the schema's checks and triggers,
 * proven with raw SQL that goes around the ledger), the versioned migrations,
 * the retry policy, and exact as-of balances under back-dating. Runs on PGlite
 * in every test run; the Postgres file repeats the raw-SQL proofs on a server.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { isKronosError, KronosError, type LedgerStore } from '@kronos/core-ledger';
import { createTestLedger, failureCode, seedPersonAndLlc } from '@kronos/core-ledger/testing';
import { createPgliteStore, migratePglite } from '../../pglite/index.js';
import { createPgliteDriver } from '../../pglite/driver.js';
import type { SqlDriver } from './driver.js';
import { schemaVersion } from './schema.js';
import { openSqlStore } from './sql-store.js';
import { createPgliteFixture, seededRandom, testSchemaName } from './test-support.js';
import { describeDatabaseGuards } from './guards.test-case.js';

const fixture = createPgliteFixture();
afterAll(() => fixture.close());

describe('migratePglite', () => {
  it('refuses to open an empty schema, saying how to migrate, then applies every version once', async () => {
    const db = await fixture.database();
    const schema = testSchemaName();
    const refusal = await createPgliteStore({ db, schema }).catch((error: unknown) => error);
    expect(isKronosError(refusal, 'SCHEMA_OUTDATED')).toBe(true);
    expect((refusal as KronosError).message).toContain('migratePglite');
    expect((refusal as KronosError).details).toMatchObject({ version: 0, required: schemaVersion });
    const first = await migratePglite({ db, schema });
    expect([first.from, first.to, first.applied.map((step) => step.version)]).toEqual([0, schemaVersion, [1, 2, 3, 4]]);
    const again = await migratePglite({ db, schema });
    expect([again.from, again.applied]).toEqual([schemaVersion, []]);
    const store = await createPgliteStore({ db, schema });
    expect(store.schema).toBe(schema);
  });

  it('refuses a schema left at version 1 and, once migrated, backfills balances from the rows it holds', async () => {
    const db = await fixture.database();
    const schema = testSchemaName();
    await migratePglite({ db, schema, targetVersion: 1 });
    const refusal = await createPgliteStore({ db, schema }).catch((error: unknown) => error);
    expect((refusal as KronosError).details).toMatchObject({ version: 1, required: schemaVersion });
    // Rows a version-1 store would have written: 100.00 into checking on Jan 5, 40.00 out on Jan 3 (back-dated), one pending.
    await db.exec(`
      INSERT INTO ${schema}.entities (id, kind, name, base_currency, owners, fingerprint, created_at) VALUES ('ana', 'individual', 'Ana', 'USD', '[]', 'f', now());
      INSERT INTO ${schema}.accounts (id, entity_id, name, type, subtype, currency, scale, opened_on, fingerprint, created_at) VALUES
        ('cash', 'ana', 'Assets:Cash', 'asset', 'cash', 'USD', 2, '2026-01-01', 'f', now()),
        ('equity', 'ana', 'Equity:Opening', 'equity', 'opening_balance', 'USD', 2, '2026-01-01', 'f', now());
      BEGIN;
      INSERT INTO ${schema}.entries (id, entity_id, date, description, metadata, status, fingerprint, recorded_at) VALUES
        ('e1', 'ana', '2026-01-05', 'in', '{}', 'posted', 'f', now()), ('e2', 'ana', '2026-01-03', 'out', '{}', 'posted', 'f', now()),
        ('e3', 'ana', '2026-01-04', 'held', '{}', 'pending', 'f', now());
      INSERT INTO ${schema}.postings (entry_id, line, entity_id, account_id, currency, scale, amount) VALUES
        ('e1', 0, 'ana', 'cash', 'USD', 2, 100.00), ('e1', 1, 'ana', 'equity', 'USD', 2, -100.00),
        ('e2', 0, 'ana', 'cash', 'USD', 2, -40.00), ('e2', 1, 'ana', 'equity', 'USD', 2, 40.00),
        ('e3', 0, 'ana', 'cash', 'USD', 2, -7.50), ('e3', 1, 'ana', 'equity', 'USD', 2, 7.50);
      COMMIT;`);
    expect((await migratePglite({ db, schema })).applied.map((step) => step.version)).toEqual([2, 3, 4]);
    const store = await createPgliteStore({ db, schema });
    const read = (asOf: string | null, pending: boolean) => store.transact((tx) => tx.getBalancesAsOf(['cash'], asOf, pending), { readOnly: true });
    expect([await read('2026-01-03', false), await read('2026-01-04', false), await read(null, false), await read(null, true)]).toEqual([[-4000n], [-4000n], [6000n], [5250n]]);
  });

  it('refuses a schema newer than this version knows', async () => {
    const db = await fixture.database();
    const schema = testSchemaName();
    await migratePglite({ db, schema });
    await db.query(`INSERT INTO ${schema}.schema_migrations (version, name) VALUES ($1, 'from the future')`, [schemaVersion + 1]);
    expect(await failureCode(() => createPgliteStore({ db, schema }))).toBe('SCHEMA_TOO_NEW');
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    const db = await fixture.database();
    expect(await failureCode(() => createPgliteStore({ db, schema: 'kronos; DROP TABLE x' }))).toBe('INVALID_INPUT');
  });
});

describeDatabaseGuards('pglite', {
  createStore: () => fixture.createStore(),
  execute: async (store, sql) => {
    const { db } = store as unknown as { db: { exec(text: string): Promise<unknown> } };
    try {
      await db.exec(sql);
    } catch (error) {
      await db.exec('ROLLBACK');
      throw error;
    }
  },
});

/** A driver whose COMMIT fails with `sqlState` the first `failures` times. */
function failingCommits(inner: SqlDriver, sqlState: string, failures: number): SqlDriver & { attempts: () => number } {
  let commits = 0;
  return {
    attempts: () => commits,
    close: () => inner.close(),
    withSession: (work) =>
      inner.withSession((session) =>
        work({
          script: (text) => session.script(text),
          query: async (text, params) => {
            if (text === 'COMMIT' && ++commits <= failures) {
              await session.query('ROLLBACK');
              throw Object.assign(new Error('could not serialize access due to read/write dependencies among transactions'), { code: sqlState });
            }
            return session.query(text, params);
          },
        }),
      ),
  };
}

describe('transact retries', () => {
  const open = async (failures: number, retriesMax: number) => {
    const db = await fixture.database();
    const schema = testSchemaName();
    await migratePglite({ db, schema });
    const driver = failingCommits(createPgliteDriver(db, false), '40001', failures);
    const store = await openSqlStore(driver, { schema, retriesMax, retryDelayMs: () => 1 }, 'migrate');
    return { store, driver, reopen: () => createPgliteStore({ db, schema }) };
  };
  const createAna = (store: LedgerStore) => createTestLedger(store).createEntity({ id: 'ana', kind: 'individual', name: 'Ana', baseCurrency: 'USD' });

  it('runs the whole unit of work again after a serialization failure and returns its result', async () => {
    const { store, driver } = await open(2, 3);
    expect((await createAna(store)).id).toBe('ana');
    expect(driver.attempts()).toBe(3);
    expect(await createTestLedger(store).listEntities()).toHaveLength(1);
  });

  it('gives up after retriesMax retries with STORE_CONFLICT, having written nothing', async () => {
    const { store, driver, reopen } = await open(100, 2);
    const error = await createAna(store).catch((caught: unknown) => caught);
    expect(isKronosError(error, 'STORE_CONFLICT')).toBe(true);
    expect((error as KronosError).details).toMatchObject({ sqlState: '40001', attempts: 3 });
    expect(driver.attempts()).toBe(3);
    expect(await createTestLedger(await reopen()).listEntities()).toEqual([]);
  });
});

describe('getBalancesAsOf', () => {
  it('stays exact on every day when entries arrive out of date order over a long history', async () => {
    const store = await fixture.createStore();
    const ledger = createTestLedger(store);
    await seedPersonAndLlc(ledger);
    const random = seededRandom(20260101);
    const day = (n: number) => new Date(Date.UTC(2026, 0, 2 + n)).toISOString().slice(0, 10);
    const moves: { date: string; cents: number }[] = [];
    // 6 batches of 60 entries each on random days of 2026, so most batches back-date into earlier ones.
    for (let batch = 0; batch < 6; batch++) {
      const entries = Array.from({ length: 60 }, (_, index) => {
        const date = day(Math.floor(random() * 360));
        const cents = 1 + Math.floor(random() * 5000);
        moves.push({ date, cents });
        return { id: `b${batch}-${index}`, date, description: 'salary', postings: [{ accountId: 'ana:checking', amount: (cents / 100).toFixed(2) }, { accountId: 'ana:salary', amount: (-cents / 100).toFixed(2) }] };
      });
      await ledger.postEntries(entries);
    }
    for (let probe = 0; probe < 40; probe++) {
      const asOf = day(Math.floor(random() * 362) - 1);
      const expected = 1_000_000 + moves.filter((move) => move.date <= asOf).reduce((sum, move) => sum + move.cents, 0);
      expect([asOf, (await ledger.getBalance({ accountId: 'ana:checking', asOf })).toMinorUnits()]).toEqual([asOf, BigInt(expected)]);
    }
  });
});

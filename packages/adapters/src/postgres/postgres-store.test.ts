/**
 * The Postgres store on a real server: the database's own guards, many
 * clients at once, idempotency under a burst of repeats, the retry bound, and
 * a connection killed in the middle of a write. Skipped (saying why) without
 * KRONOS_POSTGRES_URL; under KRONOS_REQUIRE_SERVICES=1 a missing or
 * unreachable server fails the run instead.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createLedger, isKronosError, KronosError, type Ledger, type LedgerStore, type LedgerTx } from '@kronos/core-ledger';
import { createTestLedger, seedPersonAndLlc, snapshotLedger } from '@kronos/core-ledger/testing';
import { describeDatabaseGuards } from '../_internal/sql/guards.test-case.js';
import { createPostgresFixture, postgresTarget, seededRandom, testSchemaName } from '../_internal/sql/test-support.js';
import { createPostgresStore, type PostgresStore } from './index.js';

describe('createPostgresStore', () => {
  it('refuses to open with STORE_UNAVAILABLE when no server answers', async () => {
    const error = await createPostgresStore({ connectionString: 'postgres://postgres@127.0.0.1:1/none' }).catch((caught: unknown) => caught);
    expect(isKronosError(error, 'STORE_UNAVAILABLE')).toBe(true);
    expect((error as KronosError).message).toContain('check the connection string');
  });
});

const target = postgresTarget();

if (target.url === undefined) {
  console.warn(`Postgres: ${target.skipReason}`);
  describe.skip(`Postgres store: ${target.skipReason}`, () => {
    it('runs when KRONOS_POSTGRES_URL is set', () => undefined);
  });
} else {
  const url = target.url;
  const fixture = createPostgresFixture(url);
  const opened: PostgresStore[] = [];
  afterAll(async () => {
    for (const store of opened) await store.close();
    await fixture.close();
  });
  /** A store with its own pool, as another process would have. */
  const client = async (schema: string, options: { lockTimeoutMs?: number; retriesMax?: number } = {}) => {
    const store = await createPostgresStore({ connectionString: url, schema, poolSize: 1, retryDelayMs: () => 2, ...options });
    opened.push(store);
    return store;
  };

  describeDatabaseGuards('postgres', {
    createStore: () => fixture.createStore(),
    execute: async (_store, sql) => {
      const connection = await fixture.pool.connect();
      try {
        await connection.query(sql);
      } catch (error) {
        await connection.query('ROLLBACK');
        throw error;
      } finally {
        connection.release();
      }
    },
  });

  describe('concurrency (postgres)', () => {
    const accounts = ['a', 'b', 'c', 'd', 'e', 'f'].map((letter) => `firm:${letter}`);
    const day = (n: number) => `2026-01-${String(n).padStart(2, '0')}`;

    async function openFirm(): Promise<{ schema: string; setup: Ledger }> {
      const schema = testSchemaName();
      const setup = createLedger({ store: await fixture.createStore({ schema }), actor: 'setup' });
      await setup.createEntity({ id: 'firm', kind: 'corporation', name: 'Firm', baseCurrency: 'USD' });
      await setup.openAccounts([
        ...accounts.map((id, index) => ({ id, entityId: 'firm', name: `Assets:Bank:${index}`, subtype: 'checking' as const, currency: 'USD', balanceMin: '0', openedOn: '2026-01-01' })),
        { id: 'firm:capital', entityId: 'firm', name: 'Equity:Capital', currency: 'USD', openedOn: '2026-01-01' },
      ]);
      await setup.postEntries(accounts.map((id) => ({ id: `fund-${id}`, date: day(1), description: 'capital', postings: [{ accountId: id, amount: '1000.00' }, { accountId: 'firm:capital', amount: '-1000.00' }] })));
      return { schema, setup };
    }

    it('8 clients posting random transfers on shared accounts never cross a bound, keep the trial balance at zero and keep exactly the acknowledged entries', async () => {
      const { schema, setup } = await openFirm();
      const acknowledged = new Set(accounts.map((id) => `fund-${id}`));
      let refused = 0;
      const transfersPerClient = 30;
      await Promise.all(
        Array.from({ length: 8 }, async (_, clientIndex) => {
          const ledger = createLedger({ store: await client(schema), actor: `client-${clientIndex}` });
          const random = seededRandom(1000 + clientIndex);
          for (let step = 0; step < transfersPerClient; step++) {
            const from = accounts[Math.floor(random() * accounts.length)]!;
            const to = accounts[(accounts.indexOf(from) + 1 + Math.floor(random() * (accounts.length - 1))) % accounts.length]!;
            const amount = (1 + Math.floor(random() * 60_000)) / 100;
            // Dates run back and forth over the month, so many transfers are back-dated under later ones.
            const input = { id: `t-${clientIndex}-${step}`, date: day(2 + Math.floor(random() * 27)), description: 'transfer', postings: [{ accountId: to, amount: amount.toFixed(2) }, { accountId: from, amount: (-amount).toFixed(2) }] };
            try {
              await ledger.postEntry(input);
              acknowledged.add(input.id);
            } catch (error) {
              if (!isKronosError(error, 'INSUFFICIENT_FUNDS')) throw error;
              refused += 1;
            }
          }
        }),
      );
      for (const accountId of accounts) {
        for (let n = 1; n <= 31; n++) expect((await setup.getBalance({ accountId, asOf: day(n) })).isNegative()).toBe(false);
      }
      expect((await setup.trialBalance()).balanced).toBe(true);
      expect((await setup.getRollup({ entityId: 'firm', name: 'Assets' })).map(String)).toEqual(['6000.00']);
      const journal: string[] = [];
      for (let cursor: string | null = null, page = 0; page < 100; page++) {
        const result: Awaited<ReturnType<Ledger['listJournal']>> = await setup.listJournal({ pageSize: 500, ...(cursor === null ? {} : { cursor }) });
        journal.push(...result.entries.map((entry) => entry.id));
        if ((cursor = result.nextCursor) === null) break;
      }
      expect(journal.sort()).toEqual([...acknowledged].sort());
      expect(acknowledged.size + refused).toBe(accounts.length + 8 * transfersPerClient);
      expect((await setup.verifyAudit()).ok).toBe(true);
    });

    it('50 concurrent submissions of one idempotency key give exactly one entry', async () => {
      const { schema, setup } = await openFirm();
      const ledgers = await Promise.all(Array.from({ length: 10 }, async (_, index) => createLedger({ store: await client(schema), actor: `client-${index}` })));
      const entry = { id: 'once', date: day(3), description: 'sent fifty times', postings: [{ accountId: 'firm:b', amount: '12.34' }, { accountId: 'firm:a', amount: '-12.34' }] };
      const receipts = (await Promise.all(Array.from({ length: 50 }, (_, index) => ledgers[index % 10]!.postEntries([entry])))).flat();
      expect(receipts).toHaveLength(50);
      expect(receipts.filter((receipt) => !receipt.replayed)).toHaveLength(1);
      const rows = await fixture.pool.query(`SELECT (SELECT count(*) FROM "${schema}".entries WHERE id = 'once')::int AS entries,
        (SELECT count(*) FROM "${schema}".audit WHERE subject_id = 'once')::int AS audited`);
      expect(rows.rows[0]).toEqual({ entries: 1, audited: 1 });
      expect((await setup.getBalance({ accountId: 'firm:a' })).toString()).toBe('987.66');
    });

    it('retries a write that times out waiting for the write lock, then ends in STORE_CONFLICT after retriesMax retries, writing nothing', async () => {
      const { schema, setup } = await openFirm();
      const holder = await fixture.pool.connect();
      try {
        await holder.query(`BEGIN; LOCK TABLE "${schema}".write_lock IN EXCLUSIVE MODE`);
        const blocked = createLedger({ store: await client(schema, { lockTimeoutMs: 50, retriesMax: 2 }) });
        const error = await blocked.createEntity({ id: 'late', kind: 'individual', name: 'Late', baseCurrency: 'USD' }).catch((caught: unknown) => caught);
        expect(isKronosError(error, 'STORE_CONFLICT')).toBe(true);
        expect((error as KronosError).details).toMatchObject({ sqlState: '55P03', attempts: 3 });
        // The lock frees while a patient writer is still retrying: its retry succeeds.
        const patient = createLedger({ store: await client(schema, { lockTimeoutMs: 50, retriesMax: 40 }) });
        const write = patient.createEntity({ id: 'patient', kind: 'individual', name: 'Patient', baseCurrency: 'USD' });
        await new Promise((resolve) => setTimeout(resolve, 300));
        await holder.query('ROLLBACK');
        expect((await write).id).toBe('patient');
      } finally {
        holder.release();
      }
      expect((await setup.listEntities()).map((entity) => entity.id)).toEqual(['firm', 'patient']);
    });
  });

  describe('atomicity (postgres)', () => {
    /** Wraps a store so that each unit of work stops right before its audit append (its last write) until released. */
    function pausingBeforeAudit(inner: LedgerStore) {
      let reached!: () => void;
      let release!: () => void;
      const paused = new Promise<void>((resolve) => (reached = resolve));
      const resume = new Promise<void>((resolve) => (release = resolve));
      const store: LedgerStore = {
        transact: (work, options) =>
          inner.transact((tx) => {
            const appendAudit: LedgerTx['appendAudit'] = async (records) => {
              reached();
              await resume;
              return tx.appendAudit(records);
            };
            return work({ ...tx, appendAudit });
          }, options),
      };
      return { store, paused, release };
    }

    it('leaves nothing of a write whose connection is killed in the middle of it', async () => {
      const schema = testSchemaName();
      const ledger = createTestLedger(await fixture.createStore({ schema }));
      await seedPersonAndLlc(ledger);
      const before = await snapshotLedger(ledger);
      const { store, paused, release } = pausingBeforeAudit(await client(schema));
      const batch = Array.from({ length: 200 }, (_, index) => ({ id: `k-${index}`, date: '2026-01-05', description: 'cut off', postings: [{ accountId: 'ana:housing', amount: '1.00' }, { accountId: 'ana:checking', amount: '-1.00' }] }));
      const write = createTestLedger(store).postEntries(batch).catch((caught: unknown) => caught);
      await paused;
      // The 200 entries, their postings and balance moves are written but not committed: kill that backend.
      const killed = await fixture.pool.query(
        `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction' AND query LIKE $1`,
        [`%"${schema}"%`],
      );
      expect(killed.rows).toEqual([{ done: true }]);
      release();
      const error = await write;
      expect(isKronosError(error, 'STORE_UNAVAILABLE')).toBe(true);
      expect((error as KronosError).details).toMatchObject({ phase: 'work' });
      expect(await snapshotLedger(createTestLedger(await client(schema)))).toEqual(before);
      const rows = await fixture.pool.query(`SELECT (SELECT count(*) FROM "${schema}".entries WHERE id LIKE 'k-%')::int AS entries, (SELECT count(*) FROM "${schema}".postings WHERE entry_id LIKE 'k-%')::int AS postings`);
      expect(rows.rows[0]).toEqual({ entries: 0, postings: 0 });
    });
  });
}

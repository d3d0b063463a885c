/**
 * Proofs that the database keeps the ledger's invariants by itself: each case
 * writes with raw SQL (or through the store's own unit of work, as a bug in
 * the ledger service would) and shows the write refused and the books unchanged.
 * Shared by the PGlite and Postgres test files.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKronosError, type EntryRecord } from '@kronos/core-ledger';
import { createTestLedger, seedPersonAndLlc, snapshotLedger } from '@kronos/core-ledger/testing';
import type { SqlLedgerStore } from './sql-store.js';

/** How a test file opens a store and runs raw SQL (several statements) on its database. */
export interface GuardHarness {
  readonly createStore: () => Promise<SqlLedgerStore>;
  readonly execute: (store: SqlLedgerStore, sql: string) => Promise<void>;
}

export function describeDatabaseGuards(name: string, harness: GuardHarness): void {
  describe(`database guards (${name})`, () => {
    async function seeded() {
      const store = await harness.createStore();
      const ledger = createTestLedger(store);
      await seedPersonAndLlc(ledger);
      const s = store.schema;
      const refusal = (sql: string) => harness.execute(store, sql).then(() => ({ code: 'none', constraint: undefined }), (error: { code: string; constraint?: string }) => error);
      const entry = (id: string) => `INSERT INTO ${s}.entries (id, entity_id, date, description, metadata, status, fingerprint, recorded_at) VALUES ('${id}', 'ana', '2026-01-05', 'raw', '{}', 'posted', 'x', now());`;
      const posting = (id: string, line: number, account: string, amount: string, entity = 'ana') =>
        `INSERT INTO ${s}.postings (entry_id, line, entity_id, account_id, currency, scale, amount) VALUES ('${id}', ${line}, '${entity}', '${account}', 'USD', 2, ${amount});`;
      return { store, ledger, s, refusal, entry, posting, before: await snapshotLedger(ledger) };
    }

    it('refuses at commit an entry whose postings do not sum to zero, written with raw SQL around the ledger', async () => {
      const { ledger, refusal, entry, posting, before } = await seeded();
      const error = await refusal(`BEGIN; ${entry('raw-1')} ${posting('raw-1', 0, 'ana:housing', '10.00')} ${posting('raw-1', 1, 'ana:checking', '-9.99')} COMMIT;`);
      expect([error.code, error.constraint]).toEqual(['23514', 'entry_balanced']);
      expect(await snapshotLedger(ledger)).toEqual(before);
    });

    it('refuses at commit an entry with a single posting, and one whose postings balance in one currency but not the other', async () => {
      const { ledger, refusal, entry, posting, before } = await seeded();
      expect((await refusal(`BEGIN; ${entry('raw-2')} ${posting('raw-2', 0, 'ana:housing', '0.00')} COMMIT;`)).constraint).toBe('entry_balanced');
      expect((await refusal(`BEGIN; ${entry('raw-3')} COMMIT;`)).constraint).toBe('entry_balanced');
      expect(await snapshotLedger(ledger)).toEqual(before);
    });

    it('refuses an unbalanced entry that the store\'s own unit of work writes, as a bug in the ledger would', async () => {
      const { store, ledger, before } = await seeded();
      const record: EntryRecord = {
        id: 'bug-1', entityId: 'ana', date: '2026-01-05', description: 'built wrong', metadata: {},
        postings: [{ accountId: 'ana:housing', amount: 1000n }, { accountId: 'ana:checking', amount: -999n }],
        status: 'posted', reversesId: null, reversedById: null, flowId: null, fingerprint: '{}', recordedAt: '2026-01-05T00:00:00.000Z',
      };
      const error = await store.transact((tx) => tx.insertEntries([record])).catch((caught: unknown) => caught);
      expect(isKronosError(error, 'UNBALANCED_ENTRY')).toBe(true);
      expect(await snapshotLedger(ledger)).toEqual(before);
    });

    it('refuses more decimals than the account\'s scale, a posting to another entity\'s account, and a repeated entry id', async () => {
      const { ledger, refusal, entry, posting, before } = await seeded();
      const scale = await refusal(`BEGIN; ${entry('raw-4')} ${posting('raw-4', 0, 'ana:housing', '1.005')} ${posting('raw-4', 1, 'ana:checking', '-1.005')} COMMIT;`);
      expect([scale.code, scale.constraint]).toEqual(['23514', 'posting_scale']);
      const foreign = await refusal(`BEGIN; ${entry('raw-5')} ${posting('raw-5', 0, 'llc:checking', '1.00')} ${posting('raw-5', 1, 'ana:checking', '-1.00')} COMMIT;`);
      expect([foreign.code, foreign.constraint]).toEqual(['23503', 'posting_account']);
      const repeated = await refusal(`BEGIN; ${entry('opening')} COMMIT;`);
      expect([repeated.code, repeated.constraint]).toEqual(['23505', 'entries_pkey']);
      expect(await snapshotLedger(ledger)).toEqual(before);
    });

    it('refuses postings added to an entry committed earlier, and any edit or deletion of postings, entries or audit records', async () => {
      const { ledger, s, refusal, posting, before } = await seeded();
      const late = await refusal(`BEGIN; ${posting('opening', 2, 'ana:housing', '5.00')} ${posting('opening', 3, 'ana:checking', '-5.00')} COMMIT;`);
      expect(late.constraint).toBe('postings_with_entry');
      expect((await refusal(`UPDATE ${s}.postings SET amount = amount * 2;`)).constraint).toBe('postings_append_only');
      expect((await refusal(`DELETE FROM ${s}.postings;`)).constraint).toBe('postings_append_only');
      expect((await refusal(`DELETE FROM ${s}.entries;`)).constraint).toBe('entries_append_only');
      expect((await refusal(`UPDATE ${s}.entries SET date = '2026-01-02';`)).constraint).toBe('entry_immutable');
      expect((await refusal(`UPDATE ${s}.audit SET actor = 'someone else';`)).constraint).toBe('audit_append_only');
      expect(await snapshotLedger(ledger)).toEqual(before);
    });

    describe('properties', () => {
      it('commits an entry written with raw SQL exactly when it has two postings or more and balances in each currency', async () => {
        const { ledger, s, refusal, entry } = await seeded();
        await ledger.openAccounts([
          { id: 'ana:eur-a', entityId: 'ana', name: 'Assets:Bank:EUR A', subtype: 'checking', currency: 'EUR', openedOn: '2026-01-01' },
          { id: 'ana:eur-b', entityId: 'ana', name: 'Assets:Bank:EUR B', subtype: 'checking', currency: 'EUR', openedOn: '2026-01-01' },
        ]);
        const accounts = [['ana:housing', 'USD'], ['ana:checking', 'USD'], ['ana:eur-a', 'EUR'], ['ana:eur-b', 'EUR']] as const;
        const postingArb = fc.record({ account: fc.integer({ min: 0, max: 3 }), cents: fc.integer({ min: -300, max: 300 }) });
        let run = 0;
        await fc.assert(
          fc.asyncProperty(fc.array(postingArb, { maxLength: 5 }), fc.boolean(), async (drawn, offset) => {
            const id = `prop-${run++}`;
            // Half the runs add a posting per currency that brings it back to zero, so both outcomes are common.
            const postings = [...drawn];
            if (offset) {
              for (const [index, currency] of [[0, 'USD'], [2, 'EUR']] as const) {
                const sum = drawn.filter(({ account }) => accounts[account]![1] === currency).reduce((total, { cents }) => total + cents, 0);
                if (sum !== 0) postings.push({ account: index, cents: -sum });
              }
            }
            const values = postings.map(({ account, cents }, line) => `('${id}', ${line}, 'ana', '${accounts[account]![0]}', '${accounts[account]![1]}', 2, ${(cents / 100).toFixed(2)})`);
            const insert = values.length === 0 ? '' : `INSERT INTO ${s}.postings (entry_id, line, entity_id, account_id, currency, scale, amount) VALUES ${values.join(', ')};`;
            const sums = new Map<string, number>();
            for (const { account, cents } of postings) sums.set(accounts[account]![1], (sums.get(accounts[account]![1]) ?? 0) + cents);
            const valid = postings.length >= 2 && [...sums.values()].every((sum) => sum === 0);
            const error = await refusal(`BEGIN; ${entry(id)} ${insert} COMMIT;`);
            expect(error.constraint).toBe(valid ? undefined : 'entry_balanced');
          }),
          { numRuns: 40 },
        );
      });
    });

    it('refuses an audit record that does not follow the head of the log', async () => {
      const { ledger, s, refusal, before } = await seeded();
      const error = await refusal(`INSERT INTO ${s}.audit (seq, at, actor, action, subject_id, payload, prev_hash, hash) VALUES (1000, 'x', 'x', 'x', 'x', '{}', repeat('0', 64), repeat('1', 64));`);
      expect(error.constraint).toBe('audit_chained');
      expect(await snapshotLedger(ledger)).toEqual(before);
    });

    it('keeps budget records append-only, their amounts at their scale, their months well formed and their entity real', async () => {
      const { ledger, s, refusal } = await seeded();
      await ledger.budgets.configureBudget({ id: 'budget', entityId: 'ana', onBudgetAccountIds: ['ana:checking'] });
      await ledger.budgets.holdForNextMonth({ id: 'hold', entityId: 'ana', month: '2026-01', amount: '10.00' });
      const before = await snapshotLedger(ledger);
      const budgetRecord = (id: string, entity: string, month: string, amount: string) =>
        `INSERT INTO ${s}.budget_records (id, entity_id, kind, month, amount, currency, scale, data, fingerprint, recorded_at) VALUES ('${id}', '${entity}', 'hold', '${month}', ${amount}, 'USD', 2, '{}', 'x', now());`;
      expect((await refusal(budgetRecord('raw-1', 'ana', '2026-01', '1.005'))).constraint).toBe('budget_amount_scale');
      expect((await refusal(budgetRecord('raw-2', 'ana', '2026-13', '1.00'))).code).toBe('23514');
      expect((await refusal(budgetRecord('raw-3', 'ghost', '2026-01', '1.00'))).code).toBe('23503');
      expect((await refusal(`UPDATE ${s}.budget_records SET amount = 99;`)).constraint).toBe('budget_records_append_only');
      expect((await refusal(`DELETE FROM ${s}.budget_records;`)).constraint).toBe('budget_records_append_only');
      expect(await snapshotLedger(ledger)).toEqual(before);
    });
  });
}

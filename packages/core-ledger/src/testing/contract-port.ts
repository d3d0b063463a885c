import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccountRecord, EntryRecord, LedgerStore } from '../ports/ledger-store.js';
import { portCash, portCreatedAt, portEntity } from './port-records.js';

const createdAt = portCreatedAt;
const entity = portEntity;
const cash = portCash;
const other: AccountRecord = { ...cash, id: 'other', name: 'Equity:Other', type: 'equity', subtype: 'other' };

/** An entry moving `amount` minor units into cash from the other account. */
function entry(id: string, date: string, amount: bigint, status: EntryRecord['status'] = 'posted'): EntryRecord {
  return {
    id, entityId: 'e', date, description: id, metadata: {}, status, reversesId: null, reversedById: null, flowId: null, fingerprint: id, recordedAt: createdAt,
    postings: [{ accountId: 'cash', amount }, { accountId: 'other', amount: -amount }],
  };
}

/**
 * The port half of the contract: what a store must do below the ledger
 * service (balances maintained exactly under back-dating, bound windows,
 * pending holds, rollback of a failed unit), checked through `LedgerTx`.
 */
export function describeStorePort(createStore: () => LedgerStore | Promise<LedgerStore>, numRuns = 25): void {
  const seeded = async (entries: readonly EntryRecord[]): Promise<LedgerStore> => {
    const store = await createStore();
    await store.transact(async (tx) => {
      await tx.putEntities([entity]);
      await tx.putAccounts([cash, other]);
      await tx.insertEntries(entries);
    });
    return store;
  };
  const windowOf = (store: LedgerStore, fromDate: string) => store.transact(async (tx) => (await tx.getBalanceWindows([{ accountId: 'cash', fromDate }]))[0]);

  describe('LedgerTx', () => {
    it('keeps as-of balances and bound windows exact when entries are back-dated', async () => {
      const store = await seeded([entry('a', '2026-01-10', 100n), entry('b', '2026-01-20', 50n), entry('c', '2026-01-05', -30n), entry('d', '2026-01-10', 7n)]);
      const asOf = (date: string | null) => store.transact(async (tx) => (await tx.getBalancesAsOf(['cash'], date, false))[0]);
      expect([await asOf('2026-01-04'), await asOf('2026-01-05'), await asOf('2026-01-10'), await asOf('2026-01-19'), await asOf(null)]).toEqual([0n, -30n, 77n, 77n, 127n]);
      expect(await windowOf(store, '2026-01-06')).toEqual({ total: 127n, minFrom: -30n, maxFrom: 127n, lastDate: '2026-01-20', pendingDebit: 0n, pendingCredit: 0n });
      expect(await windowOf(store, '2026-01-15')).toMatchObject({ minFrom: 77n, maxFrom: 127n });
    });

    it('holds pending amounts apart, and moves them when an entry is posted or voided', async () => {
      const store = await seeded([entry('a', '2026-01-10', 100n), entry('p', '2026-01-12', -40n, 'pending'), entry('q', '2026-01-13', 25n, 'pending')]);
      expect(await windowOf(store, '2026-01-12')).toMatchObject({ total: 100n, pendingDebit: 25n, pendingCredit: -40n });
      const withPending = (date: string) => store.transact(async (tx) => (await tx.getBalancesAsOf(['cash'], date, true))[0]);
      expect([await withPending('2026-01-11'), await withPending('2026-01-12'), await withPending('2026-01-13')]).toEqual([100n, 60n, 85n]);
      // The reversal link names an entry that exists: a SQL store may back it with a foreign key.
      await store.transact((tx) => tx.updateEntries([{ id: 'p', status: 'posted' }, { id: 'q', status: 'voided' }, { id: 'a', reversedById: 'q' }]));
      expect(await windowOf(store, '2026-01-01')).toMatchObject({ total: 60n, pendingDebit: 0n, pendingCredit: 0n, lastDate: '2026-01-12' });
      const [a, p, q] = await store.transact((tx) => tx.getEntries(['a', 'p', 'q']));
      expect([a?.reversedById, p?.status, q?.status]).toEqual(['q', 'posted', 'voided']);
    });

    it('rolls a failed unit of work back completely, holds and balances included', async () => {
      const store = await seeded([entry('a', '2026-01-10', 100n)]);
      const read = () => store.transact(async (tx) => [await tx.getBalanceWindows([{ accountId: 'cash', fromDate: '2026-01-01' }]), await tx.listEntries({ limit: 10 }), await tx.listAccounts('e'), await tx.getAuditHead()]);
      const before = await read();
      await expect(
        store.transact(async (tx) => {
          await tx.insertEntries([entry('b', '2026-01-03', 5n), entry('p', '2026-01-04', -40n, 'pending')]);
          await tx.updateEntries([{ id: 'p', status: 'posted' }, { id: 'a', reversedById: 'b' }]);
          await tx.putAccounts([{ ...cash, closedOn: '2026-02-01' }]);
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await read()).toEqual(before);
    });

    it('refuses a duplicate entry id and keeps nothing of that unit', async () => {
      const store = await seeded([entry('a', '2026-01-10', 100n)]);
      await expect(store.transact((tx) => tx.insertEntries([entry('b', '2026-01-11', 1n), entry('a', '2026-01-12', 2n)]))).rejects.toThrow();
      expect(await store.transact(async (tx) => [await tx.getBalancesAsOf(['cash'], null, false), (await tx.listEntries({ limit: 10 })).map((item) => item.id)])).toEqual([[100n], ['a']]);
    });

    describe('properties', () => {
      // Days over five months across a year end, so entries land in earlier days, months and years than those already written.
      const dateOf = (day: number): string => new Date(Date.UTC(2025, 10, 20 + day)).toISOString().slice(0, 10);
      const moveArb = fc.record({ day: fc.integer({ min: 0, max: 150 }), amount: fc.integer({ min: -5000, max: 5000 }).map(BigInt), pending: fc.boolean(), settle: fc.constantFrom('posted', 'voided', 'none') });
      it('keeps as-of balances and bound windows equal to a replay of the postings, whatever the order and dates of the writes', async () => {
        await fc.assert(
          fc.asyncProperty(fc.array(fc.array(moveArb, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 5 }), fc.array(fc.integer({ min: -1, max: 151 }), { minLength: 1, maxLength: 6 }), async (batches, probes) => {
            const store = await seeded([]);
            const moves = batches.flatMap((batch, b) => batch.map((move, index) => ({ ...move, id: `m${b}-${index}`, date: dateOf(move.day) })));
            for (let b = 0; b < batches.length; b++) {
              const batch = moves.filter((move) => move.id.startsWith(`m${b}-`));
              await store.transact((tx) => tx.insertEntries(batch.map((move) => entry(move.id, move.date, move.amount, move.pending ? 'pending' : 'posted'))));
            }
            const settled = moves.filter((move) => move.pending && move.settle !== 'none');
            if (settled.length > 0) await store.transact((tx) => tx.updateEntries(settled.map((move) => ({ id: move.id, status: move.settle as 'posted' | 'voided' }))));
            const posted = moves.filter((move) => !move.pending || move.settle === 'posted');
            const held = moves.filter((move) => move.pending && move.settle === 'none');
            const sum = (items: readonly { amount: bigint }[]): bigint => items.reduce((total, item) => total + item.amount, 0n);
            const balanceAt = (date: string): bigint => sum(posted.filter((move) => move.date <= date));
            for (const probe of probes) {
              const date = dateOf(probe);
              const later = [...new Set(posted.filter((move) => move.date > date).map((move) => move.date))].map(balanceAt);
              const days = [balanceAt(date), ...later];
              const lastDate = posted.length === 0 ? null : posted.map((move) => move.date).sort().at(-1)!;
              expect(await windowOf(store, date)).toEqual({
                total: sum(posted), minFrom: days.reduce((a, b) => (b < a ? b : a)), maxFrom: days.reduce((a, b) => (b > a ? b : a)), lastDate,
                pendingDebit: sum(held.filter((move) => move.amount > 0n)), pendingCredit: sum(held.filter((move) => move.amount < 0n)),
              });
              const asOf = await store.transact(async (tx) => [...(await tx.getBalancesAsOf(['cash'], date, false)), ...(await tx.getBalancesAsOf(['cash'], date, true))]);
              expect(asOf).toEqual([balanceAt(date), balanceAt(date) + sum(held.filter((move) => move.date <= date))]);
            }
            expect(await store.transact(async (tx) => tx.getBalancesAsOf(['cash', 'other'], null, false))).toEqual([sum(posted), -sum(posted)]);
          }),
          { numRuns },
        );
      });
    });
  });
}

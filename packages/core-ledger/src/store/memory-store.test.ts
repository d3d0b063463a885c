import { describe, expect, it } from 'vitest';
import { runLedgerStoreContract } from '../testing/index.js';
import type { AccountRecord, EntityRecord, EntryRecord } from '../ports/ledger-store.js';
import { createMemoryStore } from './memory-store.js';

runLedgerStoreContract({ name: 'memory', createStore: () => createMemoryStore() });

const account: AccountRecord = {
  id: 'cash', entityId: 'e', name: 'Assets:Cash', type: 'asset', subtype: 'cash', currency: 'USD', scale: 2,
  balanceMin: null, balanceMax: null, counterpartyId: null, openedOn: '2026-01-01', closedOn: null, fingerprint: '{}', createdAt: '2026-01-01T00:00:00.000Z',
};

const entity: EntityRecord = { id: 'e', kind: 'individual', name: 'E', baseCurrency: 'USD', owners: [], closedThrough: null, fingerprint: '{}', createdAt: account.createdAt };
const equity: AccountRecord = { ...account, id: 'equity', name: 'Equity:Capital', type: 'equity', subtype: 'other' };

function entry(id: string, date: string, amount: bigint): EntryRecord {
  return {
    id, entityId: 'e', date, description: id, metadata: {}, status: 'posted', reversesId: null, reversedById: null, flowId: null, fingerprint: id, recordedAt: account.createdAt,
    postings: [{ accountId: 'cash', amount }, { accountId: 'equity', amount: -amount }],
  };
}

describe('createMemoryStore', () => {
  it('keeps balances exact past 2^53 minor units, back-dated postings included', async () => {
    const store = createMemoryStore();
    const big = 2n ** 53n - 1n;
    await store.transact(async (tx) => {
      await tx.putEntities([entity]);
      await tx.putAccounts([account, equity]);
      await tx.insertEntries([entry('a', '2026-01-10', big), entry('b', '2026-01-20', 3n)]);
    });
    // Past the safe-integer range from here on, and back-dated before both days.
    await store.transact((tx) => tx.insertEntries([entry('c', '2026-01-05', big), entry('d', '2026-01-05', 1n), entry('e', '2026-01-15', -big)]));
    const asOf = (date: string | null) => store.transact(async (tx) => (await tx.getBalancesAsOf(['cash', 'equity'], date, false)));
    expect(await asOf('2026-01-05')).toEqual([big + 1n, -big - 1n]);
    expect(await asOf('2026-01-10')).toEqual([2n * big + 1n, -2n * big - 1n]);
    expect(await asOf(null)).toEqual([big + 4n, -big - 4n]);
    const [window] = await store.transact((tx) => tx.getBalanceWindows([{ accountId: 'cash', fromDate: '2026-01-06' }]));
    expect(window).toMatchObject({ total: big + 4n, minFrom: big + 1n, maxFrom: 2n * big + 1n, lastDate: '2026-01-20' });
  });

  it('refuses an entry id it holds and keeps the first entry where it was', async () => {
    const store = createMemoryStore();
    await store.transact(async (tx) => {
      await tx.putEntities([entity]);
      await tx.putAccounts([account, equity]);
      await tx.insertEntries([entry('a', '2026-01-10', 5n), entry('b', '2026-01-11', 7n)]);
    });
    await expect(store.transact((tx) => tx.insertEntries([entry('c', '2026-01-12', 1n), { ...entry('a', '2026-01-12', 2n), fingerprint: 'other' }]))).rejects.toThrow('entry a exists');
    await expect(store.transact((tx) => tx.insertEntries([entry('d', '2026-01-12', 1n), entry('d', '2026-01-13', 1n)]))).rejects.toThrow('entry d exists');
    const [a, b, c, d] = await store.transact((tx) => tx.getEntries(['a', 'b', 'c', 'd']));
    expect([a?.fingerprint, b?.fingerprint, c, d]).toEqual(['a', 'b', undefined, undefined]);
    expect((await store.transact((tx) => tx.listEntries({ limit: 10 }))).map((stored) => [stored.id, stored.seq])).toEqual([['a', 1], ['b', 2]]);
    expect(await store.transact((tx) => tx.getBalancesAsOf(['cash'], null, false))).toEqual([12n]);
    await store.transact(async (tx) => {
      await tx.updateEntries([{ id: 'a', reversedById: 'b' }]);
      await tx.insertEntries([entry('c', '2026-01-12', 1n)]);
    });
    const [updated] = await store.transact((tx) => tx.getEntries(['a']));
    expect(updated?.reversedById).toBe('b');
  });

  it('refuses writes through a tx kept past its unit of work', async () => {
    const store = createMemoryStore();
    const kept = await store.transact(async (tx) => tx);
    await expect(kept.putAccounts([account])).rejects.toThrow('outside its unit of work');
    expect(await store.transact((tx) => tx.listAccounts('e'))).toEqual([]);
  });

  it('runs units of work one after another', async () => {
    const store = createMemoryStore();
    const order: string[] = [];
    const slow = store.transact(async () => {
      order.push('slow start');
      await new Promise((resolve) => setTimeout(resolve, 10));
      order.push('slow end');
    });
    const fast = store.transact(async () => void order.push('fast'));
    await Promise.all([slow, fast]);
    expect(order).toEqual(['slow start', 'slow end', 'fast']);
  });
});

import { describe, expect, it } from 'vitest';
import { runLedgerStoreContract } from '../testing/index.js';
import type { AccountRecord } from '../ports/ledger-store.js';
import { createMemoryStore } from './memory-store.js';

runLedgerStoreContract({ name: 'memory', createStore: () => createMemoryStore() });

const account: AccountRecord = {
  id: 'cash', entityId: 'e', name: 'Assets:Cash', type: 'asset', subtype: 'cash', currency: 'USD', scale: 2,
  balanceMin: null, balanceMax: null, counterpartyId: null, openedOn: '2026-01-01', closedOn: null, fingerprint: '{}', createdAt: '2026-01-01T00:00:00.000Z',
};

describe('createMemoryStore', () => {
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

import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../_internal/canonical.js';
import type { AccountRecord, EntryRecord, JsonValue } from '../ports/ledger-store.js';
import { createMemoryStore } from '../store/memory-store.js';
import type { EntryDraft } from './validate-entry.js';
import { writeEntries } from './write-entries.js';
import { portCash, portCreatedAt, portEntity } from '../testing/port-records.js';

const createdAt = portCreatedAt;
const entity = portEntity;
const cash = portCash;
const equity: AccountRecord = { ...cash, id: 'eq:1', name: 'Equity:Capital', type: 'equity', subtype: 'other' };

function draft(id: string, amount: string, extra: Partial<EntryDraft> = {}): EntryDraft {
  return { id, date: '2026-02-03', description: 'Pay', metadata: {}, flowId: null, reversesId: null, postings: [{ accountId: 'cash', amount }, { accountId: 'eq:1', amount: `-${amount}` }], ...extra };
}

/** The fingerprint as documented: canonical JSON of what the caller chose. */
function expectedFingerprint(record: EntryRecord): string {
  return canonicalJson([record.status, record.date, record.description, record.metadata as JsonValue, record.flowId, record.reversesId, record.postings.map((posting) => [posting.accountId, String(posting.amount)])]);
}

describe('writeEntries', () => {
  it('gives every new record its fingerprint and the batch an audit payload of [id, fingerprint] pairs', async () => {
    const store = createMemoryStore();
    await store.transact(async (tx) => {
      await tx.putEntities([entity]);
      await tx.putAccounts([cash, equity]);
    });
    const drafts = [
      draft('a', '1.25'),
      draft('b "quoted"', '10.00', { description: 'Rent "May" \\ ü\n', metadata: { z: [1, 'x'], a: { y: null } }, flowId: 'f-1', reversesId: 'r-0' }),
      draft('a', '1.25'),
      draft('c', '0.01'),
    ];
    const written = await store.transact((tx) => writeEntries(tx, drafts, 'posted', createdAt));
    expect(written.replayed).toEqual([false, false, true, false]);
    expect(written.records[2]).toBe(written.records[0]);
    for (const record of written.created) expect(record.fingerprint).toBe(expectedFingerprint(record));
    expect(written.auditPayload).toBe(canonicalJson(written.created.map((record) => [record.id, JSON.parse(record.fingerprint) as JsonValue])));
    const stored = await store.transact((tx) => tx.getEntries(['a', 'b "quoted"', 'c']));
    expect(stored.map((record) => record?.fingerprint)).toEqual(written.created.map(expectedFingerprint));

    const again = await store.transact((tx) => writeEntries(tx, [draft('c', '0.01'), draft('d', '2.00')], 'posted', createdAt));
    expect(again.replayed).toEqual([true, false]);
    expect(again.auditPayload).toBe(`[["d",${expectedFingerprint(again.created[0]!)}]]`);
    await expect(store.transact((tx) => writeEntries(tx, [draft('e', '1.00'), draft('e', '2.00')], 'posted', createdAt))).rejects.toThrow("id 'e' already exists with different content");
  });
});

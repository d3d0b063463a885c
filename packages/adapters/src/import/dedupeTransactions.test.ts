import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Money } from '@kronos/core-ledger';
import { dedupeTransactions, parseOfx, payeeSimilarity, type ImportedTransaction } from '@kronos/adapters/import';
import { readFixture } from '../_internal/fixtures.js';

function txn(overrides: Partial<ImportedTransaction> & { amount?: Money }): ImportedTransaction {
  return {
    accountRef: 'chk', bankTransactionId: null, postedDate: '2024-03-01', amount: Money.of('-4.50', 'USD'), payee: 'BLUE BOTTLE',
    memo: null, pending: false, category: null, checkNumber: null, type: null, raw: {}, ...overrides,
  };
}

describe('dedupeTransactions', () => {
  it('adds nothing when the same OFX file is imported twice', () => {
    const first = parseOfx(readFixture('bank_medium.ofx')).transactions;
    const once = dedupeTransactions([], first);
    expect(once.added).toHaveLength(3);
    const again = dedupeTransactions(once.added, parseOfx(readFixture('bank_medium.ofx')).transactions);
    expect(again.added).toHaveLength(0);
    expect(again.duplicates.map((d) => d.reason)).toEqual(['bank_id', 'bank_id', 'bank_id']);
  });

  it('makes a pending charge and its posting one item, even under a new bank id', () => {
    const pending = txn({ bankTransactionId: 'P-1', pending: true, payee: 'SQ *BLUE BOTTLE', postedDate: '2024-03-01' });
    const posted = txn({ bankTransactionId: 'F-9', pending: false, payee: 'SQ *BLUE BOTTLE COFFEE OAKLAND', postedDate: '2024-03-04' });
    const result = dedupeTransactions([pending], [posted]);
    expect(result.added).toEqual([]);
    expect(result.settled).toEqual([{ incoming: posted, existing: pending, reason: 'fuzzy' }]);
  });

  it('keeps two genuine identical transactions on the same day', () => {
    const a = txn({ payee: 'PARKING METER' });
    const b = txn({ payee: 'PARKING METER' });
    const first = dedupeTransactions([], [a, b]);
    expect(first.added).toHaveLength(2);
    expect(dedupeTransactions(first.added, [a, b]).added).toHaveLength(0);
    expect(dedupeTransactions([a], [a, b]).added).toHaveLength(1);
  });

  it('keeps two posted transactions with different bank ids apart however alike', () => {
    const result = dedupeTransactions([txn({ bankTransactionId: 'A' })], [txn({ bankTransactionId: 'B' })]);
    expect(result.added).toHaveLength(1);
  });

  it('does not match across accounts, amounts, or dates beyond the window', () => {
    const existing = [txn({})];
    expect(dedupeTransactions(existing, [txn({ accountRef: 'sav' })]).added).toHaveLength(1);
    expect(dedupeTransactions(existing, [txn({ amount: Money.of('-4.51', 'USD') })]).added).toHaveLength(1);
    expect(dedupeTransactions(existing, [txn({ postedDate: '2024-03-07' })]).added).toHaveLength(1);
    expect(dedupeTransactions(existing, [txn({ postedDate: '2024-03-07' })], { dateWindowDays: 6 }).added).toHaveLength(0);
  });

  it('does not match a different payee with the same amount and date', () => {
    const result = dedupeTransactions([txn({ payee: 'NETFLIX.COM' })], [txn({ payee: 'CITY WATER UTILITY' })]);
    expect(result.added).toHaveLength(1);
  });

  it('pairs each incoming record with the nearest-dated existing one', () => {
    const near = txn({ postedDate: '2024-03-02' });
    const far = txn({ postedDate: '2024-03-05' });
    const result = dedupeTransactions([far, near], [txn({ postedDate: '2024-03-01' })]);
    expect(result.duplicates[0]?.existing).toBe(near);
  });

  it('treats a bank id repeated within one file as one item', () => {
    const result = dedupeTransactions([], [txn({ bankTransactionId: 'X' }), txn({ bankTransactionId: 'X' })]);
    expect(result.added).toHaveLength(1);
    expect(result.duplicates).toHaveLength(1);
  });

  it('refuses a negative date window with INVALID_INPUT', () => {
    expect(() => dedupeTransactions([], [], { dateWindowDays: -1 })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('payeeSimilarity', () => {
  it('is 1 for a payee contained in the other and low for unrelated ones', () => {
    expect(payeeSimilarity('sq blue bottle', 'sq blue bottle coffee')).toBe(1);
    expect(payeeSimilarity('netflix com', 'city water')).toBeLessThan(0.3);
  });
});

const arbTransaction = fc.record({
  accountRef: fc.constantFrom('chk', 'sav'),
  bankTransactionId: fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { nil: null }),
  day: fc.integer({ min: 1, max: 28 }),
  cents: fc.integer({ min: -500, max: 500 }),
  payee: fc.constantFrom('COFFEE', 'COFFEE SHOP', 'RENT', 'GROCER', null),
  pending: fc.boolean(),
}).map((r) => txn({ accountRef: r.accountRef, bankTransactionId: r.bankTransactionId, postedDate: `2024-03-${String(r.day).padStart(2, '0')}`, amount: Money.fromMinorUnits(BigInt(r.cents), 'USD'), payee: r.payee, pending: r.pending }));

describe('properties', () => {
  it('accounts for every incoming record exactly once: added + duplicates + settled = incoming', () => {
    fc.assert(fc.property(fc.array(arbTransaction, { maxLength: 12 }), fc.array(arbTransaction, { maxLength: 12 }), (existing, incoming) => {
      const r = dedupeTransactions(existing, incoming);
      expect(r.added.length + r.duplicates.length + r.settled.length).toBe(incoming.length);
    }), { numRuns: 200 });
  });

  it('is idempotent: re-importing what was added adds nothing', () => {
    fc.assert(fc.property(fc.array(arbTransaction, { maxLength: 12 }), fc.array(arbTransaction, { maxLength: 12 }), (existing, incoming) => {
      const first = dedupeTransactions(existing, incoming);
      const store = [...existing, ...first.added];
      expect(dedupeTransactions(store, incoming).added).toEqual([]);
    }), { numRuns: 200 });
  });

  it('keeps every record of a first import whose bank ids are distinct', () => {
    fc.assert(fc.property(fc.array(arbTransaction, { maxLength: 12 }), (incoming) => {
      const distinct = incoming.filter((t, i) => t.bankTransactionId === null || incoming.findIndex((u) => u.accountRef === t.accountRef && u.bankTransactionId === t.bankTransactionId) === i);
      expect(dedupeTransactions([], distinct).added).toHaveLength(distinct.length);
    }), { numRuns: 200 });
  });

  it('matches each existing record at most once', () => {
    fc.assert(fc.property(fc.array(arbTransaction, { maxLength: 12 }), fc.array(arbTransaction, { maxLength: 12 }), (existing, incoming) => {
      const r = dedupeTransactions(existing, incoming);
      const fuzzyTargets = [...r.duplicates, ...r.settled].filter((m) => m.reason === 'fuzzy').map((m) => m.existing);
      expect(new Set(fuzzyTargets).size).toBe(fuzzyTargets.length);
    }), { numRuns: 200 });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../_internal/dates.js';
import { accounts, buy, sell } from '../_internal/testRecords.js';
import { holdingPeriodAnniversary } from '../holding/classifyHoldingPeriod.js';
import type { TaxRecordInput } from '../records/schemas.js';
import { buildForm8949Rows } from '../reports/buildForm8949.js';
import { reconcileLedger } from '../reports/reconcileLedger.js';
import { computeTaxLots } from './computeTaxLots.js';

const methods = ['fifo', 'lifo', 'hifo', 'average', 'minimumTax'] as const;

const op = fc.record({
  // Dense histories (about 6 months, mostly taxable) so that wash sales, chains and IRA replacements are common.
  day: fc.integer({ min: 0, max: 400 }).map((d) => (d < 300 ? d % 150 : d)),
  account: fc.constantFrom('brokerage', 'brokerage', 'second', 'ira'),
  symbol: fc.constantFrom('AAA', 'BBB', 'CCC'),
  sell: fc.integer({ min: 0, max: 4 }).map((n) => n < 2),
  quantity: fc.integer({ min: 1, max: 40 }),
  priceCents: fc.integer({ min: 100, max: 20_000 }),
});

/** A valid trade history: sales never exceed what the account holds when the engine reaches them. */
function history(ops: readonly { day: number; account: string; symbol: string; sell: boolean; quantity: number; priceCents: number }[]): TaxRecordInput[] {
  const dated = ops.map((o, i) => ({ ...o, id: `r${String(i).padStart(3, '0')}`, date: addDaysIso('2023-01-02', o.day) }));
  dated.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.sell !== b.sell ? (a.sell ? 1 : -1) : a.id < b.id ? -1 : 1));
  const held = new Map<string, number>();
  const records: TaxRecordInput[] = [];
  for (const o of dated) {
    const key = `${o.account}:${o.symbol}`;
    const have = held.get(key) ?? 0;
    const amount = (cents: number) => (cents / 100).toFixed(2);
    if (!o.sell) {
      held.set(key, have + o.quantity);
      records.push(buy({ id: o.id, accountId: o.account, date: o.date, symbol: o.symbol, quantity: String(o.quantity), cost: amount(o.priceCents * o.quantity) }));
    } else if (have > 0) {
      const quantity = Math.min(have, o.quantity);
      held.set(key, have - quantity);
      records.push(sell({ id: o.id, accountId: o.account, date: o.date, symbol: o.symbol, quantity: String(quantity), proceeds: amount(o.priceCents * quantity) }));
    }
  }
  return records;
}

const histories = fc.array(op, { minLength: 10, maxLength: 50 }).map(history);
const profileFor = (method: (typeof methods)[number]) => ({
  accounts: [accounts.brokerage, accounts.second, accounts.ira],
  defaultMethod: method,
  rates: { shortTerm: '0.37', longTerm: '0.2', state: '0.05' },
  substantiallyIdentical: [{ id: 'ab', symbols: ['AAA', 'BBB'] }],
});
const runs = { numRuns: 60 };

describe('properties', () => {
  it('conserves basis: basis sold + basis remaining = purchases + disallowed losses carried (losses lost to IRAs add none)', () => {
    fc.assert(fc.property(histories, fc.constantFrom(...methods), (records, method) => {
      const ledger = computeTaxLots(records, profileFor(method));
      expect(reconcileLedger(ledger).difference.toString()).toBe('0.00');
    }), runs);
  });

  it('never both deducts and disallows a loss: the disallowed part is at most the loss, and a washed disposal reports no gain', () => {
    fc.assert(fc.property(histories, (records) => {
      for (const d of computeTaxLots(records, profileFor('fifo')).disposals) {
        expect(d.disallowedLoss.isNegative()).toBe(false);
        expect(d.permanentlyDisallowedLoss.lessThanOrEqual(d.disallowedLoss)).toBe(true);
        expect(d.disallowedLoss.lessThanOrEqual(d.gain.isNegative() ? d.gain.negate() : d.gain.subtract(d.gain))).toBe(true);
        expect(d.recognizedGain.equals(d.gain.add(d.disallowedLoss))).toBe(true);
        if (d.disallowedLoss.isPositive()) expect(d.recognizedGain.isPositive()).toBe(false);
      }
    }), runs);
  });

  it('does not depend on the order records are given in', () => {
    fc.assert(fc.property(histories.chain((records) => fc.tuple(fc.constant(records), fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }))), fc.constantFrom(...methods), ([records, shuffled], method) => {
      const a = computeTaxLots(records, profileFor(method));
      const b = computeTaxLots(shuffled, profileFor(method));
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    }), runs);
  });

  it('never reports a sale within one year of the holding-period start as long-term', () => {
    fc.assert(fc.property(histories, (records) => {
      for (const d of computeTaxLots(records, profileFor('lifo')).disposals) {
        if (d.soldOn <= holdingPeriodAnniversary(d.holdingPeriodStart)) expect(d.term).toBe('short');
        else expect(d.term).toBe('long');
      }
    }), runs);
  });

  it('Form 8949 rows add up to the taxable disposals, and every row has (h) = (d) - (e) + (g)', () => {
    fc.assert(fc.property(histories, fc.constantFrom(...methods), (records, method) => {
      const ledger = computeTaxLots(records, profileFor(method));
      const rows = buildForm8949Rows(ledger.disposals);
      expect(reconcileLedger(ledger, rows).form8949Matches).toBe(true);
      for (const row of rows) expect(row.gain.equals(row.proceeds.subtract(row.basis).add(row.adjustment))).toBe(true);
    }), runs);
  });
});

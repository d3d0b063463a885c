import { Money } from '@kronos/core-ledger';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../_internal/dates.js';
import { accounts, buy, sell } from '../_internal/testRecords.js';
import { holdingPeriodAnniversary } from '../holding/classifyHoldingPeriod.js';
import type { TaxRecordInput } from '../records/schemas.js';
import { boxOf, buildForm8949Rows } from '../reports/buildForm8949.js';
import { reconcileLedger } from '../reports/reconcileLedger.js';
import { computeTaxLots } from './computeTaxLots.js';
import type { Disposal } from './types.js';

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

/**
 * References written the plain way, with `Money` arithmetic on the public
 * fields, against which the engine's integer fast path is compared.
 */
describe('the integer fast path against straightforward references', () => {
  /** Lot relief by FIFO, LIFO or HIFO with `Money.allocate`, for accounts where no wash sale can arise. */
  function referenceRelief(records: readonly TaxRecordInput[], method: 'fifo' | 'lifo' | 'hifo') {
    type RefLot = { id: string; accountId: string; symbol: string; quantity: Money; basis: Money };
    const positions = new Map<string, RefLot[]>();
    const disposals: string[][] = [];
    for (const record of records as (TaxRecordInput & { accountId: string; symbol: string; quantity: Money })[]) {
      const key = `${record.accountId}\u0000${record.symbol}`;
      const lots = positions.get(key) ?? [];
      positions.set(key, lots);
      if (record.kind === 'buy') {
        lots.push({ id: record.id, accountId: record.accountId, symbol: record.symbol, quantity: record.quantity, basis: (record as { cost: Money }).cost });
        continue;
      }
      const ordered = method === 'fifo' ? [...lots] : method === 'lifo' ? [...lots].reverse()
        : [...lots].sort((a, b) => b.basis.amount.times(a.quantity.amount).comparedTo(a.basis.amount.times(b.quantity.amount)));
      const pieces: { lot: RefLot; quantity: Money; basis: Money }[] = [];
      let left = record.quantity;
      for (const lot of ordered) {
        if (!left.isPositive()) break;
        const take = left.lessThanOrEqual(lot.quantity) ? left : lot.quantity;
        const [basis, kept] = lot.basis.allocate([take.amount, lot.quantity.subtract(take).amount]) as [Money, Money];
        pieces.push({ lot, quantity: take, basis });
        lot.quantity = lot.quantity.subtract(take);
        lot.basis = kept;
        left = left.subtract(take);
      }
      const proceeds = (record as { proceeds: Money }).proceeds.allocate(pieces.map((piece) => piece.quantity.amount));
      pieces.forEach((piece, i) => disposals.push([`${record.id}:${piece.lot.id}`, piece.quantity.toString(), proceeds[i]!.toString(), piece.basis.toString()]));
      positions.set(key, lots.filter((lot) => lot.quantity.isPositive()));
    }
    const open = [...positions.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .flatMap(([, lots]) => lots.map((lot) => [lot.id, lot.quantity.toString(), lot.basis.toString()]));
    return { disposals, open };
  }

  /** Form 8949 rows from a disposal's public fields: one per match, then the rest. */
  function referenceRows(disposals: readonly Disposal[]) {
    const rows: Record<string, unknown>[] = [];
    for (const d of disposals) {
      if (!d.taxable || d.section1256) continue;
      const row = (quantity: Money, proceeds: Money, basis: Money, adjustment: Money) => ({
        part: d.term === 'short' ? 'I' : 'II', box: boxOf(d), disposalId: d.id, saleId: d.saleId, accountId: d.accountId, quantity: quantity.toJSON(),
        description: `${quantity.amount.toString()} sh ${d.symbol}`, dateAcquired: d.acquiredOn, dateSold: d.soldOn, proceeds: proceeds.toJSON(),
        basis: basis.toJSON(), code: adjustment.isZero() ? '' : 'W', adjustment: adjustment.toJSON(), gain: proceeds.subtract(basis).add(adjustment).toJSON(),
      });
      let [quantity, proceeds, basis] = [d.quantity, d.proceeds, d.basis];
      for (const m of d.washMatches) {
        rows.push(row(m.quantity, m.proceeds, m.basis, m.disallowedLoss));
        [quantity, proceeds, basis] = [quantity.subtract(m.quantity), proceeds.subtract(m.proceeds), basis.subtract(m.basis)];
      }
      if (!(quantity.isZero() && proceeds.isZero() && basis.isZero())) rows.push(row(quantity, proceeds, basis, Money.zero('USD')));
    }
    return rows;
  }

  /** A disposal as a plain object with every public field, as a caller might build one. */
  const plain = (d: Disposal): Disposal => ({
    id: d.id, saleId: d.saleId, lotId: d.lotId, originId: d.originId, accountId: d.accountId, accountType: d.accountType, symbol: d.symbol,
    quantity: d.quantity, acquiredOn: d.acquiredOn, holdingPeriodStart: d.holdingPeriodStart, soldOn: d.soldOn, term: d.term, method: d.method,
    proceeds: d.proceeds, basis: d.basis, gain: d.gain, disallowedLoss: d.disallowedLoss, permanentlyDisallowedLoss: d.permanentlyDisallowedLoss,
    recognizedGain: d.recognizedGain, taxable: d.taxable, section1256: d.section1256, basisReported: d.basisReported, form1099B: d.form1099B,
    washMatches: d.washMatches.map((m) => ({
      disposalId: m.disposalId, replacementOriginId: m.replacementOriginId, replacementLotId: m.replacementLotId, replacementAccountId: m.replacementAccountId,
      replacementAcquiredOn: m.replacementAcquiredOn, replacementQuantity: m.replacementQuantity, quantity: m.quantity, proceeds: m.proceeds, basis: m.basis,
      disallowedLoss: m.disallowedLoss, permanent: m.permanent,
    })),
  });

  it('relieves lots like a Money.allocate reference (FIFO, LIFO, HIFO; IRA and Roth accounts, so no wash sales)', () => {
    const taxFree = fc.array(op, { minLength: 10, maxLength: 50 }).map((ops) => history(ops.map((o) => ({ ...o, account: o.account === 'second' ? 'roth' : 'ira' }))));
    fc.assert(fc.property(taxFree, fc.constantFrom('fifo' as const, 'lifo' as const, 'hifo' as const), (records, method) => {
      const ledger = computeTaxLots(records, { accounts: [accounts.ira, accounts.roth], defaultMethod: method });
      const expected = referenceRelief(records, method);
      expect(ledger.disposals.map((d) => [d.id, d.quantity.toString(), d.proceeds.toString(), d.basis.toString()])).toEqual(expected.disposals);
      expect(ledger.openLots.map((lot) => [lot.id, lot.quantity.toString(), lot.basis.toString()])).toEqual(expected.open);
    }), runs);
  });

  it('builds Form 8949 rows and disposal totals like a Money reference, for its own disposals and for plain ones', () => {
    fc.assert(fc.property(histories, fc.constantFrom(...methods), (records, method) => {
      const { disposals } = computeTaxLots(records, profileFor(method));
      const expected = JSON.stringify(referenceRows(disposals));
      expect(JSON.stringify(buildForm8949Rows(disposals))).toBe(expected);
      expect(JSON.stringify(buildForm8949Rows(disposals.map(plain)))).toBe(expected);
      for (const d of disposals) {
        expect(d.id).toBe(`${d.saleId}:${d.lotId}`);
        expect(d.disallowedLoss.equals(Money.sum(d.washMatches.map((m) => m.disallowedLoss), 'USD'))).toBe(true);
        expect(d.permanentlyDisallowedLoss.equals(Money.sum(d.washMatches.filter((m) => m.permanent).map((m) => m.disallowedLoss), 'USD'))).toBe(true);
        for (const m of d.washMatches) {
          expect(m.disposalId).toBe(d.id);
          expect(m.basis.equals(m.proceeds.add(m.disallowedLoss))).toBe(true);
          expect(m.replacementQuantity.amount.equals(m.quantity.amount)).toBe(true);
        }
      }
    }), runs);
  });
});

import { describe, expect, it } from 'vitest';
import { accounts, buy, sell } from '../_internal/testRecords.js';
import { computeTaxLots } from '../lots/computeTaxLots.js';
import { boxOf, buildForm8949Rows } from './buildForm8949.js';
import { formatForm8949Csv } from './formatForm8949Csv.js';
import { reconcileLedger } from './reconcileLedger.js';
import { summarizeRealizedGains } from './summarizeRealizedGains.js';
import { summarizeScheduleD } from './summarizeScheduleD.js';

const profile = { accounts: [accounts.brokerage, accounts.ira] };
// A long-term gain, a partly washed short-term loss (40 of 100 shares replaced), a noncovered lot and an IRA sale.
const ledger = computeTaxLots([
  buy({ id: 'old', date: '2022-05-02', symbol: 'AAA', quantity: '10', cost: '500.00' }),
  sell({ id: 's-old', date: '2024-02-01', symbol: 'AAA', quantity: '10', proceeds: '800.00' }),
  buy({ id: 'm1', date: '2024-01-02', symbol: 'M', quantity: '100', cost: '5000.00' }),
  sell({ id: 's-m', date: '2024-03-01', symbol: 'M', quantity: '100', proceeds: '4000.00' }),
  buy({ id: 'm2', date: '2024-03-20', symbol: 'M', quantity: '40', cost: '1600.00' }),
  { kind: 'transferIn', id: 't1', accountId: 'brokerage', date: '2024-01-10', symbol: 'NC', quantity: { amount: '5', currency: 'NC', scale: 0 }, basis: { amount: '100.00', currency: 'USD', scale: 2 }, acquiredOn: '2015-06-01' },
  sell({ id: 's-nc', date: '2024-04-01', symbol: 'NC', quantity: '5', proceeds: '90.50' }),
  buy({ id: 'i1', accountId: 'ira', date: '2024-01-02', symbol: 'Z', quantity: '1', cost: '10.00' }),
  sell({ id: 's-i', accountId: 'ira', date: '2024-05-01', symbol: 'Z', quantity: '1', proceeds: '5.00' }),
  sell({ id: 's-next', date: '2025-01-15', symbol: 'M', quantity: '40', proceeds: '1700.00' }),
], profile);

describe('buildForm8949Rows', () => {
  const rows = buildForm8949Rows(ledger.disposals, { year: 2024 });

  it('splits a partly washed disposal into a code W row per match and a row for the rest', () => {
    const m = rows.filter((row) => row.saleId === 's-m');
    expect(m.map((row) => [row.description, row.proceeds.toString(), row.basis.toString(), row.code, row.adjustment.toString(), row.gain.toString()])).toEqual([
      ['40 sh M', '1600.00', '2000.00', 'W', '400.00', '0.00'],
      ['60 sh M', '2400.00', '3000.00', '', '0.00', '-600.00'],
    ]);
  });

  it('computes (h) = (d) - (e) + (g) on every row', () => {
    for (const row of rows) expect(row.gain.equals(row.proceeds.subtract(row.basis).add(row.adjustment))).toBe(true);
  });

  it('files rows in Part I/II and boxes A-F by term and basis reporting, and leaves IRA sales out', () => {
    expect(rows.map((row) => [row.saleId, row.part, row.box])).toEqual([
      ['s-old', 'II', 'D'],
      ['s-m', 'I', 'A'],
      ['s-m', 'I', 'A'],
      ['s-nc', 'II', 'E'],
    ]);
    expect(boxOf({ term: 'short', basisReported: false, form1099B: true })).toBe('B');
    expect(boxOf({ term: 'short', basisReported: true, form1099B: false })).toBe('C');
    expect(boxOf({ term: 'long', basisReported: true, form1099B: false })).toBe('F');
  });

  it('keeps the acquisition date in column (b) while the tacked holding period sets the term', () => {
    const next = buildForm8949Rows(ledger.disposals, { year: 2025 });
    // m2/w1 bought 2024-03-20 carries the 59 days of m1 (01-02 -> 03-01): its period starts 2024-01-21, long-term after 2025-01-21.
    expect(next.map((row) => [row.dateAcquired, row.part, row.basis.toString(), row.gain.toString()])).toEqual([['2024-03-20', 'I', '2000.00', '-300.00']]);
  });
});

describe('summarizeScheduleD', () => {
  it('totals box A rows without adjustment on line 1a, with adjustment on 1b, box D on 8a and box E on 9', () => {
    const totals = summarizeScheduleD(buildForm8949Rows(ledger.disposals, { year: 2024 }));
    const line = (n: string) => totals.lines.find((l) => l.line === n);
    expect([line('1a')?.rows, line('1a')?.gain.toString()]).toEqual([1, '-600.00']);
    expect([line('1b')?.rows, line('1b')?.adjustment.toString(), line('1b')?.gain.toString()]).toEqual([1, '400.00', '0.00']);
    expect([line('8a')?.rows, line('8a')?.gain.toString()]).toEqual([1, '300.00']);
    expect([line('9')?.rows, line('9')?.gain.toString()]).toEqual([1, '-9.50']);
    expect(totals.shortTermGain.toString()).toBe('-600.00');
    expect(totals.longTermGain.toString()).toBe('290.50');
  });
});

describe('formatForm8949Csv', () => {
  it('writes a header and one CRLF line per row with form dates and quoted fields', () => {
    const rows = buildForm8949Rows(ledger.disposals, { year: 2024 });
    // Rows are read-only views (spreading one copies no fields), so the quoting case is written out in full.
    const first = rows[0]!;
    const quoted = {
      part: first.part, box: first.box, disposalId: first.disposalId, saleId: first.saleId, accountId: first.accountId, quantity: first.quantity,
      description: '10 sh AAA, "class A"', dateAcquired: first.dateAcquired, dateSold: first.dateSold, proceeds: first.proceeds,
      basis: first.basis, code: first.code, adjustment: first.adjustment, gain: first.gain,
    };
    const csv = formatForm8949Csv([quoted, rows[1]!]);
    expect(csv.split('\r\n')).toEqual([
      'Part,Box,Description (a),Date acquired (b),Date sold (c),Proceeds (d),Cost or other basis (e),Code (f),Adjustment (g),Gain or loss (h),Account,Sale id',
      'II,D,"10 sh AAA, ""class A""",05/02/2022,02/01/2024,800.00,500.00,,,300.00,brokerage,s-old',
      'I,A,40 sh M,01/02/2024,03/01/2024,1600.00,2000.00,W,400.00,0.00,brokerage,s-m',
      '',
    ]);
  });
});

describe('summarizeRealizedGains', () => {
  it('sums reported gains by year and term, the disallowed loss apart', () => {
    expect(summarizeRealizedGains(ledger.disposals).map((s) => [s.year, s.term, s.gain.toString(), s.disallowedLoss.toString()])).toEqual([
      [2024, 'short', '-600.00', '400.00'],
      [2024, 'long', '290.50', '0.00'],
      [2025, 'short', '-300.00', '0.00'],
    ]);
  });
});

describe('reconcileLedger', () => {
  it('balances basis sold and remaining against purchases plus carried disallowed losses', () => {
    const result = reconcileLedger(ledger, buildForm8949Rows(ledger.disposals));
    expect(result.balanced).toBe(true);
    expect(result.difference.toString()).toBe('0.00');
    expect(result.disallowedCarried.toString()).toBe('400.00');
    expect(result.form8949Matches).toBe(true);
  });

  it('notices rows that do not add up to the ledger', () => {
    const rows = buildForm8949Rows(ledger.disposals);
    expect(reconcileLedger(ledger, rows.slice(1)).form8949Matches).toBe(false);
  });
});

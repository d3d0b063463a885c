import { isKronosError } from '@kronos/core-ledger';
import { describe, expect, it } from 'vitest';
import { accounts, buy, sell, reinvest } from '../_internal/testRecords.js';
import { computeTaxLots } from './computeTaxLots.js';

// Three lots of X: 10 @ $10 (Jan 2023), 10 @ $30 (Jun 2023), 10 @ $20 (Jan 2024); 10 sold for $250 on 2024-03-01.
const lots = [
  buy({ id: 'a', date: '2023-01-03', symbol: 'X', quantity: '10', cost: '100.00' }),
  buy({ id: 'b', date: '2023-06-01', symbol: 'X', quantity: '10', cost: '300.00' }),
  buy({ id: 'c', date: '2024-01-02', symbol: 'X', quantity: '10', cost: '200.00' }),
];
const saleOf = (quantity: string, extra: Partial<Parameters<typeof sell>[0]> = {}) =>
  sell({ id: 's', date: '2024-03-01', symbol: 'X', quantity, proceeds: quantity === '10' ? '250.00' : '375.00', ...extra });
const soldWith = (method: 'fifo' | 'lifo' | 'hifo' | 'minimumTax', quantity = '10') =>
  computeTaxLots([...lots, saleOf(quantity)], { accounts: [accounts.brokerage], defaultMethod: method, rates: { shortTerm: '0.37', longTerm: '0.2', state: '0.05' } })
    .disposals.map((d) => [d.lotId, d.quantity.toString(), d.basis.toString(), d.term]);

describe('planRelief (through computeTaxLots)', () => {
  it('FIFO sells the earliest acquired lot first', () => {
    expect(soldWith('fifo')).toEqual([['a', '10', '100.00', 'long']]);
  });

  it('LIFO sells the latest acquired lot first', () => {
    expect(soldWith('lifo')).toEqual([['c', '10', '200.00', 'short']]);
  });

  it('HIFO sells the highest basis per share first', () => {
    expect(soldWith('hifo', '15')).toEqual([['b', '10', '300.00', 'short'], ['c', '5', '100.00', 'short']]);
  });

  it('minimum tax sells the lot with the lowest tax per share first (the loss, then the cheaper gain)', () => {
    // Price $25: a gains $15 long-term, b loses $5 short-term, c gains $5 short-term.
    // Tax per share at 37%/20% federal + 5% state: a 0.25*15=3.75, b 0.42*-5=-2.10, c 0.42*5=2.10 -> b, c, a.
    expect(soldWith('minimumTax', '15')).toEqual([['b', '10', '300.00', 'short'], ['c', '5', '100.00', 'short']]);
  });

  it('minimum tax prefers a long-term gain to a smaller short-term gain that costs more tax', () => {
    // Price $25: old lot gains $15/share long-term (0.25*15 = 3.75), new lot gains $10/share short-term (0.42*10 = 4.20).
    const ledger = computeTaxLots([
      buy({ id: 'old', date: '2022-01-03', symbol: 'X', quantity: '10', cost: '100.00' }),
      buy({ id: 'new', date: '2024-01-02', symbol: 'X', quantity: '10', cost: '150.00' }),
      sell({ id: 's', date: '2024-03-01', symbol: 'X', quantity: '10', proceeds: '250.00' }),
    ], { accounts: [accounts.brokerage], defaultMethod: 'minimumTax', rates: { shortTerm: '0.37', longTerm: '0.2', state: '0.05' } });
    expect(ledger.disposals.map((d) => d.lotId)).toEqual(['old']);
  });

  it('apportions the basis of part of a lot with allocate: the sold part takes the odd cent', () => {
    const ledger = computeTaxLots([
      buy({ id: 'a', date: '2024-01-02', symbol: 'X', quantity: '3', cost: '100.00' }),
      sell({ id: 's', date: '2024-02-01', symbol: 'X', quantity: '1', proceeds: '40.00' }),
    ], { accounts: [accounts.brokerage] });
    expect(ledger.disposals[0]?.basis.toString()).toBe('33.34');
    expect(ledger.openLots[0]?.basis.toString()).toBe('66.66');
  });

  it('specific identification sells the named lots', () => {
    const ledger = computeTaxLots([...lots, saleOf('15', { lots: [{ lotId: 'c', quantity: '10' }, { lotId: 'a', quantity: '5' }] })], { accounts: [accounts.brokerage], defaultMethod: 'specific' });
    expect(ledger.disposals.map((d) => [d.lotId, d.quantity.toString(), d.basis.toString()])).toEqual([['c', '10', '200.00'], ['a', '5', '50.00']]);
  });

  it('specific identification refuses an unknown lot with LOT_NOT_FOUND and a short pick with INVALID_INPUT', () => {
    const profile = { accounts: [accounts.brokerage], defaultMethod: 'specific' as const };
    const codeOf = (run: () => unknown) => {
      try {
        run();
        return undefined;
      } catch (error) {
        return isKronosError(error) ? error.code : 'NOT_KRONOS';
      }
    };
    expect(codeOf(() => computeTaxLots([...lots, saleOf('10', { lots: [{ lotId: 'zz', quantity: '10' }] })], profile))).toBe('LOT_NOT_FOUND');
    expect(codeOf(() => computeTaxLots([...lots, saleOf('10', { lots: [{ lotId: 'a', quantity: '5' }] })], profile))).toBe('INVALID_INPUT');
    expect(codeOf(() => computeTaxLots([...lots, saleOf('10', { lots: [{ lotId: 'a', quantity: '11' }] })], profile))).toBe('INVALID_INPUT');
    expect(codeOf(() => computeTaxLots([...lots, saleOf('10')], profile))).toBe('INVALID_INPUT');
  });

  it('minimum tax without rates is refused with INVALID_INPUT', () => {
    expect(() => computeTaxLots([...lots, saleOf('10')], { accounts: [accounts.brokerage], defaultMethod: 'minimumTax' })).toThrow(/needs rates/);
  });

  it('average cost uses the pool basis per share and the earliest shares for the holding period', () => {
    // Fund F: 10 @ $10 (2023), 5 reinvested @ $13 (2024); pool 15 shares, $165. Sell 12: basis 165*12/15 = $132.
    const ledger = computeTaxLots([
      buy({ id: 'f1', date: '2023-01-03', symbol: 'F', quantity: '10', cost: '100.00' }),
      reinvest({ id: 'f2', date: '2024-01-02', symbol: 'F', quantity: '5', cost: '65.00' }),
      sell({ id: 's', date: '2024-03-01', symbol: 'F', quantity: '12', proceeds: '180.00' }),
    ], { accounts: [accounts.brokerage], defaultMethod: 'average' });
    expect(ledger.disposals.map((d) => [d.lotId, d.quantity.toString(), d.basis.toString(), d.term])).toEqual([
      ['f1', '10', '110.00', 'long'],
      ['f2', '2', '22.00', 'short'],
    ]);
    expect(ledger.openLots.map((lot) => [lot.id, lot.quantity.toString(), lot.basis.toString()])).toEqual([['f2', '3', '33.00']]);
  });

  it('picks the method per account and year: account and year beat account, which beats year', () => {
    const profile = {
      accounts: [accounts.brokerage, accounts.second],
      defaultMethod: 'fifo' as const,
      methods: [
        { year: 2024, method: 'hifo' as const },
        { accountId: 'second', method: 'lifo' as const },
        { accountId: 'second', year: 2025, method: 'fifo' as const },
      ],
    };
    const inAccount = (accountId: string, year: string) => computeTaxLots([
      ...lots.map((record) => ({ ...record, accountId })),
      sell({ id: 's', accountId, date: `${year}-03-03`, symbol: 'X', quantity: '10', proceeds: '250.00' }),
    ], profile).disposals[0]?.lotId;
    expect(inAccount('brokerage', '2024')).toBe('b');
    expect(inAccount('brokerage', '2025')).toBe('a');
    expect(inAccount('second', '2024')).toBe('c');
    expect(inAccount('second', '2025')).toBe('a');
  });
});

describe('corporate actions', () => {
  it('a 2-for-1 split doubles the shares and keeps the basis and dates', () => {
    const ledger = computeTaxLots([
      buy({ id: 'a', date: '2023-01-03', symbol: 'X', quantity: '10', cost: '100.00' }),
      { kind: 'split', id: 'sp', accountId: 'brokerage', date: '2023-06-01', symbol: 'X', ratio: '2' },
      sell({ id: 's', date: '2024-03-01', symbol: 'X', quantity: '20', proceeds: '150.00' }),
    ], { accounts: [accounts.brokerage] });
    expect(ledger.disposals.map((d) => [d.quantity.toString(), d.basis.toString(), d.acquiredOn, d.term])).toEqual([['20', '100.00', '2023-01-03', 'long']]);
  });

  it('a symbol change moves the lots to the new ticker, dates and basis unchanged, and keeps wash sales across it', () => {
    const ledger = computeTaxLots([
      buy({ id: 'a', date: '2024-01-02', symbol: 'FB', quantity: '10', cost: '300.00' }),
      sell({ id: 's0', date: '2024-01-20', symbol: 'FB', quantity: '5', proceeds: '100.00' }),
      { kind: 'symbolChange', id: 'sc', accountId: 'brokerage', date: '2024-02-01', symbol: 'FB', newSymbol: 'META' },
      buy({ id: 'b', date: '2024-02-05', symbol: 'META', quantity: '5', cost: '110.00' }),
    ], { accounts: [accounts.brokerage] });
    expect(ledger.openLots.map((lot) => [lot.id, lot.symbol, lot.quantity.currency.code, lot.acquiredOn])).toEqual([
      ['a', 'META', 'META', '2024-01-02'],
      ['b/w1', 'META', 'META', '2024-02-05'],
    ]);
    expect(ledger.disposals[0]?.disallowedLoss.toString()).toBe('50.00');
  });
});

import { describe, expect, it } from 'vitest';
import { asset, createLedger, createMemoryStore, isKronosError, Money } from '@kronos/core-ledger';
import { createStaticPriceSource } from '../ports/index.js';
import { checkDrift } from './check-drift.js';
import { loadPositions } from './load-positions.js';

async function brokerageBooks() {
  const ledger = createLedger({ store: createMemoryStore(), actor: 'test' });
  await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
  const open = (id: string, name: string, code: string) => ({ id, entityId: 'ana', name, currency: { code, scale: 6 }, openedOn: '2026-01-01' });
  await ledger.openAccounts([open('vti', 'Assets:Brokerage:VTI', 'VTI'), open('bnd', 'Assets:Brokerage:BND', 'BND'), open('eq-vti', 'Equity:Opening:VTI', 'VTI'), open('eq-bnd', 'Equity:Opening:BND', 'BND')]);
  await ledger.postEntry({ id: 'v', date: '2026-01-02', description: 'Transfer in VTI', postings: [{ accountId: 'vti', amount: Money.of('7', asset('VTI', 6)) }, { accountId: 'eq-vti', amount: Money.of('-7', asset('VTI', 6)) }] });
  await ledger.postEntry({ id: 'b', date: '2026-01-20', description: 'Transfer in BND', postings: [{ accountId: 'bnd', amount: Money.of('6', asset('BND', 6)) }, { accountId: 'eq-bnd', amount: Money.of('-6', asset('BND', 6)) }] });
  return ledger;
}

const accounts = [
  { ledgerAccountId: 'vti', accountId: 'brk', symbol: 'VTI' },
  { ledgerAccountId: 'bnd', accountId: 'brk', symbol: 'BND' },
];

describe('loadPositions', () => {
  it('reads share quantities from ledger balances as of a date, leaving out empty ones', async () => {
    const ledger = await brokerageBooks();
    const early = await loadPositions({ ledger }, { date: '2026-01-10', accounts });
    expect(early.map((p) => `${p.symbol} ${p.quantity.toString()}`)).toEqual(['VTI 7.000000']);
    const later = await loadPositions({ ledger }, { date: '2026-01-31', accounts });
    expect(later.map((p) => `${p.symbol} ${p.quantity.toString()}`)).toEqual(['VTI 7.000000', 'BND 6.000000']);
  });

  it('feeds checkDrift', async () => {
    const ledger = await brokerageBooks();
    const positions = await loadPositions({ ledger }, { date: '2026-01-31', accounts });
    const prices = createStaticPriceSource({ VTI: Money.of('100', 'USD'), BND: Money.of('50', 'USD') });
    const report = await checkDrift({ prices }, { portfolioId: 'p', date: '2026-01-31', currency: 'USD', targets: { VTI: 0.6, BND: 0.4 }, bands: { absolute: 0.05 }, positions });
    expect(report.breached).toBe(true);
  });

  it('refuses a ledger account in another asset than the symbol', async () => {
    const ledger = await brokerageBooks();
    await expect(loadPositions({ ledger }, { date: '2026-01-31', accounts: [{ ledgerAccountId: 'vti', accountId: 'brk', symbol: 'BND' }] })).rejects.toSatisfy((e: unknown) => isKronosError(e, 'INVALID_INPUT'));
  });
});

import { asset, createLedger, createMemoryStore, Money } from '@kronos/core-ledger';
import { createPaperBroker, createStaticPriceSource, settleFill, type SettlementAccounts, type TradeRecord } from '@kronos/portfolio';
import { computeTaxLots } from '@kronos/tax';
import { describe, expect, it } from 'vitest';

const vti = asset('VTI', 6);

async function openBrokerage() {
  const ledger = createLedger({ store: createMemoryStore(), actor: 'ana' });
  await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
  const open = (id: string, name: string, currency: string | { code: string; scale: number }) => ({ id, entityId: 'ana', name, currency, openedOn: '2026-01-01' });
  await ledger.openAccounts([
    open('cash', 'Assets:Brokerage:Cash', 'USD'),
    open('vti', 'Assets:Brokerage:VTI', vti),
    open('trading-vti', 'Equity:Trading:VTI', vti),
    open('trading-usd', 'Equity:Trading:USD', 'USD'),
    open('fees', 'Expenses:Fees', 'USD'),
    open('opening', 'Equity:Opening', 'USD'),
  ]);
  await ledger.postEntry({ id: 'fund', date: '2026-01-02', description: 'Deposit', postings: [{ accountId: 'cash', amount: '10000.00' }, { accountId: 'opening', amount: '-10000.00' }] });
  const accounts: SettlementAccounts = { cash: 'cash', securities: 'vti', securitiesClearing: 'trading-vti', cashClearing: 'trading-usd', fees: 'fees' };
  return { ledger, accounts };
}

describe('portfolio settlement feeding the tax lots', () => {
  it('hands over buy and sell records the tax package takes as they are', async () => {
    const { ledger, accounts } = await openBrokerage();
    const records: TradeRecord[] = [];
    const trade = async (id: string, side: 'buy' | 'sell', price: string, date: string) => {
      const broker = createPaperBroker({ prices: createStaticPriceSource({ VTI: Money.of(price, 'USD') }), currency: 'USD', commission: Money.of('1.00', 'USD') });
      const fill = await broker.placeOrder({ id, accountId: 'brokerage', symbol: 'VTI', side, quantity: Money.of('10', vti), date });
      records.push((await settleFill({ ledger }, { fill, accounts })).record);
    };
    await trade('o1', 'buy', '200', '2026-01-05'); // cost 2000 + 1 commission
    await trade('o2', 'sell', '180', '2026-02-02'); // proceeds 1800 - 1 = 1799 against a cost of 2001: a loss of 202.00
    await trade('o3', 'buy', '185', '2026-02-10'); // bought back within 30 days: a wash sale

    const lots = computeTaxLots(records, { accounts: [{ id: 'brokerage', type: 'taxable' }] });
    expect(lots.disposals).toHaveLength(1);
    expect(lots.disposals[0]?.disallowedLoss.toString()).toBe('202.00');
    expect(lots.openLots[0]?.basis.toString()).toBe('2053.00'); // 1850 + 1 commission + 202 disallowed
    expect((await ledger.trialBalance()).balanced).toBe(true);
  });
});

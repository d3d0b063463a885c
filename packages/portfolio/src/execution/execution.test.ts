import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asset, createLedger, createMemoryStore, isKronosError, Money } from '@kronos/core-ledger';
import { createStaticPriceSource } from '../ports/index.js';
import { createPaperBroker, settleFill, type SettlementAccounts } from './index.js';

const vti = asset('VTI', 6);
const prices = createStaticPriceSource({ VTI: Money.of('200', 'USD') });
const order = (id: string, side: 'buy' | 'sell', quantity: string) => ({ id, accountId: 'brk', symbol: 'VTI', side, quantity: Money.of(quantity, vti), date: '2026-01-05' });

async function openBooks() {
  const ledger = createLedger({ store: createMemoryStore(), actor: 'test' });
  await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
  const open = (id: string, name: string, currency: string | { code: string; scale: number }) => ({ id, entityId: 'ana', name, currency, openedOn: '2026-01-01' });
  await ledger.openAccounts([
    open('cash', 'Assets:Brokerage:Cash', 'USD'),
    open('vti', 'Assets:Brokerage:VTI', { code: 'VTI', scale: 6 }),
    open('trading-vti', 'Equity:Trading:VTI', { code: 'VTI', scale: 6 }),
    open('trading-usd', 'Equity:Trading:USD', 'USD'),
    open('fees', 'Expenses:Fees', 'USD'),
    open('opening', 'Equity:Opening', 'USD'),
  ]);
  await ledger.postEntry({ id: 'fund', date: '2026-01-02', description: 'Deposit', postings: [{ accountId: 'cash', amount: '10000.00' }, { accountId: 'opening', amount: '-10000.00' }] });
  const accounts: SettlementAccounts = { cash: 'cash', securities: 'vti', securitiesClearing: 'trading-vti', cashClearing: 'trading-usd', fees: 'fees' };
  return { ledger, accounts };
}

describe('createPaperBroker', () => {
  it('fills at the price plus slippage with a commission', async () => {
    const broker = createPaperBroker({ prices, currency: 'USD', slippageBps: 10, commission: Money.of('1', 'USD') });
    const fill = await broker.placeOrder(order('o1', 'sell', '5'));
    expect(fill.price.toString()).toBe('199.800000');
    expect(fill.gross.toString()).toBe('999.00');
    expect(fill.status).toBe('filled');
  });

  it('fills part of an order when asked to', async () => {
    const broker = createPaperBroker({ prices, currency: 'USD', fillRatio: 0.5 });
    const fill = await broker.placeOrder({ ...order('o1', 'buy', '3'), quantity: Money.of('3', asset('VTI', 0)) });
    expect(fill.quantity.toString()).toBe('1');
    expect(fill.status).toBe('partial');
  });

  it('is idempotent on the order id and refuses a reused id with other content', async () => {
    const broker = createPaperBroker({ prices, currency: 'USD' });
    const first = await broker.placeOrder(order('o1', 'buy', '2'));
    expect(await broker.placeOrder(order('o1', 'buy', '2'))).toBe(first);
    await expect(broker.placeOrder(order('o1', 'buy', '3'))).rejects.toSatisfy((e: unknown) => isKronosError(e, 'IDEMPOTENCY_CONFLICT'));
  });
});

describe('settleFill', () => {
  it('writes one balanced entry and returns the buy record for the tax package', async () => {
    const { ledger, accounts } = await openBooks();
    const broker = createPaperBroker({ prices, currency: 'USD', commission: Money.of('2', 'USD') });
    const { record } = await settleFill({ ledger }, { fill: await broker.placeOrder(order('o1', 'buy', '5')), accounts });
    expect(record).toMatchObject({ kind: 'buy', symbol: 'VTI', date: '2026-01-05' });
    expect(record.kind === 'buy' && record.cost.toString()).toBe('1002.00');
    expect(record.id).toBe('o1');
    expect((await ledger.getBalance({ accountId: 'vti' })).toString()).toBe('5.000000');
    expect((await ledger.getBalance({ accountId: 'cash' })).toString()).toBe('8998.00');
    expect((await ledger.trialBalance()).balanced).toBe(true);
  });

  it('settles a fill once however often it is replayed', async () => {
    const { ledger, accounts } = await openBooks();
    const fill = await createPaperBroker({ prices, currency: 'USD' }).placeOrder(order('o1', 'buy', '1'));
    await settleFill({ ledger }, { fill, accounts });
    await settleFill({ ledger }, { fill, accounts });
    expect((await ledger.getBalance({ accountId: 'vti' })).toString()).toBe('1.000000');
  });
});

describe('properties', () => {
  it('settlement keeps the ledger balanced over any sequence of fills', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ side: fc.constantFrom('buy' as const, 'sell' as const), quantity: fc.integer({ min: 1, max: 20 }), slippage: fc.integer({ min: 0, max: 50 }) }), { minLength: 1, maxLength: 6 }),
        async (trades) => {
          const { ledger, accounts } = await openBooks();
          for (const [k, trade] of trades.entries()) {
            const broker = createPaperBroker({ prices, currency: 'USD', slippageBps: trade.slippage, commission: Money.of('0.99', 'USD') });
            await settleFill({ ledger }, { fill: await broker.placeOrder(order(`o${k}`, trade.side, String(trade.quantity))), accounts });
          }
          expect((await ledger.trialBalance()).balanced).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });
});

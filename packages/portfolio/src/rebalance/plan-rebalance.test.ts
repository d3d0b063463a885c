import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asset, Money } from '@kronos/core-ledger';
import { thrownCode } from '../__tests__/error-code.js';
import { planRebalance, type RebalanceHolding, type RebalanceInput, type RebalancePlan, type SellCostFunction } from './plan-rebalance.js';

const usd = 'USD';
const hold = (accountId: string, accountType: RebalanceHolding['accountType'], symbol: string, quantity: number, price: string): RebalanceHolding => ({
  accountId,
  accountType,
  symbol,
  quantity: Money.of(String(quantity), asset(symbol, 0)),
  price: Money.of(price, usd),
});
const base = (holdings: RebalanceHolding[], extra: Partial<RebalanceInput> = {}): RebalanceInput => ({
  date: '2026-01-02',
  currency: usd,
  targets: { VTI: 0.6, BND: 0.4 },
  bands: { absolute: 0.05 },
  minimumTrade: Money.of('10', usd),
  holdings,
  cash: [],
  prices: { VTI: Money.of('100', usd), BND: Money.of('50', usd) },
  ...extra,
});
const ordersOf = (plan: RebalancePlan) => plan.accounts.flatMap((a) => a.orders.map((o) => `${a.accountId} ${o.side} ${o.quantity.toString()} ${o.symbol}`));

describe('planRebalance', () => {
  it('sells the overweight and buys the underweight back to target', () => {
    const plan = planRebalance({}, base([hold('ira', 'tax_deferred', 'VTI', 8, '100'), hold('ira', 'tax_deferred', 'BND', 4, '50')]));
    expect(ordersOf(plan)).toEqual(['ira sell 2 VTI', 'ira buy 4 BND']);
    expect(plan.weightsAfter).toEqual({ VTI: 0.6, BND: 0.4 });
  });

  it('spends a deposit on the underweight before selling anything', () => {
    const plan = planRebalance({}, base([hold('brk', 'taxable', 'VTI', 8, '100'), hold('brk', 'taxable', 'BND', 4, '50')], { cash: [{ accountId: 'brk', accountType: 'taxable', amount: Money.of('400', usd) }] }));
    // 1,400 in all: BND's target is 560, 360 short, so 7 shares; VTI's 40 gap is under one share.
    expect(ordersOf(plan)).toEqual(['brk buy 7 BND']);
  });

  it('sells inside the tax-advantaged account before the taxable one', () => {
    const plan = planRebalance({}, base([hold('brk', 'taxable', 'VTI', 4, '100'), hold('ira', 'tax_deferred', 'VTI', 4, '100'), hold('ira', 'tax_deferred', 'BND', 4, '50')]));
    expect(ordersOf(plan)).toEqual(['ira sell 2 VTI', 'ira buy 4 BND']);
  });

  it('sells where the sell-cost function prices the least tax', () => {
    const sellCost: SellCostFunction = ({ accountId, quantity, price }) => ({ costUsd: Money.of(quantity.amount.times(price.amount).times(accountId === 'gains' ? '0.2' : '0').toFixed(2), usd) });
    const plan = planRebalance({ sellCost }, base([hold('gains', 'taxable', 'VTI', 4, '100'), hold('losses', 'taxable', 'VTI', 4, '100'), hold('losses', 'taxable', 'BND', 4, '50')]));
    expect(ordersOf(plan)).toEqual(['losses sell 2 VTI', 'losses buy 4 BND']);
    expect(plan.estimatedCost.toString()).toBe('0.00');
  });

  it('raises a withdrawal from the overweight first, then rebalances what stays', () => {
    // 800 stays invested: VTI's target is 480 (it holds 800), BND's 320 (it holds 200).
    const plan = planRebalance({}, base([hold('ira', 'tax_deferred', 'VTI', 8, '100'), hold('ira', 'tax_deferred', 'BND', 4, '50')], { withdrawal: Money.of('200', usd) }));
    expect(ordersOf(plan)).toEqual(['ira sell 3 VTI', 'ira buy 2 BND']);
    expect(plan.weightsAfter).toEqual({ VTI: 0.625, BND: 0.375 });
  });

  it('refuses a withdrawal larger than the holdings', () => {
    expect(thrownCode(() => planRebalance({}, base([hold('ira', 'tax_deferred', 'VTI', 1, '100')], { withdrawal: Money.of('500', usd) })))).toBe('INSUFFICIENT_FUNDS');
  });

  it('places nothing inside the bands', () => {
    expect(planRebalance({}, base([hold('ira', 'tax_deferred', 'VTI', 6, '100'), hold('ira', 'tax_deferred', 'BND', 8, '50')])).accounts).toEqual([]);
  });
});

describe('properties', () => {
  const holdingsArbitrary = fc.array(
    fc.record({ account: fc.constantFrom('a', 'b'), type: fc.constantFrom('taxable' as const, 'tax_deferred' as const), symbol: fc.constantFrom('VTI', 'BND'), quantity: fc.integer({ min: 0, max: 200 }) }),
    { minLength: 1, maxLength: 6 },
  );

  it('never sells more than is held and never spends more cash than an account has', () => {
    fc.assert(
      fc.property(holdingsArbitrary, fc.integer({ min: 0, max: 5000 }), (rows, deposit) => {
        const holdings = rows.map((r) => hold(r.account, r.type, r.symbol, r.quantity, r.symbol === 'VTI' ? '100' : '50'));
        const plan = planRebalance({}, base(holdings, { cash: [{ accountId: 'a', accountType: 'taxable', amount: Money.of(String(deposit), usd) }] }));
        for (const { accountId, orders } of plan.accounts) {
          let cash = accountId === 'a' ? deposit : 0;
          for (const order of orders) {
            const held = holdings.filter((h) => h.accountId === accountId && h.symbol === order.symbol).reduce((s, h) => s + h.quantity.toNumber(), 0);
            if (order.side === 'sell') {
              expect(order.quantity.toNumber()).toBeLessThanOrEqual(held);
              cash += order.estimatedValue.toNumber();
            } else cash -= order.estimatedValue.toNumber();
          }
          expect(cash).toBeGreaterThanOrEqual(-1e-9);
        }
      }),
      { numRuns: 150 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asset, currency, isKronosError, Money } from '@kronos/core-ledger';
import { loadStockPrices, loadStockProblem } from '../__tests__/stock-prices.js';
import { maximizeSharpe } from '../optimize/index.js';
import { allocateDiscrete, type DiscreteAllocation } from './allocate-discrete.js';

const usd = currency('USD');
const priceUnit = asset('USD', 6);
const data = loadStockProblem();
const prices = (() => {
  // get_latest_prices: the last row of stock_prices.csv (2018-04-11), every stock listed by then.
  const table = loadStockPrices();
  const last = table.dates.length - 1;
  return Object.fromEntries(table.columns.map((t, i) => [t, Money.of(table.values[last * table.columns.length + i]!.toFixed(6), priceUnit)]));
})();
const weightsOf = (bounds: [number, number]) => {
  const result = maximizeSharpe({ covariance: data.covariance, expectedReturns: data.expectedReturns, tickers: data.tickers, weightBounds: bounds });
  return Object.fromEntries(data.tickers.map((t, i) => [t, result.weights[i]!]));
};
const longOnly = weightsOf([0, 1]);
const longShort = weightsOf([-1, 1]);
const shares = (result: DiscreteAllocation) => Object.fromEntries(result.orders.map((o) => [o.ticker, Number(o.shares.toString())]));
const shorts = { BAC: -32, AMD: -48, SHLD: -132, GM: -9, RRC: -19, GE: -14, T: -5, UAA: -8 };

describe('allocateDiscrete on PyPortfolioOpt test_discrete_allocation.py', () => {
  it('test_greedy_portfolio_allocation_short: the same shares', () => {
    const result = allocateDiscrete({ weights: longShort, prices, totalValue: Money.of('10000', priceUnit) }, { shortRatio: 0.3 });
    expect(shares(result)).toEqual({ MA: 19, PFE: 42, FB: 7, GOOG: 1, BABA: 5, AAPL: 4, SBUX: 8, BBY: 6, XOM: 4, WMT: 3, ...shorts });
    // test_greedy_allocation_rmse_error_short: 0.06063511265243106.
    expect(result.rmse).toBeCloseTo(0.06063511265243106, 12);
    // Cash is conserved exactly: 13,000 = longs + shorts + leftover.
    const gross = result.orders.reduce((sum: Money, o) => sum.add(o.cost), Money.zero(priceUnit) as Money);
    expect(gross.add(result.leftover).toString()).toBe('13000.000000');
  });

  it('test_greedy_portfolio_allocation_short_different_params and _reinvest', () => {
    const big = { weights: longShort, prices, totalValue: Money.of('50000', priceUnit) };
    const bigShorts = { BAC: -269, AMD: -399, SHLD: -1099, GM: -78, RRC: -154, GE: -119, T: -41, UAA: -64 };
    expect(shares(allocateDiscrete(big, { shortRatio: 0.5 }))).toEqual({ MA: 96, PFE: 211, FB: 34, GOOG: 4, BABA: 22, AAPL: 17, SBUX: 38, AMZN: 2, BBY: 27, XOM: 19, WMT: 10, ...bigShorts });
    expect(shares(allocateDiscrete(big, { shortRatio: 0.5, reinvest: true }))).toEqual({
      MA: 145, PFE: 317, FB: 53, GOOG: 6, BABA: 34, AAPL: 27, SBUX: 58, AMZN: 2, BBY: 41, XOM: 30, WMT: 17, JPM: 1, ...bigShorts,
    });
  });

  it('test_greedy_allocation_rmse_error: long only', () => {
    const result = allocateDiscrete({ weights: longOnly, prices, totalValue: Money.of('10000', priceUnit) });
    expect(result.rmse).toBeCloseTo(0.017086185150415774, 12);
  });

  it('test_lp_portfolio_allocation_short and _reinvest: the exact method gives the same shares', () => {
    const input = { weights: longShort, prices, totalValue: Money.of('10000', priceUnit) };
    const exact = allocateDiscrete(input, { method: 'exact', shortRatio: 0.3 });
    expect(shares(exact)).toEqual({ GOOG: 1, AAPL: 4, FB: 7, BABA: 5, WMT: 3, XOM: 4, BBY: 6, MA: 19, PFE: 42, SBUX: 8, ...shorts });
    expect(exact.rmse).toBeCloseTo(0.06063511265243109, 12);
    const reinvested = allocateDiscrete(input, { method: 'exact', shortRatio: 0.3, reinvest: true });
    expect(shares(reinvested)).toEqual({ GOOG: 1, AAPL: 5, FB: 10, BABA: 6, WMT: 3, XOM: 6, BBY: 7, MA: 26, PFE: 55, SBUX: 10, JPM: 1, ...shorts });
  });

  it('test_lp_portfolio_allocation_different_params: 80,000 long only', () => {
    const result = allocateDiscrete({ weights: longOnly, prices, totalValue: Money.of('80000', priceUnit) }, { method: 'exact' });
    expect(shares(result)).toEqual({ GOOG: 3, AAPL: 32, FB: 100, BABA: 34, AMZN: 2, BBY: 15, MA: 164, PFE: 438, SBUX: 15 });
  });

  it('test_lp_portfolio_allocation: the published shares less the AMD share bought for a 1e-9 solver weight', () => {
    // PyPortfolioOpt's solver left AMD a tiny positive weight, so its MILP spent
    // spare cash on one AMD share; our max-Sharpe weight for AMD is exactly 0.
    const result = allocateDiscrete({ weights: longOnly, prices, totalValue: Money.of('10000', priceUnit) }, { method: 'exact' });
    expect(shares(result)).toEqual({ GOOG: 1, AAPL: 4, FB: 12, BABA: 4, BBY: 2, MA: 20, PFE: 54, SBUX: 1 });
    // test_lp_allocation_rmse_error: 0.017082871441954087 to 5 decimals.
    expect(Math.abs(result.rmse - 0.017082871441954087)).toBeLessThan(1e-5);
  });
});

describe('allocateDiscrete', () => {
  it('buys fractional shares to the given scale', () => {
    const result = allocateDiscrete(
      { weights: { AAA: 0.5, BBB: 0.5 }, prices: { AAA: Money.of('30', usd), BBB: Money.of('45', usd) }, totalValue: Money.of('100', usd) },
      { shareScale: 3 },
    );
    expect(result.orders.map((o) => o.shares.toString())).toEqual(['1.666', '1.111']);
  });

  it('drops orders below the minimum trade value', () => {
    const result = allocateDiscrete({
      weights: { AAA: 0.95, BBB: 0.05 },
      prices: { AAA: Money.of('10', usd), BBB: Money.of('5', usd) },
      totalValue: Money.of('100', usd),
      minimumTradeValue: Money.of('20', usd),
    });
    expect(result.orders.map((o) => o.ticker)).toEqual(['AAA']);
  });

  it('refuses a missing price and a price in another currency', () => {
    const code = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return isKronosError(error) ? error.code : 'other';
      }
      return undefined;
    };
    expect(code(() => allocateDiscrete({ weights: { AAA: 1 }, prices: {}, totalValue: Money.of('100', usd) }))).toBe('INVALID_INPUT');
    expect(code(() => allocateDiscrete({ weights: { AAA: 1 }, prices: { AAA: Money.of('1', 'EUR') }, totalValue: Money.of('100', usd) }))).toBe('INVALID_INPUT');
  });
});

describe('properties', () => {
  const caseArbitrary = fc.record({
    weights: fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
    prices: fc.array(fc.integer({ min: 100, max: 50_000 }), { minLength: 6, maxLength: 6 }),
    cash: fc.integer({ min: 0, max: 2_000_000 }),
    method: fc.constantFrom('greedy' as const, 'exact' as const),
  });

  it('never spends more than the cash: orders plus leftover equal the cash exactly, leftover >= 0', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ weights, prices: cents, cash, method }) => {
        const total = weights.reduce((s, w) => s + w, 0);
        const tickers = weights.map((_, i) => `T${i}`);
        const result = allocateDiscrete(
          {
            weights: Object.fromEntries(tickers.map((t, i) => [t, weights[i]! / total])),
            prices: Object.fromEntries(tickers.map((t, i) => [t, Money.fromMinorUnits(BigInt(cents[i]!), usd)])),
            totalValue: Money.fromMinorUnits(BigInt(cash), usd),
          },
          { method },
        );
        expect(result.leftover.isNegative()).toBe(false);
        const spent = result.orders.reduce((sum: Money, o) => sum.add(o.cost), Money.zero(usd) as Money);
        expect(spent.add(result.leftover).amount.equals(Money.fromMinorUnits(BigInt(cash), usd).amount)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('the exact method is never worse than greedy on the allocation objective', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ weights, prices: cents, cash }) => {
        const total = weights.reduce((s, w) => s + w, 0);
        const tickers = weights.map((_, i) => `T${i}`);
        const input = {
          weights: Object.fromEntries(tickers.map((t, i) => [t, weights[i]! / total])),
          prices: Object.fromEntries(tickers.map((t, i) => [t, Money.fromMinorUnits(BigInt(cents[i]!), usd)])),
          totalValue: Money.fromMinorUnits(BigInt(cash), usd),
        };
        // sum |w_i V - n_i p_i| + leftover, PyPortfolioOpt's lp_portfolio objective.
        const objective = (result: DiscreteAllocation) =>
          tickers.reduce((s, t, i) => s + Math.abs((weights[i]! / total) * (cash / 100) - (result.orders.find((o) => o.ticker === t)?.cost.toNumber() ?? 0)), 0) + result.leftover.toNumber();
        expect(objective(allocateDiscrete(input, { method: 'exact' }))).toBeLessThanOrEqual(objective(allocateDiscrete(input)) + 1e-6);
      }),
      { numRuns: 100 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  alignToDates,
  alphaBeta,
  annualReturn,
  annualVolatility,
  computeReturns,
  cornishFisherVar,
  createSeriesTable,
  gaussianVar,
  getColumn,
  historicalCvar,
  historicalVar,
  informationRatio,
  maxDrawdown,
  sharpeRatio,
  sortinoRatio,
  trackingError,
} from '../index.js';
import { loadSpyPrices, loadStockPrices } from '../__tests__/fixtures.js';

// Reference: scripts/reference_metrics.py (empyrical's formulas in numpy/scipy, run here) on
// test-data/spy_prices.csv and AAPL from test-data/stock_prices.csv aligned on SPY's dates.
const spyPrices = loadSpyPrices();
const aaplPrices = getColumn(alignToDates(loadStockPrices(), spyPrices.dates), 'AAPL');
const both = computeReturns(
  createSeriesTable({
    dates: [...spyPrices.dates],
    columns: ['SPY', 'AAPL'],
    rows: spyPrices.dates.map((_, t) => [spyPrices.values[t]!, Number.isNaN(aaplPrices[t]!) ? null : aaplPrices[t]!]),
  }),
);
const spy = getColumn(both, 'SPY');
const aapl = getColumn(both, 'AAPL');

describe('metrics on SPY daily returns, 1993-2018', () => {
  it('match the numpy reference for volatility, ratios, drawdown and annual return', () => {
    expect(annualVolatility(spy)).toBeCloseTo(0.18148942567279108, 12);
    expect(sharpeRatio(spy, { riskFree: 0.0001 })).toBeCloseTo(0.45873642424220373, 12);
    expect(sortinoRatio(spy)).toBeCloseTo(0.8517476002747789, 12);
    expect(maxDrawdown(spy)).toBeCloseTo(-0.5518942219357122, 12);
    expect(annualReturn(spy)).toBeCloseTo(0.09633642237468987, 10);
  });

  it('match the numpy reference for historical, Gaussian and Cornish-Fisher VaR and CVaR', () => {
    expect(historicalVar(spy, { confidence: 0.95 })).toBeCloseTo(0.018057991872237715, 14);
    expect(historicalCvar(spy, { confidence: 0.95 })).toBeCloseTo(0.027216806574413818, 14);
    expect(gaussianVar(spy, { confidence: 0.99 })).toBeCloseTo(0.026166194833560467, 12);
    expect(cornishFisherVar(spy, { confidence: 0.99 })).toBeCloseTo(0.05523897824017168, 10);
  });

  it('give AAPL against SPY the reference beta (scipy linregress), alpha, tracking error and information ratio', () => {
    const { alpha, beta } = alphaBeta(aapl, spy);
    expect(beta).toBeCloseTo(1.0657946148683521, 12);
    expect(alpha).toBeCloseTo(0.25449080408514213, 10);
    expect(trackingError(aapl, spy)).toBeCloseTo(0.41353541695891216, 12);
    expect(informationRatio(aapl, spy)).toBeCloseTo(0.035624895521383385, 12);
  });
});

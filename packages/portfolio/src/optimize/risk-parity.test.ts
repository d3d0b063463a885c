import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeReturns, ledoitWolfCovariance, meanHistoricalReturn, sampleCovariance } from '@kronos/risk';
import { isKronosError } from '@kronos/core-ledger';
import { loadStockPrices, loadStockProblem, pairwiseCorrelation } from '../__tests__/stock-prices.js';
import { hierarchicalRiskParity, riskParity } from './index.js';

describe('riskParity', () => {
  it('gives uncorrelated assets weights proportional to inverse volatility', () => {
    const result = riskParity({ covariance: [[0.04, 0], [0, 0.01]] });
    expect(result.weights[0]).toBeCloseTo(1 / 3, 14);
  });

  it('equalises risk contributions on stock_prices.csv to 1e-13', () => {
    const data = loadStockProblem();
    const result = riskParity({ covariance: data.covariance });
    for (const contribution of result.riskContributions) expect(contribution).toBeCloseTo(1 / 20, 13);
  });

  it('meets custom risk budgets', () => {
    const data = loadStockProblem();
    const budgets = Array.from({ length: 20 }, (_, i) => i + 1);
    const result = riskParity({ covariance: data.covariance }, { budgets });
    result.riskContributions.forEach((c, i) => expect(c).toBeCloseTo((i + 1) / 210, 13));
  });

  it('refuses a non-positive budget', () => {
    let code: string | undefined;
    try {
      riskParity({ covariance: [[1, 0], [0, 1]] }, { budgets: [1, 0] });
    } catch (error) {
      code = isKronosError(error) ? error.code : undefined;
    }
    expect(code).toBe('INVALID_INPUT');
  });
});

describe('hierarchicalRiskParity', () => {
  const returns = computeReturns(loadStockPrices());
  const covariance = sampleCovariance(returns, { repair: 'none' });
  const correlation = pairwiseCorrelation(returns);

  it("reproduces PyPortfolioOpt test_hrp.py's portfolio performance and quasi-diagonal order", () => {
    // test_portfolio_performance: (0.21353402380950973, 0.17844159743748936, 1.084579081272277),
    // with mu = arithmetic mean * 252; test_quasi_dag: first leaves [12, 6, 15, 14, 2].
    const mu = meanHistoricalReturn(returns, { compounding: false });
    const result = hierarchicalRiskParity({ covariance: covariance.matrix.data, expectedReturns: mu.values, tickers: covariance.assets }, { correlation });
    expect(result.order.slice(0, 5)).toEqual(['SHLD', 'AMD', 'BBY', 'RRC', 'FB']);
    const expected = [0.21353402380950973, 0.17844159743748936, 1.084579081272277];
    [result.expectedReturn, result.volatility, result.sharpe].forEach((v, i) => expect(Math.abs(v - expected[i]!) / expected[i]!).toBeLessThan(1e-12));
  });

  it('reproduces test_pass_cov_matrix: Ledoit-Wolf covariance, correlation rounded to 6 decimals', () => {
    const lw = ledoitWolfCovariance(returns, { repair: 'none' });
    const n = 20;
    const rounded = lw.matrix.data.map((v, k) => Math.round((v / Math.sqrt(lw.matrix.data[Math.floor(k / n) * 21]! * lw.matrix.data[(k % n) * 21]!)) * 1e6) / 1e6);
    const result = hierarchicalRiskParity({ covariance: lw.matrix.data, tickers: lw.assets }, { correlation: rounded });
    expect(Math.abs(result.volatility - 0.10002783894982334) / 0.10002783894982334).toBeLessThan(1e-10);
  });

  it('produces a full dendrogram whose merge distances never fall', () => {
    const result = hierarchicalRiskParity({ covariance: covariance.matrix.data, tickers: covariance.assets }, { correlation });
    expect(result.linkage).toHaveLength(19);
    expect(result.linkage.at(-1)!.size).toBe(20);
    for (let k = 1; k < 19; k++) expect(result.linkage[k]!.distance).toBeGreaterThanOrEqual(result.linkage[k - 1]!.distance);
  });
});

describe('properties', () => {
  const covarianceArbitrary = fc
    .record({ n: fc.integer({ min: 2, max: 8 }), entries: fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: 80, maxLength: 80 }) })
    .map(({ n, entries }) =>
      Array.from({ length: n }, (_, i) =>
        Array.from({ length: n }, (_, j) => {
          let sum = i === j ? 0.001 : 0;
          for (let r = 0; r < 10; r++) sum += entries[r * 8 + i]! * entries[r * 8 + j]!;
          return sum;
        }),
      ),
    );

  it('risk parity weights are positive, sum to 1 and equalise contributions', () => {
    fc.assert(
      fc.property(covarianceArbitrary, (covariance) => {
        const result = riskParity({ covariance });
        expect(Math.abs(result.weights.reduce((s, w) => s + w, 0) - 1)).toBeLessThan(1e-12);
        for (const w of result.weights) expect(w).toBeGreaterThan(0);
        for (const c of result.riskContributions) expect(c).toBeCloseTo(1 / covariance.length, 10);
      }),
      { numRuns: 100 },
    );
  });

  it('HRP weights are positive and sum to 1', () => {
    fc.assert(
      fc.property(covarianceArbitrary, (covariance) => {
        const result = hierarchicalRiskParity({ covariance });
        expect(Math.abs(result.weights.reduce((s, w) => s + w, 0) - 1)).toBeLessThan(1e-12);
        for (const w of result.weights) expect(w).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });
});

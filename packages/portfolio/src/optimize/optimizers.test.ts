import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrownCode } from '../__tests__/error-code.js';
import {
  computeEfficientFrontier,
  efficientReturn,
  efficientRisk,
  maximizeQuadraticUtility,
  maximizeSharpe,
  minimizeVolatility,
  type PortfolioProblem,
} from './index.js';

const twoAssets: PortfolioProblem = { covariance: [[0.04, 0], [0, 0.01]], expectedReturns: [0.1, 0.05] };


describe('minimizeVolatility', () => {
  it('weights uncorrelated assets by inverse variance', () => {
    const result = minimizeVolatility(twoAssets);
    expect(result.weights[0]).toBeCloseTo(0.2, 14);
    expect(result.volatility).toBeCloseTo(Math.sqrt(0.008), 14);
  });

  it('keeps a group inside its bounds', () => {
    const result = minimizeVolatility({ ...twoAssets, tickers: ['A', 'B'], groups: [{ name: 'equity', members: ['A'], lower: 0.5 }] });
    expect(result.weights[0]).toBeCloseTo(0.5, 12);
  });

  it('refuses a group member that is not an asset', () => {
    expect(thrownCode(() => minimizeVolatility({ ...twoAssets, tickers: ['A', 'B'], groups: [{ name: 'x', members: ['C'] }] }))).toBe('INVALID_INPUT');
  });

  it('pulls weights toward the current ones under a turnover cost', () => {
    const free = minimizeVolatility(twoAssets);
    const held = minimizeVolatility({ ...twoAssets, turnover: { currentWeights: [0.5, 0.5], costPerUnit: 0.01 } });
    expect(Math.abs(held.weights[0]! - 0.5)).toBeLessThan(Math.abs(free.weights[0]! - 0.5));
  });
});

describe('maximizeSharpe', () => {
  it('finds the tangency portfolio of uncorrelated assets: w proportional to excess return / variance', () => {
    // Closed form with rf = 0.02: y = S^-1 (mu - rf) = [0.08 / 0.04, 0.03 / 0.01] = [2, 3].
    const result = maximizeSharpe(twoAssets);
    expect(result.weights[0]).toBeCloseTo(0.4, 14);
  });

  it('reports INFEASIBLE when no asset beats the risk-free rate', () => {
    expect(thrownCode(() => maximizeSharpe(twoAssets, { riskFreeRate: 0.2 }))).toBe('INFEASIBLE');
  });

  it('refuses a turnover term', () => {
    expect(thrownCode(() => maximizeSharpe({ ...twoAssets, turnover: { currentWeights: [0.5, 0.5], costPerUnit: 0.01 } }))).toBe('INVALID_INPUT');
  });
});

describe('efficientReturn', () => {
  it('reaches the target return at the least variance', () => {
    const result = efficientReturn(twoAssets, 0.08);
    expect(result.expectedReturn).toBeCloseTo(0.08, 14);
    expect(result.weights[0]).toBeCloseTo(0.6, 14);
  });

  it('reports INFEASIBLE for a return above every asset', () => {
    expect(thrownCode(() => efficientReturn(twoAssets, 0.2))).toBe('INFEASIBLE');
  });
});

describe('efficientRisk', () => {
  it('hits the target volatility to 1e-12', () => {
    expect(efficientRisk(twoAssets, 0.15).volatility).toBeCloseTo(0.15, 12);
  });

  it('returns the maximum-return portfolio when the target is above its volatility', () => {
    expect(efficientRisk(twoAssets, 0.5).weights[0]).toBeCloseTo(1, 12);
  });

  it('reports INFEASIBLE below the minimum volatility', () => {
    expect(thrownCode(() => efficientRisk(twoAssets, 0.05))).toBe('INFEASIBLE');
  });
});

describe('maximizeQuadraticUtility', () => {
  it('solves the first-order condition of two uncorrelated assets', () => {
    // d/da [0.1a + 0.05(1-a) - 2(0.04a^2 + 0.01(1-a)^2)] = 0 gives a = 0.45.
    expect(maximizeQuadraticUtility(twoAssets, { riskAversion: 4 }).weights[0]).toBeCloseTo(0.45, 14);
  });

  it('refuses a non-positive risk aversion', () => {
    expect(thrownCode(() => maximizeQuadraticUtility(twoAssets, { riskAversion: 0 }))).toBe('INVALID_INPUT');
  });
});

/** A random covariance B'B/k + diag and returns, from fast-check numbers. */
const problemArbitrary = fc
  .record({
    n: fc.integer({ min: 2, max: 8 }),
    entries: fc.array(fc.double({ min: -0.3, max: 0.3, noNaN: true }), { minLength: 100, maxLength: 100 }),
    returns: fc.array(fc.double({ min: 0.03, max: 0.3, noNaN: true }), { minLength: 8, maxLength: 8 }),
    upper: fc.double({ min: 0.3, max: 1, noNaN: true }),
  })
  .map(({ n, entries, returns, upper }): PortfolioProblem => {
    const covariance = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => {
        let sum = i === j ? 0.001 : 0;
        for (let r = 0; r < 10; r++) sum += (entries[r * 10 + i]! * entries[r * 10 + j]!) / 10;
        return sum;
      }),
    );
    return { covariance, expectedReturns: returns.slice(0, n), weightBounds: [0, Math.max(upper, 1 / n + 0.01)] };
  });

describe('properties', () => {
  it('weights sum to 1 and respect every bound', () => {
    fc.assert(
      fc.property(problemArbitrary, (problem) => {
        const [, upper] = problem.weightBounds as [number, number];
        for (const result of [minimizeVolatility(problem), maximizeSharpe(problem), maximizeQuadraticUtility(problem)]) {
          expect(Math.abs(result.weights.reduce((s, w) => s + w, 0) - 1)).toBeLessThan(1e-12);
          for (const w of result.weights) {
            expect(w).toBeGreaterThanOrEqual(-1e-12);
            expect(w).toBeLessThanOrEqual(upper + 1e-12);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the frontier is monotone: volatility and return both rise along it', () => {
    fc.assert(
      fc.property(problemArbitrary, (problem) => {
        const { series } = computeEfficientFrontier(problem, { points: 6 });
        for (let k = 1; k < series.length; k++) {
          expect(series[k]!.y).toBeGreaterThanOrEqual(series[k - 1]!.y - 1e-12);
          expect(series[k]!.x).toBeGreaterThanOrEqual(series[k - 1]!.x - 1e-12);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('the max-Sharpe point has the highest Sharpe ratio of the frontier', () => {
    fc.assert(
      fc.property(problemArbitrary, (problem) => {
        const frontier = computeEfficientFrontier(problem, { points: 8 });
        for (const point of frontier.series) expect(point.sharpe).toBeLessThanOrEqual(frontier.maximumSharpe.sharpe + 1e-10);
      }),
      { numRuns: 30 },
    );
  });
});

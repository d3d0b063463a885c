import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createMatrix, matrixFromRows, multiplyMatrices, parametricPortfolioRisk, transpose } from '../index.js';

describe('parametricPortfolioRisk', () => {
  it('matches scipy for a two-asset portfolio over ten trading days at 99%', () => {
    // Reference (numpy/scipy here): w = [0.6, 0.4], S = [[0.04, 0.006], [0.006, 0.09]], mu = [0.08, 0.05], h = 10/252, z = norm.ppf(0.01).
    const risk = parametricPortfolioRisk([0.6, 0.4], matrixFromRows([[0.04, 0.006], [0.006, 0.09]]), {
      expectedReturns: [0.08, 0.05],
      confidence: 0.99,
      horizonYears: 10 / 252,
    });
    expect(risk.volatility).toBeCloseTo(0.1779887636902959, 14);
    expect(risk.expectedReturn).toBeCloseTo(0.068, 14);
    expect(risk.valueAtRisk).toBeCloseTo(0.07978506702699152, 12);
    expect(risk.conditionalValueAtRisk).toBeCloseTo(0.09179998350485999, 12);
    expect(Array.from(risk.riskContributions).map((v) => Number(v.toFixed(12)))).toEqual([0.5, 0.5]);
  });

  it('refuses mismatched weights and a bad confidence', () => {
    const cov = matrixFromRows([[0.04, 0], [0, 0.04]]);
    expect(() => parametricPortfolioRisk([1], cov)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => parametricPortfolioRisk([0.5, 0.5], cov, { confidence: 1 })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('properties', () => {
  it('risk contributions sum to one and Gaussian CVaR is at least VaR', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) =>
          fc.tuple(
            fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n * n, maxLength: n * n }),
            fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
            fc.double({ min: 0.5, max: 0.999, noNaN: true }),
          ),
        ),
        ([factor, weights, confidence]) => {
          const n = weights.length;
          const b = createMatrix(n, n, Float64Array.from(factor));
          const cov = multiplyMatrices(b, transpose(b));
          for (let i = 0; i < n; i++) cov.data[i * n + i]! += 0.01;
          const risk = parametricPortfolioRisk(weights, cov, { confidence });
          expect(risk.riskContributions.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 10);
          expect(risk.conditionalValueAtRisk).toBeGreaterThanOrEqual(risk.valueAtRisk - 1e-12);
        },
      ),
      { numRuns: 100 },
    );
  });
});

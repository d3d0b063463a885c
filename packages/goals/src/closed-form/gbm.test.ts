import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annuityPayment, depletionMonths, futureValue, gbmProbabilityAbove, gbmProbabilityUpperFirst } from './gbm.js';

describe('gbmProbabilityAbove', () => {
  it('matches scipy.stats.norm.cdf(-0.1) for an at-the-money target with no drift', () => {
    // python3: scipy.stats.norm.cdf(-0.1) = 0.460172162722971
    expect(gbmProbabilityAbove(100, 100, 0, 0.2, 1)).toBeCloseTo(0.460172162722971, 12);
  });
  it('is a step function of the deterministic value when volatility is zero', () => {
    expect(gbmProbabilityAbove(100, 110, 0.1, 0, 1)).toBe(1);
    expect(gbmProbabilityAbove(100, 120, 0.1, 0, 1)).toBe(0);
  });
});

describe('gbmProbabilityUpperFirst', () => {
  it('is the log-distance ratio when the log drift is zero', () => {
    expect(gbmProbabilityUpperFirst(100, 200, 50, 0.02, 0.2)).toBeCloseTo(0.5, 12);
    expect(gbmProbabilityUpperFirst(100, 400, 50, 0.02, 0.2)).toBeCloseTo(1 / 3, 12);
  });
  it('favours the upper barrier when the drift is positive', () => {
    expect(gbmProbabilityUpperFirst(100, 200, 50, 0.1, 0.2)).toBeGreaterThan(0.5);
  });
});

describe('annuityPayment', () => {
  it('gives the textbook 30-year mortgage payment at 5 %', () => {
    // python3: 100000 * r / (1 - (1 + r) ** -360) with r = 0.05 / 12 = 536.8216230121399
    expect(annuityPayment(100000, 0.05 / 12, 360)).toBeCloseTo(536.8216230121399, 8);
  });
  it('divides evenly when the rate is zero', () => {
    expect(annuityPayment(1200, 0, 12)).toBe(100);
  });
});

describe('depletionMonths', () => {
  it('is never when interest covers the payment', () => {
    expect(depletionMonths(120000, 500, 0.005)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('properties', () => {
  it('depletes exactly: paying the annuity-due payment for n periods leaves nothing', () => {
    fc.assert(
      fc.property(fc.double({ min: 1000, max: 1e7, noNaN: true }), fc.double({ min: -0.005, max: 0.01, noNaN: true }), fc.integer({ min: 1, max: 600 }), (balance, rate, periods) => {
        const payment = annuityPayment(balance, rate, periods, { due: true });
        let left = balance;
        for (let n = 0; n < periods; n++) left = (left - payment) * (1 + rate);
        expect(Math.abs(left)).toBeLessThan(1e-6 * balance);
        expect(depletionMonths(balance, payment, rate)).toBeCloseTo(periods, 6);
      }),
      { numRuns: 200 },
    );
  });
  it('inverts: the future value of the payment that reaches a target is the target', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 1e6, max: 1e7, noNaN: true }), fc.double({ min: -0.005, max: 0.01, noNaN: true }), fc.integer({ min: 1, max: 600 }), (start, target, rate, periods) => {
        const payment = -annuityPayment(start, rate, periods, { futureValue: target, due: true });
        expect(futureValue(start, payment, rate, periods, { due: true })).toBeCloseTo(target, 3);
      }),
      { numRuns: 200 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrownCode } from '../__tests__/error-code.js';
import { currency, Money } from '@kronos/core-ledger';
import { compareToBenchmark, computeContributionByAsset, computeTimeWeightedReturn, computeXirr } from './index.js';

const usd = currency('USD');
const m = (amount: string) => Money.of(amount, usd);


describe('computeTimeWeightedReturn', () => {
  it('removes a deposit from the day it arrives', () => {
    const twr = computeTimeWeightedReturn([
      { date: '2026-01-02', value: m('100') },
      { date: '2026-01-03', value: m('160'), flow: m('50') },
      { date: '2026-01-04', value: m('176') },
    ]);
    expect(twr.periodReturns).toEqual([0.10000000000000009, 0.10000000000000009]);
    expect(twr.cumulative).toBeCloseTo(0.21, 14);
    expect(twr.days).toBe(2);
  });

  it('refuses unordered dates and a zero start', () => {
    expect(thrownCode(() => computeTimeWeightedReturn([{ date: '2026-01-03', value: m('1') }, { date: '2026-01-02', value: m('1') }]))).toBe('INVALID_INPUT');
    expect(thrownCode(() => computeTimeWeightedReturn([{ date: '2026-01-02', value: m('0') }, { date: '2026-01-03', value: m('1') }]))).toBe('INVALID_INPUT');
  });
});

describe('computeXirr', () => {
  it("matches the XIRR example of Microsoft's documentation (0.373362535) and scipy's root", () => {
    // support.microsoft.com "XIRR function": -10,000 on 2008-01-01, then 2,750, 4,250, 3,250, 2,750;
    // Excel prints 0.373362535 (its own tolerance); scipy 1.17 brentq (xtol 1e-15) on the
    // same equation gives 0.3733625335188313.
    const rate = computeXirr([
      { date: '2008-01-01', amount: m('-10000') },
      { date: '2008-03-01', amount: m('2750') },
      { date: '2008-10-30', amount: m('4250') },
      { date: '2009-02-15', amount: m('3250') },
      { date: '2009-04-01', amount: m('2750') },
    ]);
    expect(rate).toBeCloseTo(0.373362535, 8);
    expect(rate).toBeCloseTo(0.3733625335188313, 13);
  });

  it('refuses flows that never change sign', () => {
    expect(thrownCode(() => computeXirr([{ date: '2025-01-01', amount: m('1') }, { date: '2026-01-01', amount: m('2') }]))).toBe('INVALID_INPUT');
  });
});

describe('compareToBenchmark', () => {
  it('reports zero excess and tracking error against itself', () => {
    const result = compareToBenchmark([0.01, -0.02, 0.03], [0.01, -0.02, 0.03]);
    expect(result.excess).toBe(0);
    expect(result.trackingError).toBe(0);
  });
});

describe('properties', () => {
  it('contributions add up to the linked portfolio return', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -0.2, max: 0.2, noNaN: true }), fc.double({ min: -0.2, max: 0.2, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 30 }), (rows) => {
        const result = computeContributionByAsset(rows.map(([a, b, w]) => ({ weights: { A: w, B: 1 - w }, returns: { A: a, B: b } })));
        expect(result.contributions.A! + result.contributions.B!).toBeCloseTo(result.portfolioReturn, 12);
      }),
      { numRuns: 200 },
    );
  });
  it('external flows do not change the time-weighted return', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ r: fc.integer({ min: -50, max: 50 }), flow: fc.integer({ min: 0, max: 10_000 }) }), { minLength: 1, maxLength: 20 }),
        (days) => {
          let withFlows = 10_000;
          let without = 10_000;
          const a = [{ date: '2026-01-01', value: m('10000') }];
          const b = [{ date: '2026-01-01', value: m('10000') }];
          days.forEach(({ r, flow }, t) => {
            const date = `2026-02-${String(t + 1).padStart(2, '0')}`;
            withFlows = withFlows * (1 + r / 1000) + flow;
            without = without * (1 + r / 1000);
            a.push({ date, value: m(withFlows.toFixed(2)), flow: m(String(flow)) } as never);
            b.push({ date, value: m(without.toFixed(2)) });
          });
          // Values are rounded to cents, so the two agree to cent rounding.
          expect(computeTimeWeightedReturn(a).cumulative).toBeCloseTo(computeTimeWeightedReturn(b).cumulative, 4);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('XIRR sets the discounted flows to zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 30, max: 2000 }), (gain, days) => {
        const end = new Date(Date.UTC(2020, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
        const rate = computeXirr([{ date: '2020-01-01', amount: m('-10000') }, { date: end, amount: m(String(10_000 + gain)) }]);
        const closedForm = ((10_000 + gain) / 10_000) ** (365 / days) - 1;
        expect(Math.abs(rate - closedForm) / (1 + closedForm)).toBeLessThan(1e-10);
      }),
      { numRuns: 100 },
    );
  });
});

describe('computeContributionByAsset', () => {
  it('splits a two-period return between the assets that earned it', () => {
    const result = computeContributionByAsset([
      { weights: { A: 0.5, B: 0.5 }, returns: { A: 0.1, B: 0 } },
      { weights: { A: 0.5, B: 0.5 }, returns: { A: 0, B: 0.1 } },
    ]);
    expect(result.portfolioReturn).toBeCloseTo(0.1025, 15);
    // Carino: k_t = ln(1.05)/0.05 in both periods, k = ln(1.1025)/0.1025, so each asset gets 0.1025/2.
    expect(result.contributions.A).toBeCloseTo(0.05125, 15);
    expect(result.contributions.B).toBeCloseTo(0.05125, 15);
  });

  it('refuses a weighted asset without a return', () => {
    expect(thrownCode(() => computeContributionByAsset([{ weights: { A: 1 }, returns: {} }]))).toBe('INVALID_INPUT');
  });


});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  constantRealWithdrawal,
  guytonKlingerWithdrawal,
  percentOfPortfolioWithdrawal,
  vanguardDynamicWithdrawal,
  vpwPercentage,
  type WithdrawalYearState,
} from './strategies.js';

const year = (overrides: Partial<WithdrawalYearState>): WithdrawalYearState => ({
  yearIndex: 1,
  yearsRemaining: 29,
  portfolioValue: 1_000_000,
  priorWithdrawal: 50_000,
  inflationLastYear: 0.03,
  portfolioReturnLastYear: 0.05,
  ...overrides,
});
// Guyton & Klinger (2006) parameters: 20 % guardrails, 10 % adjustments, 6 % inflation cap, rule off in the last 15 years.
const gk = { initialRate: 0.05, guardrailBand: 0.2, adjustment: 0.1, inflationCap: 0.06, preservationStopYears: 15 };

describe('constantRealWithdrawal', () => {
  it('starts at the first-year amount and then follows inflation whatever the market did', () => {
    expect(constantRealWithdrawal(40_000, year({ yearIndex: 0 }))).toBe(40_000);
    expect(constantRealWithdrawal(40_000, year({ portfolioReturnLastYear: -0.4 }))).toBeCloseTo(51_500, 9);
  });
});

describe('percentOfPortfolioWithdrawal', () => {
  it('takes the rate of the portfolio between the floor and the ceiling', () => {
    expect(percentOfPortfolioWithdrawal(0.04, 30_000, 50_000, 1_000_000)).toBe(40_000);
    expect(percentOfPortfolioWithdrawal(0.04, 30_000, 50_000, 500_000)).toBe(30_000);
    expect(percentOfPortfolioWithdrawal(0.04, 30_000, 50_000, 2_000_000)).toBe(50_000);
  });
});

describe('guytonKlingerWithdrawal', () => {
  it('starts at the initial rate of the portfolio', () => {
    expect(guytonKlingerWithdrawal(gk, year({ yearIndex: 0 }))).toBe(50_000);
  });
  it('raises by inflation inside the guardrails', () => {
    expect(guytonKlingerWithdrawal(gk, year({}))).toBeCloseTo(51_500, 9);
  });
  it('caps the inflation raise at 6 %', () => {
    expect(guytonKlingerWithdrawal(gk, year({ inflationLastYear: 0.09 }))).toBeCloseTo(53_000, 9);
  });
  it('skips the raise after a losing year when the current rate is above the initial one', () => {
    expect(guytonKlingerWithdrawal(gk, year({ portfolioValue: 950_000, portfolioReturnLastYear: -0.02 }))).toBe(50_000);
  });
  it('cuts by 10 % when the rate breaks the upper guardrail (capital preservation)', () => {
    // 51,500 / 800,000 = 6.44 % > 6 % (= 5 % x 1.2)
    expect(guytonKlingerWithdrawal(gk, year({ portfolioValue: 800_000 }))).toBeCloseTo(51_500 * 0.9, 9);
  });
  it('stops capital preservation in the last 15 years', () => {
    expect(guytonKlingerWithdrawal(gk, year({ portfolioValue: 800_000, yearsRemaining: 15 }))).toBeCloseTo(51_500, 9);
  });
  it('raises by 10 % when the rate falls below the lower guardrail (prosperity)', () => {
    // 51,500 / 1,400,000 = 3.68 % < 4 % (= 5 % x 0.8)
    expect(guytonKlingerWithdrawal(gk, year({ portfolioValue: 1_400_000 }))).toBeCloseTo(51_500 * 1.1, 9);
  });
});

describe('vpwPercentage', () => {
  it('spends evenly with no growth and everything in the last year', () => {
    expect(vpwPercentage(0, 25)).toBe(0.04);
    expect(vpwPercentage(0.05, 1)).toBe(1);
  });
  it('matches the spreadsheet PMT(5 %, 30, -1, 0, 1)', () => {
    // python3: r / ((1 - (1 + r) ** -30) * (1 + r)) with r = 0.05 = 0.061954...
    expect(vpwPercentage(0.05, 30)).toBeCloseTo(0.05 / ((1 - 1.05 ** -30) * 1.05), 14);
  });
});

describe('vanguardDynamicWithdrawal', () => {
  it('limits a real rise to the 5 % ceiling', () => {
    expect(vanguardDynamicWithdrawal({ rate: 0.05, ceiling: 0.05, floor: 0.025 }, year({ portfolioValue: 1_500_000, inflationLastYear: 0 }))).toBeCloseTo(52_500, 9);
  });
  it('limits a real fall to the 2.5 % floor', () => {
    expect(vanguardDynamicWithdrawal({ rate: 0.05, ceiling: 0.05, floor: 0.025 }, year({ portfolioValue: 500_000, inflationLastYear: 0.02 }))).toBeCloseTo(51_000 * 0.975, 9);
  });
  it('follows the portfolio inside the band', () => {
    expect(vanguardDynamicWithdrawal({ rate: 0.05, ceiling: 0.05, floor: 0.025 }, year({ portfolioValue: 1_010_000, inflationLastYear: 0 }))).toBeCloseTo(50_500, 9);
  });
});

describe('properties', () => {
  it('exhausts the portfolio exactly: VPW with returns equal to its rate spends all, in level real amounts', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.03, max: 0.08, noNaN: true }), fc.integer({ min: 1, max: 60 }), (rate, years) => {
        let value = 1;
        const amounts: number[] = [];
        for (let y = 0; y < years; y++) {
          const amount = vpwPercentage(rate, years - y) * value;
          amounts.push(amount);
          value = (value - amount) * (1 + rate);
        }
        expect(Math.abs(value)).toBeLessThan(1e-9);
        for (const amount of amounts) expect(amount).toBeCloseTo(amounts[0] as number, 9);
      }),
      { numRuns: 200 },
    );
  });
  it('keeps a Vanguard-style change inside [floor, ceiling] in real terms', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e4, max: 1e7, noNaN: true }), fc.double({ min: 1e3, max: 1e5, noNaN: true }), fc.double({ min: -0.02, max: 0.1, noNaN: true }), (value, prior, inflation) => {
        const amount = vanguardDynamicWithdrawal({ rate: 0.04, ceiling: 0.05, floor: 0.025 }, year({ portfolioValue: value, priorWithdrawal: prior, inflationLastYear: inflation }));
        const real = amount / (prior * (1 + inflation));
        expect(real).toBeGreaterThanOrEqual(0.975 - 1e-12);
        expect(real).toBeLessThanOrEqual(1.05 + 1e-12);
      }),
      { numRuns: 200 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrownCode } from '../__tests__/error-code.js';
import { buildModelPortfolio, defaultFundMap, FundMapSchema, riskScoreGlideTable } from './index.js';


describe('buildModelPortfolio', () => {
  it('holds the primary fund of each class without screens', () => {
    const model = buildModelPortfolio(5);
    expect(model.holdings.map((h) => h.fund.symbol)).toEqual(['VTI', 'VEA', 'VWO', 'BND', 'BNDX', 'SCHP']);
    expect(model.holdings[0]!.alternatives.map((f) => f.symbol)).toEqual(['ITOT', 'SCHB', 'ESGV']);
  });

  it('swaps to the first substitute that passes an exclusion or ESG screen', () => {
    const model = buildModelPortfolio(10, { screens: { esgScoreMin: 6 } });
    expect(model.holdings.map((h) => h.fund.symbol)).toEqual(['ESGV', 'VEA', 'ESGE']);
  });

  it('refuses with NO_ELIGIBLE_FUND when screens empty a class', () => {
    expect(thrownCode(() => buildModelPortfolio(5, { screens: { esgScoreMin: 9.9 } }))).toBe('NO_ELIGIBLE_FUND');
  });

  it('refuses a score outside 1-10', () => {
    expect(thrownCode(() => buildModelPortfolio(0))).toBe('INVALID_INPUT');
    expect(thrownCode(() => buildModelPortfolio(5.5))).toBe('INVALID_INPUT');
  });

  it('ships a fund map that its own schema accepts', () => {
    expect(FundMapSchema.parse(defaultFundMap)).toEqual(defaultFundMap);
  });
});

describe('properties', () => {
  it('every glide row sums to 1 and equity never falls as the score rises', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), (score) => {
        const row = riskScoreGlideTable[score]!;
        const next = riskScoreGlideTable[score + 1]!;
        expect(Object.values(row).reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
        const equity = (r: typeof row) => r.us_equity + r.intl_developed_equity + r.emerging_equity;
        expect(equity(next)).toBeGreaterThan(equity(row));
      }),
    );
  });

  it('model weights sum to 1 whatever the screens that leave a fund per class', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.subarray(['fossil_fuels', 'tobacco', 'weapons']), (score, exclude) => {
        const model = buildModelPortfolio(score, { screens: { exclude } });
        expect(model.holdings.reduce((s, h) => s + h.weight, 0)).toBeCloseTo(1, 12);
        for (const holding of model.holdings) expect(holding.fund.involvements.some((i) => exclude.includes(i))).toBe(false);
      }),
    );
  });
});

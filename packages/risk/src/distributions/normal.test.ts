import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { erfc, normalCdf, normalPdf, normalQuantile } from '../index.js';

// Reference values: scipy 1.17 (scipy.special.erfc, scipy.stats.norm.cdf / norm.ppf) run here.
describe('erfc', () => {
  it('matches scipy across the series and continued-fraction regions', () => {
    expect(erfc(1)).toBeCloseTo(0.15729920705028516, 15);
    expect(erfc(-0.5)).toBeCloseTo(1.5204998778130465, 15);
    expect(erfc(5) / 1.5374597944280347e-12).toBeCloseTo(1, 12);
    expect(erfc(0)).toBe(1);
  });
});

describe('normalCdf', () => {
  it('matches scipy in the body and deep in the tail', () => {
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 15);
    expect(normalCdf(2.5)).toBeCloseTo(0.9937903346742238, 15);
    expect(normalCdf(-8) / 6.22096057427174e-16).toBeCloseTo(1, 12);
    expect(normalPdf(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 15);
  });
});

describe('normalQuantile', () => {
  it('matches scipy.stats.norm.ppf to 1e-13', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.6448536269514729, 13);
    expect(normalQuantile(0.3)).toBeCloseTo(-0.5244005127080409, 13);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 11);
    expect(normalQuantile(1 - 1e-12)).toBeCloseTo(7.0344869100478356, 3);
  });

  it('refuses probabilities outside (0, 1)', () => {
    expect(() => normalQuantile(0)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => normalQuantile(1.2)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('properties', () => {
  it('the quantile inverts the CDF', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-8, max: 1 - 1e-8, noNaN: true }), (p) => {
        expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 12);
      }),
      { numRuns: 300 },
    );
  });
});

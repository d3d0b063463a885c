import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quantileInPlace, selectInPlace } from './select.js';

describe('selectInPlace', () => {
  it('puts the k-th smallest value at k with smaller values before it', () => {
    const a = Float64Array.of(5, 1, 4, 1, 5, 9, 2, 6);
    selectInPlace(a, 3);
    expect(a[3]).toBe(4);
    for (let i = 0; i < 3; i++) expect(a[i]!).toBeLessThanOrEqual(4);
    for (let i = 4; i < a.length; i++) expect(a[i]!).toBeGreaterThanOrEqual(4);
  });
});

describe('properties', () => {
  it('selection agrees with a full sort, including many ties', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 60 }), fc.nat(), (values, seed) => {
        const k = seed % values.length;
        const a = Float64Array.from(values);
        selectInPlace(a, k);
        expect(a[k]).toBe(Float64Array.from(values).sort()[k]);
      }),
      { numRuns: 300 },
    );
  });

  it('the interpolated quantile equals numpy-style interpolation on the sorted values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 80 }), fc.double({ min: 0, max: 1, noNaN: true }), (values, q) => {
        const sorted = Float64Array.from(values).sort();
        const position = (sorted.length - 1) * q;
        const lower = Math.floor(position);
        const upper = Math.min(lower + 1, sorted.length - 1);
        const expected = sorted[lower]! + (position - lower) * (sorted[upper]! - sorted[lower]!);
        expect(quantileInPlace(Float64Array.from(values), q)).toBeCloseTo(expected, 14);
      }),
      { numRuns: 300 },
    );
  });
});

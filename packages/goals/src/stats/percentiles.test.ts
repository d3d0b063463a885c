import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentilesInPlace } from './percentiles.js';
import { estimateProportion } from './proportion.js';

function sortedType7(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * p;
  const below = Math.floor(rank);
  const low = sorted[below] as number;
  return below + 1 < sorted.length ? low + (rank - below) * ((sorted[below + 1] as number) - low) : low;
}

describe('percentilesInPlace', () => {
  it('matches numpy.percentile (linear) on a small sample', () => {
    // python3: np.percentile([3,1,4,1,5,9,2,6], [5,25,50,75,95]) = [1, 1.75, 3.5, 5.25, 7.95]
    const out = percentilesInPlace(new Float64Array([3, 1, 4, 1, 5, 9, 2, 6]), [0.05, 0.25, 0.5, 0.75, 0.95]);
    [1, 1.75, 3.5, 5.25, 7.95].forEach((v, i) => expect(out[i]).toBeCloseTo(v, 12));
  });
  it('interpolates two probabilities that fall between the same pair of order statistics', () => {
    // ranks 2.25 and 2.75 of [10, 20, 30, 40]: 32.5 and 37.5
    expect(Array.from(percentilesInPlace(new Float64Array([40, 10, 30, 20]), [0.75, 0.9166666666666666]))).toEqual([32.5, 37.5]);
  });
  it('interpolates repeated probabilities whose lower order statistic is the slice edge', () => {
    // sorted [0, 0, 1]: rank 0.05 lies between two zeros, so every copy is 0
    expect(Array.from(percentilesInPlace(new Float64Array([0, 1, 0]), [0.025, 0.025, 0.025, 0.025]))).toEqual([0, 0, 0, 0]);
  });
  it('refuses an empty sample with INVALID_INPUT', () => {
    expect(() => percentilesInPlace(new Float64Array(0), [0.5])).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
  it('refuses a probability outside [0, 1]', () => {
    expect(() => percentilesInPlace(new Float64Array([1, 2]), [1.5])).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('estimateProportion', () => {
  it('gives the binomial standard error', () => {
    const { probability, standardError } = estimateProportion(9000, 10000);
    expect(probability).toBe(0.9);
    expect(standardError).toBeCloseTo(0.003, 12);
  });
});

describe('properties', () => {
  it('agrees with interpolation on a fully sorted copy, in any order of probabilities', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: -3, max: 3 })), { minLength: 1, maxLength: 300 }), fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 40 }).map((k) => k / 40)), { minLength: 1, maxLength: 7 }), (values, probabilities) => {
        const out = percentilesInPlace(Float64Array.from(values), probabilities);
        probabilities.forEach((p, i) => expect(out[i]).toBeCloseTo(sortedType7(values, p), 6));
      }),
      { numRuns: 1000 },
    );
  });
});

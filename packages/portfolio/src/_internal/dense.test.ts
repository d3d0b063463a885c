import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factorCholesky, restrictCholesky } from './dense.js';

/** G = B'B + ridge I from a k*n matrix B given row-major. */
function gram(entries: readonly number[], k: number, n: number, ridge: number): Float64Array {
  const G = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = i === j ? ridge : 0;
      for (let r = 0; r < k; r++) sum += entries[r * n + i]! * entries[r * n + j]!;
      G[i * n + j] = sum;
    }
  }
  return G;
}

describe('properties', () => {
  it('restrictCholesky gives the Cholesky factor of the principal submatrix it keeps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 4 * 12, maxLength: 4 * 12 }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        (n, entries, keepFlags) => {
          const G = gram(entries, 4, n, 0.05);
          const keep = Array.from({ length: n }, (_, i) => i).filter((i) => keepFlags[i]);
          const k = keep.length;
          const subG = new Float64Array(k * k);
          keep.forEach((i, p) => keep.forEach((j, q) => (subG[p * k + q] = G[i * n + j]!)));
          const expected = factorCholesky(subG, k, 0)!;
          const restricted = restrictCholesky(factorCholesky(G, n, 0)!, n, keep);
          expect(restricted.length).toBe(k * k);
          restricted.forEach((value, index) => expect(Math.abs(value - expected[index]!)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(expected[index]!))));
        },
      ),
      { numRuns: 200 },
    );
  });
});

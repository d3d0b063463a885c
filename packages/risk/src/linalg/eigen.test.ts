import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createMatrix,
  eigenSymmetric,
  isPositiveSemidefinite,
  matrixFromRows,
  multiplyMatrices,
  nearestCorrelation,
  repairPsd,
  transpose,
} from '../index.js';

describe('eigenSymmetric', () => {
  it('matches numpy.linalg.eigvalsh on an indefinite 4x4 matrix', () => {
    // numpy 2.4 eigvalsh([[4,1,-2,2],[1,2,0,1],[-2,0,3,-2],[2,1,-2,-1]]) run here.
    const { values } = eigenSymmetric(matrixFromRows([[4, 1, -2, 2], [1, 2, 0, 1], [-2, 0, 3, -2], [2, 1, -2, -1]]));
    [-2.197516977439427, 1.0843644637732177, 2.2685314064312423, 6.844621107234966].forEach((e, i) => expect(values[i]).toBeCloseTo(e, 12));
  });

  it('handles a diagonal matrix and refuses an asymmetric one', () => {
    expect(Array.from(eigenSymmetric(matrixFromRows([[3, 0], [0, 1]])).values)).toEqual([1, 3]);
    expect(() => eigenSymmetric(matrixFromRows([[1, 2], [0, 1]]))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('repairPsd', () => {
  it('clips negative eigenvalues (spectral) or shifts the diagonal by 1.1 |λmin| (diag)', () => {
    const a = matrixFromRows([[1, 2], [2, 1]]); // eigenvalues -1 and 3
    const spectral = repairPsd(a);
    expect(spectral.repaired).toBe(true);
    expect(eigenSymmetric(spectral.matrix).values[0]).toBeCloseTo(0, 12);
    expect(isPositiveSemidefinite(matrixFromRows([[1, 2], [2, 1]]))).toBe(false);
    expect(spectral.matrix.data[0]).toBeCloseTo(1.5, 12);
    const diag = repairPsd(a, 'diag');
    expect(Array.from(diag.matrix.data).map((v) => Number(v.toFixed(12)))).toEqual([2.1, 2, 2, 2.1]);
  });

  it('returns a PSD matrix unchanged', () => {
    const a = matrixFromRows([[2, 1], [1, 2]]);
    expect(repairPsd(a)).toEqual({ matrix: a, repaired: false });
  });
});

describe('nearestCorrelation', () => {
  it("reproduces Higham's (2002) example", () => {
    // Higham, "Computing the nearest correlation matrix", IMA J. Numer. Anal. 22 (2002), section 4:
    // the nearest correlation matrix to [[1,1,0],[1,1,1],[0,1,1]] has off-diagonals 0.7607 and 0.1573.
    const c = nearestCorrelation(matrixFromRows([[1, 1, 0], [1, 1, 1], [0, 1, 1]]));
    expect(c.data[1]).toBeCloseTo(0.76068985, 6);
    expect(c.data[2]).toBeCloseTo(0.15729811, 6);
    expect(c.data[4]).toBe(1);
  });

  it('gives up with NO_CONVERGENCE when allowed too few iterations', () => {
    expect(() => nearestCorrelation(matrixFromRows([[1, 1, 0], [1, 1, 1], [0, 1, 1]]), { iterationsMax: 1 })).toThrow(
      expect.objectContaining({ code: 'NO_CONVERGENCE' }),
    );
  });
});

const symmetricMatrix = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n * n, maxLength: n * n }).map((v) => ({ n, v })))
  .map(({ n, v }) => {
    const m = createMatrix(n, n, Float64Array.from(v));
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) m.data[i * n + j] = m.data[j * n + i]!;
    return m;
  });

describe('properties', () => {
  it('V diag(λ) Vᵀ reconstructs the matrix and V is orthogonal', () => {
    fc.assert(
      fc.property(symmetricMatrix, (a) => {
        const n = a.rows;
        const { values, vectors } = eigenSymmetric(a);
        const scaled = createMatrix(n, n, vectors.data.map((v, k) => v * values[k % n]!));
        const back = multiplyMatrices(scaled, transpose(vectors));
        back.data.forEach((v, k) => expect(v).toBeCloseTo(a.data[k]!, 8));
        const gram = multiplyMatrices(transpose(vectors), vectors);
        gram.data.forEach((v, k) => expect(v).toBeCloseTo(k % (n + 1) === 0 ? 1 : 0, 10));
        for (let k = 1; k < n; k++) expect(values[k]!).toBeGreaterThanOrEqual(values[k - 1]!);
      }),
      { numRuns: 100 },
    );
  });

  it('repairPsd always returns a positive semi-definite matrix', () => {
    fc.assert(
      fc.property(symmetricMatrix, (a) => {
        const { values } = eigenSymmetric(repairPsd(a).matrix);
        expect(values[0]!).toBeGreaterThanOrEqual(-1e-9 * Math.max(1, Math.abs(values[values.length - 1]!)));
      }),
      { numRuns: 100 },
    );
  });
});

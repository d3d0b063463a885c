import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  choleskyDecompose,
  choleskySolve,
  createMatrix,
  identityMatrix,
  isSymmetric,
  matrixFromRows,
  matrixToRows,
  multiplyMatrices,
  multiplyMatrixVector,
  quadraticForm,
  solveLowerTriangular,
  solveUpperTriangular,
  transpose,
} from '../index.js';

describe('multiplyMatrices', () => {
  it('multiplies a 2x3 by a 3x2 matrix', () => {
    const a = matrixFromRows([[1, 2, 3], [4, 5, 6]]);
    const b = matrixFromRows([[7, 8], [9, 10], [11, 12]]);
    expect(matrixToRows(multiplyMatrices(a, b))).toEqual([[58, 64], [139, 154]]);
  });

  it('refuses mismatched inner sizes', () => {
    expect(() => multiplyMatrices(identityMatrix(2), identityMatrix(3))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => multiplyMatrixVector(identityMatrix(2), [1])).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => createMatrix(2, 2, new Float64Array(3))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('choleskyDecompose', () => {
  it('factors the textbook 3x3 example exactly', () => {
    // The classic example: [[4,12,-16],[12,37,-43],[-16,-43,98]] = L Lᵀ with L = [[2,0,0],[6,1,0],[-8,5,3]] (numpy.linalg.cholesky agrees).
    const { factor, jitter } = choleskyDecompose(matrixFromRows([[4, 12, -16], [12, 37, -43], [-16, -43, 98]]));
    expect(matrixToRows(factor)).toEqual([[2, 0, 0], [6, 1, 0], [-8, 5, 3]]);
    expect(jitter).toBe(0);
  });

  it('adds the smallest working jitter to a singular matrix', () => {
    const { factor, jitter } = choleskyDecompose(matrixFromRows([[1, 1], [1, 1]]));
    expect(jitter).toBeGreaterThan(0);
    expect(jitter).toBeLessThan(1e-6);
    const back = multiplyMatrices(factor, transpose(factor));
    expect(back.data[1]).toBeCloseTo(1, 12);
  });

  it('refuses an indefinite matrix, and a singular one when jitter is off', () => {
    expect(() => choleskyDecompose(matrixFromRows([[1, 2], [2, 1]]))).toThrow(expect.objectContaining({ code: 'NOT_POSITIVE_DEFINITE' }));
    expect(() => choleskyDecompose(matrixFromRows([[1, 1], [1, 1]]), { allowJitter: false })).toThrow(
      expect.objectContaining({ code: 'NOT_POSITIVE_DEFINITE' }),
    );
    expect(() => choleskyDecompose(createMatrix(2, 3))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });

  it('solves a system through its factor', () => {
    const a = matrixFromRows([[4, 12, -16], [12, 37, -43], [-16, -43, 98]]);
    const x = choleskySolve(choleskyDecompose(a).factor, multiplyMatrixVector(a, [1, -2, 0.5]));
    expect(Array.from(x).map((v) => Number(v.toFixed(10)))).toEqual([1, -2, 0.5]);
  });
});

describe('solveLowerTriangular', () => {
  it('solves L x = b, Lᵀ x = b and U x = b', () => {
    const l = matrixFromRows([[2, 0], [1, 1]]);
    expect(Array.from(solveLowerTriangular(l, [2, 3]))).toEqual([1, 2]);
    expect(Array.from(solveLowerTriangular(l, [4, 2], { transpose: true }))).toEqual([1, 2]);
    expect(Array.from(solveUpperTriangular(matrixFromRows([[1, 1], [0, 2]]), [3, 4]))).toEqual([1, 2]);
  });

  it('refuses a zero on the diagonal', () => {
    expect(() => solveLowerTriangular(matrixFromRows([[0, 0], [1, 1]]), [1, 1])).toThrow(expect.objectContaining({ code: 'SINGULAR_MATRIX' }));
  });
});

const smallMatrix = (n: number) =>
  fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n * n, maxLength: n * n }).map((v) => createMatrix(n, n, Float64Array.from(v)));

describe('properties', () => {
  it('the Cholesky factor of B Bᵀ + I reconstructs the matrix', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }).chain(smallMatrix), (b) => {
        const a = multiplyMatrices(b, transpose(b));
        for (let i = 0; i < a.rows; i++) a.data[i * a.rows + i]! += 1;
        const { factor } = choleskyDecompose(a);
        const back = multiplyMatrices(factor, transpose(factor));
        back.data.forEach((v, k) => expect(v).toBeCloseTo(a.data[k]!, 8));
        expect(isSymmetric(back, 1e-12)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('a quadratic form B Bᵀ is never negative', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(smallMatrix(n), fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n }))),
        ([b, x]) => {
          expect(quadraticForm(multiplyMatrices(b, transpose(b)), x)).toBeGreaterThanOrEqual(-1e-9);
        },
      ),
      { numRuns: 100 },
    );
  });
});

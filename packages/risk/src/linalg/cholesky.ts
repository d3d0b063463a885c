import { KronosError } from '../errors/index.js';
import { assertSquare, createMatrix, type Matrix } from './matrix.js';
import { solveLowerTriangular } from './triangular.js';

/** Options of `choleskyDecompose`. */
export interface CholeskyOptions {
  /**
   * On a matrix that is not numerically positive definite, retry with
   * jitter·I added to the diagonal, starting at `jitterStart` x the mean
   * diagonal and growing tenfold, at most `jitterAttemptsMax` times.
   * Default true; false throws NOT_POSITIVE_DEFINITE at once.
   */
  readonly allowJitter?: boolean;
  /** First jitter relative to the mean diagonal. Default 1e-10. */
  readonly jitterStart?: number;
  /** Retries with growing jitter before giving up. Default 10. */
  readonly jitterAttemptsMax?: number;
}

/** A Cholesky factor L with A + jitter·I = L Lᵀ. */
export interface CholeskyResult {
  /** Lower triangular factor, row-major (upper triangle is zero). */
  readonly factor: Matrix;
  /** The diagonal jitter that had to be added (0 when A itself factored). */
  readonly jitter: number;
}

/**
 * Cholesky decomposition A = L Lᵀ of a symmetric positive (semi-)definite
 * matrix, reading its lower triangle. A nearly singular matrix (a covariance
 * of collinear assets, say) is factored after adding the smallest diagonal
 * jitter that works, reported in `jitter`.
 *
 * @throws KronosError NOT_POSITIVE_DEFINITE when even the largest jitter fails
 *   (the matrix has a clearly negative eigenvalue: repair it with `nearestPsd`).
 * @example
 * ```ts
 * const { factor, jitter } = choleskyDecompose(matrixFromRows([[4, 2], [2, 3]]));
 * matrixToRows(factor); //=> [[2, 0], [1, 1.4142135623730951]]
 * jitter; //=> 0
 * ```
 */
export function choleskyDecompose(a: Matrix, options: CholeskyOptions = {}): CholeskyResult {
  const n = assertSquare(a, 'matrix to factor');
  const factor = createMatrix(n, n);
  if (factorInto(a.data, n, 0, factor.data)) return { factor, jitter: 0 };
  const attemptsMax = options.allowJitter === false ? 0 : (options.jitterAttemptsMax ?? 10);
  let meanDiagonal = 0;
  for (let i = 0; i < n; i++) meanDiagonal += Math.abs(a.data[i * n + i]!) / n;
  let jitter = (options.jitterStart ?? 1e-10) * (meanDiagonal > 0 ? meanDiagonal : 1);
  for (let attempt = 0; attempt < attemptsMax; attempt++, jitter *= 10) {
    if (factorInto(a.data, n, jitter, factor.data)) return { factor, jitter };
  }
  throw new KronosError(
    'NOT_POSITIVE_DEFINITE',
    'The matrix is not positive definite, even with diagonal jitter: repair it first (nearestPsd) or check the input.',
    { order: n, attempts: attemptsMax },
  );
}

/** Cholesky-Banachiewicz, row by row; false when a pivot is not positive. */
function factorInto(a: Float64Array, n: number, jitter: number, l: Float64Array): boolean {
  l.fill(0);
  for (let i = 0; i < n; i++) {
    const rowI = i * n;
    for (let j = 0; j <= i; j++) {
      const rowJ = j * n;
      let sum = a[rowI + j]!;
      for (let k = 0; k < j; k++) sum -= l[rowI + k]! * l[rowJ + k]!;
      if (i === j) {
        sum += jitter;
        if (!(sum > 0) || !Number.isFinite(sum)) return false;
        l[rowI + i] = Math.sqrt(sum);
      } else {
        l[rowI + j] = sum / l[rowJ + j]!;
      }
    }
  }
  return true;
}

/**
 * Solves A x = b given the Cholesky factor L of A (two triangular solves).
 *
 * @example
 * ```ts
 * const { factor } = choleskyDecompose(matrixFromRows([[4, 2], [2, 3]]));
 * Array.from(choleskySolve(factor, [6, 5]), (v) => Number(v.toFixed(12))); //=> [1, 1]
 * ```
 */
export function choleskySolve(factor: Matrix, b: ArrayLike<number>): Float64Array {
  return solveLowerTriangular(factor, solveLowerTriangular(factor, b), { transpose: true });
}

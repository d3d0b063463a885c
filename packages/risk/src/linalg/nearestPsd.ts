import { KronosError } from '../errors/index.js';
import { choleskyDecompose } from './cholesky.js';
import { eigenSymmetric } from './eigen.js';
import { assertSquare, createMatrix, symmetrize, type Matrix } from './matrix.js';

/**
 * Tells whether a symmetric matrix is positive semi-definite, by attempting a
 * Cholesky factorisation of A + 1e-16·I (PyPortfolioOpt's test).
 *
 * @example
 * ```ts
 * isPositiveSemidefinite(matrixFromRows([[1, 2], [2, 1]])); //=> false
 * ```
 */
export function isPositiveSemidefinite(a: Matrix): boolean {
  const n = assertSquare(a);
  const shifted = createMatrix(n, n, Float64Array.from(a.data));
  for (let i = 0; i < n; i++) shifted.data[i * n + i]! += 1e-16;
  try {
    choleskyDecompose(shifted, { allowJitter: false });
    return true;
  } catch {
    return false;
  }
}

/** Rebuilds V diag(values) Vᵀ. */
function reconstruct(vectors: Matrix, values: Float64Array): Matrix {
  const n = values.length;
  const out = createMatrix(n, n);
  for (let k = 0; k < n; k++) {
    const lambda = values[k]!;
    if (lambda === 0) continue;
    for (let i = 0; i < n; i++) {
      const vik = vectors.data[i * n + k]! * lambda;
      if (vik === 0) continue;
      for (let j = 0; j < n; j++) out.data[i * n + j]! += vik * vectors.data[j * n + k]!;
    }
  }
  return symmetrize(out);
}

/** How `repairPsd` mends a matrix that is not positive semi-definite. */
export type PsdRepairMethod = 'spectral' | 'diag';

/**
 * Returns a positive semi-definite version of a symmetric matrix, or the matrix
 * itself if it already is one (PyPortfolioOpt's `fix_nonpositive_semidefinite`):
 * `spectral` (default) sets negative eigenvalues to zero, which is the nearest
 * PSD matrix in the Frobenius norm (Higham 1988); `diag` adds 1.1·|λmin| to the
 * diagonal.
 *
 * @example
 * ```ts
 * const fixed = repairPsd(matrixFromRows([[1, 2], [2, 1]]));
 * eigenSymmetric(fixed.matrix).values[0]! > -1e-12; //=> true
 * fixed.repaired; //=> true
 * ```
 */
export function repairPsd(a: Matrix, method: PsdRepairMethod = 'spectral'): { matrix: Matrix; repaired: boolean } {
  if (isPositiveSemidefinite(a)) return { matrix: a, repaired: false };
  const n = a.rows;
  const { values, vectors } = eigenSymmetric(a);
  if (method === 'diag') {
    const out = createMatrix(n, n, Float64Array.from(a.data));
    const shift = -1.1 * values[0]!;
    for (let i = 0; i < n; i++) out.data[i * n + i]! += shift;
    return { matrix: out, repaired: true };
  }
  return { matrix: reconstruct(vectors, values.map((v) => (v > 0 ? v : 0))), repaired: true };
}

/** Options of `nearestCorrelation`. */
export interface NearestCorrelationOptions {
  /** Stop when successive iterates differ by less than this (relative Frobenius). Default 1e-10. */
  readonly tolerance?: number;
  /** Alternating projections allowed. Default 200. */
  readonly iterationsMax?: number;
}

/**
 * The nearest correlation matrix (PSD, unit diagonal) in the Frobenius norm,
 * by Higham's (2002) alternating projections with Dykstra's correction. Use it
 * to repair a correlation matrix assembled from pairwise estimates or by hand.
 *
 * @throws KronosError NO_CONVERGENCE past `iterationsMax`.
 * @example
 * ```ts
 * const c = nearestCorrelation(matrixFromRows([[1, 1, 0], [1, 1, 1], [0, 1, 1]]));
 * Number(c.data[1]!.toFixed(4)); //=> 0.7607
 * ```
 */
export function nearestCorrelation(a: Matrix, options: NearestCorrelationOptions = {}): Matrix {
  const n = assertSquare(a);
  const tolerance = options.tolerance ?? 1e-10;
  const iterationsMax = options.iterationsMax ?? 200;
  let y = createMatrix(n, n, Float64Array.from(a.data));
  const correction = new Float64Array(n * n);
  for (let iteration = 0; iteration < iterationsMax; iteration++) {
    const r = createMatrix(n, n, y.data.map((v, k) => v - correction[k]!));
    const { values, vectors } = eigenSymmetric(symmetrize(r));
    const x = reconstruct(vectors, values.map((v) => (v > 0 ? v : 0)));
    for (let k = 0; k < n * n; k++) correction[k] = x.data[k]! - r.data[k]!;
    const next = createMatrix(n, n, Float64Array.from(x.data));
    for (let i = 0; i < n; i++) next.data[i * n + i] = 1;
    let diff = 0;
    let norm = 0;
    for (let k = 0; k < n * n; k++) {
      diff += (next.data[k]! - y.data[k]!) ** 2;
      norm += next.data[k]! ** 2;
    }
    y = next;
    if (Math.sqrt(diff / norm) < tolerance) return y;
  }
  throw new KronosError('NO_CONVERGENCE', `Nearest correlation did not converge in ${iterationsMax} iterations; raise iterationsMax or the tolerance.`, {
    iterationsMax,
  });
}

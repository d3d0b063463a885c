import { KronosError } from '../errors/index.js';
import { assertSquare, type Matrix } from './matrix.js';

/** Which triangle of the factor holds the matrix, and whether to use its transpose. */
export interface TriangularSolveOptions {
  /** Solve with Lᵀ instead of L (back substitution on the transpose). Default false. */
  readonly transpose?: boolean;
}

function checkSystem(l: Matrix, b: ArrayLike<number>): number {
  const n = assertSquare(l, 'triangular matrix');
  if (b.length !== n) {
    throw new KronosError('INVALID_INPUT', `The right-hand side needs ${n} values; got ${b.length}.`, { n, length: b.length });
  }
  return n;
}

function singular(index: number): KronosError {
  return new KronosError('SINGULAR_MATRIX', `The triangular matrix has a zero on its diagonal at ${index}; it cannot be inverted.`, {
    index,
  });
}

/**
 * Solves L x = b (or Lᵀ x = b with `{ transpose: true }`) for a lower
 * triangular L, reading only its lower triangle.
 *
 * @throws KronosError SINGULAR_MATRIX on a zero diagonal entry.
 * @example
 * ```ts
 * solveLowerTriangular(matrixFromRows([[2, 0], [1, 1]]), [2, 3]); //=> Float64Array.of(1, 2)
 * ```
 */
export function solveLowerTriangular(l: Matrix, b: ArrayLike<number>, options: TriangularSolveOptions = {}): Float64Array {
  const n = checkSystem(l, b);
  const x = Float64Array.from(b);
  const a = l.data;
  if (options.transpose === true) {
    for (let i = n - 1; i >= 0; i--) {
      let sum = x[i]!;
      for (let k = i + 1; k < n; k++) sum -= a[k * n + i]! * x[k]!;
      const pivot = a[i * n + i]!;
      if (pivot === 0) throw singular(i);
      x[i] = sum / pivot;
    }
    return x;
  }
  for (let i = 0; i < n; i++) {
    let sum = x[i]!;
    const offset = i * n;
    for (let k = 0; k < i; k++) sum -= a[offset + k]! * x[k]!;
    const pivot = a[offset + i]!;
    if (pivot === 0) throw singular(i);
    x[i] = sum / pivot;
  }
  return x;
}

/**
 * Solves U x = b for an upper triangular U, reading only its upper triangle.
 *
 * @throws KronosError SINGULAR_MATRIX on a zero diagonal entry.
 * @example
 * ```ts
 * solveUpperTriangular(matrixFromRows([[1, 1], [0, 2]]), [3, 4]); //=> Float64Array.of(1, 2)
 * ```
 */
export function solveUpperTriangular(u: Matrix, b: ArrayLike<number>): Float64Array {
  const n = checkSystem(u, b);
  const x = Float64Array.from(b);
  const a = u.data;
  for (let i = n - 1; i >= 0; i--) {
    let sum = x[i]!;
    const offset = i * n;
    for (let k = i + 1; k < n; k++) sum -= a[offset + k]! * x[k]!;
    const pivot = a[offset + i]!;
    if (pivot === 0) throw singular(i);
    x[i] = sum / pivot;
  }
  return x;
}

import { KronosError } from '../errors/index.js';
import { assertSquare, createMatrix, isSymmetric, type Matrix } from './matrix.js';

/** Eigenvalues (ascending) and eigenvectors (the columns of `vectors`) of a symmetric matrix. */
export interface SymmetricEigen {
  readonly values: Float64Array;
  /** Orthogonal matrix V with A = V diag(values) Vᵀ; column k belongs to values[k]. */
  readonly vectors: Matrix;
}

/** QL sweeps allowed per eigenvalue before giving up (30 is the classical bound). */
export const qlIterationsMax = 30;

/**
 * Eigen-decomposition of a symmetric matrix: Householder reduction to
 * tridiagonal form, then the implicit QL algorithm with Wilkinson-style
 * shifts (the EISPACK tred2/tql2 scheme), O(n³). Eigenvalues ascend.
 *
 * @throws KronosError INVALID_INPUT for a non-symmetric matrix; NO_CONVERGENCE
 *   if QL exceeds `qlIterationsMax` sweeps for one eigenvalue.
 * @example
 * ```ts
 * const { values } = eigenSymmetric(matrixFromRows([[2, 1], [1, 2]]));
 * Array.from(values, (v) => Number(v.toFixed(12))); //=> [1, 3]
 * ```
 */
export function eigenSymmetric(a: Matrix): SymmetricEigen {
  const n = assertSquare(a, 'matrix');
  if (!isSymmetric(a, 1e-10)) {
    throw new KronosError('INVALID_INPUT', 'eigenSymmetric needs a symmetric matrix; symmetrize it first if the asymmetry is rounding.', {
      order: n,
    });
  }
  // Scaling to a largest entry of 1 keeps Householder norms clear of underflow and overflow.
  let largest = 0;
  for (const x of a.data) largest = Math.max(largest, Math.abs(x));
  const scale = largest > 0 ? largest : 1;
  // Entries below 1e-150 of the largest are flushed to zero: their squares would underflow.
  const v = a.data.map((x) => (Math.abs(x / scale) < 1e-150 ? 0 : x / scale));
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  if (n > 0) {
    tridiagonalize(v, d, e, n);
    diagonalize(v, d, e, n);
  }
  for (let i = 0; i < n; i++) d[i]! *= scale;
  return sortAscending(v, d, n);
}

/** Householder reduction of V (in place) to tridiagonal (d, e), accumulating the transforms. */
function tridiagonalize(v: Float64Array, d: Float64Array, e: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) d[j] = v[(n - 1) * n + j]!;
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]!);
    if (scale === 0) {
      e[i] = d[i - 1]!;
      for (let j = 0; j < i; j++) {
        d[j] = v[(i - 1) * n + j]!;
        v[i * n + j] = 0;
        v[j * n + i] = 0;
      }
    } else {
      h = householderStep(v, d, e, n, i, scale);
    }
    d[i] = h;
  }
  accumulate(v, d, e, n);
}

function householderStep(v: Float64Array, d: Float64Array, e: Float64Array, n: number, i: number, scale: number): number {
  let h = 0;
  for (let k = 0; k < i; k++) {
    d[k]! /= scale;
    h += d[k]! * d[k]!;
  }
  let f = d[i - 1]!;
  let g = f > 0 ? -Math.sqrt(h) : Math.sqrt(h);
  e[i] = scale * g;
  h -= f * g;
  d[i - 1] = f - g;
  for (let j = 0; j < i; j++) e[j] = 0;
  for (let j = 0; j < i; j++) {
    f = d[j]!;
    v[j * n + i] = f;
    g = e[j]! + v[j * n + j]! * f;
    for (let k = j + 1; k <= i - 1; k++) {
      g += v[k * n + j]! * d[k]!;
      e[k]! += v[k * n + j]! * f;
    }
    e[j] = g;
  }
  f = 0;
  for (let j = 0; j < i; j++) {
    e[j]! /= h;
    f += e[j]! * d[j]!;
  }
  const hh = f / (h + h);
  for (let j = 0; j < i; j++) e[j]! -= hh * d[j]!;
  for (let j = 0; j < i; j++) {
    f = d[j]!;
    g = e[j]!;
    for (let k = j; k <= i - 1; k++) v[k * n + j]! -= f * e[k]! + g * d[k]!;
    d[j] = v[(i - 1) * n + j]!;
    v[i * n + j] = 0;
  }
  return h;
}

function accumulate(v: Float64Array, d: Float64Array, e: Float64Array, n: number): void {
  for (let i = 0; i < n - 1; i++) {
    v[(n - 1) * n + i] = v[i * n + i]!;
    v[i * n + i] = 1;
    const h = d[i + 1]!;
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = v[k * n + i + 1]! / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += v[k * n + i + 1]! * v[k * n + j]!;
        for (let k = 0; k <= i; k++) v[k * n + j]! -= g * d[k]!;
      }
    }
    for (let k = 0; k <= i; k++) v[k * n + i + 1] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = v[(n - 1) * n + j]!;
    v[(n - 1) * n + j] = 0;
  }
  v[(n - 1) * n + n - 1] = 1;
  e[0] = 0;
}

/** Implicit QL on the tridiagonal (d, e), rotating the columns of V. */
function diagonalize(v: Float64Array, d: Float64Array, e: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i]!;
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = Number.EPSILON;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]!) + Math.abs(e[l]!));
    let m = l;
    while (m < n && Math.abs(e[m]!) > eps * tst1) m++;
    if (m > l) {
      let iterations = 0;
      do {
        if (++iterations > qlIterationsMax) {
          throw new KronosError('NO_CONVERGENCE', 'The eigenvalue iteration did not converge; check the matrix for NaN or huge entries.', {
            index: l,
          });
        }
        f += qlSweep(v, d, e, n, l, m);
      } while (Math.abs(e[l]!) > eps * tst1);
    }
    d[l] = d[l]! + f;
    e[l] = 0;
  }
}

function qlSweep(v: Float64Array, d: Float64Array, e: Float64Array, n: number, l: number, m: number): number {
  let g = d[l]!;
  let p = (d[l + 1]! - g) / (2 * e[l]!);
  let r = Math.hypot(p, 1);
  if (p < 0) r = -r;
  d[l] = e[l]! / (p + r);
  d[l + 1] = e[l]! * (p + r);
  const dl1 = d[l + 1]!;
  let h = g - d[l]!;
  for (let i = l + 2; i < n; i++) d[i]! -= h;
  const shift = h;
  p = d[m]!;
  let c = 1;
  let c2 = c;
  let c3 = c;
  const el1 = e[l + 1]!;
  let s = 0;
  let s2 = 0;
  for (let i = m - 1; i >= l; i--) {
    c3 = c2;
    c2 = c;
    s2 = s;
    g = c * e[i]!;
    h = c * p;
    r = Math.hypot(p, e[i]!);
    e[i + 1] = s * r;
    s = e[i]! / r;
    c = p / r;
    p = c * d[i]! - s * g;
    d[i + 1] = h + s * (c * g + s * d[i]!);
    for (let k = 0; k < n; k++) {
      const row = k * n;
      h = v[row + i + 1]!;
      v[row + i + 1] = s * v[row + i]! + c * h;
      v[row + i] = c * v[row + i]! - s * h;
    }
  }
  p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
  e[l] = s * p;
  d[l] = c * p;
  return shift;
}

function sortAscending(v: Float64Array, d: Float64Array, n: number): SymmetricEigen {
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => d[x]! - d[y]!);
  const values = Float64Array.from(order, (k) => d[k]!);
  const vectors = createMatrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) vectors.data[i * n + j] = v[i * n + order[j]!]!;
  }
  return { values, vectors };
}

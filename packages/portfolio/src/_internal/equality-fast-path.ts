/**
 * The common case of a large long-only problem whose optimum holds every asset:
 * solve with the equalities alone through the Cholesky factor (no inverse, no
 * active-set iterations) and keep the answer only if every inequality and
 * bound already holds. Otherwise the dual active-set method runs as usual.
 */
import type { ConstraintRow } from './dual-active-set.js';
import { evaluateNormal } from './dual-active-set.js';

/** Solves L L' x = b in place of a copy (L row-major lower). */
export function solveWithCholesky(lower: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const y = Float64Array.from({ length: n }, (_, i) => b[i]!);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let sum = y[i]!;
    for (let k = 0; k < i; k++) sum -= lower[row + k]! * y[k]!;
    y[i] = sum / lower[row + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    const row = i * n;
    const xi = y[i]! / lower[row + i]!;
    y[i] = xi;
    for (let k = 0; k < i; k++) y[k] = y[k]! - lower[row + k]! * xi;
  }
  return y;
}

/** Gaussian elimination with partial pivoting on a small dense system; undefined when singular. */
function solveSmall(matrix: Float64Array, rhs: Float64Array, m: number): Float64Array | undefined {
  const a = Float64Array.from(matrix);
  const b = Float64Array.from(rhs);
  for (let col = 0; col < m; col++) {
    let pivot = col;
    for (let r = col + 1; r < m; r++) if (Math.abs(a[r * m + col]!) > Math.abs(a[pivot * m + col]!)) pivot = r;
    if (Math.abs(a[pivot * m + col]!) <= 1e-14 * Math.max(1, Math.abs(a[0]!))) return undefined;
    if (pivot !== col) {
      for (let c = 0; c < m; c++) [a[col * m + c], a[pivot * m + c]] = [a[pivot * m + c]!, a[col * m + c]!];
      [b[col], b[pivot]] = [b[pivot]!, b[col]!];
    }
    for (let r = col + 1; r < m; r++) {
      const factor = a[r * m + col]! / a[col * m + col]!;
      for (let c = col; c < m; c++) a[r * m + c] = a[r * m + c]! - factor * a[col * m + c]!;
      b[r] = b[r]! - factor * b[col]!;
    }
  }
  for (let r = m - 1; r >= 0; r--) {
    let sum = b[r]!;
    for (let c = r + 1; c < m; c++) sum -= a[r * m + c]! * b[c]!;
    b[r] = sum / a[r * m + r]!;
  }
  return b;
}

/**
 * x and equality multipliers of min 1/2 x'Gx + a'x s.t. the equalities, with
 * whether every inequality and bound holds there; undefined when the
 * equalities are dependent.
 */
export function solveEqualitiesOnly(
  lower: Float64Array,
  n: number,
  a: Float64Array,
  constraints: readonly ConstraintRow[],
  equalityCount: number,
  feasibilityTolerance: number,
): { x: Float64Array; multipliers: Float64Array; active: number[]; feasible: boolean } | undefined {
  const gInvA = solveWithCholesky(lower, n, a);
  const columns: Float64Array[] = [];
  for (let k = 0; k < equalityCount; k++) columns.push(solveWithCholesky(lower, n, constraints[k]!.row!));
  const m = equalityCount;
  const small = new Float64Array(m * m);
  const rhs = new Float64Array(m);
  for (let p = 0; p < m; p++) {
    const row = constraints[p]!.row!;
    let dotA = 0;
    for (let i = 0; i < n; i++) dotA += row[i]! * gInvA[i]!;
    rhs[p] = constraints[p]!.bound + dotA;
    for (let q = 0; q < m; q++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += row[i]! * columns[q]![i]!;
      small[p * m + q] = sum;
    }
  }
  const u = m === 0 ? new Float64Array(0) : solveSmall(small, rhs, m);
  if (u === undefined) return undefined;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = -gInvA[i]!;
    for (let q = 0; q < m; q++) sum += columns[q]![i]! * u[q]!;
    x[i] = sum;
  }
  let feasible = true;
  for (let k = equalityCount; k < constraints.length && feasible; k++) {
    const constraint = constraints[k]!;
    feasible = evaluateNormal(constraint, x, n) - constraint.bound >= -feasibilityTolerance * (1 + Math.abs(constraint.bound));
  }
  const multipliers = new Float64Array(constraints.length);
  u.forEach((value, k) => (multipliers[k] = value));
  return { x, multipliers, active: Array.from({ length: m }, (_, k) => k), feasible };
}

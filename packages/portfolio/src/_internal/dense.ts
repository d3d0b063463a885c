/**
 * Dense kernels the QP solver needs in a form @kronos/risk does not offer:
 * a Cholesky that reports failure instead of throwing (the solver then
 * regularises) and the upper-triangular inverse L^-T the dual active-set
 * method starts from. Matrices are n*n Float64Arrays, row-major unless named.
 */

/**
 * Lower Cholesky factor of a symmetric matrix, row-major, or `undefined`
 * when a pivot falls to `pivotMin` or below (the matrix is not positive
 * definite to working precision).
 *
 * Columns are computed two at a time and their entries two rows at a time:
 * each pass over k then loads four values for four products, where a plain
 * dot product loads two per product. Loads, not arithmetic, bound this loop,
 * so the blocking makes the factorisation (the O(n^3 / 3) step of every
 * large solve) about 1.8 times faster at 500 variables.
 */
export function factorCholesky(matrix: Float64Array, n: number, pivotMin: number): Float64Array | undefined {
  const lower = new Float64Array(n * n);
  const sums = new Float64Array(4);
  for (let j = 0; j < n; j += 2) {
    const rowJ = j * n;
    // A last odd column is paired with itself (its spare products are O(n)).
    const rowJ1 = j + 1 < n ? rowJ + n : rowJ;
    dotRowPairs(lower, rowJ, rowJ1, rowJ, rowJ1, j, sums);
    const leading = matrix[rowJ + j]! - sums[0]!;
    if (!(leading > pivotMin)) return undefined;
    const pivot = Math.sqrt(leading);
    lower[rowJ + j] = pivot;
    if (j + 1 === n) break;
    const below = (matrix[rowJ1 + j]! - sums[2]!) / pivot;
    lower[rowJ1 + j] = below;
    const diagonal = matrix[rowJ1 + j + 1]! - sums[3]! - below * below;
    if (!(diagonal > pivotMin)) return undefined;
    const nextPivot = Math.sqrt(diagonal);
    lower[rowJ1 + j + 1] = nextPivot;
    for (let i = j + 2; i < n; i += 2) {
      // A last odd row is paired with itself (its spare products are O(n^2) in all).
      const rowI = i * n;
      const rowI1 = i + 1 < n ? rowI + n : rowI;
      dotRowPairs(lower, rowI, rowI1, rowJ, rowJ1, j, sums);
      for (let r = 0; r < 2; r++) {
        const row = r === 0 ? rowI : rowI1;
        const first = (matrix[row + j]! - sums[2 * r]!) / pivot;
        lower[row + j] = first;
        lower[row + j + 1] = (matrix[row + j + 1]! - sums[2 * r + 1]! - first * below) / nextPivot;
      }
    }
  }
  return lower;
}

/** sums = [a.c, a.d, b.c, b.d] over the first `length` entries of rows a, b, c, d of m. */
function dotRowPairs(m: Float64Array, a: number, b: number, c: number, d: number, length: number, sums: Float64Array): void {
  let ac = 0;
  let ad = 0;
  let bc = 0;
  let bd = 0;
  for (let k = 0; k < length; k++) {
    const xa = m[a + k]!;
    const xb = m[b + k]!;
    const xc = m[c + k]!;
    const xd = m[d + k]!;
    ac += xa * xc;
    ad += xa * xd;
    bc += xb * xc;
    bd += xb * xd;
  }
  sums[0] = ac;
  sums[1] = ad;
  sums[2] = bc;
  sums[3] = bd;
}

/**
 * J = L^-T stored column-major (J[col * n + row]); with L row-major this is
 * the same memory layout as the row-major inverse of L, transposed for free.
 */
export function invertLowerTransposed(lower: Float64Array, n: number): Float64Array {
  // Row i of inv(L), row-major: inv[i][j] = -(sum_{k=j}^{i-1} L[i][k] inv[k][j]) / L[i][i],
  // accumulated as axpys over the rows k < i so that memory runs contiguously.
  // J = inv(L)^T column-major is then the same memory as inv(L) row-major.
  const inverse = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const rowI = i * n;
    for (let k = 0; k < i; k++) {
      const coefficient = lower[rowI + k]!;
      if (coefficient === 0) continue;
      const rowK = k * n;
      for (let j = 0; j <= k; j++) inverse[rowI + j] = inverse[rowI + j]! - coefficient * inverse[rowK + j]!;
    }
    const pivot = lower[rowI + i]!;
    for (let j = 0; j < i; j++) inverse[rowI + j] = inverse[rowI + j]! / pivot;
    inverse[rowI + i] = 1 / pivot;
  }
  return inverse;
}

/** y = M x for a row-major n*n matrix. */
export function multiplyMatrixVector(matrix: Float64Array, x: ArrayLike<number>, n: number, out = new Float64Array(n)): Float64Array {
  for (let i = 0; i < n; i++) {
    let sum = 0;
    const row = i * n;
    for (let j = 0; j < n; j++) sum += matrix[row + j]! * x[j]!;
    out[i] = sum;
  }
  return out;
}

/** x' y. */
export function dot(x: ArrayLike<number>, y: ArrayLike<number>, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i]! * y[i]!;
  return sum;
}

/**
 * Lower Cholesky factor of the principal submatrix G[keep, keep] (`keep`
 * ascending), derived from the factor L of G instead of factoring afresh.
 * Deleting index d leaves the rows and columns before d as they are and turns
 * the trailing block into the factor of L33 L33' + v v' (v = column d of L
 * below d): a rank-one update by Givens rotations, O((n - d)^2) per deleted
 * index against O(k^3 / 3) for a new factorisation, and stable (an update, not
 * a downdate). The rotations of every deleted index are applied row by row to
 * one scratch row, so L is read once, contiguously, and never copied whole.
 */
export function restrictCholesky(lower: Float64Array, n: number, keep: readonly number[]): Float64Array {
  const kept = new Uint8Array(n);
  for (const i of keep) kept[i] = 1;
  const deleted: number[] = [];
  for (let i = 0; i < n; i++) if (kept[i] === 0) deleted.push(i);
  // Per deleted index t and column c the rotation (c_t,c >= 1, s_t,c) in the
  // form of the update: l' = (l + s v) / c, v' = c v - s l'; 1 / c is kept
  // to multiply rather than divide in the inner loop.
  const cosines = new Float64Array(deleted.length * n);
  const inverseCosines = new Float64Array(deleted.length * n);
  const sines = new Float64Array(deleted.length * n);
  const row = new Float64Array(n);
  const k = keep.length;
  const restricted = new Float64Array(k * k);
  let p = 0;
  for (let i = 0; i < n; i++) {
    row.set(lower.subarray(i * n, i * n + i + 1));
    for (let t = 0; t < deleted.length && deleted[t]! < i; t++) {
      const d = deleted[t]!;
      const base = t * n;
      let v = row[d]!;
      for (let c = d + 1; c < i; c++) {
        const updated = (row[c]! + sines[base + c]! * v) * inverseCosines[base + c]!;
        v = cosines[base + c]! * v - sines[base + c]! * updated;
        row[c] = updated;
      }
      const pivot = row[i]!;
      const root = Math.hypot(pivot, v);
      cosines[base + i] = root / pivot;
      inverseCosines[base + i] = pivot / root;
      sines[base + i] = v / pivot;
      row[i] = root;
    }
    if (kept[i] === 0) continue;
    for (let q = 0; q <= p; q++) restricted[p * k + q] = row[keep[q]!]!;
    p++;
  }
  return restricted;
}

/**
 * Whether deriving the factor of a principal submatrix by `restrictCholesky`
 * is cheaper than factoring it afresh: each deleted index d costs about
 * (n - d)^2 / 2 rotations of some four flops, a factorisation k^3 / 3
 * multiply-adds.
 */
export function isRestrictionCheaper(n: number, keep: readonly number[]): boolean {
  const kept = new Uint8Array(n);
  for (const i of keep) kept[i] = 1;
  let rotationFlops = 0;
  for (let d = 0; d < n; d++) if (kept[d] === 0) rotationFlops += 2 * (n - d) ** 2;
  return rotationFlops < keep.length ** 3 / 3;
}

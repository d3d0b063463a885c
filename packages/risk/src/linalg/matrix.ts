import { KronosError } from '../errors/index.js';

/**
 * A dense matrix of float64 numbers stored row by row: entry (i, j) is
 * `data[i * cols + j]`. Every linear-algebra kernel of Kronos works on it.
 */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/**
 * Creates a `rows x cols` matrix, zero-filled or over the given row-major data
 * (used as is, not copied).
 *
 * @throws KronosError INVALID_INPUT when the data length is not rows * cols.
 * @example
 * ```ts
 * const m = createMatrix(2, 2, Float64Array.of(1, 2, 3, 4));
 * m.data[1 * 2 + 0]; //=> 3
 * ```
 */
export function createMatrix(rows: number, cols: number, data?: Float64Array): Matrix {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new KronosError('INVALID_INPUT', 'Matrix dimensions must be non-negative integers.', { rows, cols });
  }
  const values = data ?? new Float64Array(rows * cols);
  if (values.length !== rows * cols) {
    throw new KronosError('INVALID_INPUT', `A ${rows}x${cols} matrix needs ${rows * cols} values; got ${values.length}.`, {
      rows,
      cols,
      length: values.length,
    });
  }
  return { rows, cols, data: values };
}

/**
 * Builds a matrix from nested arrays (one array per row).
 *
 * @throws KronosError INVALID_INPUT when rows have different lengths.
 * @example
 * ```ts
 * matrixFromRows([[1, 2], [3, 4]]).cols; //=> 2
 * ```
 */
export function matrixFromRows(rows: readonly (readonly number[])[]): Matrix {
  const cols = rows[0]?.length ?? 0;
  const out = createMatrix(rows.length, cols);
  rows.forEach((row, i) => {
    if (row.length !== cols) {
      throw new KronosError('INVALID_INPUT', `Row ${i} has ${row.length} values; every row needs ${cols}.`, { row: i });
    }
    out.data.set(row, i * cols);
  });
  return out;
}

/**
 * The rows of a matrix as nested arrays (for display and JSON).
 *
 * @example
 * ```ts
 * matrixToRows(identityMatrix(2)); //=> [[1, 0], [0, 1]]
 * ```
 */
export function matrixToRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

/**
 * The n x n identity matrix.
 *
 * @example
 * ```ts
 * identityMatrix(3).data[4]; //=> 1
 * ```
 */
export function identityMatrix(n: number): Matrix {
  const out = createMatrix(n, n);
  for (let i = 0; i < n; i++) out.data[i * n + i] = 1;
  return out;
}

/** Throws INVALID_INPUT unless `m` is square; returns its order. */
export function assertSquare(m: Matrix, name = 'matrix'): number {
  if (m.rows !== m.cols) {
    throw new KronosError('INVALID_INPUT', `The ${name} must be square; it is ${m.rows}x${m.cols}.`, { rows: m.rows, cols: m.cols });
  }
  return m.rows;
}

/**
 * Tells whether a square matrix equals its transpose within `tolerance`
 * (absolute, scaled by the largest entry).
 *
 * @example
 * ```ts
 * isSymmetric(matrixFromRows([[1, 2], [2, 1]])); //=> true
 * ```
 */
export function isSymmetric(m: Matrix, tolerance = 1e-12): boolean {
  if (m.rows !== m.cols) return false;
  const n = m.rows;
  let scale = 0;
  for (const v of m.data) scale = Math.max(scale, Math.abs(v));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (Math.abs(m.data[i * n + j]! - m.data[j * n + i]!) > tolerance * Math.max(scale, 1)) return false;
    }
  }
  return true;
}

/**
 * Replaces a square matrix by (A + Aᵀ) / 2 in place and returns it.
 *
 * @example
 * ```ts
 * matrixToRows(symmetrize(matrixFromRows([[1, 2], [4, 1]]))); //=> [[1, 3], [3, 1]]
 * ```
 */
export function symmetrize(m: Matrix): Matrix {
  const n = assertSquare(m);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = 0.5 * (m.data[i * n + j]! + m.data[j * n + i]!);
      m.data[i * n + j] = v;
      m.data[j * n + i] = v;
    }
  }
  return m;
}

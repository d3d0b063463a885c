import { KronosError } from '../errors/index.js';
import { createMatrix, type Matrix } from './matrix.js';

/**
 * y = A x. Writes into `out` when given (length A.rows) and returns it.
 *
 * @throws KronosError INVALID_INPUT on mismatched dimensions.
 * @example
 * ```ts
 * multiplyMatrixVector(matrixFromRows([[1, 2], [3, 4]]), Float64Array.of(1, 1)); //=> Float64Array.of(3, 7)
 * ```
 */
export function multiplyMatrixVector(a: Matrix, x: ArrayLike<number>, out?: Float64Array): Float64Array {
  if (x.length !== a.cols) {
    throw new KronosError('INVALID_INPUT', `A ${a.rows}x${a.cols} matrix needs a vector of length ${a.cols}; got ${x.length}.`, {
      cols: a.cols,
      length: x.length,
    });
  }
  const y = out ?? new Float64Array(a.rows);
  const { rows, cols, data } = a;
  for (let i = 0; i < rows; i++) {
    let sum = 0;
    const offset = i * cols;
    for (let j = 0; j < cols; j++) sum += data[offset + j]! * x[j]!;
    y[i] = sum;
  }
  return y;
}

/**
 * C = A B (cache-friendly i-k-j loop order).
 *
 * @throws KronosError INVALID_INPUT when A.cols differs from B.rows.
 * @example
 * ```ts
 * matrixToRows(multiplyMatrices(matrixFromRows([[1, 2]]), matrixFromRows([[3], [4]]))); //=> [[11]]
 * ```
 */
export function multiplyMatrices(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) {
    throw new KronosError('INVALID_INPUT', `Cannot multiply ${a.rows}x${a.cols} by ${b.rows}x${b.cols}: inner sizes differ.`, {
      left: [a.rows, a.cols],
      right: [b.rows, b.cols],
    });
  }
  const c = createMatrix(a.rows, b.cols);
  const n = b.cols;
  const inner = a.cols;
  const ad = a.data;
  const bd = b.data;
  const cd = c.data;
  for (let i = 0; i < a.rows; i++) {
    const cRow = cd.subarray(i * n, (i + 1) * n);
    for (let k = 0; k < inner; k++) {
      const aik = ad[i * inner + k]!;
      if (aik === 0) continue;
      const bOffset = k * n;
      for (let j = 0; j < n; j++) cRow[j]! += aik * bd[bOffset + j]!;
    }
  }
  return c;
}

/**
 * The transpose Aᵀ.
 *
 * @example
 * ```ts
 * matrixToRows(transpose(matrixFromRows([[1, 2]]))); //=> [[1], [2]]
 * ```
 */
export function transpose(a: Matrix): Matrix {
  const t = createMatrix(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) t.data[j * a.rows + i] = a.data[i * a.cols + j]!;
  }
  return t;
}

/**
 * The quadratic form xᵀ A x (a portfolio variance wᵀ Σ w, say).
 *
 * @example
 * ```ts
 * Number(quadraticForm(matrixFromRows([[0.04, 0], [0, 0.09]]), [0.5, 0.5]).toFixed(12)); //=> 0.0325
 * ```
 */
export function quadraticForm(a: Matrix, x: ArrayLike<number>): number {
  const ax = multiplyMatrixVector(a, x);
  let sum = 0;
  for (let i = 0; i < ax.length; i++) sum += x[i]! * ax[i]!;
  return sum;
}

/**
 * The dot product of two equally long vectors.
 *
 * @example
 * ```ts
 * dot([1, 2, 3], [4, 5, 6]); //=> 32
 * ```
 */
export function dot(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) {
    throw new KronosError('INVALID_INPUT', `Vectors of lengths ${x.length} and ${y.length} cannot be multiplied.`, {
      left: x.length,
      right: y.length,
    });
  }
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i]! * y[i]!;
  return sum;
}

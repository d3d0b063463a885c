import { createMatrix, type Matrix } from '../linalg/matrix.js';

/**
 * G[i][j] = Σ_t a_i[t] a_j[t] / divisor for equally long columns (upper
 * triangle computed, mirrored). Four columns share each pass over a_i so its
 * values are loaded once per four products.
 */
export function gramMatrix(columns: readonly Float64Array[], divisor: number): Matrix {
  const n = columns.length;
  const rows = columns[0]?.length ?? 0;
  const g = createMatrix(n, n);
  const d = g.data;
  for (let i = 0; i < n; i++) {
    const a = columns[i]!;
    let j = i;
    for (; j + 3 < n; j += 4) {
      const b0 = columns[j]!;
      const b1 = columns[j + 1]!;
      const b2 = columns[j + 2]!;
      const b3 = columns[j + 3]!;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let t = 0; t < rows; t++) {
        const x = a[t]!;
        s0 += x * b0[t]!;
        s1 += x * b1[t]!;
        s2 += x * b2[t]!;
        s3 += x * b3[t]!;
      }
      d[i * n + j] = d[j * n + i] = s0 / divisor;
      d[i * n + j + 1] = d[(j + 1) * n + i] = s1 / divisor;
      d[i * n + j + 2] = d[(j + 2) * n + i] = s2 / divisor;
      d[i * n + j + 3] = d[(j + 3) * n + i] = s3 / divisor;
    }
    for (; j < n; j++) {
      const b = columns[j]!;
      let s = 0;
      for (let t = 0; t < rows; t++) s += a[t]! * b[t]!;
      d[i * n + j] = d[j * n + i] = s / divisor;
    }
  }
  return g;
}

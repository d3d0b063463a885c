import { pairwiseCovariance, toColumns } from '../_internal/columns.js';
import { createMatrix, type Matrix } from '../linalg/matrix.js';
import type { SeriesTable } from '../returns/seriesTable.js';

/**
 * Pearson correlation matrix of a returns table, each pair over the dates both
 * series are present (pandas `DataFrame.corr()`); NaN where a pair shares
 * fewer than two dates or a series is constant.
 *
 * @example
 * ```ts
 * const r = parseSeriesCsv('date,A,B\n2024-01-02,0.01,0.02\n2024-01-03,-0.01,-0.02\n2024-01-04,0.02,0.03\n');
 * Number(correlationMatrix(r).matrix.data[1]!.toFixed(12)); //=> 0.989743318611
 * ```
 */
export function correlationMatrix(returns: SeriesTable): { assets: readonly string[]; matrix: Matrix } {
  const columns = toColumns(returns);
  const n = columns.length;
  const matrix = createMatrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const a = columns[i]!;
      const b = columns[j]!;
      let value = 1;
      if (i !== j) {
        // Variances over the same shared dates as the covariance, as pandas does.
        const shared = (x: Float64Array, y: Float64Array) => x.map((v, t) => (y[t] === y[t] ? v : Number.NaN));
        const sa = shared(a, b);
        const sb = shared(b, a);
        value = pairwiseCovariance(sa, sb) / Math.sqrt(pairwiseCovariance(sa, sa) * pairwiseCovariance(sb, sb));
      }
      matrix.data[i * n + j] = value;
      matrix.data[j * n + i] = value;
    }
  }
  return { assets: [...returns.columns], matrix };
}

import type { SeriesTable } from '../returns/seriesTable.js';

/** A table split into contiguous columns (faster for per-asset statistics). */
export function toColumns(table: SeriesTable): Float64Array[] {
  const width = table.columns.length;
  const rows = table.dates.length;
  const out: Float64Array[] = [];
  for (let c = 0; c < width; c++) {
    const col = new Float64Array(rows);
    for (let r = 0; r < rows; r++) col[r] = table.values[r * width + c]!;
    out.push(col);
  }
  return out;
}

/** Mean of the non-missing values (NaN when none). */
export function nanMean(x: ArrayLike<number>): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v === v) {
      sum += v;
      count++;
    }
  }
  return count === 0 ? Number.NaN : sum / count;
}

/**
 * pandas' `ewm(span).mean().iloc[-1]` with adjust=True, ignore_na=False:
 * Σ (1-α)^(T-1-t) x_t / Σ (1-α)^(T-1-t) over non-missing x_t, α = 2/(span+1).
 */
export function ewmLast(x: Float64Array, span: number): number {
  const decay = 1 - 2 / (span + 1);
  let numerator = 0;
  let denominator = 0;
  for (let t = 0; t < x.length; t++) {
    numerator *= decay;
    denominator *= decay;
    const v = x[t]!;
    if (v === v) {
      numerator += v;
      denominator += 1;
    }
  }
  return denominator === 0 ? Number.NaN : numerator / denominator;
}

/**
 * pandas' pairwise `cov` (ddof 1) of two columns over the rows where both
 * are present: the means are those of the shared rows.
 */
export function pairwiseCovariance(x: Float64Array, y: Float64Array): number {
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (let t = 0; t < x.length; t++) {
    const a = x[t]!;
    const b = y[t]!;
    if (a === a && b === b) {
      sx += a;
      sy += b;
      n++;
    }
  }
  if (n < 2) return Number.NaN;
  const mx = sx / n;
  const my = sy / n;
  let sum = 0;
  for (let t = 0; t < x.length; t++) {
    const a = x[t]!;
    const b = y[t]!;
    if (a === a && b === b) sum += (a - mx) * (b - my);
  }
  return sum / (n - 1);
}

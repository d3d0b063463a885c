import { KronosError } from '../errors/index.js';
import { ewmLast, nanMean, pairwiseCovariance, toColumns } from '../_internal/columns.js';
import { createMatrix, symmetrize, type Matrix } from '../linalg/matrix.js';
import { gramMatrix } from '../_internal/gram.js';
import { repairPsd, type PsdRepairMethod } from '../linalg/nearestPsd.js';
import type { SeriesTable } from '../returns/seriesTable.js';

/** An annualised covariance matrix with its asset labels. */
export interface CovarianceEstimate {
  readonly assets: readonly string[];
  readonly matrix: Matrix;
  /** True when the raw estimate was not PSD and `repairPsd` mended it. */
  readonly repaired: boolean;
  /** The shrinkage intensity δ in [0, 1] (shrinkage estimators only). */
  readonly shrinkage?: number;
}

/** Options shared by every covariance estimator. */
export interface CovarianceOptions {
  /** Periods per year used to annualise. Default 252. */
  readonly frequency?: number;
  /** How a non-PSD estimate is repaired: 'spectral' (default), 'diag', or 'none'. */
  readonly repair?: PsdRepairMethod | 'none';
}

/** Annualises a raw (per-period) covariance and repairs it if not PSD. */
export function finishCovariance(assets: readonly string[], raw: Matrix, options: CovarianceOptions, shrinkage?: number): CovarianceEstimate {
  const frequency = options.frequency ?? 252;
  if (!(frequency > 0 && Number.isFinite(frequency))) {
    throw new KronosError('INVALID_INPUT', 'frequency is the number of periods per year (252 for daily data) and must be positive.', {
      frequency,
    });
  }
  for (let k = 0; k < raw.data.length; k++) raw.data[k]! *= frequency;
  symmetrize(raw);
  const { matrix, repaired } = options.repair === 'none' ? { matrix: raw, repaired: false } : repairPsd(raw, options.repair ?? 'spectral');
  return shrinkage === undefined ? { assets: [...assets], matrix, repaired } : { assets: [...assets], matrix, repaired, shrinkage };
}

function symmetricFrom(n: number, entry: (i: number, j: number) => number): Matrix {
  const m = createMatrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const v = entry(i, j);
      m.data[i * n + j] = v;
      m.data[j * n + i] = v;
    }
  }
  return m;
}

/** The per-period pairwise sample covariance (pandas `DataFrame.cov()`), not annualised. */
export function rawSampleCovariance(columns: Float64Array[]): Matrix {
  const complete = columns.every((x) => x.every((v) => v === v));
  if (!complete) return symmetricFrom(columns.length, (i, j) => pairwiseCovariance(columns[i]!, columns[j]!));
  // No gaps: every pair shares all dates, so centre each column once and take dot products.
  const rows = columns[0]?.length ?? 0;
  if (rows < 2) return symmetricFrom(columns.length, () => Number.NaN);
  const centred = columns.map((x) => {
    let mean = 0;
    for (const v of x) mean += v;
    mean /= rows;
    return x.map((v) => v - mean);
  });
  return gramMatrix(centred, rows - 1);
}

/**
 * Annualised sample covariance, each pair over the dates both assets have
 * returns (ddof 1), then PSD-repaired (PyPortfolioOpt `sample_cov`).
 *
 * @throws KronosError INVALID_INPUT when a pair shares fewer than two dates.
 * @example
 * ```ts
 * const r = computeReturns(parseSeriesCsv('date,A,B\n2024-01-02,100,50\n2024-01-03,101,51\n2024-01-04,100,50\n2024-01-05,102,52\n'));
 * sampleCovariance(r).matrix.rows; //=> 2
 * ```
 */
export function sampleCovariance(returns: SeriesTable, options: CovarianceOptions = {}): CovarianceEstimate {
  const raw = rawSampleCovariance(toColumns(returns));
  const bad = raw.data.findIndex((v) => Number.isNaN(v));
  if (bad >= 0) {
    const n = returns.columns.length;
    throw new KronosError('INVALID_INPUT', `Assets ${returns.columns[Math.floor(bad / n)]} and ${returns.columns[bad % n]} share fewer than two dates of returns; drop one or use a longer history.`, {
      assets: [returns.columns[Math.floor(bad / n)], returns.columns[bad % n]],
    });
  }
  return finishCovariance(returns.columns, raw, options);
}

/** Options of `semicovariance`. */
export interface SemicovarianceOptions extends CovarianceOptions {
  /** Per-period return below which a move counts as downside. Default 0.000079 (≈ 1.02^(1/252) - 1). */
  readonly benchmark?: number;
}

/**
 * Annualised semicovariance E[min(r_i - B, 0) · min(r_j - B, 0)] over all T
 * dates; a missing return counts as no downside (PyPortfolioOpt `semicovariance`).
 *
 * @example
 * ```ts
 * const r = computeReturns(parseSeriesCsv('date,A\n2024-01-02,100\n2024-01-03,99\n2024-01-04,100\n'));
 * Number(semicovariance(r, { benchmark: 0, frequency: 1 }).matrix.data[0]!.toFixed(12)); //=> 0.00005
 * ```
 */
export function semicovariance(returns: SeriesTable, options: SemicovarianceOptions = {}): CovarianceEstimate {
  const benchmark = options.benchmark ?? 0.000079;
  const rows = returns.dates.length;
  const drops = toColumns(returns).map((x) => x.map((v) => (v === v ? Math.min(v - benchmark, 0) : 0)));
  const raw = symmetricFrom(drops.length, (i, j) => {
    let sum = 0;
    const a = drops[i]!;
    const b = drops[j]!;
    for (let t = 0; t < rows; t++) sum += a[t]! * b[t]!;
    return sum / rows;
  });
  return finishCovariance(returns.columns, raw, options);
}

/** Options of `exponentialCovariance`. */
export interface ExponentialCovarianceOptions extends CovarianceOptions {
  /** Span of the exponential weights, α = 2 / (span + 1). Default 180. */
  readonly span?: number;
}

/**
 * Annualised exponentially weighted covariance: for each pair, the
 * exponentially weighted mean (pandas `ewm(span).mean()`, last value) of
 * (x - mean x)(y - mean y), the means over each asset's own history
 * (PyPortfolioOpt `exp_cov`).
 *
 * @example
 * ```ts
 * const r = computeReturns(parseSeriesCsv('date,A\n2024-01-02,100\n2024-01-03,101\n2024-01-04,100\n'));
 * exponentialCovariance(r, { span: 10 }).matrix.rows; //=> 1
 * ```
 */
export function exponentialCovariance(returns: SeriesTable, options: ExponentialCovarianceOptions = {}): CovarianceEstimate {
  const span = options.span ?? 180;
  if (!(span >= 1)) throw new KronosError('INVALID_INPUT', 'span must be at least 1.', { span });
  const centred = toColumns(returns).map((x) => {
    const m = nanMean(x);
    return x.map((v) => v - m);
  });
  const product = new Float64Array(returns.dates.length);
  const raw = symmetricFrom(centred.length, (i, j) => {
    const a = centred[i]!;
    const b = centred[j]!;
    for (let t = 0; t < product.length; t++) product[t] = a[t]! * b[t]!;
    return ewmLast(product, span);
  });
  return finishCovariance(returns.columns, raw, options);
}

/**
 * The correlation matrix D^-1/2 Σ D^-1/2 of a covariance matrix.
 *
 * @example
 * ```ts
 * matrixToRows(covarianceToCorrelation(matrixFromRows([[4, 2], [2, 9]]))); //=> [[1, 0.3333333333333333], [0.3333333333333333, 1]]
 * ```
 */
export function covarianceToCorrelation(covariance: Matrix): Matrix {
  const n = covariance.rows;
  const sd = Float64Array.from({ length: n }, (_, i) => Math.sqrt(covariance.data[i * n + i]!));
  return symmetricFrom(n, (i, j) => (i === j ? 1 : covariance.data[i * n + j]! / (sd[i]! * sd[j]!)));
}

/**
 * A covariance matrix from correlations and standard deviations: ρ_ij σ_i σ_j.
 *
 * @example
 * ```ts
 * matrixToRows(correlationToCovariance(matrixFromRows([[1, 0.5], [0.5, 1]]), [2, 3])); //=> [[4, 3], [3, 9]]
 * ```
 */
export function correlationToCovariance(correlation: Matrix, standardDeviations: ArrayLike<number>): Matrix {
  const n = correlation.rows;
  return symmetricFrom(n, (i, j) => correlation.data[i * n + j]! * standardDeviations[i]! * standardDeviations[j]!);
}

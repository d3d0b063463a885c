import { KronosError } from '../errors/index.js';
import { toColumns } from '../_internal/columns.js';
import { gramMatrix } from '../_internal/gram.js';
import { createMatrix, type Matrix } from '../linalg/matrix.js';
import type { SeriesTable } from '../returns/seriesTable.js';
import { finishCovariance, rawSampleCovariance, type CovarianceEstimate, type CovarianceOptions } from './covariance.js';

/*
 * Shrinkage estimators follow PyPortfolioOpt's CovarianceShrinkage: the
 * returns matrix X has missing returns replaced by 0 (np.nan_to_num), S is the
 * pairwise sample covariance (ddof 1) of the returns with their gaps, and the
 * result is annualised then PSD-repaired. Constant variance and OAS are
 * scikit-learn's ledoit_wolf / oas on X (empirical covariance, divisor T).
 */

/** X with gaps as 0, demeaned column by column (column-major). */
function demeanedFilled(returns: SeriesTable): { x: Float64Array[]; means: Float64Array; t: number } {
  if (returns.dates.length < 2) {
    throw new KronosError('INVALID_INPUT', 'Shrinkage needs at least two dates of returns.', { dates: returns.dates.length });
  }
  const columns = toColumns(returns);
  const means = new Float64Array(columns.length);
  const x = columns.map((col, i) => {
    const filled = col.map((v) => (v === v ? v : 0));
    let mean = 0;
    for (const v of filled) mean += v;
    mean /= filled.length;
    means[i] = mean;
    return filled.map((v) => v - mean);
  });
  return { x, means, t: returns.dates.length };
}

/** Σ_t a_t b_t (and a weighted variant) over columns. */
function crossSum(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let t = 0; t < a.length; t++) s += a[t]! * b[t]!;
  return s;
}

/** Σ_i Σ_j <y_i, y_j> computed as Σ_t (Σ_i y_i[t])², O(N T) instead of O(N² T). */
function sumOfSquaredRowSums(y: Float64Array[], t: number): number {
  const rowSums = new Float64Array(t);
  for (const col of y) for (let s = 0; s < t; s++) rowSums[s]! += col[s]!;
  let total = 0;
  for (const v of rowSums) total += v * v;
  return total;
}

function empirical(x: Float64Array[], t: number): Matrix {
  return gramMatrix(x, t);
}

function blend(target: Matrix, sample: Matrix, delta: number): Matrix {
  return createMatrix(sample.rows, sample.cols, sample.data.map((s, k) => delta * target.data[k]! + (1 - delta) * s));
}

function scaledIdentity(n: number, mu: number): Matrix {
  const m = createMatrix(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = mu;
  return m;
}

function trace(m: Matrix): number {
  let s = 0;
  for (let i = 0; i < m.rows; i++) s += m.data[i * m.rows + i]!;
  return s;
}

/** Options of `shrunkCovariance`. */
export interface ShrunkCovarianceOptions extends CovarianceOptions {
  /** The shrinkage intensity δ in [0, 1]. Default 0.2. */
  readonly shrinkage?: number;
}

/**
 * Fixed shrinkage δ F + (1 - δ) S towards F = (tr S / N) I, annualised
 * (PyPortfolioOpt `CovarianceShrinkage.shrunk_covariance`).
 *
 * @throws KronosError INVALID_INPUT for δ outside [0, 1].
 * @example
 * ```ts
 * const r = computeReturns(parseSeriesCsv('date,A,B\n2024-01-02,100,50\n2024-01-03,101,51\n2024-01-04,100,50\n2024-01-05,102,52\n'));
 * shrunkCovariance(r, { shrinkage: 1 }).matrix.data[1]; //=> 0
 * ```
 */
export function shrunkCovariance(returns: SeriesTable, options: ShrunkCovarianceOptions = {}): CovarianceEstimate {
  const delta = options.shrinkage ?? 0.2;
  if (!(delta >= 0 && delta <= 1)) throw new KronosError('INVALID_INPUT', 'shrinkage must lie in [0, 1].', { shrinkage: delta });
  const s = rawSampleCovariance(toColumns(returns));
  const n = s.rows;
  return finishCovariance(returns.columns, blend(scaledIdentity(n, trace(s) / n), s, delta), options, delta);
}

/** The structured target a Ledoit-Wolf estimate shrinks towards. */
export type LedoitWolfTarget = 'constantVariance' | 'singleFactor' | 'constantCorrelation';

/** Options of `ledoitWolfCovariance`. */
export interface LedoitWolfOptions extends CovarianceOptions {
  /** Default 'constantVariance' (scikit-learn's `ledoit_wolf`). */
  readonly target?: LedoitWolfTarget;
}

/**
 * Ledoit-Wolf shrinkage with the optimal intensity, towards a constant
 * variance (Ledoit & Wolf 2004, scikit-learn), the single-index market model
 * (Ledoit & Wolf 2003, market = equal-weighted mean) or constant correlation
 * (Ledoit & Wolf 2004, "Honey, I shrunk..."), exactly as PyPortfolioOpt
 * computes them.
 *
 * @example
 * ```ts
 * const r = computeReturns(parseSeriesCsv('date,A,B\n2024-01-02,100,50\n2024-01-03,101,51\n2024-01-04,100,50\n2024-01-05,102,52\n2024-01-08,101,53\n'));
 * const lw = ledoitWolfCovariance(r, { target: 'constantCorrelation' });
 * lw.shrinkage! >= 0 && lw.shrinkage! <= 1; //=> true
 * ```
 */
export function ledoitWolfCovariance(returns: SeriesTable, options: LedoitWolfOptions = {}): CovarianceEstimate {
  const target = options.target ?? 'constantVariance';
  const { matrix, delta } =
    target === 'constantVariance' ? constantVariance(returns) : target === 'singleFactor' ? singleFactor(returns) : constantCorrelation(returns);
  return finishCovariance(returns.columns, matrix, options, delta);
}

function constantVariance(returns: SeriesTable): { matrix: Matrix; delta: number } {
  const { x, t } = demeanedFilled(returns);
  const n = x.length;
  const emp = empirical(x, t);
  const mu = trace(emp) / n;
  if (n === 1) return { matrix: emp, delta: 0 };
  // β̂ and δ̂ of Ledoit & Wolf (2004), in scikit-learn's arrangement.
  const sumSquaresCross = sumOfSquaredRowSums(x.map((col) => col.map((v) => v * v)), t);
  let deltaRaw = 0;
  for (const v of emp.data) deltaRaw += v * v;
  const beta = (1 / (n * t)) * (sumSquaresCross / t - deltaRaw);
  const delta = (deltaRaw - 2 * mu * trace(emp) + n * mu * mu) / n;
  const intensity = Math.min(beta, delta) === 0 ? 0 : Math.min(beta, delta) / delta;
  return { matrix: blend(scaledIdentity(n, mu), emp, intensity), delta: intensity };
}

/**
 * Oracle approximating shrinkage (Chen, Wiesel, Eldar & Hero 2010) towards
 * (tr S / N) I, scikit-learn's `oas` on the gap-filled returns, annualised.
 *
 * @example
 * ```ts
 * const r = computeReturns(parseSeriesCsv('date,A,B\n2024-01-02,100,50\n2024-01-03,101,51\n2024-01-04,100,50\n2024-01-05,102,52\n'));
 * oracleApproximatingCovariance(r).shrinkage! <= 1; //=> true
 * ```
 */
export function oracleApproximatingCovariance(returns: SeriesTable, options: CovarianceOptions = {}): CovarianceEstimate {
  const { x, t } = demeanedFilled(returns);
  const n = x.length;
  const emp = empirical(x, t);
  if (n === 1) return finishCovariance(returns.columns, emp, options, 0);
  let alpha = 0;
  for (const v of emp.data) alpha += v * v;
  alpha /= n * n;
  const mu = trace(emp) / n;
  const numerator = alpha + mu * mu;
  const denominator = (t + 1) * (alpha - (mu * mu) / n);
  const delta = denominator === 0 ? 1 : Math.min(numerator / denominator, 1);
  return finishCovariance(returns.columns, blend(scaledIdentity(n, mu), emp, delta), options, delta);
}

/** Σ_i weights_i · columns_i[t] for every t (a weighted row sum), O(N T). */
function weightedRowSums(columns: readonly Float64Array[], weights: ArrayLike<number> | null, t: number): Float64Array {
  const out = new Float64Array(t);
  columns.forEach((col, i) => {
    const w = weights === null ? 1 : weights[i]!;
    for (let s = 0; s < t; s++) out[s]! += w * col[s]!;
  });
  return out;
}

/*
 * The double sums over asset pairs in Ledoit & Wolf's estimators are
 * rearranged as sums over dates of weighted row sums, e.g.
 * Σ_ij β_i β_j <z_i, z_j> = Σ_t (Σ_i β_i z_i[t])², so they cost O(N T) instead
 * of O(N² T); the diagonal (i = j) terms are subtracted where the original
 * excludes them. The numbers equal PyPortfolioOpt's to rounding (tested).
 */
function singleFactor(returns: SeriesTable): { matrix: Matrix; delta: number } {
  const { x: xm, means, t } = demeanedFilled(returns);
  const n = xm.length;
  // The market is the cross-sectional mean of the (filled) returns; demeaning commutes with it.
  const mkt = weightedRowSums(xm, null, t).map((v) => v / n);
  const sample = empirical(xm, t);
  const betas = Float64Array.from(xm, (col) => crossSum(col, mkt) / t);
  const varMkt = crossSum(mkt, mkt) / t;
  const f = createMatrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) f.data[i * n + j] = i === j ? sample.data[i * n + i]! : (betas[i]! * betas[j]!) / varMkt;
  // PyPortfolioOpt forms z from the market before demeaning: z_i = x̃_i · (m̃ + mean of the asset means).
  let meanOfMeans = 0;
  for (const m of means) meanOfMeans += m / n;
  const mktRaw = mkt.map((v) => v + meanOfMeans);
  const y = xm.map((col) => col.map((v) => v * v));
  const rowY = weightedRowSums(y, null, t);
  const rowBetaX = weightedRowSums(xm, betas, t);
  let c = 0;
  let sampleSquares = 0;
  let betaSampleBeta = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const sij = sample.data[i * n + j]!;
      c += (sij - f.data[i * n + j]!) ** 2;
      sampleSquares += sij * sij;
      if (i !== j) betaSampleBeta += betas[i]! * sij * betas[j]!;
    }
  }
  const p = sumOfSquaredRowSums(y, t) / t - sampleSquares;
  let rdiag = 0;
  let yzBetaAll = 0;
  let zzBetaAll = 0;
  for (let s = 0; s < t; s++) {
    yzBetaAll += rowY[s]! * mktRaw[s]! * rowBetaX[s]!;
    zzBetaAll += (mktRaw[s]! * rowBetaX[s]!) ** 2;
  }
  let yzBetaDiagonal = 0;
  let zzBetaDiagonal = 0;
  for (let i = 0; i < n; i++) {
    const sii = sample.data[i * n + i]!;
    rdiag += crossSum(y[i]!, y[i]!) / t - sii * sii;
    let yz = 0;
    let zz = 0;
    for (let s = 0; s < t; s++) {
      const z = xm[i]![s]! * mktRaw[s]!;
      yz += y[i]![s]! * z;
      zz += z * z;
    }
    yzBetaDiagonal += yz * betas[i]!;
    zzBetaDiagonal += zz * betas[i]! * betas[i]!;
  }
  // roff1 = Σ_{i≠j} (<y_i, z_j>/t - β_i S_ij) β_j / varMkt ; roff3 = Σ_{i≠j} (<z_i, z_j>/t - varMkt S_ij) β_i β_j / varMkt²
  const roff1 = ((yzBetaAll - yzBetaDiagonal) / t - betaSampleBeta) / varMkt;
  const roff3 = ((zzBetaAll - zzBetaDiagonal) / t - varMkt * betaSampleBeta) / (varMkt * varMkt);
  const r = rdiag + 2 * roff1 - roff3;
  const delta = Math.max(0, Math.min(1, (p - r) / c / t));
  return { matrix: blend(f, sample, delta), delta };
}

function constantCorrelation(returns: SeriesTable): { matrix: Matrix; delta: number } {
  const { x: xm, t } = demeanedFilled(returns);
  const n = xm.length;
  const help = empirical(xm, t);
  // Without gaps the pairwise sample covariance is the empirical one rescaled by t / (t - 1): reuse it.
  const complete = returns.values.every((v) => v === v);
  const s = complete ? createMatrix(n, n, help.data.map((v) => (v * t) / (t - 1))) : rawSampleCovariance(toColumns(returns));
  const variance = Float64Array.from({ length: n }, (_, i) => s.data[i * n + i]!);
  const sd = variance.map(Math.sqrt);
  let rBar = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) rBar += s.data[i * n + j]! / (sd[i]! * sd[j]!);
  rBar /= n * (n - 1);
  const f = createMatrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) f.data[i * n + j] = i === j ? variance[i]! : rBar * sd[i]! * sd[j]!;
  const y = xm.map((col) => col.map((v) => v * v));
  const cubes = xm.map((col) => col.map((v) => v * v * v));
  // Σ_ij (sd_j / sd_i) <x_i³, x_j> / t = Σ_t (Σ_i x_i³[t] / sd_i)(Σ_j sd_j x_j[t]) / t
  const rowCubes = weightedRowSums(cubes, sd.map((v) => 1 / v), t);
  const rowScaled = weightedRowSums(xm, sd, t);
  let cubeCrossAll = 0;
  for (let k = 0; k < t; k++) cubeCrossAll += rowCubes[k]! * rowScaled[k]!;
  let piHat = sumOfSquaredRowSums(y, t) / t;
  let piDiagonal = 0;
  let thetaSum = cubeCrossAll / t;
  let gamma = 0;
  for (let i = 0; i < n; i++) {
    const helpII = help.data[i * n + i]!;
    thetaSum -= crossSum(cubes[i]!, xm[i]!) / t;
    piDiagonal += crossSum(y[i]!, y[i]!) / t - 2 * helpII * variance[i]! + variance[i]! * variance[i]!;
    for (let j = 0; j < n; j++) {
      const sij = s.data[i * n + j]!;
      const helpIJ = help.data[i * n + j]!;
      piHat += -2 * helpIJ * sij + sij * sij;
      gamma += (sij - f.data[i * n + j]!) ** 2;
      // theta[i][j] = <x_i³, x_j>/t - help_ii S_ij - help_ij var_i + var_i S_ij (its first term is in cubeCrossAll)
      if (i !== j) thetaSum += (sd[j]! / sd[i]!) * (-helpII * sij - helpIJ * variance[i]! + variance[i]! * sij);
    }
  }
  const rhoHat = piDiagonal + rBar * thetaSum;
  const delta = Math.max(0, Math.min(1, (piHat - rhoHat) / gamma / t));
  return { matrix: blend(f, s, delta), delta };
}

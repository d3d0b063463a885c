import { KronosError } from '../errors/index.js';
import { annualization, subtractRate, type PeriodOptions, type PeriodRate } from './ratios.js';

/** Options of beta and alpha. */
export interface BenchmarkOptions extends PeriodOptions {
  /** Per-period risk-free rate subtracted from both series. Default 0. */
  readonly riskFree?: PeriodRate;
}

/**
 * Beta of returns against a benchmark: Σ (b - b̄) r / Σ (b - b̄)² over the
 * periods where both are present (empyrical `beta`). NaN with fewer than two
 * periods or a benchmark of (numerically) zero variance.
 *
 * @example
 * ```ts
 * beta([0.02, -0.02, 0.04], [0.01, -0.01, 0.02]); //=> 2
 * ```
 */
export function beta(returns: ArrayLike<number>, benchmark: ArrayLike<number>, options: BenchmarkOptions = {}): number {
  if (returns.length !== benchmark.length) {
    throw new KronosError('INVALID_INPUT', `The benchmark has ${benchmark.length} periods but the returns have ${returns.length}; align them by date first.`, {
      returns: returns.length,
      benchmark: benchmark.length,
    });
  }
  if (returns.length < 2) return Number.NaN;
  const r = subtractRate(returns, options.riskFree ?? 0);
  const b = subtractRate(benchmark, options.riskFree ?? 0);
  let sum = 0;
  let count = 0;
  for (let t = 0; t < r.length; t++) {
    if (r[t] === r[t] && b[t] === b[t]) {
      sum += b[t]!;
      count++;
    }
  }
  const mean = sum / count;
  let covariance = 0;
  let variance = 0;
  for (let t = 0; t < r.length; t++) {
    if (r[t] === r[t] && b[t] === b[t]) {
      const residual = b[t]! - mean;
      covariance += residual * r[t]!;
      variance += residual * residual;
    }
  }
  covariance /= count;
  variance /= count;
  return variance < 1e-30 ? Number.NaN : covariance / variance;
}

/**
 * Jensen's alpha, annualised by compounding: (1 + mean(r - β b))^periodsPerYear
 * - 1, both series net of the risk-free rate (empyrical `alpha`, ≥ 0.5).
 *
 * @example
 * ```ts
 * alpha([0.02, -0.02, 0.04], [0.01, -0.01, 0.02], { periodsPerYear: 1 }); //=> 0
 * ```
 */
export function alpha(returns: ArrayLike<number>, benchmark: ArrayLike<number>, options: BenchmarkOptions = {}): number {
  return alphaBeta(returns, benchmark, options).alpha;
}

/**
 * Alpha and beta together (empyrical `alpha_beta`).
 *
 * @example
 * ```ts
 * alphaBeta([0.03, -0.01, 0.05], [0.01, -0.01, 0.02], { periodsPerYear: 1 }).beta; //=> 2
 * ```
 */
export function alphaBeta(
  returns: ArrayLike<number>,
  benchmark: ArrayLike<number>,
  options: BenchmarkOptions = {},
): { alpha: number; beta: number } {
  const b = beta(returns, benchmark, options);
  if (Number.isNaN(b)) return { alpha: Number.NaN, beta: Number.NaN };
  const r = subtractRate(returns, options.riskFree ?? 0);
  const m = subtractRate(benchmark, options.riskFree ?? 0);
  let sum = 0;
  let count = 0;
  for (let t = 0; t < r.length; t++) {
    const residual = r[t]! - b * m[t]!;
    if (residual === residual) {
      sum += residual;
      count++;
    }
  }
  return { alpha: Math.pow(1 + sum / count, annualization(options)) - 1, beta: b };
}

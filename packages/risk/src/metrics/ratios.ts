import { KronosError } from '../errors/index.js';
import { nanMean } from '../_internal/columns.js';

/**
 * Return-series metrics with empyrical's definitions (quantopian/empyrical
 * `stats.py`). Inputs are per-period simple returns (0.01 = 1%); NaN marks a
 * missing period and is skipped by means and deviations (numpy's nanmean /
 * nanstd), except where noted.
 */

/** Options shared by annualised metrics. */
export interface PeriodOptions {
  /** Periods per year: 252 daily (default), 52 weekly, 12 monthly. */
  readonly periodsPerYear?: number;
}

/** A per-period rate: one number, or one per period (a benchmark series). */
export type PeriodRate = number | ArrayLike<number>;

export function annualization(options: PeriodOptions): number {
  const periods = options.periodsPerYear ?? 252;
  if (!(periods > 0 && Number.isFinite(periods))) {
    throw new KronosError('INVALID_INPUT', 'periodsPerYear must be a positive number (252 for daily returns).', { periodsPerYear: periods });
  }
  return periods;
}

/** r_t - rate_t, checking a series rate has the same length. */
export function subtractRate(returns: ArrayLike<number>, rate: PeriodRate): Float64Array {
  if (typeof rate !== 'number' && rate.length !== returns.length) {
    throw new KronosError('INVALID_INPUT', `The rate series has ${rate.length} periods but the returns have ${returns.length}; align them first.`, {
      returns: returns.length,
      rate: rate.length,
    });
  }
  const out = new Float64Array(returns.length);
  if (typeof rate === 'number') for (let t = 0; t < out.length; t++) out[t] = returns[t]! - rate;
  else for (let t = 0; t < out.length; t++) out[t] = returns[t]! - rate[t]!;
  return out;
}

/** Mean and sample standard deviation (ddof 1) of the non-missing values. */
export function nanMoments(x: ArrayLike<number>): { mean: number; std: number; count: number } {
  const mean = nanMean(x);
  let squares = 0;
  let count = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v === v) {
      squares += (v - mean) * (v - mean);
      count++;
    }
  }
  return { mean, std: count < 2 ? Number.NaN : Math.sqrt(squares / (count - 1)), count };
}

/**
 * Cumulative compounded return after each period, Π(1 + r) - 1, a missing
 * return counting as 0 (empyrical `cum_returns`, starting value 0).
 *
 * @example
 * ```ts
 * Array.from(cumulativeReturns([0.1, -0.1]), (v) => Number(v.toFixed(12))); //=> [0.1, -0.01]
 * ```
 */
export function cumulativeReturns(returns: ArrayLike<number>): Float64Array {
  const out = new Float64Array(returns.length);
  let wealth = 1;
  for (let t = 0; t < returns.length; t++) {
    const r = returns[t]!;
    if (r === r) wealth *= 1 + r;
    out[t] = wealth - 1;
  }
  return out;
}

/**
 * Compound annual growth rate: (Π(1 + r))^(periodsPerYear / n) - 1, with n
 * counting every period, missing ones included (empyrical `annual_return`).
 * NaN for an empty series.
 *
 * @example
 * ```ts
 * Number(annualReturn([0.01, 0.01], { periodsPerYear: 2 }).toFixed(12)); //=> 0.0201
 * ```
 */
export function annualReturn(returns: ArrayLike<number>, options: PeriodOptions = {}): number {
  if (returns.length === 0) return Number.NaN;
  const years = returns.length / annualization(options);
  const ending = 1 + cumulativeReturns(returns)[returns.length - 1]!;
  return Math.pow(ending, 1 / years) - 1;
}

/**
 * Annualised volatility: sample standard deviation (ddof 1) x √periodsPerYear
 * (empyrical `annual_volatility`). NaN with fewer than two returns.
 *
 * @example
 * ```ts
 * Number(annualVolatility([0.01, -0.01], { periodsPerYear: 1 }).toFixed(12)); //=> 0.014142135624
 * ```
 */
export function annualVolatility(returns: ArrayLike<number>, options: PeriodOptions = {}): number {
  return nanMoments(returns).std * Math.sqrt(annualization(options));
}

/**
 * Sharpe ratio: mean(r - rf) / std(r - rf) x √periodsPerYear, with rf the
 * per-period risk-free rate (a number or a series) (empyrical `sharpe_ratio`).
 * NaN with fewer than two returns.
 *
 * @example
 * ```ts
 * // empyrical's test vector `positive_returns`:
 * sharpeRatio([0.01, 0.02, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01]); //=> 52.915026221291804
 * ```
 */
export function sharpeRatio(returns: ArrayLike<number>, options: PeriodOptions & { readonly riskFree?: PeriodRate } = {}): number {
  if (returns.length < 2) return Number.NaN;
  const { mean, std } = nanMoments(subtractRate(returns, options.riskFree ?? 0));
  return (mean / std) * Math.sqrt(annualization(options));
}

/** Options of downside metrics. */
export interface DownsideOptions extends PeriodOptions {
  /** The per-period return below which a return counts as downside. Default 0. */
  readonly requiredReturn?: PeriodRate;
}

/**
 * Annualised downside deviation: √(mean(min(r - required, 0)²)) x
 * √periodsPerYear, the mean over non-missing periods (empyrical `downside_risk`).
 *
 * @example
 * ```ts
 * Number(downsideRisk([0.01, -0.02], { periodsPerYear: 1 }).toFixed(12)); //=> 0.014142135624
 * ```
 */
export function downsideRisk(returns: ArrayLike<number>, options: DownsideOptions = {}): number {
  if (returns.length === 0) return Number.NaN;
  const adjusted = subtractRate(returns, options.requiredReturn ?? 0);
  let sum = 0;
  let count = 0;
  for (const v of adjusted) {
    if (v === v) {
      const d = Math.min(v, 0);
      sum += d * d;
      count++;
    }
  }
  return Math.sqrt(sum / count) * Math.sqrt(annualization(options));
}

/**
 * Sortino ratio: mean(r - required) x periodsPerYear / downsideRisk
 * (empyrical `sortino_ratio`); +Infinity when there is no downside, NaN with
 * fewer than two returns.
 *
 * @example
 * ```ts
 * sortinoRatio([0.01, 0.02]); //=> Infinity
 * ```
 */
export function sortinoRatio(returns: ArrayLike<number>, options: DownsideOptions = {}): number {
  if (returns.length < 2) return Number.NaN;
  const { mean } = nanMoments(subtractRate(returns, options.requiredReturn ?? 0));
  return (mean * annualization(options)) / downsideRisk(returns, options);
}

/**
 * Tracking error: the annualised sample standard deviation of active returns
 * r - b (ddof 1, x √periodsPerYear). empyrical has no annualised tracking
 * error; this is the usual definition, consistent with `annualVolatility`.
 *
 * @example
 * ```ts
 * Number(trackingError([0.02, 0.0], [0.01, 0.01], { periodsPerYear: 1 }).toFixed(12)); //=> 0.014142135624
 * ```
 */
export function trackingError(returns: ArrayLike<number>, benchmark: ArrayLike<number>, options: PeriodOptions = {}): number {
  return nanMoments(subtractRate(returns, benchmark)).std * Math.sqrt(annualization(options));
}

/**
 * Information ratio: mean(r - b) / std(r - b), per period and not annualised,
 * exactly empyrical's `excess_sharpe` (formerly `information_ratio`). Multiply
 * by √periodsPerYear for the annualised figure (`{ annualize: true }`).
 *
 * @example
 * ```ts
 * Number(informationRatio([0.02, 0.0, 0.03], [0.01, 0.01, 0.01]).toFixed(12)); //=> 0.436435780472
 * ```
 */
export function informationRatio(
  returns: ArrayLike<number>,
  benchmark: PeriodRate,
  options: PeriodOptions & { readonly annualize?: boolean } = {},
): number {
  if (returns.length < 2) return Number.NaN;
  const { mean, std } = nanMoments(subtractRate(returns, benchmark));
  return (mean / std) * (options.annualize === true ? Math.sqrt(annualization(options)) : 1);
}

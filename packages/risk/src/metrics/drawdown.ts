import { annualReturn, type PeriodOptions } from './ratios.js';

/** The deepest fall from a running peak of wealth, with its timing. */
export interface DrawdownDetails {
  /** Peak-to-trough change as a fraction, ≤ 0 (empyrical's sign: -0.2 is a 20% fall). */
  readonly maxDrawdown: number;
  /** Index of the last period at the peak; -1 when the peak is the starting wealth before period 0. */
  readonly peakIndex: number;
  /** Index of the period that closed at the trough (-1 when there is no drawdown). */
  readonly troughIndex: number;
  /** Index of the first period back at or above the peak, or null if not yet recovered. */
  readonly recoveryIndex: number | null;
  /** Periods from peak to trough. */
  readonly declinePeriods: number;
  /** Periods from trough to recovery, or null if not recovered. */
  readonly recoveryPeriods: number | null;
  /** Periods from peak to recovery, or to the last period if not recovered. */
  readonly underwaterPeriods: number;
}

/**
 * Maximum drawdown with its duration and recovery. Wealth starts at 1 before
 * the first period and compounds (1 + r), a missing return counting as 0; the
 * drawdown at t is wealth_t / max(wealth_0..t) - 1 (empyrical `max_drawdown`,
 * whose starting value is included, so a first-period loss counts).
 *
 * @example
 * ```ts
 * const d = drawdownDetails([0.1, -0.1, 0.2]);
 * Number(d.maxDrawdown.toFixed(12)); //=> -0.1
 * [d.peakIndex, d.troughIndex, d.recoveryIndex]; //=> [0, 1, 2]
 * ```
 */
export function drawdownDetails(returns: ArrayLike<number>): DrawdownDetails {
  let wealth = 1;
  let peak = 1;
  let peakIndex = -1;
  let worst = 0;
  let worstPeakIndex = -1;
  let troughIndex = -1;
  for (let t = 0; t < returns.length; t++) {
    const r = returns[t]!;
    if (r === r) wealth *= 1 + r;
    if (wealth >= peak) {
      peak = wealth;
      peakIndex = t;
      continue;
    }
    const drawdown = wealth / peak - 1;
    if (drawdown < worst) {
      worst = drawdown;
      worstPeakIndex = peakIndex;
      troughIndex = t;
    }
  }
  if (troughIndex < 0) {
    return { maxDrawdown: 0, peakIndex: -1, troughIndex: -1, recoveryIndex: null, declinePeriods: 0, recoveryPeriods: null, underwaterPeriods: 0 };
  }
  const recoveryIndex = findRecovery(returns, worstPeakIndex, troughIndex);
  return {
    maxDrawdown: worst,
    peakIndex: worstPeakIndex,
    troughIndex,
    recoveryIndex,
    declinePeriods: troughIndex - worstPeakIndex,
    recoveryPeriods: recoveryIndex === null ? null : recoveryIndex - troughIndex,
    underwaterPeriods: (recoveryIndex ?? returns.length - 1) - worstPeakIndex,
  };
}

function findRecovery(returns: ArrayLike<number>, peakIndex: number, troughIndex: number): number | null {
  // Wealth relative to the peak: recovered when the product of (1 + r) since the peak reaches 1.
  let relative = 1;
  for (let t = peakIndex + 1; t < returns.length; t++) {
    const r = returns[t]!;
    if (r === r) relative *= 1 + r;
    if (t > troughIndex && relative >= 1) return t;
  }
  return null;
}

/**
 * Maximum drawdown only, ≤ 0 (empyrical `max_drawdown`); NaN for no returns.
 *
 * @example
 * ```ts
 * Number(maxDrawdown([0, -0.06, -0.07]).toFixed(12)); //=> -0.1258
 * ```
 */
export function maxDrawdown(returns: ArrayLike<number>): number {
  return returns.length === 0 ? Number.NaN : drawdownDetails(returns).maxDrawdown;
}

/**
 * Calmar ratio: annualReturn / |maxDrawdown| (empyrical `calmar_ratio`); NaN
 * when there is no drawdown.
 *
 * @example
 * ```ts
 * calmarRatio([0.01, 0.02]); //=> NaN
 * ```
 */
export function calmarRatio(returns: ArrayLike<number>, options: PeriodOptions = {}): number {
  const drawdown = maxDrawdown(returns);
  if (!(drawdown < 0)) return Number.NaN;
  const ratio = annualReturn(returns, options) / Math.abs(drawdown);
  return Number.isFinite(ratio) ? ratio : Number.NaN;
}

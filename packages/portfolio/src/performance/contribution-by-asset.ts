import { KronosError } from '@kronos/core-ledger';

export interface AssetPeriod {
  /** Weight of each asset at the start of the period (summing to 1). */
  readonly weights: Readonly<Record<string, number>>;
  /** Return of each asset over the period. */
  readonly returns: Readonly<Record<string, number>>;
}

export interface ContributionByAsset {
  /** Linked portfolio return over all periods. */
  readonly portfolioReturn: number;
  /** Each asset's contribution; they sum to `portfolioReturn` exactly (to rounding). */
  readonly contributions: Readonly<Record<string, number>>;
}

/** Bound on periods. */
export const contributionPeriodsMax = 150_000;

function logRatio(r: number): number {
  // ln(1 + r) / r, continuous at r = 0.
  return Math.abs(r) < 1e-12 ? 1 - r / 2 : Math.log1p(r) / r;
}

/**
 * Contribution to return by asset over several periods, linked with Carino's
 * factors (Carino 1999, "Combining attribution effects over time"): each
 * period's w_i r_i is scaled by k_t / k, with k_t = ln(1 + R_t) / R_t and
 * k = ln(1 + R) / R, so the contributions add up to the geometric total R.
 *
 * @example
 * ```ts
 * const result = computeContributionByAsset([
 *   { weights: { A: 0.5, B: 0.5 }, returns: { A: 0.1, B: 0 } },
 *   { weights: { A: 0.5, B: 0.5 }, returns: { A: 0, B: 0.1 } },
 * ]);
 * result.portfolioReturn.toFixed(4); //=> '0.1025'
 * (result.contributions.A! + result.contributions.B!).toFixed(4); //=> '0.1025'
 * ```
 */
export function computeContributionByAsset(periods: readonly AssetPeriod[]): ContributionByAsset {
  if (periods.length === 0 || periods.length > contributionPeriodsMax) {
    throw new KronosError('INVALID_INPUT', `Give between 1 and ${contributionPeriodsMax} periods.`, { count: periods.length });
  }
  const periodReturns = periods.map(({ weights, returns }) =>
    Object.entries(weights).reduce((sum, [asset, w]) => {
      const r = returns[asset];
      if (r === undefined) throw new KronosError('INVALID_INPUT', `No return for ${asset} in a period where it has a weight.`, { asset });
      return sum + w * r;
    }, 0),
  );
  const portfolioReturn = periodReturns.reduce((g, r) => g * (1 + r), 1) - 1;
  const k = logRatio(portfolioReturn);
  const contributions: Record<string, number> = {};
  periods.forEach(({ weights, returns }, t) => {
    const scale = logRatio(periodReturns[t]!) / k;
    for (const [asset, w] of Object.entries(weights)) contributions[asset] = (contributions[asset] ?? 0) + scale * w * returns[asset]!;
  });
  return { portfolioReturn, contributions };
}

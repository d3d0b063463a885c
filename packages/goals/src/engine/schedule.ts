import { glidePathWeights } from '../allocation/glidePath.js';
import type { AllocationInput } from '../allocation/schemas.js';
import { requireInput } from '../_internal/errors.js';
import type { CashflowPlan } from '../model/compilePlan.js';

/** The deterministic arrays every path shares, computed once per simulation. */
export interface Schedule {
  readonly horizonMonths: number;
  readonly assetCount: number;
  /** Target weights, row-major `horizonMonths x assetCount`. */
  readonly weights: Float64Array;
  /** 0 = never rebalance, 1 = every month, n = every n months. */
  readonly rebalanceEveryMonths: number;
  /** Price index at the start of each month 0..horizonMonths when inflation is fixed (else null). */
  readonly priceIndexFixed: Float64Array | null;
  /** Monthly log price growth mean and volatility when inflation is stochastic. */
  readonly inflationLogMean: number;
  readonly inflationLogVolatility: number;
  /** Other income per month: indexed part in today's money, fixed part nominal. */
  readonly incomeReal: Float64Array;
  readonly incomeNominal: Float64Array;
  /** Month-ends at which a percentile column is taken (12, 24, ..., and the horizon). */
  readonly columnMonths: readonly number[];
  /** (1 - fee) per month. */
  readonly feeFactor: number;
}

/**
 * Builds the shared schedule of a plan for a model with `assetCount` assets.
 *
 * @example
 * buildSchedule(plan, 1, { kind: 'fixed', weights: [1] }, 1).columnMonths //=> [12, 24, ..., plan.horizonMonths]
 */
export function buildSchedule(plan: CashflowPlan, assetCount: number, allocation: AllocationInput, rebalanceEveryMonths: number): Schedule {
  requireInput(Number.isInteger(rebalanceEveryMonths) && rebalanceEveryMonths >= 0, 'rebalanceEveryMonths is 0 (never) or a whole number of months.', { rebalanceEveryMonths });
  const horizon = plan.horizonMonths;
  let priceIndexFixed: Float64Array | null = null;
  let inflationLogMean = 0;
  let inflationLogVolatility = 0;
  if (plan.inflation.kind === 'fixed') {
    const monthly = Math.pow(1 + plan.inflation.ratePerYear, 1 / 12);
    priceIndexFixed = new Float64Array(horizon + 1);
    for (let t = 0; t <= horizon; t++) priceIndexFixed[t] = Math.pow(monthly, t);
  } else {
    // Yearly price growth is lognormal with the given mean and volatility of (1 + inflation).
    const variance = Math.log(1 + (plan.inflation.volatilityPerYear / (1 + plan.inflation.meanPerYear)) ** 2);
    inflationLogMean = (Math.log(1 + plan.inflation.meanPerYear) - 0.5 * variance) / 12;
    inflationLogVolatility = Math.sqrt(variance / 12);
  }
  const incomeReal = new Float64Array(horizon);
  const incomeNominal = new Float64Array(horizon);
  for (const income of plan.otherIncome) {
    const into = income.inflationIndexed ? incomeReal : incomeNominal;
    for (let t = income.fromMonth; t < horizon; t++) into[t] = (into[t] as number) + income.annualAmount / 12;
  }
  const columnMonths: number[] = [];
  for (let m = 12; m < horizon; m += 12) columnMonths.push(m);
  columnMonths.push(horizon);
  return {
    horizonMonths: horizon,
    assetCount,
    weights: glidePathWeights(allocation, assetCount, horizon),
    rebalanceEveryMonths,
    priceIndexFixed,
    inflationLogMean,
    inflationLogVolatility,
    incomeReal,
    incomeNominal,
    columnMonths,
    feeFactor: Math.pow(1 - plan.feeBps / 10_000, 1 / 12),
  };
}

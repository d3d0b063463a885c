/**
 * Withdrawal strategies as pure functions of one year's state. Every amount is
 * the nominal, pre-tax withdrawal from the portfolio for the coming year,
 * decided at the start of that year from the portfolio value then.
 */

/** What a strategy may look at when it sets a year's withdrawal. */
export interface WithdrawalYearState {
  /** 0 for the first year of withdrawals. */
  readonly yearIndex: number;
  /** Years of withdrawals left, this one included (>= 1). */
  readonly yearsRemaining: number;
  /** Portfolio value at the start of the year, nominal. */
  readonly portfolioValue: number;
  /** Last year's withdrawal, nominal (ignored in the first year). */
  readonly priorWithdrawal: number;
  /** Price growth over the last year as a fraction (0.03 = 3 %). */
  readonly inflationLastYear: number;
  /** The portfolio's total return over the last year as a fraction. */
  readonly portfolioReturnLastYear: number;
}

/**
 * Constant real spending (Bengen 1994, "Determining Withdrawal Rates Using
 * Historical Data", Journal of Financial Planning): the first year's amount,
 * raised each year by that year's inflation, whatever the markets did.
 *
 * @example
 * ```ts
 * constantRealWithdrawal(40000, { yearIndex: 1, yearsRemaining: 29, portfolioValue: 9e5, priorWithdrawal: 40000, inflationLastYear: 0.03, portfolioReturnLastYear: -0.1 }) //=> 41200
 * ```
 */
export function constantRealWithdrawal(firstYearAmount: number, state: WithdrawalYearState): number {
  return state.yearIndex === 0 ? firstYearAmount : state.priorWithdrawal * (1 + state.inflationLastYear);
}

/**
 * Percent of portfolio: `rate` times the portfolio value, kept between a floor
 * and a ceiling given as nominal amounts for this year.
 *
 * @example
 * ```ts
 * percentOfPortfolioWithdrawal(0.04, 30000, 50000, 1_000_000) //=> 40000
 * percentOfPortfolioWithdrawal(0.04, 30000, 50000, 500_000) //=> 30000
 * ```
 */
export function percentOfPortfolioWithdrawal(rate: number, floorAmount: number, ceilingAmount: number, portfolioValue: number): number {
  return Math.min(Math.max(rate * portfolioValue, floorAmount), ceilingAmount);
}

/** Parameters of the Guyton-Klinger decision rules. */
export interface GuytonKlingerRules {
  readonly initialRate: number;
  /** The guardrails sit this far above and below the initial rate (0.2 = 20 %). */
  readonly guardrailBand: number;
  /** The cut or raise when a guardrail is crossed (0.1 = 10 %). */
  readonly adjustment: number;
  /** The largest inflation raise in one year (0.06 = 6 %). */
  readonly inflationCap: number;
  /** The capital preservation rule stops this many years before the end. */
  readonly preservationStopYears: number;
}

/**
 * Guyton-Klinger guardrails (Guyton & Klinger 2006, "Decision Rules and Maximum
 * Initial Withdrawal Rates", Journal of Financial Planning 19(3)):
 * 1. withdrawal rule: raise by inflation (capped at `inflationCap`) except after
 *    a year of negative portfolio return when the current rate exceeds the initial one;
 * 2. capital preservation: if the current rate is more than `guardrailBand` above the
 *    initial rate, cut by `adjustment` (not in the last `preservationStopYears` years);
 * 3. prosperity: if the current rate is more than `guardrailBand` below it, raise by `adjustment`.
 *
 * @example
 * ```ts
 * const rules = { initialRate: 0.05, guardrailBand: 0.2, adjustment: 0.1, inflationCap: 0.06, preservationStopYears: 15 };
 * guytonKlingerWithdrawal(rules, { yearIndex: 3, yearsRemaining: 27, portfolioValue: 700_000, priorWithdrawal: 50_000, inflationLastYear: 0.02, portfolioReturnLastYear: -0.2 }) //=> 45000
 * ```
 */
export function guytonKlingerWithdrawal(rules: GuytonKlingerRules, state: WithdrawalYearState): number {
  const value = state.portfolioValue;
  if (state.yearIndex === 0) return rules.initialRate * value;
  const priorRate = value > 0 ? state.priorWithdrawal / value : Number.POSITIVE_INFINITY;
  const skipRaise = state.portfolioReturnLastYear < 0 && priorRate > rules.initialRate;
  const raise = skipRaise ? 0 : Math.min(Math.max(state.inflationLastYear, 0), rules.inflationCap);
  let amount = state.priorWithdrawal * (1 + raise);
  const currentRate = value > 0 ? amount / value : Number.POSITIVE_INFINITY;
  const preservationApplies = state.yearsRemaining > rules.preservationStopYears;
  if (preservationApplies && currentRate > rules.initialRate * (1 + rules.guardrailBand)) amount *= 1 - rules.adjustment;
  else if (currentRate < rules.initialRate * (1 - rules.guardrailBand)) amount *= 1 + rules.adjustment;
  return amount;
}

/**
 * The VPW percentage (Bogleheads, "Variable percentage withdrawal"): the
 * spreadsheet's `PMT(rate, years, -1, 0, 1)`, the payment at the start of each
 * of `yearsRemaining` years that spends one unit of portfolio growing at `realRate`.
 *
 * @example
 * ```ts
 * vpwPercentage(0, 25) //=> 0.04
 * vpwPercentage(0.05, 1) //=> 1
 * ```
 */
export function vpwPercentage(realRate: number, yearsRemaining: number): number {
  if (yearsRemaining <= 1) return 1;
  if (Math.abs(realRate) < 1e-12) return 1 / yearsRemaining;
  return realRate / (-Math.expm1(-yearsRemaining * Math.log1p(realRate)) * (1 + realRate));
}

/**
 * Vanguard's dynamic spending rule (Vanguard Research 2020, "From assets to income:
 * A goals-based approach to retirement spending"): spend `rate` of the portfolio,
 * but let real spending rise at most `ceiling` and fall at most `floor` from last year's.
 *
 * @example
 * ```ts
 * vanguardDynamicWithdrawal({ rate: 0.05, ceiling: 0.05, floor: 0.025 }, { yearIndex: 1, yearsRemaining: 29, portfolioValue: 1_500_000, priorWithdrawal: 50_000, inflationLastYear: 0, portfolioReturnLastYear: 0.5 }) //=> 52500
 * ```
 */
export function vanguardDynamicWithdrawal(rule: { rate: number; ceiling: number; floor: number }, state: WithdrawalYearState): number {
  const target = rule.rate * state.portfolioValue;
  if (state.yearIndex === 0) return target;
  const carried = state.priorWithdrawal * (1 + state.inflationLastYear);
  return Math.min(Math.max(target, carried * (1 - rule.floor)), carried * (1 + rule.ceiling));
}

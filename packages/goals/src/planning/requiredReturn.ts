import { KronosError } from '../_internal/errors.js';
import type { CashflowPlan } from '../model/compilePlan.js';

/** Bisection stops after this many halvings (2^-100 of the bracket is far below float precision). */
const iterationsMax = 100;

/**
 * The plan's real terminal wealth if every month earned exactly `annualReturn`
 * (effective, nominal, before fees) and prices grew at the mean inflation rate:
 * flows at the start of each month, constant real spending from the withdrawal
 * month (net of other income, grossed up for tax), wealth allowed to go negative
 * so the result is a smooth function of the return.
 *
 * @example
 * ```ts
 * const plan = compilePlan(parseGoal({ type: 'wealthBuilding', id: 'g', asOf: '2026-01-01', target: '1', date: '2027-01-01', inflation: { kind: 'fixed', ratePerYear: 0 }, currentAssets: { kind: 'given', amount: '100' } }), '100');
 * projectTerminalReal(plan, 0.1).toFixed(9) //=> '110.000000000'
 * ```
 */
export function projectTerminalReal(plan: CashflowPlan, annualReturn: number): number {
  const inflation = plan.inflation.kind === 'fixed' ? plan.inflation.ratePerYear : plan.inflation.meanPerYear;
  const growth = Math.pow(1 + annualReturn, 1 / 12) * Math.pow(1 - plan.feeBps / 10_000, 1 / 12);
  const priceGrowth = Math.pow(1 + inflation, 1 / 12);
  let wealth = plan.initialWealth;
  let price = 1;
  let yearPrice = 1;
  for (let month = 0; month < plan.horizonMonths; month++) {
    wealth += plan.externalFlows[month] as number;
    if (month >= plan.withdrawalStartMonth) {
      if ((month - plan.withdrawalStartMonth) % 12 === 0) yearPrice = price;
      let income = 0;
      for (const other of plan.otherIncome) if (month >= other.fromMonth) income += (other.annualAmount / 12) * (other.inflationIndexed ? price : 1);
      wealth -= Math.max(0, (plan.spendingReal / 12) * yearPrice - income) / (1 - plan.taxRate);
    }
    wealth *= growth;
    price *= priceGrowth;
  }
  return wealth / price;
}

/**
 * The constant yearly return (effective, nominal, before fees) at which the
 * plan ends exactly at its target in today's money (for a retirement, its
 * legacy target, so the spending lasts exactly to the end): the root of
 * projectTerminalReal(plan, r) - target, found by bisection on [-50 %, 100 %].
 * Also given in real terms, (1 + r) / (1 + inflation) - 1.
 *
 * @throws KronosError `NO_REQUIRED_RETURN` when no return in the bracket reaches the target
 *   (the target is met even at -50 % a year, or missed even at 100 %).
 * @example
 * ```ts
 * const plan = compilePlan(parseGoal({ type: 'wealthBuilding', id: 'g', asOf: '2026-01-01', target: '121', targetIsNominal: true, date: '2028-01-01', inflation: { kind: 'fixed', ratePerYear: 0 }, currentAssets: { kind: 'given', amount: '100' } }), '100');
 * requiredReturn(plan).nominal.toFixed(8) //=> '0.10000000'
 * ```
 */
export function requiredReturn(plan: CashflowPlan, options: { tolerance?: number } = {}): { nominal: number; real: number } {
  const tolerance = options.tolerance ?? 1e-10;
  const inflation = plan.inflation.kind === 'fixed' ? plan.inflation.ratePerYear : plan.inflation.meanPerYear;
  const target = plan.targetIsNominal ? plan.target / Math.pow(1 + inflation, plan.horizonMonths / 12) : plan.target;
  const gap = (r: number) => projectTerminalReal(plan, r) - target;
  let low = -0.5;
  let high = 1;
  if (gap(low) >= 0 || gap(high) < 0) {
    throw new KronosError('NO_REQUIRED_RETURN', 'No yearly return between -50 % and 100 % ends the plan exactly at its target; the target is either already met without growth or out of reach. Change the target, the contributions or the date.', {
      gapAtLow: gap(low),
      gapAtHigh: gap(high),
    });
  }
  for (let i = 0; i < iterationsMax && high - low > tolerance; i++) {
    const middle = 0.5 * (low + high);
    if (gap(middle) >= 0) high = middle;
    else low = middle;
  }
  const nominal = 0.5 * (low + high);
  return { nominal, real: (1 + nominal) / (1 + inflation) - 1 };
}

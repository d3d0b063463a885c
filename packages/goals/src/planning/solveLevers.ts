import Decimal from 'decimal.js';
import { addMonths, differenceInCalendarMonths, format, parseISO } from 'date-fns';
import { KronosError, requireInput } from '../_internal/errors.js';
import { compilePlan } from '../model/compilePlan.js';
import type { Goal } from '../model/schemas.js';
import { evaluateGoal, type PlanningContext } from './evaluate.js';

/** Limits on each search, so a planning call always ends. */
const doublingsMax = 40;
const bisectionsMax = 60;
const dateMonthsMax = 600;

/** A lever's answer: the value found and the success probability it gives. */
export interface LeverSolution<T> {
  readonly value: T;
  readonly success: { readonly probability: number; readonly standardError: number };
  /** How many simulations the search ran. */
  readonly simulations: number;
}

type Success = LeverSolution<unknown>['success'];

/**
 * Bisection on a monotone success curve with common random numbers: every
 * candidate runs on the same seed, so success moves only because the lever did.
 * `high` must pass and `low` fail; returns the passing end once the bracket is
 * narrower than `step` (`whole` keeps candidates on whole numbers).
 */
function bisect(run: (x: number) => Success, target: number, bracket: { low: number; high: number; step: number; whole?: boolean }): { value: number; success: Success; simulations: number } {
  let { low, high } = bracket;
  let best = run(high);
  let simulations = 1;
  for (let i = 0; i < bisectionsMax && high - low > bracket.step; i++) {
    const middle = bracket.whole ? Math.floor(0.5 * (low + high)) : 0.5 * (low + high);
    if (middle === low || middle === high) break;
    const success = run(middle);
    simulations++;
    if (success.probability >= target) {
      high = middle;
      best = success;
    } else low = middle;
  }
  return { value: high, success: best, simulations };
}

/**
 * The smallest extra monthly contribution (until retirement or the goal date)
 * that reaches the target success rate, rounded up to cents. For a goal with
 * a terminal target and no withdrawals, terminal wealth is linear in the
 * contribution on every path, so one pair of runs gives the exact answer (the
 * order statistic of each path's break-even contribution); otherwise bisection.
 *
 * @throws KronosError `TARGET_UNREACHABLE` when no contribution up to 2^40 per month reaches the target.
 * @example
 * ```ts
 * const model = createLognormalModel({ driftPerYear: [0.07, 0.03], covariancePerYear: [[0.0324, 0.0018], [0.0018, 0.0036]] });
 * const house = parseGoal({ type: 'majorPurchase', id: 'house', asOf: '2026-01-01', amount: '120000', date: '2034-01-01', currentAssets: { kind: 'given', amount: '50000' }, contributions: [{ amount: '300' }] });
 * const context = { model, currentAssets: '50000', simulation: { seed: 'doc', paths: 500 }, targetSuccess: 0.8 };
 * const found = solveContribution(house, context); // with this seed: '575.41' more a month
 * found.success.probability >= 0.8 //=> true
 * ```
 */
export function solveContribution(goal: Goal, context: PlanningContext): LeverSolution<string> {
  const withExtra = (amount: number): Goal => ({ ...goal, contributions: [...goal.contributions, { amount: amount.toFixed(10), frequency: 'monthly', growthRatePerYear: 0 }] });
  if (goal.type === 'wealthBuilding' || goal.type === 'majorPurchase') {
    const exact = exactContribution(goal, context, withExtra);
    if (exact) return exact;
  }
  const run = (amount: number) => evaluateGoal(withExtra(amount), context).success;
  const base = run(0);
  if (base.probability >= context.targetSuccess) return { value: '0.00', success: base, simulations: 1 };
  let high = Math.max(1, compilePlan(goal, context.currentAssets).spendingReal / 12);
  let doublings = 0;
  while (run(high).probability < context.targetSuccess) {
    if (++doublings > doublingsMax) throw unreachable('contribution', goal);
    high *= 2;
  }
  const found = bisect(run, context.targetSuccess, { low: doublings === 0 ? 0 : high / 2, high, step: 0.005 });
  return { value: new Decimal(found.value).toDecimalPlaces(2, Decimal.ROUND_UP).toFixed(2), success: found.success, simulations: found.simulations + doublings + 2 };
}

function exactContribution(goal: Goal, context: PlanningContext, withExtra: (amount: number) => Goal): LeverSolution<string> | null {
  const plan = compilePlan(goal, context.currentAssets);
  if (plan.initialWealth < 0 || plan.externalFlows.some((flow) => flow < 0)) return null; // a negative flow can clamp wealth at zero and break linearity
  const valuesIn = plan.targetIsNominal ? 'nominal' : 'real';
  const terminal = (g: Goal) => {
    const result = evaluateGoal(g, context, { keepPaths: true, valuesIn });
    const values = result.yearEndValues as Float64Array;
    return values.subarray(values.length - result.paths);
  };
  const without = terminal(goal);
  const withOne = terminal(withExtra(1));
  const breakEven = new Float64Array(without.length);
  for (let p = 0; p < without.length; p++) {
    const gain = (withOne[p] as number) - (without[p] as number);
    const need = plan.target - (without[p] as number);
    breakEven[p] = need <= 0 ? 0 : gain > 0 ? need / gain : Number.POSITIVE_INFINITY;
  }
  breakEven.sort();
  const rank = Math.ceil(context.targetSuccess * breakEven.length) - 1;
  const amount = breakEven[Math.max(rank, 0)] as number;
  if (!Number.isFinite(amount)) throw unreachable('contribution', goal);
  const value = new Decimal(amount).toDecimalPlaces(2, Decimal.ROUND_UP).toFixed(2);
  const check = evaluateGoal(withExtra(Number(value)), context).success;
  return { value, success: check, simulations: 3 };
}

/**
 * The largest yearly spending (today's money, rounded down to cents) that still
 * reaches the target success rate, for a retirement or income goal. The
 * essential level scales with it. Bisection with common random numbers.
 *
 * @throws KronosError `INVALID_INPUT` for a goal without spending; `TARGET_UNREACHABLE` when even no spending misses the target.
 * @example
 * ```ts
 * const model = createLognormalModel({ driftPerYear: [0.07, 0.03], covariancePerYear: [[0.0324, 0.0018], [0.0018, 0.0036]] });
 * const retirement = parseGoal({ type: 'retirement', id: 'ret', asOf: '2026-01-01', currentAssets: { kind: 'given', amount: '800000' }, currentAge: 65, retirementAge: 65, lifeExpectancy: 90, annualSpending: '50000' });
 * const found = solveMaxSpending(retirement, { model, currentAssets: '800000', simulation: { seed: 'doc', paths: 500 }, targetSuccess: 0.8 });
 * Number(found.value) < 50000 && found.success.probability >= 0.8 //=> true
 * ```
 */
export function solveMaxSpending(goal: Goal, context: PlanningContext): LeverSolution<string> {
  requireInput(goal.type === 'retirement' || goal.type === 'incomeGeneration', 'Only retirement and income goals have spending to solve for.', { type: goal.type });
  const withSpending = (annual: number): Goal => {
    if (goal.type === 'incomeGeneration') return { ...goal, monthlyIncome: (annual / 12).toFixed(10) };
    if (goal.type !== 'retirement') return goal;
    const ratio = goal.essentialSpending === undefined ? 1 : Number(goal.essentialSpending) / Math.max(Number(goal.annualSpending), 1e-9);
    return { ...goal, annualSpending: annual.toFixed(10), essentialSpending: (annual * ratio).toFixed(10) };
  };
  // Success falls as spending rises: search on the negated amount.
  const run = (negated: number) => evaluateGoal(withSpending(-negated), context).success;
  const none = run(0);
  if (none.probability < context.targetSuccess) throw unreachable('spending', goal);
  let high = Math.max(1000, compilePlan(goal, context.currentAssets).spendingReal);
  let doublings = 0;
  while (run(-high).probability >= context.targetSuccess) {
    if (++doublings > doublingsMax) throw unreachable('spending', goal);
    high *= 2;
  }
  const found = bisect(run, context.targetSuccess, { low: -high, high: 0, step: 0.005 });
  return { value: new Decimal(-found.value).toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed(2), success: found.success, simulations: found.simulations + doublings + 2 };
}

/**
 * The earliest date that reaches the target success rate: the goal date for a
 * purchase or wealth goal, the retirement date (as an age) for a retirement.
 * Bisection over whole months with common random numbers, up to 50 years out.
 *
 * @throws KronosError `TARGET_UNREACHABLE` when no date in range reaches the target.
 * @example
 * ```ts
 * const model = createLognormalModel({ driftPerYear: [0.07, 0.03], covariancePerYear: [[0.0324, 0.0018], [0.0018, 0.0036]] });
 * const house = parseGoal({ type: 'majorPurchase', id: 'house', asOf: '2026-01-01', amount: '120000', date: '2034-01-01', currentAssets: { kind: 'given', amount: '50000' }, contributions: [{ amount: '300' }] });
 * const context = { model, currentAssets: '50000', simulation: { seed: 'doc', paths: 500 }, targetSuccess: 0.8 };
 * const found = solveDate(house, context); // with this seed: '2049-01-01'
 * (found.value as string) > '2034-01-01' //=> true
 * ```
 */
export function solveDate(goal: Goal, context: PlanningContext): LeverSolution<string | number> {
  requireInput(goal.type !== 'incomeGeneration', 'An income goal has no date to move; solve for spending instead.', { type: goal.type });
  const startMonths = goal.type === 'retirement' ? Math.round((goal.retirementAge - goal.currentAge) * 12) : differenceInCalendarMonths(parseISO(goal.date), parseISO(goal.asOf));
  const lastMonths = goal.type === 'retirement' ? Math.round((goal.lifeExpectancy - goal.currentAge) * 12) - 1 : startMonths + dateMonthsMax;
  const at = (months: number): Goal =>
    goal.type === 'retirement' ? { ...goal, retirementAge: goal.currentAge + months / 12 } : { ...goal, date: format(addMonths(parseISO(goal.asOf), months), 'yyyy-MM-dd') };
  const run = (months: number) => evaluateGoal(at(months), context).success;
  if (run(lastMonths).probability < context.targetSuccess) throw unreachable('date', goal);
  const found = bisect(run, context.targetSuccess, { low: Math.max(startMonths, 1) - 1, high: lastMonths, step: 1, whole: true });
  const months = found.value;
  const moved = at(months);
  const value = moved.type === 'retirement' ? moved.retirementAge : moved.type === 'incomeGeneration' ? '' : moved.date;
  return { value, success: found.success, simulations: found.simulations + 1 };
}

function unreachable(lever: string, goal: Goal): KronosError {
  return new KronosError('TARGET_UNREACHABLE', `No ${lever} within the search range reaches the target success rate; combine levers or lower the target.`, { lever, goalId: goal.id });
}

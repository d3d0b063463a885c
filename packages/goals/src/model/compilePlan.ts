import { addMonths, differenceInCalendarMonths, format, parseISO } from 'date-fns';
import { KronosError } from '../_internal/errors.js';
import type { Contribution, Goal, Inflation, WithdrawalStrategy } from './schemas.js';

/**
 * A goal turned into the numbers one simulation needs. Amounts are float64 from
 * here on: `toSimulationNumber` is the one explicit crossing from decimal strings.
 * Month 0 starts on the goal's `asOf` date; flows happen at the start of a month,
 * returns accrue over it.
 */
export interface CashflowPlan {
  readonly goalType: Goal['type'];
  readonly asOf: string;
  readonly horizonMonths: number;
  readonly initialWealth: number;
  /** Nominal contributions and lump sums at the start of each month (length horizonMonths). */
  readonly externalFlows: Float64Array;
  /** First month of withdrawals (horizonMonths when the goal has none). */
  readonly withdrawalStartMonth: number;
  /** Yearly spending wanted, today's money (0 when none). */
  readonly spendingReal: number;
  /** Yearly spending below which a path counts as failed, today's money. */
  readonly essentialSpendingReal: number;
  readonly otherIncome: ReadonlyArray<{ readonly fromMonth: number; readonly annualAmount: number; readonly inflationIndexed: boolean }>;
  readonly withdrawal: WithdrawalStrategy;
  /** Age at month 0, when the goal has one (retirement). */
  readonly startAge: number | null;
  /** Terminal target: legacy, purchase amount or wealth target. */
  readonly target: number;
  readonly targetIsNominal: boolean;
  readonly inflation: Inflation;
  readonly feeBps: number;
  readonly taxRate: number;
}

/**
 * The one place a money string becomes a float64 for simulation.
 *
 * @example
 * ```ts
 * toSimulationNumber('1234.56') //=> 1234.56
 * ```
 */
export function toSimulationNumber(amount: string): number {
  const value = Number(amount);
  if (!Number.isFinite(value)) throw new KronosError('INVALID_INPUT', `Amount ${amount} is not a finite decimal; pass a decimal string.`, { amount });
  return value;
}

/**
 * Turns a parsed goal and its resolved current assets into a `CashflowPlan`.
 *
 * @throws KronosError `INVALID_GOAL` when a date lies before `asOf` or the horizon is empty.
 * @example
 * ```ts
 * const plan = compilePlan(parseGoal({ type: 'wealthBuilding', id: 'g', asOf: '2026-01-01', target: '1000', date: '2027-01-01', currentAssets: { kind: 'given', amount: '10' } }), '10');
 * plan.horizonMonths //=> 12
 * ```
 */
export function compilePlan(goal: Goal, currentAssets: string): CashflowPlan {
  const shape = goalShape(goal);
  if (shape.horizonMonths < 1) {
    throw new KronosError('INVALID_GOAL', 'The goal ends before or on its asOf date; move the date or age later.', { goalId: goal.id, horizonMonths: shape.horizonMonths });
  }
  const flows = new Float64Array(shape.horizonMonths);
  for (const contribution of goal.contributions) addContribution(flows, goal.asOf, contribution, shape.contributionEndMonth);
  for (const lump of goal.lumpSums) {
    const month = monthIndex(goal.asOf, lump.date, goal.id);
    if (month >= shape.horizonMonths) {
      throw new KronosError('INVALID_GOAL', `Lump sum on ${lump.date} falls after the goal ends; move it inside the horizon or drop it.`, { goalId: goal.id, date: lump.date });
    }
    flows[month] = (flows[month] as number) + toSimulationNumber(lump.amount);
  }
  return { ...shape, goalType: goal.type, asOf: goal.asOf, initialWealth: toSimulationNumber(currentAssets), externalFlows: flows, inflation: goal.inflation, feeBps: goal.feeBps, taxRate: goal.taxRate };
}

type Shape = Omit<CashflowPlan, 'goalType' | 'asOf' | 'initialWealth' | 'externalFlows' | 'inflation' | 'feeBps' | 'taxRate'> & { contributionEndMonth: number };

function goalShape(goal: Goal): Shape {
  const none = { spendingReal: 0, essentialSpendingReal: 0, otherIncome: [], withdrawal: { kind: 'constantReal' } as const, startAge: null };
  switch (goal.type) {
    case 'retirement': {
      const horizonMonths = Math.round((goal.lifeExpectancy - goal.currentAge) * 12);
      const withdrawalStartMonth = Math.round((goal.retirementAge - goal.currentAge) * 12);
      const spendingReal = toSimulationNumber(goal.annualSpending);
      return {
        horizonMonths,
        withdrawalStartMonth,
        contributionEndMonth: withdrawalStartMonth,
        spendingReal,
        essentialSpendingReal: goal.essentialSpending === undefined ? spendingReal : toSimulationNumber(goal.essentialSpending),
        otherIncome: goal.otherIncome.map((income) => ({
          fromMonth: Math.max(0, Math.round((income.fromAge - goal.currentAge) * 12)),
          annualAmount: toSimulationNumber(income.annualAmount),
          inflationIndexed: income.inflationIndexed,
        })),
        withdrawal: goal.withdrawal,
        startAge: goal.currentAge,
        target: toSimulationNumber(goal.legacyTarget),
        targetIsNominal: false,
      };
    }
    case 'majorPurchase':
    case 'wealthBuilding': {
      const horizonMonths = monthIndex(goal.asOf, goal.date, goal.id);
      const target = goal.type === 'majorPurchase' ? goal.amount : goal.target;
      const targetIsNominal = goal.type === 'majorPurchase' ? goal.amountIsNominal : goal.targetIsNominal;
      return { ...none, horizonMonths, withdrawalStartMonth: horizonMonths, contributionEndMonth: horizonMonths, target: toSimulationNumber(target), targetIsNominal };
    }
    case 'incomeGeneration': {
      const spendingReal = toSimulationNumber(goal.monthlyIncome) * 12;
      const horizonMonths = goal.horizonYears * 12;
      return { ...none, horizonMonths, withdrawalStartMonth: 0, contributionEndMonth: horizonMonths, spendingReal, essentialSpendingReal: spendingReal, target: toSimulationNumber(goal.legacyTarget), targetIsNominal: false };
    }
  }
}

function monthIndex(asOf: string, date: string, goalId: string): number {
  const months = differenceInCalendarMonths(parseISO(date), parseISO(asOf));
  if (months < 0) throw new KronosError('INVALID_GOAL', `Date ${date} lies before the plan date ${asOf}; use a later date.`, { goalId, date, asOf });
  return months;
}

const periodMonths = { monthly: 1, quarterly: 3, annual: 12 } as const;

function addContribution(flows: Float64Array, asOf: string, contribution: Contribution, defaultEndMonth: number): void {
  const start = contribution.startDate ? differenceInCalendarMonths(parseISO(contribution.startDate), parseISO(asOf)) : 0;
  const end = contribution.endDate ? differenceInCalendarMonths(parseISO(contribution.endDate), parseISO(asOf)) : defaultEndMonth;
  const amount = toSimulationNumber(contribution.amount);
  const step = periodMonths[contribution.frequency];
  for (let month = Math.max(start, 0); month < Math.min(end, flows.length); month++) {
    if ((month - start) % step !== 0) continue;
    const yearsSinceStart = Math.floor((month - start) / 12);
    flows[month] = (flows[month] as number) + amount * Math.pow(1 + contribution.growthRatePerYear, yearsSinceStart);
  }
}

/**
 * The calendar date of a plan month (month 0 is `asOf`).
 *
 * @example
 * ```ts
 * planMonthDate('2026-01-31', 1) //=> '2026-02-28'
 * ```
 */
export function planMonthDate(asOf: string, month: number): string {
  return format(addMonths(parseISO(asOf), month), 'yyyy-MM-dd');
}

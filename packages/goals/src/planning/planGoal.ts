import { z } from 'zod';
import { isKronosError } from '@kronos/risk';
import Decimal from 'decimal.js';
import { parseGoal } from '../model/parseGoal.js';
import type { Goal, WithdrawalStrategy } from '../model/schemas.js';
import { evaluateGoal, type PlanningContext } from './evaluate.js';
import { solveContribution, solveDate, solveMaxSpending } from './solveLevers.js';

/** The levers `planGoal` may pull, in the order it prefers them when several reach the target. */
export const LeverSchema = z.enum(['strategy', 'contribution', 'date', 'spending']);
export type Lever = z.infer<typeof LeverSchema>;

/** One way of changing the plan, with what it achieves. */
export interface TradeOff {
  readonly lever: Lever | 'none';
  readonly description: string;
  readonly goal: Goal;
  readonly success: { readonly probability: number; readonly standardError: number };
  readonly meetsTarget: boolean;
}

/** What `planGoal` recommends and what it weighed. */
export interface GoalPlan {
  readonly targetSuccess: number;
  readonly baseline: TradeOff;
  readonly recommended: TradeOff;
  readonly tradeOffs: readonly TradeOff[];
  readonly simulations: number;
}

/** Variable strategies tried for a retirement whose constant spending falls short (rates from their published examples). */
const alternativeStrategies: readonly WithdrawalStrategy[] = [
  { kind: 'guytonKlinger', initialRate: 0.05, guardrailBand: 0.2, adjustment: 0.1, inflationCap: 0.06, preservationStopYears: 15 },
  { kind: 'vanguardDynamic', rate: 0.05, ceiling: 0.05, floor: 0.025 },
  { kind: 'vpw', realRate: 0.035, endAge: 100 },
];

/**
 * Plans a goal: simulates it; if the success probability is below
 * `targetSuccess`, pulls each lever in turn (a variable withdrawal strategy for
 * a retirement, an extra contribution, a later date, lower spending), each
 * solved by its own simulate-adjust-repeat search on the same seed; and
 * recommends the first lever in `preferences` order that reaches the target
 * (or, if none does, the change with the highest success). Levers that cannot
 * reach the target are listed with the best they managed or left out when
 * they do not apply.
 *
 * @example
 * ```ts
 * const model = createLognormalModel({ driftPerYear: [0.07, 0.03], covariancePerYear: [[0.0324, 0.0018], [0.0018, 0.0036]] });
 * const house = parseGoal({ type: 'majorPurchase', id: 'house', asOf: '2026-01-01', amount: '120000', date: '2034-01-01', currentAssets: { kind: 'given', amount: '50000' }, contributions: [{ amount: '300' }] });
 * const context = { model, currentAssets: '50000', simulation: { seed: 'doc', paths: 500 }, targetSuccess: 0.8 };
 * const plan = planGoal(house, context);
 * plan.baseline.meetsTarget //=> false
 * plan.recommended.lever //=> 'contribution'
 * plan.tradeOffs.map((t) => t.lever) //=> ['contribution', 'date']
 * ```
 */
export function planGoal(input: unknown, context: PlanningContext & { readonly preferences?: readonly Lever[] }): GoalPlan {
  const goal = parseGoal(input);
  const preferences = context.preferences ?? ['strategy', 'contribution', 'date', 'spending'];
  let simulations = 1;
  const baselineSuccess = evaluateGoal(goal, context).success;
  const baseline = tradeOff('none', 'the plan as given', goal, baselineSuccess, context.targetSuccess);
  if (baseline.meetsTarget) return { targetSuccess: context.targetSuccess, baseline, recommended: baseline, tradeOffs: [], simulations };
  const tradeOffs: TradeOff[] = [];
  for (const lever of preferences) {
    for (const option of pullLever(lever, goal, context)) {
      simulations += option.simulations;
      tradeOffs.push(tradeOff(lever, option.description, option.goal, option.success, context.targetSuccess));
    }
  }
  const passing = tradeOffs.find((t) => t.meetsTarget);
  const best = [...tradeOffs].sort((a, b) => b.success.probability - a.success.probability)[0];
  return { targetSuccess: context.targetSuccess, baseline, recommended: passing ?? best ?? baseline, tradeOffs, simulations };
}

interface Option {
  readonly description: string;
  readonly goal: Goal;
  readonly success: TradeOff['success'];
  readonly simulations: number;
}

function pullLever(lever: Lever, goal: Goal, context: PlanningContext): Option[] {
  try {
    switch (lever) {
      case 'strategy':
        if (goal.type !== 'retirement') return [];
        return alternativeStrategies.map((withdrawal) => {
          const changed: Goal = { ...goal, withdrawal };
          return { description: `withdraw with ${withdrawal.kind}`, goal: changed, success: evaluateGoal(changed, context).success, simulations: 1 };
        });
      case 'contribution': {
        const found = solveContribution(goal, context);
        const changed: Goal = { ...goal, contributions: [...goal.contributions, { amount: found.value, frequency: 'monthly', growthRatePerYear: 0 }] };
        return [{ description: `save ${found.value} more each month`, goal: changed, success: found.success, simulations: found.simulations }];
      }
      case 'date': {
        if (goal.type === 'incomeGeneration') return [];
        const found = solveDate(goal, context);
        const changed: Goal = goal.type === 'retirement' ? { ...goal, retirementAge: found.value as number } : { ...goal, date: found.value as string };
        return [{ description: goal.type === 'retirement' ? `retire at ${(found.value as number).toFixed(2)}` : `move the date to ${String(found.value)}`, goal: changed, success: found.success, simulations: found.simulations }];
      }
      case 'spending': {
        if (goal.type !== 'retirement' && goal.type !== 'incomeGeneration') return [];
        const found = solveMaxSpending(goal, context);
        const changed: Goal = goal.type === 'retirement' ? { ...goal, annualSpending: found.value } : { ...goal, monthlyIncome: new Decimal(found.value).div(12).toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed(2) };
        return [{ description: `spend at most ${found.value} a year`, goal: changed, success: found.success, simulations: found.simulations }];
      }
    }
  } catch (error) {
    if (isKronosError(error, 'TARGET_UNREACHABLE')) return [];
    throw error;
  }
}

function tradeOff(lever: TradeOff['lever'], description: string, goal: Goal, success: TradeOff['success'], target: number): TradeOff {
  return { lever, description, goal, success, meetsTarget: success.probability >= target };
}

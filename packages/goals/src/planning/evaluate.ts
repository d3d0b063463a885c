import { simulateGoal, type SimulationResult } from '../engine/simulateGoal.js';
import type { SimulationOptionsInput } from '../engine/options.js';
import { compilePlan } from '../model/compilePlan.js';
import type { Goal } from '../model/schemas.js';
import type { ReturnModel } from '../returns/model.js';

/** What every planning search shares: the model, the money already saved and one seed (common random numbers). */
export interface PlanningContext {
  readonly model: ReturnModel;
  /** Current assets as a decimal string (see `resolveCurrentAssets`). */
  readonly currentAssets: string;
  /** Simulation options; the seed stays fixed across a search so every candidate sees the same markets. */
  readonly simulation: SimulationOptionsInput;
  /** The success probability a plan must reach, e.g. 0.85. */
  readonly targetSuccess: number;
}

/**
 * Simulates a goal under the context's model, assets and seed.
 *
 * @example
 * ```ts
 * const model = createLognormalModel({ driftPerYear: [0.07, 0.03], covariancePerYear: [[0.0324, 0.0018], [0.0018, 0.0036]] });
 * const house = parseGoal({ type: 'majorPurchase', id: 'house', asOf: '2026-01-01', amount: '120000', date: '2034-01-01', currentAssets: { kind: 'given', amount: '50000' }, contributions: [{ amount: '300' }] });
 * const context = { model, currentAssets: '50000', simulation: { seed: 'doc', paths: 500 }, targetSuccess: 0.8 };
 * evaluateGoal(house, context).paths //=> 500
 * ```
 */
export function evaluateGoal(goal: Goal, context: PlanningContext, overrides: Partial<SimulationOptionsInput> = {}): SimulationResult {
  return simulateGoal(compilePlan(goal, context.currentAssets), context.model, { ...context.simulation, ...overrides });
}

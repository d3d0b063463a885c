import { KronosError } from '../_internal/errors.js';
import { GoalSchema, type Goal } from './schemas.js';

/**
 * Parses a goal from outside input, filling the documented defaults.
 *
 * @throws KronosError `INVALID_GOAL` with the zod issues in `details.issues`.
 * @example
 * ```ts
 * const goal = parseGoal({ type: 'wealthBuilding', id: 'g1', asOf: '2026-01-01', target: '100000', date: '2036-01-01', currentAssets: { kind: 'given', amount: '20000' } });
 * goal.feeBps //=> 0
 * ```
 */
export function parseGoal(input: unknown): Goal {
  const result = GoalSchema.safeParse(input);
  if (!result.success) {
    throw new KronosError('INVALID_GOAL', `The goal is not valid: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}. Fix the fields named and parse again.`, {
      issues: result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message, code: i.code })),
    });
  }
  return result.data;
}

/**
 * Like `parseGoal` but returns a result instead of throwing.
 *
 * @example
 * ```ts
 * safeParseGoal({ type: 'nope' }).success //=> false
 * ```
 */
export function safeParseGoal(input: unknown): { success: true; goal: Goal } | { success: false; error: KronosError } {
  try {
    return { success: true, goal: parseGoal(input) };
  } catch (error) {
    if (error instanceof KronosError) return { success: false, error };
    throw error;
  }
}

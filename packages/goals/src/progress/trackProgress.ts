import Decimal from 'decimal.js';
import { differenceInCalendarMonths, parseISO } from 'date-fns';
import { requireInput } from '../_internal/errors.js';
import type { SimulationSummary } from '../engine/summarise.js';
import { toSimulationNumber } from '../model/compilePlan.js';
import type { EventPublisher, GoalMilestoneReached } from '../ports/events.js';

/** Where an actual balance stands against the plan's fan chart. */
export interface ProgressReport {
  /** From the percentile rank: 'behind' below `onTrackBand.lower` (0.25), 'ahead' from `onTrackBand.upper` (0.75), else 'onTrack'. */
  readonly status: 'ahead' | 'onTrack' | 'behind';
  /** The plan's band values at the date (interpolated between year-ends), same order as `bands.percentiles`. */
  readonly expected: readonly number[];
  /** The balance's approximate percentile rank in the plan (linear between band points, clamped to the outer bands). */
  readonly percentileRank: number;
  readonly milestonesReached: readonly GoalMilestoneReached[];
}

/**
 * Compares an actual balance (in the same money the plan's bands are in, today's
 * money by default) with the plan's percentiles at a date: its percentile rank
 * in the plan, behind below the 25th percentile and ahead from the 75th (or the
 * `onTrackBand` given). Publishes `goal_milestone_reached` for each
 * milestone the balance has reached and `previousBalance` had not.
 *
 * @throws KronosError `INVALID_INPUT` for a date outside the plan.
 * @example
 * ```ts
 * const bands = { percentiles: [0.25, 0.5, 0.75], points: [{ month: 0, date: '2026-01-01', age: null, values: [100, 100, 100] }, { month: 12, date: '2027-01-01', age: null, values: [95, 105, 115] }] };
 * const published: unknown[] = [];
 * const report = await trackProgress({ bands }, { goalId: 'g', asOf: '2026-01-01', date: '2027-01-01', balance: '110', milestones: [{ id: 'first', amount: '100' }] }, { publisher: { publish: (event) => void published.push(event) } });
 * report.status //=> 'onTrack'
 * published.length //=> 1
 * ```
 */
export async function trackProgress(
  plan: Pick<SimulationSummary, 'bands'>,
  actual: { goalId: string; asOf: string; date: string; balance: string; previousBalance?: string; milestones?: ReadonlyArray<{ id: string; amount: string }> },
  options: { publisher?: EventPublisher; onTrackBand?: { lower: number; upper: number } } = {},
): Promise<ProgressReport> {
  const points = plan.bands.points;
  const month = differenceInCalendarMonths(parseISO(actual.date), parseISO(actual.asOf));
  const last = points[points.length - 1];
  requireInput(month >= 0 && last !== undefined && month <= last.month, 'The date lies outside the simulated plan; track dates between the plan date and its end.', { date: actual.date });
  const expected = interpolateBands(points, month);
  const balance = toSimulationNumber(actual.balance);
  const probabilities = plan.bands.percentiles;
  const rank = percentileRank(balance, expected, probabilities);
  const band = options.onTrackBand ?? { lower: 0.25, upper: 0.75 };
  const status = rank < band.lower ? 'behind' : rank >= band.upper ? 'ahead' : 'onTrack';
  const reached: GoalMilestoneReached[] = [];
  const before = new Decimal(actual.previousBalance ?? '-Infinity');
  for (const milestone of actual.milestones ?? []) {
    if (new Decimal(actual.balance).gte(milestone.amount) && before.lt(milestone.amount)) {
      const event: GoalMilestoneReached = { type: 'goal_milestone_reached', id: `${actual.goalId}:${milestone.id}`, goalId: actual.goalId, milestoneId: milestone.id, amount: milestone.amount, balance: actual.balance, date: actual.date };
      reached.push(event);
      await options.publisher?.publish(event);
    }
  }
  return { status, expected, percentileRank: rank, milestonesReached: reached };
}

function interpolateBands(points: SimulationSummary['bands']['points'], month: number): number[] {
  const after = points.findIndex((point) => point.month >= month);
  const right = points[after] as (typeof points)[number];
  const left = after > 0 ? points[after - 1] : undefined;
  if (!left || right.month === month) return [...right.values];
  const t = (month - left.month) / (right.month - left.month);
  return right.values.map((value, i) => (1 - t) * (left.values[i] as number) + t * value);
}

function percentileRank(balance: number, expected: readonly number[], probabilities: readonly number[]): number {
  if (balance <= (expected[0] as number)) return probabilities[0] as number;
  for (let i = 1; i < expected.length; i++) {
    const low = expected[i - 1] as number;
    const high = expected[i] as number;
    if (balance <= high) return (probabilities[i - 1] as number) + (high > low ? (balance - low) / (high - low) : 0) * ((probabilities[i] as number) - (probabilities[i - 1] as number));
  }
  return probabilities[probabilities.length - 1] as number;
}

import { z } from 'zod';

/** The `goal_milestone_reached` event: a tracked balance crossed a milestone of a goal. */
export const GoalMilestoneReachedSchema = z.object({
  type: z.literal('goal_milestone_reached'),
  /** `<goalId>:<milestoneId>`, so a publisher can drop repeats. */
  id: z.string(),
  goalId: z.string(),
  milestoneId: z.string(),
  /** The milestone amount and the balance that crossed it, decimal strings. */
  amount: z.string(),
  balance: z.string(),
  date: z.string(),
});
export type GoalMilestoneReached = z.infer<typeof GoalMilestoneReachedSchema>;

/**
 * Where goals sends its events: structurally the same as core-ledger's event
 * bus `publish`, so a host passes its bus without goals importing the ledger.
 */
export interface EventPublisher {
  publish(event: GoalMilestoneReached): void | Promise<void>;
}

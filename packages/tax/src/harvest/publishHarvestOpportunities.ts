import { IsoDateSchema, IsoInstantSchema, MoneyJSONSchema } from '@kronos/core-ledger';
import { z } from 'zod';
import type { HarvestOpportunity } from './scanHarvestOpportunities.js';

/** The payload of a `harvest_opportunity` event (amounts in their JSON form). */
export const HarvestOpportunityPayloadSchema = z.object({
  lotId: z.string(),
  accountId: z.string(),
  symbol: z.string(),
  quantity: MoneyJSONSchema,
  unrealizedLoss: MoneyJSONSchema,
  estimatedBenefit: MoneyJSONSchema,
  term: z.enum(['short', 'long']),
  replacement: z.string().optional(),
  lockoutEndsOn: IsoDateSchema,
  swapBackOn: IsoDateSchema,
});
export type HarvestOpportunityPayload = z.infer<typeof HarvestOpportunityPayloadSchema>;

/** A `harvest_opportunity` event. */
export const HarvestOpportunityEventSchema = z.object({
  type: z.literal('harvest_opportunity'),
  occurredAt: IsoInstantSchema,
  payload: HarvestOpportunityPayloadSchema,
});
export type HarvestOpportunityEvent = z.infer<typeof HarvestOpportunityEventSchema>;

/** Anything that publishes events: core-ledger's EventBus fits, so does a host's own bus. */
export interface EventPublisher {
  publish(event: { type: string; occurredAt: string; payload: unknown }): unknown;
}

/** The event for one opportunity. */
export function toHarvestOpportunityEvent(opportunity: HarvestOpportunity, occurredAt: string): HarvestOpportunityEvent {
  return HarvestOpportunityEventSchema.parse({
    type: 'harvest_opportunity',
    occurredAt,
    payload: {
      lotId: opportunity.lotId,
      accountId: opportunity.accountId,
      symbol: opportunity.symbol,
      quantity: opportunity.quantity.toJSON(),
      unrealizedLoss: opportunity.unrealizedLoss.toJSON(),
      estimatedBenefit: opportunity.estimatedBenefit.toJSON(),
      term: opportunity.term,
      ...(opportunity.replacement === undefined ? {} : { replacement: opportunity.replacement }),
      lockoutEndsOn: opportunity.lockoutEndsOn,
      swapBackOn: opportunity.swapBack.on,
    },
  });
}

/**
 * Publishes a `harvest_opportunity` event for every proposal that is not
 * blocked, stamped with the injected clock, in the given order; waits for each
 * publish (an EventBus returns a promise). Returns the events published.
 *
 * @example
 * ```ts
 * const seen: unknown[] = [];
 * const deps = { publisher: { publish: (event: unknown) => seen.push(event) }, clock: () => new Date('2024-08-01T12:00:00Z') };
 * publishHarvestOpportunities([], deps); //=> []
 * ```
 */
export async function publishHarvestOpportunities(
  opportunities: readonly HarvestOpportunity[],
  deps: { readonly publisher: EventPublisher; readonly clock: () => Date },
): Promise<HarvestOpportunityEvent[]> {
  const occurredAt = deps.clock().toISOString();
  const events: HarvestOpportunityEvent[] = [];
  for (const opportunity of opportunities) {
    if (opportunity.blocked !== undefined) continue;
    const event = toHarvestOpportunityEvent(opportunity, occurredAt);
    await deps.publisher.publish(event);
    events.push(event);
  }
  return events;
}

import { z } from 'zod';
import { formatMinorUnits } from '../_internal/amount.js';
import { IsoDateSchema, IsoInstantSchema } from '../dates/iso-date.js';
import { MoneyJSONSchema } from '../money/schema.js';
import type { AccountRecord, EntryRecord, FlowRecord, PeriodEventRecord } from '../ports/ledger-store.js';

function eventSchema<T extends string, P extends z.ZodType>(type: T, payload: P) {
  return z.object({ type: z.literal(type), occurredAt: IsoInstantSchema, payload });
}

/** An entry became posted (directly, or a pending entry was posted). */
export const TransactionPostedEventSchema = eventSchema(
  'transaction_posted',
  z.object({
    entryId: z.string(),
    entityId: z.string(),
    date: IsoDateSchema,
    description: z.string(),
    flowId: z.string().nullable(),
    reversesId: z.string().nullable(),
    postings: z.array(z.object({ accountId: z.string(), amount: MoneyJSONSchema })),
  }),
);
/** An entry was reversed by a new, linked entry. */
export const EntryReversedEventSchema = eventSchema('entry_reversed', z.object({ entryId: z.string(), reversalId: z.string(), entityId: z.string(), date: IsoDateSchema }));
/** An inter-entity flow was recorded: one entry in each entity's books and a document. */
export const InterEntityFlowRecordedEventSchema = eventSchema(
  'inter_entity_flow_recorded',
  z.object({
    flowId: z.string(),
    kind: z.string(),
    date: IsoDateSchema,
    fromEntityId: z.string(),
    toEntityId: z.string(),
    amount: MoneyJSONSchema,
    entryIds: z.tuple([z.string(), z.string()]),
  }),
);
/** An entity's books were closed through a date. */
export const PeriodClosedEventSchema = eventSchema('period_closed', z.object({ entityId: z.string(), closedThrough: IsoDateSchema, periodEventId: z.string() }));

/**
 * A bill falls due within the lead time (published by `emitDueBills`).
 * `eventId` is `bill_due:<billId>:<dueDate>`: the same on every run, so a
 * subscriber or the emitter's seen-set drops repeats.
 */
export const BillDueEventSchema = eventSchema(
  'bill_due',
  z.object({
    eventId: z.string(),
    billId: z.string(),
    payee: z.string(),
    entityId: z.string(),
    payFromAccountId: z.string(),
    dueDate: IsoDateSchema,
    amount: MoneyJSONSchema,
    estimated: z.boolean(),
    autopay: z.boolean(),
  }),
);

/** Every event the ledger publishes. */
export const LedgerEventSchema = z.discriminatedUnion('type', [TransactionPostedEventSchema, EntryReversedEventSchema, InterEntityFlowRecordedEventSchema, PeriodClosedEventSchema, BillDueEventSchema]);
/** Every event the ledger publishes. */
export type LedgerEvent = z.infer<typeof LedgerEventSchema>;
/** The type names of ledger events. */
export type LedgerEventType = LedgerEvent['type'];
/** The event of a given type. */
export type LedgerEventOf<T extends LedgerEventType> = Extract<LedgerEvent, { type: T }>;

export function transactionPostedEvent(entry: EntryRecord, accounts: ReadonlyMap<string, AccountRecord>, occurredAt: string): LedgerEventOf<'transaction_posted'> {
  return {
    type: 'transaction_posted',
    occurredAt,
    payload: {
      entryId: entry.id,
      entityId: entry.entityId,
      date: entry.date,
      description: entry.description,
      flowId: entry.flowId,
      reversesId: entry.reversesId,
      postings: entry.postings.map((posting) => {
        const account = accounts.get(posting.accountId)!;
        return { accountId: posting.accountId, amount: { amount: formatMinorUnits(posting.amount, account.scale), currency: account.currency, scale: account.scale } };
      }),
    },
  };
}

export function entryReversedEvent(original: EntryRecord, reversal: EntryRecord, occurredAt: string): LedgerEventOf<'entry_reversed'> {
  return { type: 'entry_reversed', occurredAt, payload: { entryId: original.id, reversalId: reversal.id, entityId: original.entityId, date: reversal.date } };
}

export function flowRecordedEvent(flow: FlowRecord, occurredAt: string): LedgerEventOf<'inter_entity_flow_recorded'> {
  return {
    type: 'inter_entity_flow_recorded',
    occurredAt,
    payload: {
      flowId: flow.id,
      kind: flow.kind,
      date: flow.date,
      fromEntityId: flow.fromEntityId,
      toEntityId: flow.toEntityId,
      amount: { amount: formatMinorUnits(flow.amount, flow.scale), currency: flow.currency, scale: flow.scale },
      entryIds: [flow.entryIds[0], flow.entryIds[1]],
    },
  };
}

export function periodClosedEvent(event: PeriodEventRecord, occurredAt: string): LedgerEventOf<'period_closed'> {
  return { type: 'period_closed', occurredAt, payload: { entityId: event.entityId, closedThrough: event.closedThrough!, periodEventId: event.id } };
}

import { addDays, format, parseISO } from 'date-fns';
import { KronosError } from '../errors/index.js';
import { assertIsoDate } from '../dates/iso-date.js';
import type { LedgerEventOf } from '../events/ledger-events.js';
import type { EventBus } from '../ports/event-bus.js';
import type { Clock } from '../ports/runtime.js';
import { createSystemClock } from '../runtime/clock.js';
import type { BillInput } from './bill-schema.js';
import { upcomingBills } from './upcoming-bills.js';

/** The longest lead time, in days. */
export const billLeadDaysMax = 366;

/** A `bill_due` event. */
export type BillDueEvent = LedgerEventOf<'bill_due'>;

/** Ids already announced: a `Set<string>` will do, or a host's persistent store. */
export interface SeenIds {
  has(id: string): boolean;
  add(id: string): unknown;
}

/** Options of `emitDueBills`. */
export interface EmitDueBillsOptions {
  /** Event ids already announced; skipped, and every published id is added. */
  readonly seen?: SeenIds;
  /** Stamps `occurredAt`; defaults to the system clock. */
  readonly clock?: Clock;
}

/**
 * The stable id of the announcement of one due date of one bill.
 *
 * @example
 * ```ts
 * billDueEventId('rent', '2026-03-01'); //=> 'bill_due:rent:2026-03-01'
 * ```
 */
export function billDueEventId(billId: string, dueDate: string): string {
  return `bill_due:${billId}:${dueDate}`;
}

/**
 * Publishes a `bill_due` event for every occurrence falling due from `asOf`
 * to `asOf + leadDays` (both inclusive), in due-date order, and returns them.
 *
 * Re-running for the same day does not announce twice when `seen` is given:
 * each event's id is `bill_due:<billId>:<dueDate>`, the same on every run;
 * ids in `seen` are skipped and each published id is added after it is
 * published. Without `seen`, subscribers can drop repeats by that id. An
 * occurrence is announced on any run whose window covers it, so run at least
 * once every `leadDays + 1` days to miss none, or pass `since` (the day of the
 * last run, or any earlier day): the window then starts there, and a run that
 * was missed is caught up with the due dates it would have announced, overdue
 * ones included (with `seen`, each still only once).
 *
 * @throws KronosError `INVALID_INPUT` for bad bills, `asOf`, `since` (a date on or before `asOf`; the window from `since` to `asOf + leadDays` spans at most 3,660 days) or `leadDays` (0 to 366)
 * @example
 * ```ts
 * const bus = createInProcessEventBus();
 * const heard: string[] = [];
 * bus.subscribe('bill_due', (event) => void heard.push(BillDueEventSchema.parse(event).payload.dueDate));
 * const bills = [{ id: 'rent', payee: 'Oak Street Apartments', entityId: 'ana', payFromAccountId: 'ana:checking', schedule: { kind: 'monthly', day: 1 }, amount: '1850.00', currency: 'USD', autopay: true, startDate: '2026-01-01' }];
 * const seen = new Set<string>();
 * (await emitDueBills(bills, { asOf: '2026-02-27', leadDays: 5 }, bus, { seen })).map((event) => event.payload.eventId); //=> ['bill_due:rent:2026-03-01']
 * (await emitDueBills(bills, { asOf: '2026-02-28', leadDays: 5 }, bus, { seen })).length; //=> 0
 * heard; //=> ['2026-03-01']
 * // A scheduler that was down from 03-20 to 04-03 catches up from its last run: April's rent, three days overdue, is announced.
 * (await emitDueBills(bills, { asOf: '2026-04-04', leadDays: 5, since: '2026-03-20' }, bus, { seen })).map((event) => event.payload.dueDate); //=> ['2026-04-01']
 * ```
 */
export async function emitDueBills(bills: readonly BillInput[], window: { readonly asOf: string; readonly leadDays: number; readonly since?: string }, bus: EventBus, options: EmitDueBillsOptions = {}): Promise<BillDueEvent[]> {
  const asOf = assertIsoDate(window.asOf, 'asOf');
  const since = window.since === undefined ? asOf : assertIsoDate(window.since, 'since');
  if (since > asOf) {
    throw new KronosError('INVALID_INPUT', `since (${since}) is after asOf (${asOf}): pass the day of the last run, or leave since out.`, { since, asOf });
  }
  const { leadDays } = window;
  if (!Number.isInteger(leadDays) || leadDays < 0 || leadDays > billLeadDaysMax) {
    throw new KronosError('INVALID_INPUT', `leadDays must be a whole number of days from 0 to ${billLeadDaysMax}, not ${String(leadDays)}.`, { leadDays: String(leadDays) });
  }
  const to = format(addDays(parseISO(asOf), leadDays), 'yyyy-MM-dd');
  const occurredAt = (options.clock ?? createSystemClock()).now().toISOString();
  const published: BillDueEvent[] = [];
  for (const occurrence of upcomingBills(bills, { from: since, to })) {
    const eventId = billDueEventId(occurrence.billId, occurrence.dueDate);
    if (options.seen?.has(eventId) === true) continue;
    const event: BillDueEvent = {
      type: 'bill_due',
      occurredAt,
      payload: {
        eventId,
        billId: occurrence.billId,
        payee: occurrence.payee,
        entityId: occurrence.entityId,
        payFromAccountId: occurrence.payFromAccountId,
        dueDate: occurrence.dueDate,
        amount: occurrence.amount.toJSON(),
        estimated: occurrence.estimated,
        autopay: occurrence.autopay,
      },
    };
    await bus.publish(event);
    options.seen?.add(eventId);
    published.push(event);
  }
  return published;
}

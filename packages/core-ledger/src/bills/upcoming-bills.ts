import { z } from 'zod';
import { parseInput } from '../_internal/schemas.js';
import { KronosError } from '../errors/index.js';
import { Money } from '../money/money.js';
import { BillSchema, billsPerCallMax, type Bill, type BillInput } from './bill-schema.js';
import { checkRange, scheduleOccurrences } from './schedule-occurrences.js';

/** One time a bill falls due. */
export interface BillOccurrence {
  readonly billId: string;
  readonly payee: string;
  readonly entityId: string;
  readonly payFromAccountId: string;
  readonly categoryAccountId: string | null;
  readonly dueDate: string;
  /** Positive: what will leave `payFromAccountId`. */
  readonly amount: Money;
  readonly estimated: boolean;
  readonly autopay: boolean;
}

/** Parses bills, refusing repeated ids and amounts that do not fit their currency. */
export function parseBills(bills: readonly BillInput[]): { bill: Bill; amount: Money }[] {
  const parsed = parseInput(z.array(BillSchema).max(billsPerCallMax), bills, 'bills');
  const ids = new Set<string>();
  return parsed.map((bill) => {
    if (ids.has(bill.id)) throw new KronosError('INVALID_INPUT', `Bill id '${bill.id}' appears twice: give every bill its own id.`, { billId: bill.id });
    ids.add(bill.id);
    return { bill, amount: Money.of(bill.amount, bill.currency) };
  });
}

/**
 * Every time the bills fall due from `from` to `to` (both inclusive, and
 * within each bill's start and end dates), sorted by due date, then bill id.
 *
 * @throws KronosError `INVALID_INPUT` for a bad bill, a repeated id or a bad
 *   range (longer than `occurrenceRangeDaysMax` days); `SCALE_EXCEEDED` for an
 *   amount with more decimals than its currency
 * @example
 * ```ts
 * const bills = [
 *   { id: 'rent', payee: 'Oak Street Apartments', entityId: 'ana', payFromAccountId: 'ana:checking', schedule: { kind: 'monthly', day: 1 }, amount: '1850.00', currency: 'USD', autopay: true, startDate: '2026-01-01' },
 *   { id: 'power', payee: 'City Power', entityId: 'ana', payFromAccountId: 'ana:checking', schedule: { kind: 'monthly', day: 31 }, amount: '92.40', currency: 'USD', estimated: true, startDate: '2026-01-01' },
 * ];
 * const due = upcomingBills(bills, { from: '2026-02-01', to: '2026-03-01' });
 * due.map((occurrence) => `${occurrence.dueDate} ${occurrence.billId} ${occurrence.amount}`); //=> ['2026-02-01 rent 1850.00', '2026-02-28 power 92.40', '2026-03-01 rent 1850.00']
 * ```
 */
export function upcomingBills(bills: readonly BillInput[], range: { readonly from: string; readonly to: string }): BillOccurrence[] {
  checkRange(range.from, range.to);
  const occurrences: BillOccurrence[] = [];
  for (const { bill, amount } of parseBills(bills)) {
    const from = bill.startDate > range.from ? bill.startDate : range.from;
    const to = bill.endDate !== undefined && bill.endDate < range.to ? bill.endDate : range.to;
    if (from > to) continue;
    for (const dueDate of scheduleOccurrences(bill.schedule, from, to)) {
      occurrences.push({
        billId: bill.id, payee: bill.payee, entityId: bill.entityId, payFromAccountId: bill.payFromAccountId, categoryAccountId: bill.categoryAccountId ?? null,
        dueDate, amount, estimated: bill.estimated, autopay: bill.autopay,
      });
    }
  }
  return occurrences.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.billId < b.billId ? -1 : a.billId > b.billId ? 1 : 0));
}

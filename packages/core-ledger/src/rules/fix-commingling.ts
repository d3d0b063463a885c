import { z } from 'zod';
import { canonicalJson } from '../_internal/canonical.js';
import { formatMinorUnits } from '../_internal/amount.js';
import { IdSchema, TextSchema, parseInput } from '../_internal/schemas.js';
import { IsoDateSchema } from '../dates/iso-date.js';
import { KronosError } from '../errors/index.js';
import { FlowInputSchema, writeFlow, type Flow } from '../flows/record-flow.js';
import type { Entry } from '../journal/entry-view.js';
import { writeReversals } from '../journal/reverse-entry.js';
import { loadAccounts } from '../journal/write-entries.js';
import { idempotencyConflict, notFound, runWrite, type AuditDraft, type LazyEvents, type WriteOptions } from '../ledger/context.js';
import { contextOf } from '../ledger/context-of.js';
import type { Ledger } from '../ledger/create-ledger.js';
import type { KronosEvent } from '../ports/event-bus.js';

/**
 * Input of `fixCommingling`. `id` is the fix's idempotency key; the writes it
 * makes take ids from it: the reversal `<id>/reversal`, the flow `<id>` (its
 * entries `<id>/from`, `<id>/to`) and the settling reimbursement `<id>/settle`.
 */
export const FixComminglingInputSchema = z
  .object({
    id: IdSchema.max(100),
    /** The mis-booked entry: one payment account credited, the expense(s) debited. */
    entryId: IdSchema,
    /**
     * `owner_draw`: a personal expense the company paid becomes a draw by its owner.
     * `equity_contribution`: a company expense its owner paid becomes the owner's capital.
     * `reimbursement`: either way, the expense becomes a debt between the two
     * (an `expense_paid_on_behalf` flow), settled at once when `settle` is given.
     */
    fix: z.enum(['owner_draw', 'equity_contribution', 'reimbursement']),
    /** The account in the other entity's books that should have carried the expense (usually an expense account). */
    counterpartyAccountId: IdSchema,
    /** Date of the reversal and the flow; defaults to the entry's date (give a later one when that period is closed). */
    date: IsoDateSchema.optional(),
    purpose: TextSchema,
    legalBasis: TextSchema,
    authorizedBy: TextSchema,
    /** Only with `reimbursement`: the other entity pays the debt back now, from `fromAccountId` (its books) to `toAccountId` (the payer's books). */
    settle: z.object({ date: IsoDateSchema.optional(), fromAccountId: IdSchema, toAccountId: IdSchema }).optional(),
  })
  .refine((input) => input.settle === undefined || input.fix === 'reimbursement', { message: 'settle goes only with fix: reimbursement', path: ['settle'] });
/** Input of `fixCommingling`. */
export type FixComminglingInput = z.input<typeof FixComminglingInputSchema>;

/** What `fixCommingling` wrote (or, on a repeat, had written). */
export interface ComminglingFix {
  readonly id: string;
  /** The reversal of the mis-booked entry, in the payer's books. */
  readonly reversal: Entry;
  /** The inter-entity flow and its document. */
  readonly flow: Flow;
  /** The reimbursement that settled the debt, when `settle` was given. */
  readonly settlement: Flow | null;
}

function eventsOf(events: readonly KronosEvent[] | LazyEvents): readonly KronosEvent[] {
  return Array.isArray(events) ? events : (events as LazyEvents).build();
}

/**
 * Fixes a commingled payment in one call: reverses the mis-booked entry and
 * records the proper inter-entity flow (with its document) that moves the
 * expense into the other entity's books, plus the settling reimbursement when
 * asked. All of it is one unit of work: if any part fails, nothing is written.
 * Idempotent on `id`: the same input again returns the first result; other
 * content under the same id is `IDEMPOTENCY_CONFLICT`.
 *
 * The entry must credit exactly one payment account (a bank account or a
 * card) and is moved whole; the payment stays where it was, the expense lands
 * in `counterpartyAccountId`, and the owner or due-to/due-from accounts of
 * the flow table carry the difference, so the veil report stays clean.
 *
 * @throws KronosError `NOT_FOUND`, `INVALID_STATE` (pending, reversed or part
 *   of a flow), `INVALID_INPUT` (entry shape, same entity, not an owner),
 *   `PERIOD_LOCKED`, `INSUFFICIENT_FUNDS`, `IDEMPOTENCY_CONFLICT`
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.createEntity({ id: 'studio', kind: 'single_member_llc', name: 'Ana Studio LLC', baseCurrency: 'USD', owners: [{ entityId: 'ana', share: '1' }] });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * await ledger.applyChartTemplate({ entityId: 'studio', template: 'single_member_llc', openedOn: '2026-01-01' });
 * await ledger.postEntry({ id: 'sales', date: '2026-01-02', description: 'Invoice 1', postings: [{ accountId: 'studio:checking', amount: '3000.00' }, { accountId: 'studio:revenue', amount: '-3000.00' }] });
 * await ledger.postEntry({ id: 'groceries', date: '2026-01-05', description: 'Whole Foods', postings: [{ accountId: 'studio:other-expenses', amount: '84.20' }, { accountId: 'studio:checking', amount: '-84.20' }] });
 * const fix = await fixCommingling(ledger, {
 *   id: 'fix-groceries', entryId: 'groceries', fix: 'owner_draw', counterpartyAccountId: 'ana:groceries',
 *   purpose: 'Personal groceries paid with the company card', legalBasis: 'Operating agreement s. 5.2 (draws)', authorizedBy: 'Ana Diaz, sole member',
 * });
 * fix.flow.kind; //=> 'owner_draw'
 * (await ledger.getBalance({ accountId: 'ana:groceries' })).toString(); //=> '84.20'
 * (await ledger.getBalance({ accountId: 'studio:other-expenses' })).toString(); //=> '0.00'
 * (await ledger.veilReport({ from: '2026-01-01', to: '2026-01-31' })).ok; //=> true
 * ```
 */
export async function fixCommingling(ledger: Ledger, input: FixComminglingInput, options?: WriteOptions): Promise<ComminglingFix> {
  const context = contextOf(ledger);
  const parsed = parseInput(FixComminglingInputSchema, input, 'commingling fix');
  const reversalId = `${parsed.id}/reversal`;
  const settleId = `${parsed.id}/settle`;
  return runWrite(context, options, async (tx, at) => {
    const [original] = await tx.getEntries([parsed.entryId]);
    if (original === undefined) throw notFound('entry', parsed.entryId, 'check the id of the mis-booked entry.');
    if (original.flowId !== null) {
      throw new KronosError('INVALID_STATE', `Entry '${original.id}' is one side of flow '${original.flowId}': it already crosses entities; reverse the flow with reverseFlow instead.`, { entryId: original.id, flowId: original.flowId });
    }
    const credits = original.postings.filter((posting) => posting.amount < 0n);
    const accounts = await loadAccounts(tx, [...original.postings.map((posting) => posting.accountId), parsed.counterpartyAccountId]);
    const payment = credits.length === 1 ? credits[0]! : undefined;
    const paidFrom = payment === undefined ? undefined : accounts.get(payment.accountId);
    if (payment === undefined || paidFrom === undefined || (paidFrom.type !== 'asset' && paidFrom.type !== 'liability')) {
      throw new KronosError('INVALID_INPUT', `Entry '${original.id}' must credit exactly one bank or card account (the payment) to be moved whole: reverse it and post the parts by hand.`, { entryId: original.id });
    }
    const counterpartyAccount = accounts.get(parsed.counterpartyAccountId) ?? notFoundThrow('account', parsed.counterpartyAccountId);
    if (counterpartyAccount.entityId === original.entityId) {
      throw new KronosError('INVALID_INPUT', `Account '${counterpartyAccount.id}' is in '${original.entityId}''s own books: name the account of the other entity that should carry the expense.`, { accountId: counterpartyAccount.id, entityId: original.entityId });
    }
    const [existingReversal, existingSettle] = await Promise.all([tx.getEntries([reversalId]).then((found) => found[0]), tx.getFlows([settleId]).then((found) => found[0])]);
    if (existingReversal !== undefined && (existingSettle !== undefined) !== (parsed.settle !== undefined)) throw idempotencyConflict('commingling fix', parsed.id);
    const date = parsed.date ?? original.date;
    const amount = formatMinorUnits(-payment.amount, paidFrom.scale);
    const document = { purpose: parsed.purpose, legalBasis: parsed.legalBasis, authorizedBy: parsed.authorizedBy };
    const reversal = await writeReversals(tx, [{ id: reversalId, original, date, description: `Moved to ${counterpartyAccount.entityId} by ${parsed.id}: ${original.description}`.slice(0, 500) }], at, 'entry.reversed', original.id);
    const writeLeg = (id: string, kind: string, legDate: string, from: { entityId: string; accountId: string }, to: { entityId: string; accountId: string }) =>
      writeFlow(context, tx, parseInput(FlowInputSchema, { id, kind, date: legDate, amount, from, to, ...document }, 'flow'), at);
    const flow = await writeLeg(
      parsed.id,
      parsed.fix === 'reimbursement' ? 'expense_paid_on_behalf' : parsed.fix,
      date,
      { entityId: original.entityId, accountId: paidFrom.id },
      { entityId: counterpartyAccount.entityId, accountId: counterpartyAccount.id },
    );
    const settle = parsed.settle;
    const settlement =
      settle === undefined
        ? null
        : await writeLeg(settleId, 'reimbursement', settle.date ?? date, { entityId: counterpartyAccount.entityId, accountId: settle.fromAccountId }, { entityId: original.entityId, accountId: settle.toAccountId });
    const parts = [reversal, flow, ...(settlement === null ? [] : [settlement])];
    const changed = parts.some((part) => part.audit.length > 0);
    const audit: AuditDraft[] = parts.flatMap((part) => part.audit);
    if (changed) audit.push({ action: 'commingling.fixed', subjectId: parsed.id, payload: canonicalJson({ ...parsed, date, settle: settle === undefined ? null : { ...settle, date: settle.date ?? date } }) });
    return {
      result: { id: parsed.id, reversal: reversal.result[0]!, flow: flow.result, settlement: settlement?.result ?? null },
      audit,
      events: parts.flatMap((part) => eventsOf(part.events)),
    };
  });
}

function notFoundThrow(kind: string, id: string): never {
  throw notFound(kind, id, `check the ${kind} id.`);
}

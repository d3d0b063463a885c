import { z } from 'zod';
import { KronosError } from '../errors/index.js';
import { formatMinorUnits } from '../_internal/amount.js';
import { IdSchema, TextSchema, parseInput } from '../_internal/schemas.js';
import { IsoDateSchema } from '../dates/iso-date.js';
import { idempotencyConflict, notFound, runWrite, unchanged, type LedgerContext, type WriteOptions, type WriteOutcome } from '../ledger/context.js';
import { entryReversedEvent, transactionPostedEvent } from '../events/ledger-events.js';
import type { EntryRecord, LedgerTx } from '../ports/ledger-store.js';
import { toEntry, type Entry } from './entry-view.js';
import type { EntryDraft } from './validate-entry.js';
import { loadAccounts, writeEntries } from './write-entries.js';

/** Input of `reverseEntry`: the new entry's id, the entry to reverse, optionally a date and description. */
export const ReverseInputSchema = z.object({
  id: IdSchema,
  entryId: IdSchema,
  /** Defaults to the reversed entry's date; give a later date when that period is closed. */
  date: IsoDateSchema.optional(),
  description: TextSchema.optional(),
});
/** Input of `reverseEntry`. */
export type ReverseInput = z.input<typeof ReverseInputSchema>;

/** One reversal to write: the new entry's id and the entry it reverses. */
export interface ReversalPlan {
  readonly id: string;
  readonly original: EntryRecord;
  readonly date: string | undefined;
  readonly description: string | undefined;
}

function reversalDraft(plan: ReversalPlan, scales: ReadonlyMap<string, { scale: number }>): EntryDraft {
  const { original } = plan;
  return {
    id: plan.id,
    date: plan.date ?? original.date,
    description: plan.description ?? `Reversal of ${original.description}`.slice(0, 500),
    metadata: {},
    postings: original.postings.map((posting) => ({ accountId: posting.accountId, amount: formatMinorUnits(-posting.amount, scales.get(posting.accountId)!.scale) })),
    flowId: original.flowId,
    reversesId: original.id,
  };
}

/**
 * Writes reversals of posted entries inside a unit of work and links them.
 * Returns `unchanged` when every reversal id already exists with the same content.
 */
export async function writeReversals(tx: LedgerTx, plans: readonly ReversalPlan[], at: string, action: string, subjectId: string): Promise<WriteOutcome<Entry[]>> {
  const accounts = await loadAccounts(tx, plans.flatMap((plan) => plan.original.postings.map((posting) => posting.accountId)));
  const drafts = plans.map((plan) => reversalDraft(plan, accounts));
  const existing = await tx.getEntries(plans.map((plan) => plan.id));
  if (existing.every((entry) => entry !== undefined)) {
    const { replayed, records } = await writeEntries(tx, drafts, 'posted', at);
    if (!replayed.every(Boolean)) throw idempotencyConflict('entry', plans.map((plan) => plan.id).join(', '));
    return unchanged(records.map((record) => toEntry(record, accounts)));
  }
  for (const plan of plans) checkReversible(plan.original);
  const { created, auditPayload } = await writeEntries(tx, drafts, 'posted', at);
  if (created.length !== plans.length) throw idempotencyConflict('entry', plans.map((plan) => plan.id).join(', '));
  await tx.updateEntries(created.map((reversal) => ({ id: reversal.reversesId!, reversedById: reversal.id })));
  const originals = new Map(plans.map((plan) => [plan.original.id, plan.original]));
  return {
    result: created.map((reversal) => toEntry(reversal, accounts)),
    audit: [{ action, subjectId, payload: auditPayload }],
    events: created.flatMap((reversal) => [transactionPostedEvent(reversal, accounts, at), entryReversedEvent(originals.get(reversal.reversesId!)!, reversal, at)]),
  };
}

/**
 * Reverses a posted entry with a new entry of opposite postings, linked both
 * ways (`reversesId` / `reversedById`). Nothing is edited or deleted. An entry
 * of an inter-entity flow is reversed with its twin through `reverseFlow`.
 *
 * @throws KronosError `NOT_FOUND`, `INVALID_STATE` (pending, voided, already
 *   reversed, part of a flow), `PERIOD_LOCKED`, `INSUFFICIENT_FUNDS`, `IDEMPOTENCY_CONFLICT`
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * await ledger.postEntry({ id: 'pay-1', date: '2026-01-15', description: 'Salary', postings: [{ accountId: 'ana:checking', amount: '5000.00' }, { accountId: 'ana:salary', amount: '-5000.00' }] });
 * const reversal = await ledger.reverseEntry({ id: 'pay-1-rev', entryId: 'pay-1', description: 'Posted twice' });
 * reversal.reversesId; //=> 'pay-1'
 * (await ledger.getBalance({ accountId: 'ana:checking' })).toString(); //=> '0.00'
 * ```
 */
export async function reverseEntry(context: LedgerContext, input: ReverseInput, options?: WriteOptions): Promise<Entry> {
  const parsed = parseInput(ReverseInputSchema, input, 'reversal');
  return runWrite(context, options, async (tx, at) => {
    const [original] = await tx.getEntries([parsed.entryId]);
    if (original === undefined) throw notFound('entry', parsed.entryId, 'check the id of the entry to reverse.');
    if (original.flowId !== null) {
      throw new KronosError('INVALID_STATE', `Entry '${original.id}' is one side of flow '${original.flowId}': reverse both sides together with reverseFlow.`, { entryId: original.id, flowId: original.flowId });
    }
    const outcome = await writeReversals(tx, [{ id: parsed.id, original, date: parsed.date, description: parsed.description }], at, 'entry.reversed', original.id);
    return { ...outcome, result: outcome.result[0]! };
  });
}

/** Throws unless the entry is posted and not yet reversed. */
export function checkReversible(original: EntryRecord): void {
  if (original.status !== 'posted') {
    throw new KronosError('INVALID_STATE', `Entry '${original.id}' is ${original.status}: only a posted entry can be reversed${original.status === 'pending' ? '; void it instead' : ''}.`, { entryId: original.id, status: original.status });
  }
  if (original.reversedById !== null) {
    throw new KronosError('INVALID_STATE', `Entry '${original.id}' was already reversed by '${original.reversedById}': post a new entry to change it further.`, { entryId: original.id, reversedById: original.reversedById });
  }
}

import { KronosError } from '../errors/index.js';
import { isId, parseInput, textLengthMax } from '../_internal/schemas.js';
import { isIsoDate } from '../dates/iso-date.js';
import { Money } from '../money/money.js';
import { runWrite, unchanged, type LedgerContext, type WriteOptions } from '../ledger/context.js';
import { transactionPostedEvent } from '../events/ledger-events.js';
import type { EntryRecord, EntryStatus } from '../ports/ledger-store.js';
import { EntryInputSchema, entriesPerCallMax, postingsPerEntryMax, type EntryInput } from './entry-input.js';
import { toEntry, type Entry } from './entry-view.js';
import type { EntryDraft } from './validate-entry.js';
import { writeEntries } from './write-entries.js';

/** What a batch call returns per entry: its id, its status and whether it was a repeat. */
export interface EntryReceipt {
  readonly id: string;
  readonly status: EntryStatus;
  /** True when the id was already known with the same content (nothing was written). */
  readonly replayed: boolean;
}

/** The metadata of an entry given none: one frozen object shared by all of them (every stored record would otherwise keep its own). */
const noMetadata: Readonly<Record<string, never>> = Object.freeze({});

/**
 * The common, already clean entry (no metadata, trimmed description, string
 * or Money amounts) checked without zod: the journal's hot path. It accepts a
 * strict subset of what `EntryInputSchema` accepts and builds the same draft;
 * anything else goes through the schema, which also words the errors.
 */
function draftCleanEntry(input: EntryInput, validDates: Set<string>): EntryDraft | undefined {
  if (typeof input !== 'object' || input === null || input.metadata !== undefined) return undefined;
  const { id, date, description, postings } = input;
  if (!isId(id) || typeof description !== 'string' || description.length === 0 || description.length > textLengthMax || description.trim() !== description) return undefined;
  if (typeof date !== 'string') return undefined;
  if (!validDates.has(date)) {
    if (!isIsoDate(date)) return undefined;
    validDates.add(date);
  }
  if (!Array.isArray(postings) || postings.length < 2 || postings.length > postingsPerEntryMax) return undefined;
  for (const posting of postings) {
    if (typeof posting !== 'object' || posting === null || !isId(posting.accountId)) return undefined;
    const amount: unknown = posting.amount;
    if (!(typeof amount === 'string' ? amount.length <= 64 : Money.isMoney(amount))) return undefined;
  }
  // The postings are used as given (no copy): they are converted and checked again, together, when the
  // entry is built, so a caller changing them meanwhile cannot get anything past the rules.
  return { id, date, description, metadata: noMetadata, postings, flowId: null, reversesId: null };
}

/** Parses an entry input into a draft. */
export function draftEntry(input: EntryInput, validDates: Set<string> = new Set()): EntryDraft {
  const clean = draftCleanEntry(input, validDates);
  if (clean !== undefined) return clean;
  const parsed = parseInput(EntryInputSchema, input, 'entry');
  return { ...parsed, metadata: parsed.metadata ?? {}, flowId: null, reversesId: null };
}

/**
 * Writes entries, all or none, in one unit of work with one audit record.
 * The shared core of `postEntry`, `postEntries` and `createPending`.
 */
export async function writeEntryBatch(
  context: LedgerContext,
  inputs: readonly EntryInput[],
  status: 'posted' | 'pending',
  options?: WriteOptions,
): Promise<{ records: readonly EntryRecord[]; replayed: readonly boolean[]; entries: () => Entry[] }> {
  if (inputs.length === 0 || inputs.length > entriesPerCallMax) {
    throw new KronosError('INVALID_INPUT', `A batch carries 1 to ${entriesPerCallMax} entries (got ${inputs.length}): split it.`, { count: inputs.length });
  }
  const validDates = new Set<string>();
  const drafts = inputs.map((input, index) => {
    try {
      return draftEntry(input, validDates);
    } catch (error) {
      if (inputs.length === 1 || !(error instanceof KronosError)) throw error;
      throw new KronosError(error.code, `Entry ${index} of the batch: ${error.message}`, { ...error.details, batchIndex: index });
    }
  });
  return runWrite(context, options, async (tx, at) => {
    const { records, created, replayed, accounts, auditPayload } = await writeEntries(tx, drafts, status, at);
    const result = { records, replayed, entries: () => records.map((record) => toEntry(record, accounts)) };
    if (created.length === 0) return unchanged(result);
    const events = status === 'posted' ? { types: ['transaction_posted'], build: () => created.map((entry) => transactionPostedEvent(entry, accounts, at)) } : [];
    const action = status === 'posted' ? 'entries.posted' : 'entries.pending';
    return { result, audit: [{ action, subjectId: created[0]!.id, payload: auditPayload }], events };
  });
}

/**
 * Posts a balanced entry to one entity's books. Idempotent on `id`.
 *
 * @throws KronosError `UNBALANCED_ENTRY`, `ENTITY_MISMATCH`, `PERIOD_LOCKED`,
 *   `ACCOUNT_CLOSED`, `SCALE_EXCEEDED`, `CURRENCY_MISMATCH`, `INSUFFICIENT_FUNDS`,
 *   `CREDIT_LIMIT_EXCEEDED`, `NOT_FOUND`, `IDEMPOTENCY_CONFLICT`, `INVALID_INPUT`
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * const entry = await ledger.postEntry({
 *   id: 'pay-1', date: '2026-01-15', description: 'January salary',
 *   postings: [{ accountId: 'ana:checking', amount: '5000.00' }, { accountId: 'ana:salary', amount: '-5000.00' }],
 * });
 * entry.status; //=> 'posted'
 * (await ledger.getBalance({ accountId: 'ana:checking' })).toString(); //=> '5000.00'
 * ```
 */
export async function postEntry(context: LedgerContext, input: EntryInput, options?: WriteOptions): Promise<Entry> {
  return (await writeEntryBatch(context, [input], 'posted', options)).entries()[0]!;
}

/**
 * Posts many entries at once, all or none (bounds are checked on the whole
 * batch's end-of-day balances), with one audit record. The fast path for imports.
 *
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * const pay = (id: string, amount: string) => ({ id, date: '2026-01-15', description: 'Pay', postings: [{ accountId: 'ana:checking', amount }, { accountId: 'ana:salary', amount: `-${amount}` }] });
 * (await ledger.postEntries([pay('p1', '100.00'), pay('p2', '50.00')])).map((receipt) => receipt.replayed); //=> [false, false]
 * (await ledger.postEntries([pay('p1', '100.00')])).map((receipt) => receipt.replayed); //=> [true]
 * ```
 */
export async function postEntries(context: LedgerContext, inputs: readonly EntryInput[], options?: WriteOptions): Promise<EntryReceipt[]> {
  const { records, replayed } = await writeEntryBatch(context, inputs, 'posted', options);
  return records.map((record, index) => ({ id: record.id, status: record.status, replayed: replayed[index]! }));
}

/**
 * Creates a pending entry (an ACH on its way): it holds funds against bounds
 * but moves no balance until `postPending`; `voidPending` releases it.
 *
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * await ledger.postEntry({ id: 'pay', date: '2026-01-02', description: 'Pay', postings: [{ accountId: 'ana:checking', amount: '2000.00' }, { accountId: 'ana:salary', amount: '-2000.00' }] });
 * const pending = await ledger.createPending({ id: 'ach-1', date: '2026-01-20', description: 'Rent (ACH)', postings: [{ accountId: 'ana:housing', amount: '1200.00' }, { accountId: 'ana:checking', amount: '-1200.00' }] });
 * pending.status; //=> 'pending'
 * (await ledger.getBalance({ accountId: 'ana:checking', includePending: true })).toString(); //=> '800.00'
 * ```
 */
export async function createPending(context: LedgerContext, input: EntryInput, options?: WriteOptions): Promise<Entry> {
  return (await writeEntryBatch(context, [input], 'pending', options)).entries()[0]!;
}

import { z } from 'zod';
import { KronosError } from '../errors/index.js';
import { IdSchema, parseInput } from '../_internal/schemas.js';
import { IsoDateSchema } from '../dates/iso-date.js';
import { toEntry, type Entry } from '../journal/entry-view.js';
import { loadAccounts } from '../journal/write-entries.js';
import type { LedgerContext } from '../ledger/context.js';

/** The largest page `listJournal` returns. */
export const pageSizeMax = 500;

/** Input of `listJournal`: filters, a page size and the cursor of the previous page. */
export const JournalQuerySchema = z.object({
  entityId: IdSchema.optional(),
  accountId: IdSchema.optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  status: z.enum(['pending', 'posted', 'voided']).optional(),
  flowId: IdSchema.optional(),
  /** `nextCursor` of the previous page. */
  cursor: z.string().regex(/^\d{1,15}$/, 'a cursor returned by listJournal').optional(),
  pageSize: z.number().int().min(1).max(pageSizeMax).default(100),
});
/** Input of `listJournal`. */
export type JournalQuery = z.input<typeof JournalQuerySchema>;

/** A page of the journal in the order entries were written. */
export interface JournalPage {
  readonly entries: readonly Entry[];
  /** Pass it back as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/**
 * Lists journal entries in the order they were written, filtered, a bounded
 * page at a time.
 *
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * await ledger.postEntry({ id: 'pay-1', date: '2026-01-15', description: 'Salary', postings: [{ accountId: 'ana:checking', amount: '5000.00' }, { accountId: 'ana:salary', amount: '-5000.00' }] });
 * await ledger.postEntry({ id: 'rent-1', date: '2026-01-20', description: 'Rent', postings: [{ accountId: 'ana:housing', amount: '1200.00' }, { accountId: 'ana:checking', amount: '-1200.00' }] });
 * const page = await ledger.listJournal({ entityId: 'ana', pageSize: 1 });
 * page.entries.map((entry) => entry.id); //=> ['pay-1']
 * (await ledger.listJournal({ entityId: 'ana', pageSize: 1, cursor: page.nextCursor ?? undefined })).entries.map((entry) => entry.id); //=> ['rent-1']
 * ```
 */
export async function listJournal(context: LedgerContext, query: JournalQuery = {}): Promise<JournalPage> {
  const parsed = parseInput(JournalQuerySchema, query, 'journal query');
  if (parsed.from !== undefined && parsed.to !== undefined && parsed.from > parsed.to) {
    throw new KronosError('INVALID_INPUT', `from (${parsed.from}) is after to (${parsed.to}): swap them.`, { from: parsed.from, to: parsed.to });
  }
  return context.store.transact(
    async (tx) => {
      const found = await tx.listEntries({
        ...(parsed.entityId === undefined ? {} : { entityId: parsed.entityId }),
        ...(parsed.accountId === undefined ? {} : { accountId: parsed.accountId }),
        ...(parsed.from === undefined ? {} : { dateFrom: parsed.from }),
        ...(parsed.to === undefined ? {} : { dateTo: parsed.to }),
        ...(parsed.status === undefined ? {} : { status: parsed.status }),
        ...(parsed.flowId === undefined ? {} : { flowId: parsed.flowId }),
        afterSeq: parsed.cursor === undefined ? 0 : Number(parsed.cursor),
        limit: parsed.pageSize + 1,
      });
      const page = found.slice(0, parsed.pageSize);
      const accounts = await loadAccounts(tx, page.flatMap((entry) => entry.postings.map((posting) => posting.accountId)));
      const last = page[page.length - 1];
      return { entries: page.map((entry) => toEntry(entry, accounts)), nextCursor: found.length > parsed.pageSize && last !== undefined ? String(last.seq) : null };
    },
    { readOnly: true },
  );
}

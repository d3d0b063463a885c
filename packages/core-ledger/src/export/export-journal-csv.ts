import { z } from 'zod';
import { canonicalJson } from '../_internal/canonical.js';
import { parseInput } from '../_internal/schemas.js';
import type { Entry } from '../journal/entry-view.js';
import type { Ledger } from '../ledger/create-ledger.js';
import { collect, JournalExportBaseSchema, postingAccount, readBooks, readEntries, type Books } from './read-books.js';

/** Options of `exportJournalCsv` / `streamJournalCsv`. */
export const JournalCsvOptionsSchema = JournalExportBaseSchema.extend({
  /** Also write the postings of voided entries (their `status` says so); default false. */
  includeVoided: z.boolean().default(false),
});
/** Options of `exportJournalCsv` / `streamJournalCsv`. */
export type JournalCsvOptions = z.input<typeof JournalCsvOptionsSchema>;

/** The columns of the journal CSV, in order: one row per posting. */
export const journalCsvColumns = [
  'entry_id',
  'date',
  'status',
  'entity_id',
  'account_id',
  'account_name',
  'amount',
  'currency',
  'description',
  'flow_id',
  'reverses_id',
  'reversed_by_id',
  'metadata',
] as const;

// csv-stringify's Node build reads `Buffer` as it loads; its browser build
// carries its own, so the package keeps running in browsers. Loaded on the
// first CSV export only.
async function loadStringify() {
  return (await import('csv-stringify/browser/esm/sync')).stringify;
}

function rows(entries: readonly Entry[], books: Books): string[][] {
  return entries.flatMap((entry) => {
    const metadata = Object.keys(entry.metadata).length > 0 ? canonicalJson(entry.metadata) : '';
    return entry.postings.map((posting) => {
      const account = postingAccount(books, entry, posting.accountId);
      return [entry.id, entry.date, entry.status, entry.entityId, account.id, account.name, posting.amount.toString(), posting.amount.currency.code, entry.description, entry.flowId ?? '', entry.reversesId ?? '', entry.reversedById ?? '', metadata];
    });
  });
}

/**
 * The journal as CSV, a chunk per page of entries: a header row, then one
 * row per posting (`journalCsvColumns`) with the signed amount (debit
 * positive) at the currency's scale. RFC 4180: comma-separated, CRLF
 * between records, fields with a comma, a quote or a line break quoted
 * (quotes doubled), by csv-stringify. Voided entries are left out unless
 * `includeVoided`.
 *
 * @throws KronosError `INVALID_INPUT` (options), `NOT_FOUND` (an entity named in `entityIds`)
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * await ledger.postEntry({ id: 'pay-1', date: '2026-01-15', description: 'Salary', postings: [{ accountId: 'ana:checking', amount: '5000.00' }, { accountId: 'ana:salary', amount: '-5000.00' }] });
 * const chunks: string[] = [];
 * for await (const chunk of streamJournalCsv(ledger)) chunks.push(chunk);
 * chunks.length; //=> 2
 * chunks[1]?.split('\r\n')[0]; //=> 'pay-1,2026-01-15,posted,ana,ana:checking,Assets:Bank:Checking,5000.00,USD,Salary,,,,'
 * ```
 */
export async function* streamJournalCsv(ledger: Ledger, options: JournalCsvOptions = {}): AsyncGenerator<string, void, undefined> {
  const parsed = parseInput(JournalCsvOptionsSchema, options, 'journal CSV options');
  const books = await readBooks(ledger, parsed.entityIds);
  const stringify = await loadStringify();
  const settings = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;
  yield stringify([[...journalCsvColumns]], settings);
  for await (const entries of readEntries(ledger, parsed, parsed.includeVoided)) yield stringify(rows(entries, books), settings);
}

/**
 * The journal as one CSV string (see `streamJournalCsv`); `csv-parse`
 * reads it back to the same postings.
 *
 * @throws KronosError `INVALID_INPUT` (options), `NOT_FOUND` (an entity named in `entityIds`)
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * await ledger.postEntry({ id: 'pay-1', date: '2026-01-15', description: 'Salary, "January"', postings: [{ accountId: 'ana:checking', amount: '5000.00' }, { accountId: 'ana:salary', amount: '-5000.00' }] });
 * const csv = await exportJournalCsv(ledger);
 * csv.split('\r\n')[0]; //=> 'entry_id,date,status,entity_id,account_id,account_name,amount,currency,description,flow_id,reverses_id,reversed_by_id,metadata'
 * csv.split('\r\n')[2]; //=> 'pay-1,2026-01-15,posted,ana,ana:salary,Income:Salary,-5000.00,USD,"Salary, ""January""",,,,'
 * ```
 */
export async function exportJournalCsv(ledger: Ledger, options: JournalCsvOptions = {}): Promise<string> {
  return collect(streamJournalCsv(ledger, options));
}

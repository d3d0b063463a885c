import { KronosError, entriesPerCallMax } from '@kronos/core-ledger';
import { z } from 'zod';
import { dateRangeOf, entryFor, entryIdFor, occurrenceKey, readExisting, type ImportLedger } from '../_internal/ledgerImport.js';
import { parseOptions } from '../_internal/parseOptions.js';
import { dedupeTransactions, type DedupeMatch } from './dedupeTransactions.js';
import type { ImportProgress, ImportedTransaction } from './types.js';

export type { ImportLedger } from '../_internal/ledgerImport.js';

const ledgerId = z.string().min(1).max(128).regex(/^[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/, 'a ledger id');

/** Options of `importIntoLedger`. */
export const ImportIntoLedgerOptionsSchema = z.object({
  /** The ledger account (a bank, card or brokerage cash account) of each `accountRef` in the import. */
  accounts: z.record(z.string().min(1), ledgerId),
  /** Where the other side of each entry goes until categorised (e.g. `Expenses:Uncategorized`). */
  contraAccountId: ledgerId,
  /** Picks the contra account per transaction (a rules engine); `undefined` falls back to `contraAccountId`. */
  categorize: z.custom<(transaction: ImportedTransaction) => string | undefined>((v) => typeof v === 'function').optional(),
  /** Entry ids are `<idPrefix>:<hash>`. Default `import`. */
  idPrefix: z.string().min(1).max(40).regex(/^[A-Za-z0-9][A-Za-z0-9._:/@+-]*$/).optional(),
  dateWindowDays: z.number().int().min(0).max(60).optional(),
  payeeSimilarityMin: z.number().min(0).max(1).optional(),
  /** Entries per atomic write, at most core-ledger's `entriesPerCallMax` (the default). */
  batchSize: z.number().int().min(1).max(entriesPerCallMax).optional(),
  /** Allow an import larger than one batch (several atomic writes); refused by default. */
  allowBatches: z.boolean().optional(),
  onProgress: z.custom<(progress: ImportProgress) => void>((v) => typeof v === 'function').optional(),
});
/** Options of `importIntoLedger` (see `ImportIntoLedgerOptionsSchema`). */
export type ImportIntoLedgerOptions = z.input<typeof ImportIntoLedgerOptionsSchema>;

/** What an import did. */
export interface ImportIntoLedgerResult {
  /** Records written, each with its entry id. */
  readonly written: readonly { readonly transaction: ImportedTransaction; readonly entryId: string }[];
  /** Records whose entry id the ledger already had with the same content (outside the dedupe dates): nothing written. */
  readonly replayed: readonly { readonly transaction: ImportedTransaction; readonly entryId: string }[];
  /** Records the ledger already holds (by bank id or fuzzy match); `existing` is the ledger's side. */
  readonly duplicates: readonly DedupeMatch[];
  /** Records that post a pending entry already in the ledger: settle it with `ledger.postPending` (the amount may differ). */
  readonly settled: readonly DedupeMatch[];
  /** Incoming pending records, not written: the bank sends them again once posted. */
  readonly pending: readonly ImportedTransaction[];
  /** Atomic writes made. */
  readonly batches: number;
}

type ParsedOptions = z.output<typeof ImportIntoLedgerOptionsSchema>;

function ledgerAccountOf(options: ParsedOptions, transactions: readonly ImportedTransaction[]): (t: ImportedTransaction) => string {
  const missing = [...new Set(transactions.map((t) => t.accountRef))].filter((ref) => options.accounts[ref] === undefined);
  if (missing.length > 0) {
    throw new KronosError('INVALID_INPUT', `importIntoLedger: no ledger account for ${missing.map((m) => JSON.stringify(m)).join(', ')}: add them to options.accounts. Nothing was written.`, { accountRefs: missing });
  }
  return (t) => options.accounts[t.accountRef] as string;
}

/** Dedupes against what the ledger holds, per ledger account, within the import's dates. */
async function dedupeAgainstLedger(ledger: ImportLedger, posted: readonly ImportedTransaction[], accountOf: (t: ImportedTransaction) => string, options: ParsedOptions) {
  const byLedger = new Map<ImportedTransaction, ImportedTransaction>();
  const normalised = posted.map((t) => { const n = { ...t, accountRef: accountOf(t) }; byLedger.set(n, t); return n; });
  const existing: ImportedTransaction[] = [];
  for (const accountId of new Set(normalised.map((t) => t.accountRef))) {
    const range = dateRangeOf(normalised.filter((t) => t.accountRef === accountId), options.dateWindowDays ?? 5);
    if (range !== null) existing.push(...(await readExisting(ledger, accountId, range)));
  }
  const result = dedupeTransactions(existing, normalised, {
    ...(options.dateWindowDays === undefined ? {} : { dateWindowDays: options.dateWindowDays }),
    ...(options.payeeSimilarityMin === undefined ? {} : { payeeSimilarityMin: options.payeeSimilarityMin }),
  });
  const original = (t: ImportedTransaction): ImportedTransaction => byLedger.get(t) ?? t;
  const back = (m: DedupeMatch): DedupeMatch => ({ ...m, incoming: original(m.incoming) });
  return { added: result.added.map(original), duplicates: result.duplicates.map(back), settled: result.settled.map(back) };
}

/**
 * Writes imported bank transactions into the ledger: each posted record not
 * already there becomes one balanced entry (the bank account against the
 * contra account the categoriser picks, else `contraAccountId`), with the
 * record's bank id, payee and memo in the entry's metadata.
 *
 * Atomic: the whole import is one `postEntries` call, all or none; a bad file
 * fails while parsing, before this runs, and a ledger refusal (a closed
 * period, a currency mismatch, a balance bound) writes nothing. An import
 * larger than one batch (core-ledger's `entriesPerCallMax`) is refused unless
 * `allowBatches` is set; then each batch is atomic, and because entry ids are
 * derived from the records, running the same import again after a failure
 * writes only what is missing.
 *
 * Dedupe runs against the ledger's own journal (entries of the mapped
 * accounts within the import's dates, hand-written ones included), with the
 * rules of `dedupeTransactions`. Incoming pending records are not written.
 *
 * @example
 * ```ts
 * import { createLedger, createMemoryStore } from '@kronos/core-ledger';
 * import { importIntoLedger, parseCsv } from '@kronos/adapters/import';
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana', baseCurrency: 'USD' });
 * await ledger.openAccounts([
 *   { id: 'ana:checking', entityId: 'ana', name: 'Assets:Bank:Checking', subtype: 'checking', currency: 'USD', openedOn: '2024-01-01' },
 *   { id: 'ana:uncategorized', entityId: 'ana', name: 'Expenses:Uncategorized', currency: 'USD', openedOn: '2024-01-01' },
 * ]);
 * const file = parseCsv('Date,Payee,Amount\n2024-03-01,Cafe,-4.50\n', { accountRef: 'chk', currency: 'USD', preset: 'generic' });
 * const options = { accounts: { chk: 'ana:checking' }, contraAccountId: 'ana:uncategorized' };
 * (await importIntoLedger(ledger, file.transactions, options)).written.length; //=> 1
 * (await importIntoLedger(ledger, file.transactions, options)).written.length; //=> 0
 * (await ledger.getBalance({ accountId: 'ana:checking' })).toString();         //=> '-4.50'
 * ```
 */
export async function importIntoLedger(ledger: ImportLedger, transactions: readonly ImportedTransaction[], options: ImportIntoLedgerOptions): Promise<ImportIntoLedgerResult> {
  const parsed = parseOptions(ImportIntoLedgerOptionsSchema, options, 'importIntoLedger');
  const accountOf = ledgerAccountOf(parsed, transactions);
  const pending = transactions.filter((t) => t.pending);
  const posted = transactions.filter((t) => !t.pending);
  const occurrences = new Map<ImportedTransaction, number>();
  const seen = new Map<string, number>();
  for (const t of posted) {
    const key = occurrenceKey(accountOf(t), t);
    if (key === null) continue;
    const n = seen.get(key) ?? 0;
    occurrences.set(t, n);
    seen.set(key, n + 1);
  }
  const { added, duplicates, settled } = await dedupeAgainstLedger(ledger, posted, accountOf, parsed);
  const batchSize = parsed.batchSize ?? entriesPerCallMax;
  if (added.length > batchSize && parsed.allowBatches !== true) {
    throw new KronosError('INVALID_INPUT', `importIntoLedger: ${added.length} new entries exceed one atomic batch of ${batchSize}: split the file, or pass allowBatches: true (each batch atomic, re-running is safe). Nothing was written.`, { entries: added.length, batchSize });
  }
  const prefix = parsed.idPrefix ?? 'import';
  const planned: { transaction: ImportedTransaction; entryId: string }[] = [];
  const entries = [];
  for (const t of added) {
    const entryId = entryIdFor(prefix, accountOf(t), t, occurrences.get(t) ?? 0);
    entries.push(entryFor(entryId, accountOf(t), parsed.categorize?.(t) ?? parsed.contraAccountId, t.accountRef, t));
    planned.push({ transaction: t, entryId });
  }
  const replayedIds = new Set<string>();
  let batches = 0;
  for (let start = 0; start < entries.length; start += batchSize) {
    const receipts = await ledger.postEntries(entries.slice(start, start + batchSize));
    for (const receipt of receipts) if (receipt.replayed) replayedIds.add(receipt.id);
    batches++;
    parsed.onProgress?.({ phase: 'records', done: Math.min(start + batchSize, entries.length), total: entries.length, unit: 'records' });
  }
  const written = planned.filter((p) => !replayedIds.has(p.entryId));
  const replayed = planned.filter((p) => replayedIds.has(p.entryId));
  return { written, replayed, duplicates, settled, pending, batches };
}

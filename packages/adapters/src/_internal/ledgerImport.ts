import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { addDays, format, parseISO } from 'date-fns';
import { KronosError, type EntryInput, type Ledger } from '@kronos/core-ledger';
import type { ImportedTransaction } from '../import/types.js';

/** What the import needs of a ledger: a batch write and the journal. */
export type ImportLedger = Pick<Ledger, 'postEntries' | 'listJournal'>;

/** Bounds on reading the journal back for dedupe. */
const journalPageSize = 500;
const journalPagesMax = 10_000;

/** Entry metadata values are at most 2,000 characters; descriptions 500. */
const metadataTextMax = 2000;
const descriptionMax = 500;

function shiftDate(date: string, days: number): string {
  return format(addDays(parseISO(date), days), 'yyyy-MM-dd');
}

/** The date range of the incoming records, widened by the dedupe window. */
export function dateRangeOf(transactions: readonly ImportedTransaction[], windowDays: number): { from: string; to: string } | null {
  if (transactions.length === 0) return null;
  let from = transactions[0]!.postedDate;
  let to = from;
  for (const t of transactions) {
    if (t.postedDate < from) from = t.postedDate;
    if (t.postedDate > to) to = t.postedDate;
  }
  return { from: shiftDate(from, -windowDays), to: shiftDate(to, windowDays) };
}

const textOf = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * Reads an account's journal entries in a date range back as imported
 * records (what the ledger already holds), for dedupe. Voided entries are
 * left out; entries written by hand take part too, so an imported charge
 * matches the one a person already entered.
 */
export async function readExisting(ledger: ImportLedger, accountId: string, range: { from: string; to: string }): Promise<ImportedTransaction[]> {
  const out: ImportedTransaction[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < journalPagesMax; page++) {
    const result = await ledger.listJournal({ accountId, from: range.from, to: range.to, pageSize: journalPageSize, ...(cursor === null ? {} : { cursor }) });
    for (const entry of result.entries) {
      if (entry.status === 'voided') continue;
      const posting = entry.postings.find((p) => p.accountId === accountId);
      if (posting === undefined) continue;
      const m = entry.metadata;
      out.push({
        accountRef: accountId, bankTransactionId: textOf(m['bankTransactionId']), postedDate: entry.date, amount: posting.amount,
        payee: textOf(m['payee']) ?? entry.description, memo: textOf(m['memo']), pending: entry.status === 'pending',
        category: textOf(m['category']), checkNumber: textOf(m['checkNumber']), type: textOf(m['type']), raw: {},
      });
    }
    cursor = result.nextCursor;
    if (cursor === null) return out;
  }
  throw new KronosError('INVALID_STATE', `Account ${accountId} has more than ${journalPagesMax * journalPageSize} entries in the import's dates: import a shorter period.`, { accountId });
}


/**
 * A stable entry id for an imported record: from the bank id when there is
 * one, else from its content and its position among identical records of the
 * same file, so re-sending a file re-sends the same ids (the ledger replays
 * them) while two identical same-day transactions get two ids.
 */
export function entryIdFor(prefix: string, accountId: string, t: ImportedTransaction, occurrence: number): string {
  const key = t.bankTransactionId !== null
    ? [accountId, 'id', t.bankTransactionId]
    : [accountId, t.postedDate, t.amount.currency.code, t.amount.amount.toString(), t.payee ?? '', t.memo ?? '', String(occurrence)];
  // SHA-256 (synchronous, @noble/hashes): Web Crypto's async digest costs ~50 µs a call here.
  return `${prefix}:${bytesToHex(sha256(utf8ToBytes(key.join('\u0000')))).slice(0, 32)}`;
}

/** The content key that counts identical id-less records within one file. */
export function occurrenceKey(accountId: string, t: ImportedTransaction): string | null {
  if (t.bankTransactionId !== null) return null;
  return [accountId, t.postedDate, t.amount.currency.code, t.amount.amount.toString(), t.payee ?? '', t.memo ?? ''].join('\u0000');
}

/** The balanced entry for one imported record: the bank account against the contra account. */
export function entryFor(id: string, bankAccountId: string, contraAccountId: string, accountRef: string, t: ImportedTransaction): EntryInput {
  const clip = (s: string | null): string | null => (s === null ? null : s.slice(0, metadataTextMax));
  return {
    id,
    date: t.postedDate,
    description: (t.payee ?? t.memo ?? 'Imported bank transaction').slice(0, descriptionMax),
    metadata: {
      source: 'bank-import', accountRef: clip(accountRef), bankTransactionId: clip(t.bankTransactionId), payee: clip(t.payee),
      memo: clip(t.memo), category: clip(t.category), checkNumber: clip(t.checkNumber), type: clip(t.type),
    },
    postings: [{ accountId: bankAccountId, amount: t.amount }, { accountId: contraAccountId, amount: t.amount.negate() }],
  };
}

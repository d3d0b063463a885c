import { differenceInCalendarDays, parseISO } from 'date-fns';
import { z } from 'zod';
import { parseOptions } from '../_internal/parseOptions.js';
import type { ImportedTransaction } from './types.js';

/** Options of `dedupeTransactions`. */
export const DedupeOptionsSchema = z.object({
  /** How far apart (calendar days) a pending charge and its posting may be dated. Default 5. */
  dateWindowDays: z.number().int().min(0).max(60).optional(),
  /** Least payee similarity (0..1, character-bigram Dice) for a fuzzy match. Default 0.5. */
  payeeSimilarityMin: z.number().min(0).max(1).optional(),
});
/** Options of `dedupeTransactions` (see `DedupeOptionsSchema`). */
export type DedupeOptions = z.input<typeof DedupeOptionsSchema>;

/** An incoming record paired with the one it repeats. */
export interface DedupeMatch {
  readonly incoming: ImportedTransaction;
  readonly existing: ImportedTransaction;
  /** `bank_id`: same account and bank id; `fuzzy`: same amount, near date, similar payee. */
  readonly reason: 'bank_id' | 'fuzzy';
}

/** What to do with each incoming record. */
export interface DedupeResult {
  /** New: write these. */
  readonly added: readonly ImportedTransaction[];
  /** Already there: nothing to write. */
  readonly duplicates: readonly DedupeMatch[];
  /** An existing pending item has posted: update it from `incoming` (one item, not two). */
  readonly settled: readonly DedupeMatch[];
}

const dateWindowDaysDefault = 5;
const payeeSimilarityMinDefault = 0.5;
const candidatesMax = 10_000;

function normalisePayee(t: ImportedTransaction): string {
  return (t.payee ?? t.memo ?? '').toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Similarity of two payees in 0..1: 1 when one contains the other (a
 * pending `SQ COFFEE` posting as `SQ COFFEE SEATTLE WA`), else the Dice
 * coefficient of their character bigrams. Two blanks are alike. Callers
 * pass normalised text (lower case, punctuation as spaces).
 *
 * @example
 * ```ts
 * import { payeeSimilarity } from '@kronos/adapters/import';
 * payeeSimilarity('sq blue bottle', 'sq blue bottle coffee'); //=> 1
 * payeeSimilarity('rent', 'rent');                            //=> 1
 * payeeSimilarity('netflix', 'water') < 0.2;                  //=> true
 * ```
 */
export function payeeSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  if ((a.length >= 3 && b.includes(a)) || (b.length >= 3 && a.includes(b))) return 1;
  const bigrams = (s: string): Map<string, number> => {
    const m = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) { const g = s.slice(i, i + 2); m.set(g, (m.get(g) ?? 0) + 1); }
    return m;
  };
  const x = bigrams(a);
  const y = bigrams(b);
  let shared = 0;
  for (const [g, n] of x) shared += Math.min(n, y.get(g) ?? 0);
  const total = Math.max(0, a.length - 1) + Math.max(0, b.length - 1);
  return total === 0 ? 0 : (2 * shared) / total;
}

const amountKey = (t: ImportedTransaction): string => `${t.accountRef}\u0000${t.amount.currency.code}\u0000${t.amount.amount.toString()}`;
const idKey = (t: ImportedTransaction): string | null => (t.bankTransactionId === null ? null : `${t.accountRef}\u0000${t.bankTransactionId}`);

function groupBy(records: readonly ImportedTransaction[], key: (t: ImportedTransaction) => string | null): Map<string, ImportedTransaction[]> {
  const map = new Map<string, ImportedTransaction[]>();
  for (const t of records) {
    const k = key(t);
    if (k === null) continue;
    const list = map.get(k);
    if (list) list.push(t); else map.set(k, [t]);
  }
  return map;
}

/** Ids that differ on two posted records mean two different transactions. */
function idsCompatible(incoming: ImportedTransaction, existing: ImportedTransaction): boolean {
  if (incoming.bankTransactionId === null || existing.bankTransactionId === null) return true;
  return existing.pending !== incoming.pending;
}

function bestFuzzyMatch(incoming: ImportedTransaction, candidates: readonly ImportedTransaction[], claimed: ReadonlySet<ImportedTransaction>, windowDays: number, similarityMin: number): ImportedTransaction | undefined {
  if (candidates.length === 0) return undefined;
  const payee = normalisePayee(incoming);
  const date = parseISO(incoming.postedDate);
  let best: { t: ImportedTransaction; days: number; similarity: number } | undefined;
  for (const t of candidates.slice(0, candidatesMax)) {
    if (claimed.has(t) || !idsCompatible(incoming, t)) continue;
    const days = Math.abs(differenceInCalendarDays(date, parseISO(t.postedDate)));
    if (days > windowDays) continue;
    const similarity = payeeSimilarity(payee, normalisePayee(t));
    if (similarity < similarityMin) continue;
    if (best === undefined || days < best.days || (days === best.days && similarity > best.similarity)) best = { t, days, similarity };
  }
  return best?.t;
}

/**
 * Decides, as a pure function, which incoming records are new, which repeat
 * an existing one, and which settle an existing pending one.
 *
 * Matching, in order, within one account:
 * 1. the same bank transaction id (FITID, AcctSvcrRef) is the same item;
 * 2. otherwise the same amount and currency, dates at most `dateWindowDays`
 *    apart and payees at least `payeeSimilarityMin` alike, where the two
 *    records do not both carry different bank ids while both posted (banks
 *    often give a pending item a new id when it posts). The nearest date wins,
 *    then the most similar payee.
 * Each existing record matches at most one incoming record, and incoming
 * records are never matched with one another: re-importing a file adds
 * nothing, and two genuine identical transactions on one day are both kept.
 * An existing pending record matched by a posted one lands in `settled`.
 *
 * @example
 * ```ts
 * import { dedupeTransactions } from '@kronos/adapters/import';
 * import { Money } from '@kronos/core-ledger';
 * const base = { accountRef: 'chk', bankTransactionId: null, amount: Money.of('-4.50', 'USD'), memo: null, category: null, checkNumber: null, type: null, raw: {} };
 * const pending = { ...base, postedDate: '2024-03-01', payee: 'SQ *BLUE BOTTLE', pending: true };
 * const posted = { ...base, postedDate: '2024-03-03', payee: 'SQ *BLUE BOTTLE COFFEE', pending: false };
 * const result = dedupeTransactions([pending], [posted]);
 * result.settled.length; //=> 1
 * result.added.length;   //=> 0
 * ```
 */
export function dedupeTransactions(existing: readonly ImportedTransaction[], incoming: readonly ImportedTransaction[], options: DedupeOptions = {}): DedupeResult {
  const parsed = parseOptions(DedupeOptionsSchema, options, 'dedupeTransactions');
  const windowDays = parsed.dateWindowDays ?? dateWindowDaysDefault;
  const similarityMin = parsed.payeeSimilarityMin ?? payeeSimilarityMinDefault;
  const byId = groupBy(existing, idKey);
  const byAmount = groupBy(existing, amountKey);
  const seenIds = new Map<string, ImportedTransaction>();
  const claimed = new Set<ImportedTransaction>();
  const added: ImportedTransaction[] = [];
  const duplicates: DedupeMatch[] = [];
  const settled: DedupeMatch[] = [];
  const record = (t: ImportedTransaction, match: ImportedTransaction, reason: DedupeMatch['reason']): void => {
    claimed.add(match);
    (match.pending && !t.pending ? settled : duplicates).push({ incoming: t, existing: match, reason });
  };
  for (const t of incoming) {
    const key = idKey(t);
    const sameId = key === null ? undefined : byId.get(key)?.[0] ?? seenIds.get(key);
    if (sameId !== undefined) { record(t, sameId, 'bank_id'); continue; }
    if (key !== null) seenIds.set(key, t);
    const fuzzy = bestFuzzyMatch(t, byAmount.get(amountKey(t)) ?? [], claimed, windowDays, similarityMin);
    if (fuzzy !== undefined) record(t, fuzzy, 'fuzzy');
    else added.push(t);
  }
  return { added, duplicates, settled };
}

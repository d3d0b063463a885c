import { assertIsoDate } from '../dates/iso-date.js';
import { KronosError } from '../errors/index.js';
import { Money } from '../money/money.js';

/** Most past payments an estimate averages. */
export const estimateLastNMax = 120;

/**
 * Estimates a varying bill from its past payments: the average magnitude of
 * the last `lastN` (default 3) by date, rounded half-even to the currency's
 * scale. Feed it the postings of the bill's expense account (`listJournal({
 * accountId })`) or of matched bank transactions, and store the result as the
 * bill's `amount` with `estimated: true`.
 *
 * @throws KronosError `INVALID_INPUT` for no history, a bad date or `lastN`;
 *   `CURRENCY_MISMATCH` for payments in several currencies
 * @example
 * ```ts
 * const history = [
 *   { date: '2026-01-31', amount: Money.of('-88.10', 'USD') },
 *   { date: '2026-03-31', amount: Money.of('-97.00', 'USD') },
 *   { date: '2026-02-28', amount: Money.of('-101.25', 'USD') },
 *   { date: '2025-12-31', amount: Money.of('-140.00', 'USD') },
 * ];
 * estimateBillAmount(history).toString(); //=> '95.45'
 * estimateBillAmount(history, { lastN: 1 }).toString(); //=> '97.00'
 * ```
 */
export function estimateBillAmount(history: readonly { readonly date: string; readonly amount: Money }[], options: { readonly lastN?: number } = {}): Money {
  const lastN = options.lastN ?? 3;
  if (!Number.isInteger(lastN) || lastN < 1 || lastN > estimateLastNMax) {
    throw new KronosError('INVALID_INPUT', `lastN must be a whole number from 1 to ${estimateLastNMax}, not ${String(lastN)}.`, { lastN: String(lastN) });
  }
  if (!Array.isArray(history) || history.length === 0) throw new KronosError('INVALID_INPUT', 'No past payments to estimate from: pass at least one { date, amount }.', {});
  for (const [index, item] of history.entries()) {
    assertIsoDate(item.date, `history[${index}].date`);
    if (!Money.isMoney(item.amount)) throw new KronosError('INVALID_INPUT', `history[${index}].amount must be a Money.`, { index });
  }
  const recent = history
    .map((item, index) => ({ ...item, index }))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.index - a.index))
    .slice(0, lastN);
  const unit = recent[0]!.amount.currency;
  return Money.sum(recent.map((item) => item.amount.abs()), unit).divide(String(recent.length), 'halfEven');
}

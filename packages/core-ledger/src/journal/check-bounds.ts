import { KronosError } from '../errors/index.js';
import { formatMinorUnits } from '../_internal/amount.js';
import { normalSign } from '../accounts/account-types.js';
import type { AccountRecord, EntryRecord, LedgerTx } from '../ports/ledger-store.js';

/**
 * Checks, after `entries` were written in this unit of work, that every
 * bounded account they touch stays within its bounds on every day from the
 * entry's date on, counting pending holds against it. Throws so the unit
 * rolls back.
 *
 * Why after: the end-of-day balances of every later day are what a bound
 * protects, and a back-dated entry moves all of them; asking the store for
 * the lowest and highest of them after the write is exact and one round trip.
 */
export async function checkBounds(tx: LedgerTx, entries: readonly EntryRecord[], accounts: ReadonlyMap<string, AccountRecord>): Promise<void> {
  // Earliest date each bounded account is touched from.
  let touched: Map<string, string> | undefined;
  for (const entry of entries) {
    if (entry.status === 'voided') continue;
    for (const posting of entry.postings) {
      const account = accounts.get(posting.accountId)!;
      if (account.balanceMin === null && account.balanceMax === null) continue;
      touched ??= new Map();
      const fromDate = touched.get(account.id);
      if (fromDate === undefined || entry.date < fromDate) touched.set(account.id, entry.date);
    }
  }
  if (touched === undefined) return;
  const requests = [...touched].map(([accountId, fromDate]) => ({ accountId, fromDate }));
  const windows = await tx.getBalanceWindows(requests);
  requests.forEach(({ accountId, fromDate }, index) => {
    const account = accounts.get(accountId)!;
    const window = windows[index]!;
    const sign = normalSign(account.type);
    // Lowest and highest normal balance on any day from fromDate on, holds counted against the account.
    const lowest = sign === 1n ? window.minFrom + window.pendingCredit : -(window.maxFrom + window.pendingDebit);
    const highest = sign === 1n ? window.maxFrom + window.pendingDebit : -(window.minFrom + window.pendingCredit);
    const details = () => ({ accountId, fromDate, entryIds: entryIdsTouching(entries, accountId), currency: account.currency });
    if (account.balanceMin !== null && lowest < account.balanceMin) {
      throw new KronosError('INSUFFICIENT_FUNDS', `Account '${account.name}' (${accountId}) would fall to ${formatMinorUnits(lowest, account.scale)} ${account.currency}, below its floor of ${formatMinorUnits(account.balanceMin, account.scale)}: fund it first or post a smaller amount.`, {
        ...details(),
        lowest: formatMinorUnits(lowest, account.scale),
        balanceMin: formatMinorUnits(account.balanceMin, account.scale),
      });
    }
    if (account.balanceMax !== null && highest > account.balanceMax) {
      throw new KronosError('CREDIT_LIMIT_EXCEEDED', `Account '${account.name}' (${accountId}) would reach ${formatMinorUnits(highest, account.scale)} ${account.currency}, above its limit of ${formatMinorUnits(account.balanceMax, account.scale)}: pay it down first or post a smaller amount.`, {
        ...details(),
        highest: formatMinorUnits(highest, account.scale),
        balanceMax: formatMinorUnits(account.balanceMax, account.scale),
      });
    }
  });
}

/** The first ten entries (not voided) with a posting to the account, for an error's details: collected only when one is thrown. */
function entryIdsTouching(entries: readonly EntryRecord[], accountId: string): string[] {
  const ids: string[] = [];
  for (const entry of entries) {
    if (entry.status === 'voided') continue;
    if (entry.postings.some((posting) => posting.accountId === accountId)) ids.push(entry.id);
    if (ids.length === 10) break;
  }
  return ids;
}

import { format, lastDayOfMonth, parseISO } from 'date-fns';
import { z } from 'zod';
import type { Account } from '../accounts/account-view.js';
import type { Entry } from '../journal/entry-view.js';
import type { Ledger } from '../ledger/create-ledger.js';
import type { Money } from '../money/money.js';
import { compare } from './names.js';

/**
 * Where an export asserts balances: at the end of every month with postings
 * and at the end of the export (`'monthly'`), only at the end (`'end'`), or
 * nowhere (`'none'`).
 */
export const AssertionModeSchema = z.enum(['monthly', 'end', 'none']);
/** Where an export asserts balances. */
export type AssertionMode = z.infer<typeof AssertionModeSchema>;

/** A day and the accounts whose balance at its end is asserted. */
export interface Checkpoint {
  readonly date: string;
  readonly accountIds: readonly string[];
}

/**
 * Notes which accounts each exported entry touches and in which month, then
 * plans the checkpoints: at each month end (or the export's last day, if
 * earlier) the accounts touched that month; at the last day every account
 * touched at all. A closed account is asserted at its closing day instead
 * of a later one (its balance is zero from then on).
 */
export function createActivity() {
  const months = new Map<string, Set<string>>();
  const touched = new Set<string>();
  let lastDate: string | undefined;
  return {
    note(entry: Entry): void {
      const month = entry.date.slice(0, 7);
      let accounts = months.get(month);
      if (accounts === undefined) months.set(month, (accounts = new Set()));
      for (const posting of entry.postings) {
        accounts.add(posting.accountId);
        touched.add(posting.accountId);
      }
      if (lastDate === undefined || entry.date > lastDate) lastDate = entry.date;
    },
    checkpoints(mode: AssertionMode, to: string | undefined, accounts: ReadonlyMap<string, Account>): Checkpoint[] {
      const end = to ?? lastDate;
      if (mode === 'none' || end === undefined || touched.size === 0) return [];
      const plan = new Map<string, Set<string>>();
      const add = (date: string, accountId: string): void => {
        const closedOn = accounts.get(accountId)?.closedOn ?? null;
        const day = closedOn !== null && closedOn < date ? closedOn : date;
        let ids = plan.get(day);
        if (ids === undefined) plan.set(day, (ids = new Set()));
        ids.add(accountId);
      };
      if (mode === 'monthly') {
        for (const [month, ids] of months) {
          const monthEnd = format(lastDayOfMonth(parseISO(`${month}-01`)), 'yyyy-MM-dd');
          for (const id of ids) add(monthEnd < end ? monthEnd : end, id);
        }
      }
      for (const id of touched) add(end, id);
      return [...plan.keys()].sort(compare).map((date) => ({ date, accountIds: [...plan.get(date)!].sort(compare) }));
    },
  };
}

/** Each account's balance at the end of `date`, pending entries dated by then included (as the exported file counts them). */
export async function balancesAt(ledger: Ledger, accountIds: readonly string[], date: string): Promise<Map<string, Money>> {
  const balances = new Map<string, Money>();
  for (const accountId of accountIds) balances.set(accountId, await ledger.getBalance({ accountId, asOf: date, includePending: true }));
  return balances;
}

import { z } from 'zod';
import { KronosError } from '../errors/index.js';
import { formatMinorUnits } from '../_internal/amount.js';
import { IdSchema, parseInput } from '../_internal/schemas.js';
import { IsoDateSchema } from '../dates/iso-date.js';
import { notFound, runWrite, unchanged, type LedgerContext, type WriteOptions } from '../ledger/context.js';
import { toAccount, type Account } from './account-view.js';

/** Input of `closeAccount`. */
export const CloseAccountInputSchema = z.object({ accountId: IdSchema, closedOn: IsoDateSchema });
/** Input of `closeAccount`. */
export type CloseAccountInput = z.input<typeof CloseAccountInputSchema>;

/**
 * Closes an account whose balance is zero with nothing pending and nothing
 * dated after `closedOn`. A closed account refuses new postings.
 *
 * @throws KronosError `INVALID_STATE` (balance not zero, pending holds, later postings, closed on another date), `NOT_FOUND`
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * (await ledger.closeAccount({ accountId: 'ana:cash', closedOn: '2026-03-31' })).closedOn; //=> '2026-03-31'
 * ```
 */
export async function closeAccount(context: LedgerContext, input: CloseAccountInput, options?: WriteOptions): Promise<Account> {
  const { accountId, closedOn } = parseInput(CloseAccountInputSchema, input, 'account close');
  return runWrite(context, options, async (tx) => {
    const [account] = await tx.getAccounts([accountId]);
    if (account === undefined) throw notFound('account', accountId, 'check the account id.');
    if (account.closedOn === closedOn) return unchanged(toAccount(account));
    if (account.closedOn !== null) {
      throw new KronosError('INVALID_STATE', `Account '${account.name}' was already closed on ${account.closedOn}.`, { accountId, closedOn: account.closedOn });
    }
    const [window] = await tx.getBalanceWindows([{ accountId, fromDate: closedOn }]);
    const { total, pendingDebit, pendingCredit, lastDate } = window!;
    if (total !== 0n || pendingDebit !== 0n || pendingCredit !== 0n || (lastDate !== null && lastDate > closedOn) || closedOn < account.openedOn) {
      throw new KronosError('INVALID_STATE', `Account '${account.name}' cannot close on ${closedOn}: its balance is ${formatMinorUnits(total, account.scale)} ${account.currency}${pendingDebit !== 0n || pendingCredit !== 0n ? ' with pending holds' : ''}${lastDate !== null && lastDate > closedOn ? `, with postings up to ${lastDate}` : ''}. Move the balance out, settle pending entries, and close on or after the last posting.`, {
        accountId,
        balance: formatMinorUnits(total, account.scale),
        lastDate,
      });
    }
    const closed = { ...account, closedOn };
    await tx.putAccounts([closed]);
    return { result: toAccount(closed), audit: [{ action: 'account.closed', subjectId: accountId, payload: JSON.stringify({ accountId, closedOn }) }], events: [] };
  });
}

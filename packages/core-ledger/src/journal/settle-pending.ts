import { z } from 'zod';
import { KronosError } from '../errors/index.js';
import { IdSchema, parseInput } from '../_internal/schemas.js';
import { notFound, runWrite, unchanged, type LedgerContext, type WriteOptions } from '../ledger/context.js';
import { transactionPostedEvent } from '../events/ledger-events.js';
import type { AccountRecord, EntryRecord, LedgerTx } from '../ports/ledger-store.js';
import { checkBounds } from './check-bounds.js';
import { toEntry, type Entry } from './entry-view.js';
import { loadAccounts, loadEntities } from './write-entries.js';

const SettleInputSchema = z.object({ entryId: IdSchema });
/** Input of `postPending` and `voidPending`. */
export type SettleInput = z.input<typeof SettleInputSchema>;

async function settle(context: LedgerContext, input: SettleInput, to: 'posted' | 'voided', options?: WriteOptions): Promise<Entry> {
  const { entryId } = parseInput(SettleInputSchema, input, to === 'posted' ? 'postPending input' : 'voidPending input');
  return runWrite(context, options, async (tx, at) => {
    const [entry] = await tx.getEntries([entryId]);
    if (entry === undefined) throw notFound('entry', entryId, 'create the pending entry first.');
    const accounts = await loadAccounts(tx, entry.postings.map((posting) => posting.accountId));
    if (entry.status === to) return unchanged(toEntry(entry, accounts));
    if (entry.status !== 'pending') {
      throw new KronosError('INVALID_STATE', `Entry '${entryId}' is ${entry.status}, not pending: only a pending entry can be ${to}${entry.status === 'posted' ? '; reverse it instead' : ''}.`, { entryId, status: entry.status });
    }
    const settled: EntryRecord = { ...entry, status: to };
    if (to === 'posted') await checkPostable(tx, settled, accounts);
    await tx.updateEntries([{ id: entryId, status: to }]);
    if (to === 'posted') await checkBounds(tx, [settled], accounts);
    return {
      result: toEntry(settled, accounts),
      audit: [{ action: to === 'posted' ? 'entry.pending_posted' : 'entry.pending_voided', subjectId: entryId, payload: JSON.stringify({ entryId, status: to }) }],
      events: to === 'posted' ? [transactionPostedEvent(settled, accounts, at)] : [],
    };
  });
}

async function checkPostable(tx: LedgerTx, entry: EntryRecord, accounts: ReadonlyMap<string, AccountRecord>): Promise<void> {
  for (const account of accounts.values()) {
    if (account.closedOn !== null) throw new KronosError('ACCOUNT_CLOSED', `Account '${account.name}' (${account.id}) was closed: void the pending entry '${entry.id}' instead.`, { accountId: account.id, entryId: entry.id });
  }
  const [entity] = (await loadEntities(tx, [entry.entityId])).values();
  if (entity?.closedThrough != null && entry.date <= entity.closedThrough) {
    throw new KronosError('PERIOD_LOCKED', `Pending entry '${entry.id}' is dated ${entry.date}, inside the closed period through ${entity.closedThrough}: void it and post a new entry after the close, or reopen the period.`, {
      entryId: entry.id,
      closedThrough: entity.closedThrough,
    });
  }
}

/**
 * Posts a pending entry: its hold becomes a balance at its effective date.
 * Posting an already posted entry returns it unchanged.
 *
 * @throws KronosError `NOT_FOUND`, `INVALID_STATE` (voided), `PERIOD_LOCKED`, `ACCOUNT_CLOSED`, `INSUFFICIENT_FUNDS`
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * await ledger.postEntry({ id: 'pay', date: '2026-01-02', description: 'Pay', postings: [{ accountId: 'ana:checking', amount: '2000.00' }, { accountId: 'ana:salary', amount: '-2000.00' }] });
 * await ledger.createPending({ id: 'ach-1', date: '2026-01-20', description: 'Rent (ACH)', postings: [{ accountId: 'ana:housing', amount: '1200.00' }, { accountId: 'ana:checking', amount: '-1200.00' }] });
 * (await ledger.postPending({ entryId: 'ach-1' })).status; //=> 'posted'
 * (await ledger.getBalance({ accountId: 'ana:checking' })).toString(); //=> '800.00'
 * ```
 */
export function postPending(context: LedgerContext, input: SettleInput, options?: WriteOptions): Promise<Entry> {
  return settle(context, input, 'posted', options);
}

/**
 * Voids a pending entry: its hold is released, nothing is posted. The entry stays in the journal.
 *
 * @throws KronosError `NOT_FOUND`, `INVALID_STATE` (already posted: reverse it instead)
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * await ledger.postEntry({ id: 'pay', date: '2026-01-02', description: 'Pay', postings: [{ accountId: 'ana:checking', amount: '2000.00' }, { accountId: 'ana:salary', amount: '-2000.00' }] });
 * await ledger.createPending({ id: 'ach-1', date: '2026-01-20', description: 'Rent (ACH)', postings: [{ accountId: 'ana:housing', amount: '1200.00' }, { accountId: 'ana:checking', amount: '-1200.00' }] });
 * (await ledger.voidPending({ entryId: 'ach-1' })).status; //=> 'voided'
 * (await ledger.getBalance({ accountId: 'ana:checking', includePending: true })).toString(); //=> '2000.00'
 * ```
 */
export function voidPending(context: LedgerContext, input: SettleInput, options?: WriteOptions): Promise<Entry> {
  return settle(context, input, 'voided', options);
}

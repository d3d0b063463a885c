import { createLedger, type Ledger } from '../ledger/create-ledger.js';
import { createInProcessEventBus } from '../events/in-process-event-bus.js';
import { createSequentialIds, createSteppingClock } from '../runtime/clock.js';
import { KronosError } from '../errors/index.js';
import type { EventBus } from '../ports/event-bus.js';
import type { LedgerStore } from '../ports/ledger-store.js';

/**
 * A ledger over `store` with a stepping clock and sequential ids, so every run writes the same records.
 *
 * @example
 * ```ts
 * import { createTestLedger } from '@kronos/core-ledger/testing';
 * const ledger = createTestLedger(createMemoryStore());
 * (await ledger.listEntities()).length; //=> 0
 * ```
 */
export function createTestLedger(store: LedgerStore, options: { actor?: string; events?: EventBus } = {}): Ledger {
  return createLedger({
    store,
    clock: createSteppingClock('2026-01-01T09:00:00.000Z', 1000),
    ids: createSequentialIds(),
    events: options.events ?? createInProcessEventBus(),
    actor: options.actor ?? 'tester',
  });
}

/**
 * Ana (an individual, id `ana`) and Ana Studio LLC (a single-member LLC she
 * owns, id `llc`), each with its standard chart opened on 2026-01-01, Ana's
 * checking funded with 10,000.00 USD of opening balance, plus a credit card
 * each with a 500.00 limit (`ana:card`, `llc:card`).
 *
 * @example
 * ```ts
 * import { createTestLedger, seedPersonAndLlc } from '@kronos/core-ledger/testing';
 * const ledger = createTestLedger(createMemoryStore());
 * await seedPersonAndLlc(ledger);
 * (await ledger.getBalance({ accountId: 'ana:checking' })).toString(); //=> '10000.00'
 * ```
 */
export async function seedPersonAndLlc(ledger: Ledger): Promise<void> {
  await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
  await ledger.createEntity({ id: 'llc', kind: 'single_member_llc', name: 'Ana Studio LLC', baseCurrency: 'USD', owners: [{ entityId: 'ana', share: '1' }] });
  await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
  await ledger.applyChartTemplate({ entityId: 'llc', template: 'single_member_llc', openedOn: '2026-01-01' });
  await ledger.openAccounts([
    { id: 'ana:card', entityId: 'ana', name: 'Liabilities:Visa', subtype: 'credit_card', currency: 'USD', balanceMax: '500.00', openedOn: '2026-01-01' },
    { id: 'llc:card', entityId: 'llc', name: 'Liabilities:Amex', subtype: 'credit_card', currency: 'USD', balanceMax: '500.00', openedOn: '2026-01-01' },
  ]);
  await ledger.postEntry({
    id: 'opening',
    date: '2026-01-01',
    description: 'Opening balance',
    postings: [
      { accountId: 'ana:checking', amount: '10000.00' },
      { accountId: 'ana:opening-balances', amount: '-10000.00' },
    ],
  });
}

/**
 * The error code a call fails with, or undefined when it succeeds. Non-Kronos errors are rethrown.
 *
 * @example
 * ```ts
 * import { createTestLedger, failureCode } from '@kronos/core-ledger/testing';
 * const ledger = createTestLedger(createMemoryStore());
 * await failureCode(() => ledger.getEntity('nobody')); //=> 'NOT_FOUND'
 * ```
 */
export async function failureCode(call: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await call();
  } catch (error) {
    if (error instanceof KronosError) return error.code;
    throw error;
  }
  return undefined;
}

/**
 * Everything a ledger shows, as plain JSON: entities, accounts, every journal
 * page, flows, period events, budget records, the audit log and every account's balance with
 * and without pending. Two snapshots are equal exactly when nothing changed.
 *
 * @example
 * ```ts
 * import { createTestLedger, failureCode, seedPersonAndLlc, snapshotLedger } from '@kronos/core-ledger/testing';
 * const ledger = createTestLedger(createMemoryStore());
 * await seedPersonAndLlc(ledger);
 * const before = await snapshotLedger(ledger);
 * await failureCode(() => ledger.postEntry({ id: 'x', date: '2026-01-02', description: 'x', postings: [{ accountId: 'ana:housing', amount: '1.00' }, { accountId: 'ana:checking', amount: '-2.00' }] })); //=> 'UNBALANCED_ENTRY'
 * await snapshotLedger(ledger); //=> before
 * ```
 */
export async function snapshotLedger(ledger: Ledger): Promise<unknown> {
  const entities = await ledger.listEntities();
  const accounts = [];
  const periods = [];
  const budgetRecords = [];
  for (const entity of entities) {
    accounts.push(...(await ledger.listAccounts(entity.id)));
    periods.push(...(await ledger.listPeriodEvents(entity.id)));
    budgetRecords.push(...(await ledger.budgets.listBudgetRecords(entity.id)));
  }
  const entries = [];
  let cursor: string | null = null;
  for (let page = 0; page < 10_000; page++) {
    const result: Awaited<ReturnType<Ledger['listJournal']>> = await ledger.listJournal({ pageSize: 500, ...(cursor === null ? {} : { cursor }) });
    entries.push(...result.entries);
    cursor = result.nextCursor;
    if (cursor === null) break;
  }
  const balances: Record<string, string> = {};
  for (const account of accounts) {
    balances[account.id] = `${(await ledger.getBalance({ accountId: account.id })).toString()} / ${(await ledger.getBalance({ accountId: account.id, includePending: true })).toString()}`;
  }
  const audit = [];
  for (let afterSeq = 0, page = 0; page < 10_000; page++) {
    const records = await ledger.listAudit({ afterSeq, pageSize: 1000 });
    audit.push(...records);
    if (records.length < 1000) break;
    afterSeq = records[records.length - 1]!.seq;
  }
  return JSON.parse(JSON.stringify({ entities, accounts, periods, budgetRecords, entries, flows: await ledger.listFlows(), audit, balances }));
}

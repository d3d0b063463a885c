import { applyChartTemplate, type ChartTemplateInput } from '../accounts/chart-templates.js';
import { closeAccount, type CloseAccountInput } from '../accounts/close-account.js';
import { toAccount, type Account } from '../accounts/account-view.js';
import { openAccounts, type AccountInput } from '../accounts/open-accounts.js';
import { listAudit, verifyAudit, type AuditQuery } from '../audit/audit-log.js';
import type { AuditVerification } from '../audit/hash-chain.js';
import { createEntity, toEntity, type Entity, type EntityInput } from '../entities/create-entity.js';
import { createInProcessEventBus } from '../events/in-process-event-bus.js';
import { recordFlow, toFlow, type Flow, type FlowInput } from '../flows/record-flow.js';
import { reverseFlow, type ReverseFlowInput } from '../flows/reverse-flow.js';
import { veilReport, type VeilReport, type VeilReportQuery } from '../flows/veil-report.js';
import type { EntryInput } from '../journal/entry-input.js';
import { toEntry, type Entry } from '../journal/entry-view.js';
import { createPending, postEntries, postEntry, type EntryReceipt } from '../journal/post-entries.js';
import { reverseEntry, type ReverseInput } from '../journal/reverse-entry.js';
import { postPending, voidPending, type SettleInput } from '../journal/settle-pending.js';
import { loadAccounts } from '../journal/write-entries.js';
import { closePeriod, reopenPeriod, type ClosePeriodInput, type PeriodEvent, type ReopenPeriodInput } from '../periods/close-period.js';
import type { EventBus } from '../ports/event-bus.js';
import type { AuditRecord, FlowQuery, LedgerStore, LedgerTx } from '../ports/ledger-store.js';
import type { Clock, IdGenerator } from '../ports/runtime.js';
import { createBudgets, type Budgets } from '../budgets/budgets.js';
import { getBalance, getRollup, type BalanceQuery, type RollupQuery } from '../queries/balances.js';
import { listJournal, type JournalPage, type JournalQuery } from '../queries/list-journal.js';
import { balanceSheet, incomeStatement, trialBalance, type BalanceSheet, type BalanceSheetQuery, type IncomeStatement, type IncomeStatementQuery, type TrialBalance, type TrialBalanceQuery } from '../queries/statements.js';
import { createSequentialIds, createSystemClock } from '../runtime/clock.js';
import type { Money } from '../money/money.js';
import { notFound, type LedgerContext, type WriteOptions } from './context.js';
import { bindContext } from './context-of.js';

/** What a ledger runs on. Only `store` is required. */
export interface LedgerDeps {
  readonly store: LedgerStore;
  /** Defaults to the system clock; inject one for reproducible records. */
  readonly clock?: Clock;
  /** Makes ids for accounts the ledger opens itself; defaults to `createSequentialIds()`. */
  readonly ids?: IdGenerator;
  /** Where events go after each committed write; defaults to an in-process bus. */
  readonly events?: EventBus;
  /** Who writes, recorded in the audit log; a call may override it with `{ actor }`. Defaults to `'system'`. */
  readonly actor?: string;
}

/**
 * The ledger: entities, accounts, journal, flows, periods, queries and audit
 * over one store. Every write is one atomic unit of work, idempotent on its
 * id, audited and, once committed, announced on the event bus.
 */
export interface Ledger {
  /** The bus the ledger publishes to: subscribe here. */
  readonly events: EventBus;
  /** Zero-based envelope budgets over this ledger's postings. @example `(await ledger.budgets.budgetMonth({ entityId: 'ana', month: '2026-01' })).toBeBudgeted.toString() //=> '2600.00'` */
  readonly budgets: Budgets;
  /** Creates an entity. @example `await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' })` */
  createEntity(input: EntityInput, options?: WriteOptions): Promise<Entity>;
  /** One entity, or NOT_FOUND. @example `(await ledger.getEntity('ana')).kind //=> 'individual'` */
  getEntity(id: string): Promise<Entity>;
  /** Every entity. @example `(await ledger.listEntities()).map((entity) => entity.id) //=> ['ana', 'ana-llc']` */
  listEntities(): Promise<Entity[]>;
  /** Opens one account. @example `await ledger.openAccount({ id: 'ana:checking', entityId: 'ana', name: 'Assets:Bank:Checking', subtype: 'checking', currency: 'USD', balanceMin: '0', openedOn: '2026-01-01' })` */
  openAccount(input: AccountInput, options?: WriteOptions): Promise<Account>;
  /** Opens several accounts, all or none. @example `(await ledger.openAccounts([a, b])).length //=> 2` */
  openAccounts(inputs: readonly AccountInput[], options?: WriteOptions): Promise<Account[]>;
  /** Opens a standard chart of accounts. @example `await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' })` */
  applyChartTemplate(input: ChartTemplateInput, options?: WriteOptions): Promise<Account[]>;
  /** Closes an account at zero balance. @example `(await ledger.closeAccount({ accountId: 'ana:cash', closedOn: '2026-06-30' })).closedOn //=> '2026-06-30'` */
  closeAccount(input: CloseAccountInput, options?: WriteOptions): Promise<Account>;
  /** One account, or NOT_FOUND. @example `(await ledger.getAccount('ana:checking')).name //=> 'Assets:Bank:Checking'` */
  getAccount(id: string): Promise<Account>;
  /** An entity's accounts by name. @example `(await ledger.listAccounts('ana')).length //=> 15` */
  listAccounts(entityId: string): Promise<Account[]>;
  /** Posts a balanced entry. @example `(await ledger.postEntry(entry)).status //=> 'posted'` */
  postEntry(input: EntryInput, options?: WriteOptions): Promise<Entry>;
  /** Posts a batch of entries, all or none. @example `(await ledger.postEntries([a, b])).length //=> 2` */
  postEntries(inputs: readonly EntryInput[], options?: WriteOptions): Promise<EntryReceipt[]>;
  /** Creates a pending entry that holds funds. @example `(await ledger.createPending(entry)).status //=> 'pending'` */
  createPending(input: EntryInput, options?: WriteOptions): Promise<Entry>;
  /** Posts a pending entry. @example `(await ledger.postPending({ entryId: 'ach-1' })).status //=> 'posted'` */
  postPending(input: SettleInput, options?: WriteOptions): Promise<Entry>;
  /** Voids a pending entry. @example `(await ledger.voidPending({ entryId: 'ach-1' })).status //=> 'voided'` */
  voidPending(input: SettleInput, options?: WriteOptions): Promise<Entry>;
  /** Reverses a posted entry with a new linked entry. @example `(await ledger.reverseEntry({ id: 'e1-rev', entryId: 'e1' })).reversesId //=> 'e1'` */
  reverseEntry(input: ReverseInput, options?: WriteOptions): Promise<Entry>;
  /** One entry, or NOT_FOUND. @example `(await ledger.getEntry('e1')).postings.length //=> 2` */
  getEntry(id: string): Promise<Entry>;
  /** A page of the journal. @example `(await ledger.listJournal({ entityId: 'ana' })).entries.length //=> 3` */
  listJournal(query?: JournalQuery): Promise<JournalPage>;
  /** Closes an entity's books through a date. @example `(await ledger.closePeriod({ id: 'c1', entityId: 'ana', through: '2026-01-31' })).action //=> 'close'` */
  closePeriod(input: ClosePeriodInput, options?: WriteOptions): Promise<PeriodEvent>;
  /** Reopens an entity's books from a date. @example `(await ledger.reopenPeriod({ id: 'r1', entityId: 'ana', from: '2026-01-15', reason: 'Late bill' })).closedThrough //=> '2026-01-14'` */
  reopenPeriod(input: ReopenPeriodInput, options?: WriteOptions): Promise<PeriodEvent>;
  /** Every close and reopen of an entity, oldest first. @example `(await ledger.listPeriodEvents('ana')).map((event) => event.action) //=> ['close', 'reopen']` */
  listPeriodEvents(entityId: string): Promise<PeriodEvent[]>;
  /** Records a flow between two entities. @example `(await ledger.recordFlow(flow)).entryIds //=> ['capital-1/from', 'capital-1/to']` */
  recordFlow(input: FlowInput, options?: WriteOptions): Promise<Flow>;
  /** Reverses both entries of a flow. @example `(await ledger.reverseFlow({ id: 'f1-rev', flowId: 'f1', reason: 'Wrong amount' })).length //=> 2` */
  reverseFlow(input: ReverseFlowInput, options?: WriteOptions): Promise<Entry[]>;
  /** One flow and its document, or NOT_FOUND. @example `(await ledger.getFlow('capital-1')).kind //=> 'equity_contribution'` */
  getFlow(id: string): Promise<Flow>;
  /** Flow documents, oldest first, optionally of one entity and within dates. @example `(await ledger.listFlows({ entityId: 'ana' })).length //=> 2` */
  listFlows(query?: FlowQuery): Promise<Flow[]>;
  /** The veil report for a period. @example `(await ledger.veilReport({ from: '2026-01-01', to: '2026-12-31' })).ok //=> true` */
  veilReport(query: VeilReportQuery): Promise<VeilReport>;
  /** An account's balance as of a day. @example `(await ledger.getBalance({ accountId: 'ana:checking' })).toString() //=> '4000.00'` */
  getBalance(query: BalanceQuery): Promise<Money>;
  /** A branch of the account tree's balance, per currency. @example `(await ledger.getRollup({ entityId: 'ana', name: 'Assets' })).map(String) //=> ['4000.00']` */
  getRollup(query: RollupQuery): Promise<Money[]>;
  /** The trial balance. @example `(await ledger.trialBalance()).balanced //=> true` */
  trialBalance(query?: TrialBalanceQuery): Promise<TrialBalance>;
  /** An entity's balance sheet. @example `(await ledger.balanceSheet({ entityId: 'ana', asOf: '2026-01-31' })).balanced //=> true` */
  balanceSheet(query: BalanceSheetQuery): Promise<BalanceSheet>;
  /** An entity's income statement. @example `(await ledger.incomeStatement({ entityId: 'ana', from: '2026-01-01', to: '2026-01-31' })).netIncome.map(String) //=> ['5000.00']` */
  incomeStatement(query: IncomeStatementQuery): Promise<IncomeStatement>;
  /** A page of the audit log. @example `(await ledger.listAudit())[0]?.action //=> 'entity.created'` */
  listAudit(query?: AuditQuery): Promise<readonly AuditRecord[]>;
  /** Re-hashes the audit chain. @example `(await ledger.verifyAudit()).ok //=> true` */
  verifyAudit(): Promise<AuditVerification>;
}

/**
 * Creates a ledger over a store.
 *
 * @example
 * ```ts
 * import { createLedger, createMemoryStore } from '@kronos/core-ledger';
 * const ledger = createLedger({ store: createMemoryStore(), actor: 'ana' });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * (await ledger.trialBalance()).balanced; //=> true
 * ```
 */
export function createLedger(deps: LedgerDeps): Ledger {
  const context: LedgerContext = {
    store: deps.store,
    clock: deps.clock ?? createSystemClock(),
    ids: deps.ids ?? createSequentialIds(),
    events: deps.events ?? createInProcessEventBus(),
    actor: deps.actor ?? 'system',
  };
  const read = <T>(work: (tx: LedgerTx) => Promise<T>): Promise<T> => context.store.transact(work, { readOnly: true });
  return bindContext<Ledger>(context, {
    events: context.events,
    budgets: createBudgets(context),
    createEntity: (input, options) => createEntity(context, input, options),
    getEntity: (id) => read(async (tx) => toEntity((await tx.getEntities([id]))[0] ?? missing('entity', id))),
    listEntities: () => read(async (tx) => (await tx.listEntities()).map(toEntity)),
    openAccount: async (input, options) => (await openAccounts(context, [input], options))[0]!,
    openAccounts: (inputs, options) => openAccounts(context, inputs, options),
    applyChartTemplate: (input, options) => applyChartTemplate(context, input, options),
    closeAccount: (input, options) => closeAccount(context, input, options),
    getAccount: (id) => read(async (tx) => toAccount((await tx.getAccounts([id]))[0] ?? missing('account', id))),
    listAccounts: (entityId) => read(async (tx) => (await tx.listAccounts(entityId)).map(toAccount)),
    postEntry: (input, options) => postEntry(context, input, options),
    postEntries: (inputs, options) => postEntries(context, inputs, options),
    createPending: (input, options) => createPending(context, input, options),
    postPending: (input, options) => postPending(context, input, options),
    voidPending: (input, options) => voidPending(context, input, options),
    reverseEntry: (input, options) => reverseEntry(context, input, options),
    getEntry: (id) =>
      read(async (tx) => {
        const entry = (await tx.getEntries([id]))[0] ?? missing('entry', id);
        return toEntry(entry, await loadAccounts(tx, entry.postings.map((posting) => posting.accountId)));
      }),
    listJournal: (query) => listJournal(context, query),
    closePeriod: (input, options) => closePeriod(context, input, options),
    reopenPeriod: (input, options) => reopenPeriod(context, input, options),
    listPeriodEvents: (entityId) => read(async (tx) => (await tx.listPeriodEvents(entityId)).map(({ fingerprint: _fingerprint, ...event }) => event)),
    recordFlow: (input, options) => recordFlow(context, input, options),
    reverseFlow: (input, options) => reverseFlow(context, input, options),
    getFlow: (id) => read(async (tx) => toFlow((await tx.getFlows([id]))[0] ?? missing('flow', id))),
    listFlows: (query = {}) => read(async (tx) => (await tx.listFlows(query)).map(toFlow)),
    veilReport: (query) => veilReport(context, query),
    getBalance: (query) => getBalance(context, query),
    getRollup: (query) => getRollup(context, query),
    trialBalance: (query) => trialBalance(context, query),
    balanceSheet: (query) => balanceSheet(context, query),
    incomeStatement: (query) => incomeStatement(context, query),
    listAudit: (query) => listAudit(context, query),
    verifyAudit: () => verifyAudit(context),
  });
}

function missing(kind: string, id: string): never {
  throw notFound(kind, id, 'check the id.');
}

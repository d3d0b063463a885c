import type { LedgerContext, WriteOptions } from '../ledger/context.js';
import { budgetMonth, type BudgetMonth, type BudgetMonthQuery } from './budget-month.js';
import { loadBudgetPlan } from './budget-plan.js';
import {
  assignMoney,
  configureBudget,
  defineEnvelope,
  holdForNextMonth,
  moveMoney,
  setEnvelopePolicy,
  toBudgetAction,
  type AssignInput,
  type BudgetAction,
  type ConfigureBudgetInput,
  type EnvelopeInput,
  type EnvelopePolicyInput,
  type HoldInput,
  type MoveInput,
} from './budget-records.js';
import { moneyFlow, type MoneyFlow } from './money-flow.js';

/**
 * Zero-based envelope budgets over the ledger (`ledger.budgets`). Writes are
 * budget records (never money): atomic, audited and idempotent on their id
 * like entries. Months and money flows are derived from postings and records.
 */
export interface Budgets {
  /** Sets the on-budget accounts. @example `await ledger.budgets.configureBudget({ id: 'setup', entityId: 'ana', onBudgetAccountIds: ['ana:checking', 'ana:card'] })` */
  configureBudget(input: ConfigureBudgetInput, options?: WriteOptions): Promise<BudgetAction>;
  /** Defines a spending envelope over category accounts. @example `await ledger.budgets.defineEnvelope({ id: 'food', entityId: 'ana', name: 'Food', categoryAccountIds: ['ana:groceries'] })` */
  defineEnvelope(input: EnvelopeInput, options?: WriteOptions): Promise<BudgetAction>;
  /** Changes an envelope's rollover or overspending policy from a month on. @example `await ledger.budgets.setEnvelopePolicy({ id: 'p1', entityId: 'ana', envelopeId: 'fun', from: '2026-03', rollover: 'reset' })` */
  setEnvelopePolicy(input: EnvelopePolicyInput, options?: WriteOptions): Promise<BudgetAction>;
  /** Assigns money from to-be-budgeted to an envelope. @example `await ledger.budgets.assignMoney({ id: 'a1', entityId: 'ana', month: '2026-01', envelopeId: 'food', amount: '400.00' })` */
  assignMoney(input: AssignInput, options?: WriteOptions): Promise<BudgetAction>;
  /** Moves money between envelopes. @example `await ledger.budgets.moveMoney({ id: 'm1', entityId: 'ana', month: '2026-01', fromEnvelopeId: 'fun', toEnvelopeId: 'food', amount: '25.00' })` */
  moveMoney(input: MoveInput, options?: WriteOptions): Promise<BudgetAction>;
  /** Holds part of to-be-budgeted for next month. @example `await ledger.budgets.holdForNextMonth({ id: 'h1', entityId: 'ana', month: '2026-01', amount: '1000.00' })` */
  holdForNextMonth(input: HoldInput, options?: WriteOptions): Promise<BudgetAction>;
  /** A month: to-be-budgeted and every envelope. @example `(await ledger.budgets.budgetMonth({ entityId: 'ana', month: '2026-01' })).toBeBudgeted.toString() //=> '2600.00'` */
  budgetMonth(query: BudgetMonthQuery): Promise<BudgetMonth>;
  /** A month's money flow as Sankey nodes and links. @example `(await ledger.budgets.moneyFlow({ entityId: 'ana', month: '2026-01' })).links.length //=> 5` */
  moneyFlow(query: BudgetMonthQuery): Promise<MoneyFlow>;
  /** An entity's budget records, oldest first. @example `(await ledger.budgets.listBudgetRecords('ana')).map((record) => record.kind) //=> ['settings', 'envelope', 'assign']` */
  listBudgetRecords(entityId: string): Promise<BudgetAction[]>;
}

/**
 * The budgets of a ledger; `createLedger` exposes them as `ledger.budgets`.
 *
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * await ledger.budgets.configureBudget({ id: 'setup', entityId: 'ana', onBudgetAccountIds: ['ana:checking'] });
 * (await ledger.budgets.listBudgetRecords('ana')).map((record) => record.kind); //=> ['settings']
 * await ledger.budgets.listBudgetRecords('nobody'); // throws NOT_FOUND
 * ```
 */
export function createBudgets(context: LedgerContext): Budgets {
  return {
    configureBudget: (input, options) => configureBudget(context, input, options),
    defineEnvelope: (input, options) => defineEnvelope(context, input, options),
    setEnvelopePolicy: (input, options) => setEnvelopePolicy(context, input, options),
    assignMoney: (input, options) => assignMoney(context, input, options),
    moveMoney: (input, options) => moveMoney(context, input, options),
    holdForNextMonth: (input, options) => holdForNextMonth(context, input, options),
    budgetMonth: (query) => budgetMonth(context, query),
    moneyFlow: (query) => moneyFlow(context, query),
    listBudgetRecords: (entityId) => context.store.transact(async (tx) => (await loadBudgetPlan(tx, entityId)).records.map(toBudgetAction), { readOnly: true }),
  };
}

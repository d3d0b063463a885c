import { parseInput } from '../_internal/schemas.js';
import type { LedgerContext } from '../ledger/context.js';
import type { Currency } from '../money/currency.js';
import { Money } from '../money/money.js';
import { BudgetMonthQuerySchema, computeMonth, type BudgetMonthQuery } from './budget-month.js';

/** What a node of a money-flow chart stands for. */
export type MoneyFlowNodeKind = 'income' | 'budget' | 'envelope' | 'category' | 'carryover' | 'available' | 'overspent' | 'uncategorized';

/** A node of a money-flow chart. */
export interface MoneyFlowNode {
  readonly id: string;
  readonly label: string;
  readonly kind: MoneyFlowNodeKind;
}

/** A link of a money-flow chart: `value` is a positive decimal string in the budget currency. */
export interface MoneyFlowLink {
  readonly source: string;
  readonly target: string;
  readonly value: string;
}

/** A month's money flow in the shape Sankey charts take (d3-sankey, ECharts: `nodes` and `links`). */
export interface MoneyFlow {
  readonly entityId: string;
  readonly month: string;
  readonly currency: Currency;
  readonly nodes: readonly MoneyFlowNode[];
  readonly links: readonly MoneyFlowLink[];
}

/** Node ids that are not accounts or envelopes. */
const fixedNodes = {
  budget: { id: 'to-be-budgeted', label: 'To be budgeted', kind: 'budget' },
  left: { id: 'left-to-budget', label: 'Left to budget', kind: 'available' },
  earlier: { id: 'budgeted-earlier', label: 'From earlier months', kind: 'carryover' },
  carriedIn: { id: 'carried-in', label: 'Carried over', kind: 'carryover' },
  carriedDebt: { id: 'carried-debt', label: 'Debt and overspending carried over', kind: 'carryover' },
  available: { id: 'available', label: 'Left in envelopes', kind: 'available' },
  overspent: { id: 'overspent', label: 'Overspent', kind: 'overspent' },
} as const satisfies Record<string, MoneyFlowNode>;

/**
 * A month's money flow: income sources into to-be-budgeted, to-be-budgeted
 * into envelopes (net of assignments and moves), envelopes into their
 * spending categories. Every envelope node conserves money: what flows in
 * (carried over, budgeted, refunds, overspending) equals what flows out
 * (spending, money taken back, what is left), and so does to-be-budgeted
 * (its difference goes to "Left to budget" or comes "From earlier months").
 * Node ids: `to-be-budgeted`, `envelope:<id>`, `account:<id>` for income
 * sources, categories and uncategorised outflows, and the fixed ids
 * `carried-in`, `carried-debt`, `available`, `overspent`, `left-to-budget`,
 * `budgeted-earlier`. Values are decimal strings: convert with `Number(value)`
 * at the chart, never for arithmetic. A node appears only with a link.
 *
 * @throws KronosError `NOT_FOUND` (entity), `INVALID_STATE` (budget not configured), `INVALID_INPUT` (bad month)
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * await ledger.budgets.configureBudget({ id: 'setup', entityId: 'ana', onBudgetAccountIds: ['ana:checking'] });
 * await ledger.budgets.defineEnvelope({ id: 'food', entityId: 'ana', name: 'Food', categoryAccountIds: ['ana:groceries'] });
 * await ledger.postEntry({ id: 'pay', date: '2026-01-02', description: 'Salary', postings: [{ accountId: 'ana:checking', amount: '3000.00' }, { accountId: 'ana:salary', amount: '-3000.00' }] });
 * await ledger.budgets.assignMoney({ id: 'a1', entityId: 'ana', month: '2026-01', envelopeId: 'food', amount: '400.00' });
 * await ledger.postEntry({ id: 'shop', date: '2026-01-09', description: 'Groceries', postings: [{ accountId: 'ana:groceries', amount: '120.00' }, { accountId: 'ana:checking', amount: '-120.00' }] });
 * const flow = await ledger.budgets.moneyFlow({ entityId: 'ana', month: '2026-01' });
 * flow.links.map((link) => `${link.source} > ${link.target}: ${link.value}`);
 * //=> ['account:ana:salary > to-be-budgeted: 3000.00', 'to-be-budgeted > envelope:food: 400.00', 'envelope:food > account:ana:groceries: 120.00', 'envelope:food > available: 280.00', 'to-be-budgeted > left-to-budget: 2600.00']
 * ```
 */
export async function moneyFlow(context: LedgerContext, query: BudgetMonthQuery): Promise<MoneyFlow> {
  const parsed = parseInput(BudgetMonthQuerySchema, query, 'money flow query');
  const { plan, units } = await computeMonth(context, parsed.entityId, parsed.month);
  const nodes = new Map<string, MoneyFlowNode>();
  const links: MoneyFlowLink[] = [];
  const accountNode = (accountId: string, kind: MoneyFlowNodeKind): MoneyFlowNode => ({ id: `account:${accountId}`, label: plan.accounts.get(accountId)?.name ?? accountId, kind });
  /** A signed amount flowing into `into` from `other` (negative: out of `into` to `other`). */
  const flow = (into: MoneyFlowNode, other: MoneyFlowNode, amount: bigint): void => {
    if (amount === 0n) return;
    const [source, target] = amount > 0n ? [other, into] : [into, other];
    nodes.set(source.id, source);
    nodes.set(target.id, target);
    links.push({ source: source.id, target: target.id, value: Money.fromMinorUnits(amount > 0n ? amount : -amount, plan.unit).toString() });
  };
  let budgetNet = 0n;
  for (const [accountId, amount] of units.unmapped) {
    flow(fixedNodes.budget, accountNode(accountId, amount > 0n ? 'income' : 'uncategorized'), amount);
    budgetNet += amount;
  }
  for (const item of units.envelopes) {
    const node: MoneyFlowNode = { id: `envelope:${item.envelope.id}`, label: item.envelope.name, kind: 'envelope' };
    flow(node, item.rolloverIn > 0n ? fixedNodes.carriedIn : fixedNodes.carriedDebt, item.rolloverIn);
    flow(node, fixedNodes.budget, item.assigned + item.moved);
    budgetNet -= item.assigned + item.moved;
    for (const accountId of item.envelope.categoryAccountIds) flow(node, accountNode(accountId, 'category'), units.categoryActivity.get(accountId) ?? 0n);
    flow(node, item.available > 0n ? fixedNodes.available : fixedNodes.overspent, -item.available);
  }
  flow(fixedNodes.budget, budgetNet > 0n ? fixedNodes.left : fixedNodes.earlier, -budgetNet);
  return { entityId: plan.entity.id, month: units.month, currency: plan.unit, nodes: [...nodes.values()], links };
}

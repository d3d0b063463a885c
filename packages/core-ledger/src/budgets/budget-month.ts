import { z } from 'zod';
import { IdSchema, parseInput } from '../_internal/schemas.js';
import type { LedgerContext } from '../ledger/context.js';
import type { Currency } from '../money/currency.js';
import { Money } from '../money/money.js';
import type { EntryRecord, LedgerTx } from '../ports/ledger-store.js';
import { walkBudget, type BudgetMonthUnits } from './budget-engine.js';
import { MonthSchema, lastDayOf, loadBudgetPlan, requireOnBudget, type BudgetPlan, type OverspendingPolicy, type RolloverPolicy } from './budget-plan.js';

/** Entries read per page while a budget is computed. */
export const budgetEntryPageSize = 1000;
/** Most pages one budget computation reads (a bound on the loop: 10^7 entries). */
export const budgetEntryPagesMax = 10_000;

/** Input of `budgetMonth`. */
export const BudgetMonthQuerySchema = z.object({ entityId: IdSchema, month: MonthSchema });
/** Input of `budgetMonth`. */
export type BudgetMonthQuery = z.input<typeof BudgetMonthQuerySchema>;

/** One envelope in one month. */
export interface EnvelopeMonth {
  readonly envelopeId: string;
  readonly name: string;
  /** `spending` covers category accounts; `card_payment` holds what is owed on an on-budget credit card. */
  readonly kind: 'spending' | 'card_payment';
  /** Policies in effect this month (null for card payment envelopes, which always carry). */
  readonly policy: { readonly rollover: RolloverPolicy; readonly overspending: OverspendingPolicy } | null;
  /** What the previous month handed on (negative: debt or overspending carried). */
  readonly rolloverIn: Money;
  /** Net of this month's assignments. */
  readonly assigned: Money;
  /** Net of this month's moves in and out. */
  readonly moved: Money;
  /** Net change of its categories this month (spending negative, refunds positive). */
  readonly activity: Money;
  /** rolloverIn + assigned + moved + activity. */
  readonly available: Money;
  /** Overspending paid in cash: taken from next month's to-be-budgeted (under `reduce_next_month`). */
  readonly overspentCash: Money;
  /**
   * Overspending paid by card: becomes debt in the card's payment envelope (under `reduce_next_month`).
   * On a payment envelope: the credit overspending of this month that arrives as its debt next month.
   */
  readonly overspentCredit: Money;
  /** The card of a payment envelope, else null. */
  readonly cardAccountId: string | null;
  /** What is owed on that card at the end of the month (positive: debt), else null. */
  readonly cardBalance: Money | null;
  /** Cash set aside to pay the card: cardBalance + available - overspentCredit (the debt no envelope covered is not set aside), else null. */
  readonly paymentAvailable: Money | null;
}

/** A budget month: to-be-budgeted and every envelope. */
export interface BudgetMonth {
  readonly entityId: string;
  readonly month: string;
  readonly currency: Currency;
  /** Money into on-budget accounts from income and other uncategorised sources this month. */
  readonly income: Money;
  /** Money out of on-budget accounts to accounts no envelope covers this month (taken from to-be-budgeted). */
  readonly uncategorized: Money;
  /** Net of this month's assignments, all envelopes. */
  readonly assigned: Money;
  /** Cash overspending of the month before, taken from this month's to-be-budgeted. */
  readonly overspentCashFromLastMonth: Money;
  /** Leftovers of `reset` envelopes of the month before, returned to to-be-budgeted. */
  readonly returnedFromLastMonth: Money;
  /** What the month before held for this one (already in to-be-budgeted). */
  readonly heldFromLastMonth: Money;
  /** What this month holds for the next (not in to-be-budgeted). */
  readonly heldForNextMonth: Money;
  /** Money left to assign; negative when more was assigned than there is. */
  readonly toBeBudgeted: Money;
  readonly envelopes: readonly EnvelopeMonth[];
  /** The on-budget accounts' balance at the end of the month, read from the ledger's balances. */
  readonly onBudgetBalance: Money;
}

/** Every posted entry of an entity dated on or before `dateTo`, a bounded page at a time. */
export async function loadPostedEntries(tx: LedgerTx, entityId: string, dateTo: string): Promise<EntryRecord[]> {
  const entries: EntryRecord[] = [];
  let afterSeq = 0;
  for (let page = 0; page < budgetEntryPagesMax; page++) {
    const found = await tx.listEntries({ entityId, status: 'posted', dateTo, afterSeq, limit: budgetEntryPageSize });
    entries.push(...found);
    if (found.length < budgetEntryPageSize) break;
    afterSeq = found[found.length - 1]!.seq;
  }
  return entries;
}

/** A computed month with the plan and the on-budget balances at its end. */
export interface ComputedMonth {
  readonly plan: BudgetPlan;
  readonly units: BudgetMonthUnits;
  /** Balance of each on-budget account at the end of the month, minor units, debit positive. */
  readonly balances: ReadonlyMap<string, bigint>;
}

/** Reads what a month needs and walks the budget to it, in one read-only unit of work. */
export async function computeMonth(context: LedgerContext, entityId: string, month: string): Promise<ComputedMonth> {
  return context.store.transact(
    async (tx) => {
      const plan = await loadBudgetPlan(tx, entityId);
      const onBudget = requireOnBudget(plan);
      const dateTo = lastDayOf(month);
      const entries = await loadPostedEntries(tx, entityId, dateTo);
      const amounts = await tx.getBalancesAsOf(onBudget.map((account) => account.id), dateTo, false);
      const balances = new Map(onBudget.map((account, index) => [account.id, amounts[index]!]));
      return { plan, units: walkBudget(plan, entries, month), balances };
    },
    { readOnly: true },
  );
}

/**
 * A budget month: to-be-budgeted and every envelope's rollover, assignments,
 * moves, activity and available balance, computed from the ledger's postings
 * and the budget records (envelopes are never a second copy of the money).
 *
 * The rules: income lands in to-be-budgeted; an envelope's leftover carries
 * to the next month (or returns to to-be-budgeted under `rollover: 'reset'`);
 * an overspent envelope starts the next month at zero: the part paid in cash
 * is taken from next month's to-be-budgeted, the part paid by credit card
 * becomes debt in that card's payment envelope and leaves to-be-budgeted
 * alone (under `overspending: 'carry'` the negative balance stays in the
 * envelope instead). A hold moves part of to-be-budgeted to the next month.
 * Conservation: the envelopes' available, plus to-be-budgeted, plus the hold,
 * equal `onBudgetBalance` in every month.
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
 * const january = await ledger.budgets.budgetMonth({ entityId: 'ana', month: '2026-01' });
 * january.toBeBudgeted.toString(); //=> '2600.00'
 * january.envelopes[0]?.available.toString(); //=> '280.00'
 * january.onBudgetBalance.toString(); //=> '2880.00'
 * ```
 */
export async function budgetMonth(context: LedgerContext, query: BudgetMonthQuery): Promise<BudgetMonth> {
  const parsed = parseInput(BudgetMonthQuerySchema, query, 'budget month query');
  const { plan, units, balances } = await computeMonth(context, parsed.entityId, parsed.month);
  const money = (units_: bigint): Money => Money.fromMinorUnits(units_, plan.unit);
  let onBudgetBalance = 0n;
  for (const amount of balances.values()) onBudgetBalance += amount;
  return {
    entityId: plan.entity.id,
    month: units.month,
    currency: plan.unit,
    income: money(units.income),
    uncategorized: money(units.uncategorized),
    assigned: money(units.assigned),
    overspentCashFromLastMonth: money(units.overspentCashFromLastMonth),
    returnedFromLastMonth: money(units.returnedFromLastMonth),
    heldFromLastMonth: money(units.heldFromLastMonth),
    heldForNextMonth: money(units.heldForNextMonth),
    toBeBudgeted: money(units.toBeBudgeted),
    envelopes: units.envelopes.map((item) => {
      const card = item.envelope.cardAccountId;
      const owed = card === null ? null : -(balances.get(card) ?? 0n);
      return {
        envelopeId: item.envelope.id,
        name: item.envelope.name,
        kind: item.envelope.kind,
        policy: item.policy,
        rolloverIn: money(item.rolloverIn),
        assigned: money(item.assigned),
        moved: money(item.moved),
        activity: money(item.activity),
        available: money(item.available),
        overspentCash: money(item.overspentCash),
        overspentCredit: money(item.overspentCredit),
        cardAccountId: card,
        cardBalance: owed === null ? null : money(owed),
        paymentAvailable: owed === null ? null : money(owed + item.available - item.overspentCredit),
      };
    }),
    onBudgetBalance: money(onBudgetBalance),
  };
}

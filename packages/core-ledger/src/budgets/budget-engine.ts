import { KronosError } from '../errors/index.js';
import type { EntryRecord } from '../ports/ledger-store.js';
import { budgetMonthsMax, monthNumber, monthOfNumber, policyAt, type BudgetPlan, type EnvelopeDefinition, type OverspendingPolicy, type RolloverPolicy } from './budget-plan.js';

/** What the postings of one month did, in minor units, debit positive. */
interface MonthPostings {
  /** Per envelope: its categories' net change seen from the envelope (spending negative, refunds positive). */
  readonly activity: Map<string, bigint>;
  /** Per envelope, per credit card: the part of `activity` paid with that card. */
  readonly cardActivity: Map<string, Map<string, bigint>>;
  /** Per category account: its net change seen from the envelope (for money-flow charts). */
  readonly categoryActivity: Map<string, bigint>;
  /** Per off-budget account that is no category: money it sent into on-budget accounts (negative: money sent to it). */
  readonly unmapped: Map<string, bigint>;
}

/** One envelope in one month, minor units. */
export interface EnvelopeMonthUnits {
  readonly envelope: EnvelopeDefinition;
  readonly policy: { readonly rollover: RolloverPolicy; readonly overspending: OverspendingPolicy } | null;
  readonly rolloverIn: bigint;
  readonly assigned: bigint;
  readonly moved: bigint;
  readonly activity: bigint;
  readonly available: bigint;
  readonly overspentCash: bigint;
  readonly overspentCredit: bigint;
}

/** A budget month in minor units, with the per-account detail money-flow charts need. */
export interface BudgetMonthUnits {
  readonly month: string;
  readonly income: bigint;
  readonly uncategorized: bigint;
  readonly assigned: bigint;
  readonly overspentCashFromLastMonth: bigint;
  readonly returnedFromLastMonth: bigint;
  readonly heldFromLastMonth: bigint;
  readonly heldForNextMonth: bigint;
  readonly toBeBudgeted: bigint;
  readonly envelopes: readonly EnvelopeMonthUnits[];
  readonly categoryActivity: ReadonlyMap<string, bigint>;
  readonly unmapped: ReadonlyMap<string, bigint>;
}

const add = <K>(map: Map<K, bigint>, key: K, amount: bigint): void => void map.set(key, (map.get(key) ?? 0n) + amount);

function monthPostingsOf(byMonth: Map<string, MonthPostings>, month: string): MonthPostings {
  let found = byMonth.get(month);
  if (found === undefined) byMonth.set(month, (found = { activity: new Map(), cardActivity: new Map(), categoryActivity: new Map(), unmapped: new Map() }));
  return found;
}

/**
 * Sorts the postings of posted entries that touch on-budget accounts into
 * envelope activity and flows to or from to-be-budgeted. Entries that touch
 * no on-budget account (a card off budget, a brokerage trade) and postings in
 * other currencies are left out: they move no budgeted money. A transfer
 * between two on-budget accounts has no off-budget posting, so it is neutral.
 * Activity paid only from credit cards counts as card spending (on the first
 * card of the entry); an entry that mixes cash and cards counts as cash.
 */
function sortPostings(plan: BudgetPlan, entries: readonly EntryRecord[]): Map<string, MonthPostings> {
  const onBudget = new Map((plan.onBudget ?? []).map((account) => [account.id, account]));
  const byMonth = new Map<string, MonthPostings>();
  for (const entry of entries) {
    if (entry.status !== 'posted') continue;
    let touches = false;
    let cash = false;
    let card: string | undefined;
    for (const posting of entry.postings) {
      const account = onBudget.get(posting.accountId);
      if (account === undefined) continue;
      touches = true;
      if (account.subtype === 'credit_card') card ??= account.id;
      else cash = true;
    }
    if (!touches) continue;
    const month = monthPostingsOf(byMonth, entry.date.slice(0, 7));
    for (const posting of entry.postings) {
      if (onBudget.has(posting.accountId)) continue;
      const account = plan.accounts.get(posting.accountId);
      if (account === undefined || account.currency !== plan.unit.code || account.scale !== plan.unit.scale) continue;
      const seen = -posting.amount;
      const envelopeId = plan.envelopeOfAccount.get(posting.accountId);
      if (envelopeId === undefined) {
        add(month.unmapped, posting.accountId, seen);
        continue;
      }
      add(month.activity, envelopeId, seen);
      add(month.categoryActivity, posting.accountId, seen);
      if (card !== undefined && !cash) {
        let perCard = month.cardActivity.get(envelopeId);
        if (perCard === undefined) month.cardActivity.set(envelopeId, (perCard = new Map()));
        add(perCard, card, seen);
      }
    }
  }
  return byMonth;
}

/**
 * Assignments and moves per month and envelope, and holds per month (the
 * latest written wins). Assignments and moves naming an envelope the plan no
 * longer has (the payment envelope of a card taken off budget) are left out,
 * so that money is back in to-be-budgeted.
 */
function sortRecords(plan: BudgetPlan) {
  const assigned = new Map<string, Map<string, bigint>>();
  const moved = new Map<string, Map<string, bigint>>();
  const held = new Map<string, bigint>();
  const perMonth = (map: Map<string, Map<string, bigint>>, month: string): Map<string, bigint> => {
    let found = map.get(month);
    if (found === undefined) map.set(month, (found = new Map()));
    return found;
  };
  for (const record of plan.records) {
    if (record.month === null || record.amount === null) continue;
    const known = (key: string): boolean => plan.envelopeById.has(String(record.data[key]));
    if (record.kind === 'assign') {
      if (known('envelopeId')) add(perMonth(assigned, record.month), String(record.data['envelopeId']), record.amount);
    } else if (record.kind === 'move') {
      if (!known('fromEnvelopeId') || !known('toEnvelopeId')) continue;
      add(perMonth(moved, record.month), String(record.data['fromEnvelopeId']), -record.amount);
      add(perMonth(moved, record.month), String(record.data['toEnvelopeId']), record.amount);
    } else if (record.kind === 'hold') held.set(record.month, record.amount);
  }
  return { assigned, moved, held };
}

/** What the end of a month hands to the next. */
interface Carry {
  readonly envelopes: Map<string, bigint>;
  /** To-be-budgeted before this month's hold, minor units. */
  pool: bigint;
  cashOverspent: bigint;
  returned: bigint;
  held: bigint;
}

/**
 * Walks the budget from its first month to `month` and returns that month.
 *
 * To-be-budgeted is computed on its own: income minus uncategorised outflows
 * minus assignments, minus cash overspending of the month before, plus
 * leftovers returned by `reset` envelopes, minus this month's hold. Envelopes
 * are computed from assignments, moves and their categories' postings. Their
 * sum plus to-be-budgeted plus the hold equals the on-budget balance because
 * the rules conserve money, not because one is derived from the other.
 */
export function walkBudget(plan: BudgetPlan, entries: readonly EntryRecord[], month: string): BudgetMonthUnits {
  const postings = sortPostings(plan, entries);
  const records = sortRecords(plan);
  const months = [...postings.keys(), ...records.assigned.keys(), ...records.moved.keys(), ...records.held.keys()].map(monthNumber);
  const target = monthNumber(month);
  const first = Math.min(target, ...months);
  if (target - first >= budgetMonthsMax) {
    throw new KronosError('INVALID_INPUT', `The budget of '${plan.entity.id}' spans ${target - first + 1} months up to ${month}, more than ${budgetMonthsMax}: ask for an earlier month.`, { month });
  }
  const carry: Carry = { envelopes: new Map(), pool: 0n, cashOverspent: 0n, returned: 0n, held: 0n };
  let view: BudgetMonthUnits | undefined;
  for (let current = first; current <= target; current++) view = walkMonth(plan, monthOfNumber(current), postings, records, carry);
  return view!;
}

function walkMonth(plan: BudgetPlan, month: string, postings: Map<string, MonthPostings>, records: ReturnType<typeof sortRecords>, carry: Carry): BudgetMonthUnits {
  const seen = postings.get(month) ?? { activity: new Map(), cardActivity: new Map(), categoryActivity: new Map(), unmapped: new Map() };
  const assignedNow = records.assigned.get(month) ?? new Map<string, bigint>();
  const movedNow = records.moved.get(month) ?? new Map<string, bigint>();
  let income = 0n;
  let uncategorized = 0n;
  for (const amount of seen.unmapped.values()) {
    if (amount > 0n) income += amount;
    else uncategorized -= amount;
  }
  let assignedTotal = 0n;
  for (const amount of assignedNow.values()) assignedTotal += amount;
  const fromLastMonth = { cashOverspent: carry.cashOverspent, returned: carry.returned, held: carry.held };
  carry.pool += income - uncategorized - assignedTotal - carry.cashOverspent + carry.returned;
  const heldForNextMonth = records.held.get(month) ?? 0n;
  carry.cashOverspent = 0n;
  carry.returned = 0n;
  carry.held = heldForNextMonth;
  const cardDebts = new Map<string, bigint>();
  const envelopes: EnvelopeMonthUnits[] = [];
  for (const envelope of plan.envelopes) {
    if (envelope.kind !== 'spending') continue;
    envelopes.push(closeSpendingEnvelope(envelope, month, seen, assignedNow, movedNow, carry, cardDebts));
  }
  for (const envelope of plan.envelopes) {
    if (envelope.kind !== 'card_payment') continue;
    const rolloverIn = carry.envelopes.get(envelope.id) ?? 0n;
    const assigned = assignedNow.get(envelope.id) ?? 0n;
    const moved = movedNow.get(envelope.id) ?? 0n;
    const available = rolloverIn + assigned + moved;
    // Credit overspending of this month becomes debt this envelope carries into the next.
    const debt = cardDebts.get(envelope.cardAccountId!) ?? 0n;
    carry.envelopes.set(envelope.id, available - debt);
    envelopes.push({ envelope, policy: null, rolloverIn, assigned, moved, activity: 0n, available, overspentCash: 0n, overspentCredit: debt });
  }
  return {
    month,
    income,
    uncategorized,
    assigned: assignedTotal,
    overspentCashFromLastMonth: fromLastMonth.cashOverspent,
    returnedFromLastMonth: fromLastMonth.returned,
    heldFromLastMonth: fromLastMonth.held,
    heldForNextMonth,
    toBeBudgeted: carry.pool - heldForNextMonth,
    envelopes,
    categoryActivity: seen.categoryActivity,
    unmapped: seen.unmapped,
  };
}

/**
 * One spending envelope's month, and what its end hands on: a leftover
 * carries (or returns to to-be-budgeted under `reset`); an overspent balance
 * carries as it is under `carry`, and otherwise starts the next month at zero,
 * its cash part taken from next month's to-be-budgeted and its credit-card
 * part (card spending the envelope could not cover) moved to the card's
 * payment envelope as debt.
 */
function closeSpendingEnvelope(
  envelope: EnvelopeDefinition,
  month: string,
  seen: MonthPostings,
  assignedNow: ReadonlyMap<string, bigint>,
  movedNow: ReadonlyMap<string, bigint>,
  carry: Carry,
  cardDebts: Map<string, bigint>,
): EnvelopeMonthUnits {
  const policy = policyAt(envelope, month);
  const rolloverIn = carry.envelopes.get(envelope.id) ?? 0n;
  const assigned = assignedNow.get(envelope.id) ?? 0n;
  const moved = movedNow.get(envelope.id) ?? 0n;
  const activity = seen.activity.get(envelope.id) ?? 0n;
  const available = rolloverIn + assigned + moved + activity;
  let overspentCash = 0n;
  let overspentCredit = 0n;
  if (available >= 0n) {
    if (policy.rollover === 'carry') carry.envelopes.set(envelope.id, available);
    else {
      carry.envelopes.set(envelope.id, 0n);
      carry.returned += available;
    }
  } else {
    // Card spending first: what the cards paid beyond what the envelope held is credit overspending.
    let credit = 0n;
    const cards = [...(seen.cardActivity.get(envelope.id) ?? new Map<string, bigint>())].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    let uncovered = -available;
    for (const [cardId, cardActivity] of cards) {
      const part = cardActivity < 0n ? (-cardActivity < uncovered ? -cardActivity : uncovered) : 0n;
      if (part === 0n) continue;
      uncovered -= part;
      credit += part;
      if (policy.overspending === 'reduce_next_month') add(cardDebts, cardId, part);
    }
    overspentCredit = credit;
    overspentCash = -available - credit;
    if (policy.overspending === 'carry') carry.envelopes.set(envelope.id, available);
    else {
      carry.envelopes.set(envelope.id, 0n);
      carry.cashOverspent += overspentCash;
    }
  }
  return { envelope, policy, rolloverIn, assigned, moved, activity, available, overspentCash, overspentCredit };
}

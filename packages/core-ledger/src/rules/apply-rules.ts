import { KronosError } from '../errors/index.js';
import { Money } from '../money/money.js';
import { parseInput } from '../_internal/schemas.js';
import type { EntityKind } from '../ports/ledger-store.js';
import { compileRules, normaliseText, type CompiledRule, type RuleSet } from './compile-rules.js';
import { RuleTransactionSchema, type Rule, type RuleInput, type RuleTransaction } from './rule-schema.js';

/** Who keeps the books an account belongs to. */
export interface AccountOwner {
  readonly entityId: string;
  readonly entityKind: EntityKind;
}

/** The kinds of commingling a rule can reveal. "LLC" covers every company kind: single- and multi-member LLCs and corporations. */
export type ComminglingKind = 'personal_expense_paid_by_llc' | 'llc_expense_paid_personally';

/** A transaction that mixes personal and company money, and the fix `fixCommingling` applies. */
export interface ComminglingFlag {
  readonly kind: ComminglingKind;
  /** The rule whose `expenseOf` decided it. */
  readonly ruleId: string;
  readonly accountId: string;
  readonly entityId: string;
  /** `owner_draw` for a personal expense the company paid, `equity_contribution` for the reverse; `reimbursement` fits both. */
  readonly suggestedFix: 'owner_draw' | 'equity_contribution';
}

/** One part of a split transaction; parts sum exactly to the transaction's amount and carry its sign. */
export interface RuleSplit {
  readonly category: string;
  readonly envelope: string | null;
  readonly amount: Money;
}

/** What the rules decided for one transaction. */
export interface RuleResult {
  /** The expense or income account, or null when no matching rule sets one. */
  readonly category: string | null;
  readonly envelope: string | null;
  /** The renamed payee, or the transaction's own. */
  readonly payee: string;
  readonly splits: readonly RuleSplit[];
  readonly flags: readonly string[];
  readonly expenseOf: 'personal' | 'business' | null;
  readonly commingling: ComminglingFlag | null;
  /** Every matching rule, in the order they ran. */
  readonly matchedRuleIds: readonly string[];
}

/** Options of `applyRules`. */
export interface ApplyRulesOptions {
  /** Who owns an account: needed to flag commingling (see `loadAccountOwners`). */
  readonly accountOwner?: (accountId: string) => AccountOwner | undefined;
}

type ParsedTransaction = ReturnType<typeof RuleTransactionSchema.parse>;

const companyKinds: ReadonlySet<EntityKind> = new Set(['single_member_llc', 'multi_member_llc', 'corporation']);

function ruleSetOf(rules: RuleSet | readonly RuleInput[]): RuleSet {
  if (Array.isArray(rules)) return compileRules(rules as readonly RuleInput[]);
  if ((rules as RuleSet | undefined)?.kind === 'rule_set') return rules as RuleSet;
  throw new KronosError('INVALID_INPUT', 'applyRules takes an array of rules or the result of compileRules.', {});
}

interface Seen {
  readonly normalisedPayee: string;
  readonly foldedPayee: string;
  readonly normalisedMemo: string | null;
  readonly foldedMemo: string | null;
}

function matches(entry: CompiledRule, transaction: ParsedTransaction, seen: Seen): boolean {
  const { conditions } = entry.rule;
  const amount = transaction.amount;
  if (conditions.direction === 'outflow' && !amount.isNegative()) return false;
  if (conditions.direction === 'inflow' && !amount.isPositive()) return false;
  if (conditions.currency !== undefined && conditions.currency !== amount.currency.code) return false;
  if (entry.min !== null && amount.amount.abs().lessThan(entry.min)) return false;
  if (entry.max !== null && amount.amount.abs().greaterThan(entry.max)) return false;
  if (entry.accountIds !== null && !entry.accountIds.has(transaction.accountId)) return false;
  if (conditions.date?.from !== undefined && transaction.date < conditions.date.from) return false;
  if (conditions.date?.to !== undefined && transaction.date > conditions.date.to) return false;
  if (entry.payee !== null && !entry.payee(seen.normalisedPayee, seen.foldedPayee)) return false;
  if (entry.memo !== null && (seen.normalisedMemo === null || !entry.memo(seen.normalisedMemo, seen.foldedMemo!))) return false;
  return true;
}

function splitAmount(rule: Rule, whole: Money): RuleSplit[] {
  const parts = rule.actions.split!;
  const sign = whole.isNegative() ? -1 : 1;
  const signed = (magnitude: string): Money => {
    const money = Money.of(magnitude, whole.currency);
    return sign < 0 ? money.negate() : money;
  };
  const fixed = parts.map((part) => (part.amount === undefined ? null : signed(part.amount)));
  const fixedTotal = Money.sum(fixed.filter((money): money is Money => money !== null), whole.currency);
  const rest = whole.subtract(fixedTotal);
  const ratioIndexes = parts.flatMap((part, index) => (part.ratio === undefined ? [] : [index]));
  if (!rest.isZero() && rest.isNegative() !== whole.isNegative()) {
    throw new KronosError('INVALID_INPUT', `Rule '${rule.id}': its fixed split parts (${fixedTotal.abs().toString()}) exceed the transaction's ${whole.abs().toString()}. Lower the parts or add a condition on the amount.`, { ruleId: rule.id });
  }
  if (ratioIndexes.length === 0 && !rest.isZero()) {
    throw new KronosError('INVALID_INPUT', `Rule '${rule.id}': its fixed split parts sum to ${fixedTotal.abs().toString()}, not the transaction's ${whole.abs().toString()}. Add a ratio part to take the rest.`, { ruleId: rule.id });
  }
  const shares = ratioIndexes.length === 0 ? [] : rest.allocate(ratioIndexes.map((index) => parts[index]!.ratio!));
  return parts.map((part, index) => ({
    category: part.category,
    envelope: part.envelope ?? null,
    amount: fixed[index] ?? shares[ratioIndexes.indexOf(index)]!,
  }));
}

function comminglingOf(expenseOf: 'personal' | 'business' | null, ruleId: string | null, transaction: ParsedTransaction, options: ApplyRulesOptions): ComminglingFlag | null {
  if (expenseOf === null || ruleId === null || options.accountOwner === undefined || !transaction.amount.isNegative()) return null;
  const owner = options.accountOwner(transaction.accountId);
  if (owner === undefined) return null;
  const base = { ruleId, accountId: transaction.accountId, entityId: owner.entityId };
  if (expenseOf === 'personal' && companyKinds.has(owner.entityKind)) return { ...base, kind: 'personal_expense_paid_by_llc', suggestedFix: 'owner_draw' };
  if (expenseOf === 'business' && owner.entityKind === 'individual') return { ...base, kind: 'llc_expense_paid_personally', suggestedFix: 'equity_contribution' };
  return null;
}

/**
 * Runs rules over one transaction. Pure and deterministic: the same rules and
 * transaction always give the same result.
 *
 * Semantics: rules run in order, skipping disabled ones. A rule matches when
 * every condition it lists holds (payee and memo conditions look at the
 * transaction's own payee and memo, never a renamed one). **Every** matching
 * rule applies, but each field (`category`, `envelope`, the payee rename,
 * `split`, `expenseOf`) is set by the first matching rule that sets it; later
 * rules cannot override it. Flags accumulate in order without duplicates. A
 * matching rule with `stop: true` ends the run. Amount conditions bound the
 * magnitude, inclusive; `direction` picks money out (negative) or in
 * (positive). A split's fixed parts take their amounts first (with the
 * transaction's sign); ratio parts share the rest through `Money.allocate`,
 * so the parts always sum exactly to the transaction.
 *
 * Commingling: with `accountOwner`, an outflow whose `expenseOf` is
 * `personal` paid from a company's account is flagged
 * `personal_expense_paid_by_llc`; `business` paid from an individual's
 * account is flagged `llc_expense_paid_personally`.
 *
 * @param rules - `compileRules(...)` (compile once, apply to many transactions) or a plain array, validated and compiled on each call
 * @throws KronosError `INVALID_INPUT` for bad rules or transaction, or a split whose fixed parts do not fit the amount
 * @example
 * ```ts
 * const rules = [
 *   { id: 'netflix', conditions: { payee: { match: 'contains', value: 'netflix' } }, actions: { category: 'ana:fun', renamePayee: 'Netflix', expenseOf: 'personal' } },
 *   { id: 'small', conditions: { amount: { max: '20.00' }, direction: 'outflow' }, actions: { category: 'ana:other', flags: ['small'] } },
 * ];
 * const result = applyRules(rules, { date: '2026-03-02', payee: 'NETFLIX.COM  8443', amount: Money.of('-15.49', 'USD'), accountId: 'llc:checking' }, {
 *   accountOwner: (accountId) => (accountId.startsWith('llc:') ? { entityId: 'llc', entityKind: 'single_member_llc' } : { entityId: 'ana', entityKind: 'individual' }),
 * });
 * result.category; //=> 'ana:fun'
 * result.payee; //=> 'Netflix'
 * result.flags; //=> ['small']
 * result.matchedRuleIds; //=> ['netflix', 'small']
 * result.commingling?.kind; //=> 'personal_expense_paid_by_llc'
 * ```
 */
export function applyRules(rules: RuleSet | readonly RuleInput[], transaction: RuleTransaction, options: ApplyRulesOptions = {}): RuleResult {
  const set = ruleSetOf(rules);
  const parsed = parseInput(RuleTransactionSchema, transaction, 'transaction');
  const normalisedPayee = normaliseText(parsed.payee);
  const normalisedMemo = parsed.memo === undefined || parsed.memo === null ? null : normaliseText(parsed.memo);
  const seen: Seen = { normalisedPayee, foldedPayee: normalisedPayee.toLowerCase(), normalisedMemo, foldedMemo: normalisedMemo?.toLowerCase() ?? null };
  let category: string | null = null;
  let envelope: string | null = null;
  let payee: string | null = null;
  let splits: RuleSplit[] | null = null;
  let expenseOf: 'personal' | 'business' | null = null;
  let expenseRuleId: string | null = null;
  const flags: string[] = [];
  const matchedRuleIds: string[] = [];
  for (const entry of set.compiled) {
    const { rule } = entry;
    if (!rule.enabled || !matches(entry, parsed, seen)) continue;
    matchedRuleIds.push(rule.id);
    const { actions } = rule;
    if (category === null && actions.category !== undefined) category = actions.category;
    if (envelope === null && actions.envelope !== undefined) envelope = actions.envelope;
    if (payee === null && actions.renamePayee !== undefined) payee = actions.renamePayee;
    if (splits === null && actions.split !== undefined) splits = splitAmount(rule, parsed.amount);
    if (expenseOf === null && actions.expenseOf !== undefined) [expenseOf, expenseRuleId] = [actions.expenseOf, rule.id];
    for (const flag of actions.flags ?? []) if (!flags.includes(flag)) flags.push(flag);
    if (rule.stop) break;
  }
  return {
    category,
    envelope,
    payee: payee ?? parsed.payee,
    splits: splits ?? [],
    flags,
    expenseOf,
    commingling: comminglingOf(expenseOf, expenseRuleId, parsed, options),
    matchedRuleIds,
  };
}

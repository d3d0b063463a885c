import { z } from 'zod';
import { KronosError } from '../errors/index.js';
import { canonicalJson } from '../_internal/canonical.js';
import { toMinorUnits } from '../_internal/amount.js';
import { IdSchema, TextSchema, parseInput } from '../_internal/schemas.js';
import { AmountInputSchema } from '../journal/entry-input.js';
import { idempotencyConflict, runWrite, unchanged, type LedgerContext, type WriteOptions } from '../ledger/context.js';
import { Money } from '../money/money.js';
import { loadAccounts } from '../journal/write-entries.js';
import type { AccountRecord, BudgetRecord, BudgetRecordKind, JsonValue } from '../ports/ledger-store.js';
import {
  MonthSchema,
  OverspendingPolicySchema,
  RolloverPolicySchema,
  cardPaymentPrefix,
  loadBudgetPlan,
  onBudgetAssetSubtypes,
  requireBudgetAccount,
  requireEnvelope,
  requireOnBudget,
  type BudgetPlan,
} from './budget-plan.js';

/** Most accounts one budget holds on budget, and most category accounts one envelope maps. */
export const budgetAccountsMax = 100;

/** Input of `configureBudget`: which accounts of the entity are on budget (cash-like assets and credit cards). */
export const ConfigureBudgetInputSchema = z.object({ id: IdSchema, entityId: IdSchema, onBudgetAccountIds: z.array(IdSchema).min(1).max(budgetAccountsMax) });
/** Input of `configureBudget`. */
export type ConfigureBudgetInput = z.input<typeof ConfigureBudgetInputSchema>;

/** Input of `defineEnvelope`: `id` is the envelope's id; `categoryAccountIds` are the accounts whose postings are its activity. */
export const EnvelopeInputSchema = z.object({
  id: IdSchema,
  entityId: IdSchema,
  name: TextSchema,
  /** Expense accounts, or off-budget asset and liability accounts (a brokerage, a loan) that money leaves to. */
  categoryAccountIds: z.array(IdSchema).max(budgetAccountsMax).default([]),
  rollover: RolloverPolicySchema.default('carry'),
  overspending: OverspendingPolicySchema.default('reduce_next_month'),
});
/** Input of `defineEnvelope`. */
export type EnvelopeInput = z.input<typeof EnvelopeInputSchema>;

/** Input of `setEnvelopePolicy`: new policies of a spending envelope from month `from` on. */
export const EnvelopePolicyInputSchema = z
  .object({ id: IdSchema, entityId: IdSchema, envelopeId: IdSchema, from: MonthSchema, rollover: RolloverPolicySchema.optional(), overspending: OverspendingPolicySchema.optional() })
  .refine((input) => input.rollover !== undefined || input.overspending !== undefined, 'give rollover, overspending or both');
/** Input of `setEnvelopePolicy`. */
export type EnvelopePolicyInput = z.input<typeof EnvelopePolicyInputSchema>;

/** Input of `assignMoney`: adds `amount` (negative to take back) from to-be-budgeted to an envelope in a month. */
export const AssignInputSchema = z.object({ id: IdSchema, entityId: IdSchema, month: MonthSchema, envelopeId: IdSchema, amount: AmountInputSchema });
/** Input of `assignMoney`. */
export type AssignInput = z.input<typeof AssignInputSchema>;

/** Input of `moveMoney`: moves a positive `amount` between two envelopes in a month. */
export const MoveInputSchema = z.object({ id: IdSchema, entityId: IdSchema, month: MonthSchema, fromEnvelopeId: IdSchema, toEnvelopeId: IdSchema, amount: AmountInputSchema });
/** Input of `moveMoney`. */
export type MoveInput = z.input<typeof MoveInputSchema>;

/** Input of `holdForNextMonth`: sets (not adds) how much of a month's to-be-budgeted waits for the next month; `'0'` releases it. */
export const HoldInputSchema = z.object({ id: IdSchema, entityId: IdSchema, month: MonthSchema, amount: AmountInputSchema });
/** Input of `holdForNextMonth`. */
export type HoldInput = z.input<typeof HoldInputSchema>;

/** A budget record as the ledger shows it. */
export interface BudgetAction {
  readonly id: string;
  readonly entityId: string;
  readonly kind: BudgetRecordKind;
  readonly month: string | null;
  readonly amount: Money | null;
  readonly data: Readonly<Record<string, JsonValue>>;
  readonly recordedAt: string;
}

/** The public view of a budget record. */
export function toBudgetAction(record: BudgetRecord): BudgetAction {
  return {
    id: record.id,
    entityId: record.entityId,
    kind: record.kind,
    month: record.month,
    amount: record.amount === null ? null : Money.fromMinorUnits(record.amount, { code: record.currency, scale: record.scale }),
    data: record.data,
    recordedAt: record.recordedAt,
  };
}

/** What one budget write asks for, before the store is read. */
interface BudgetDraft {
  readonly id: string;
  readonly entityId: string;
  readonly kind: BudgetRecordKind;
  readonly month: string | null;
  readonly amount: z.output<typeof AmountInputSchema> | null;
  readonly data: Readonly<Record<string, JsonValue>>;
  /** Accounts the check needs, read whatever entity they belong to. */
  readonly accountIds?: readonly string[];
  /** Checks the draft against the plan (and its amount in minor units, the accounts asked for); throws to refuse. */
  readonly check: (plan: BudgetPlan, amount: bigint | null, accounts: ReadonlyMap<string, AccountRecord>) => void;
}

/**
 * Writes one budget record as one unit of work: reads the entity and its
 * plan, resolves a repeated id (same content: the first record; other
 * content: IDEMPOTENCY_CONFLICT), checks, inserts and audits.
 */
async function writeBudgetRecord(context: LedgerContext, options: WriteOptions | undefined, draft: BudgetDraft): Promise<BudgetAction> {
  return runWrite(context, options, async (tx, at) => {
    const plan = await loadBudgetPlan(tx, draft.entityId);
    const amount = draft.amount === null ? null : toMinorUnits(draft.amount, plan.unit, 'amount');
    const fingerprint = canonicalJson({ kind: draft.kind, entityId: draft.entityId, month: draft.month, amount: amount === null ? null : amount.toString(), currency: plan.unit.code, data: draft.data });
    const [existing] = await tx.getBudgetRecords([draft.id]);
    if (existing !== undefined) {
      if (existing.fingerprint !== fingerprint) throw idempotencyConflict('budget record', draft.id);
      return unchanged(toBudgetAction(existing));
    }
    draft.check(plan, amount, await loadAccounts(tx, draft.accountIds ?? []));
    const record: BudgetRecord = { id: draft.id, entityId: draft.entityId, kind: draft.kind, month: draft.month, amount, currency: plan.unit.code, scale: plan.unit.scale, data: draft.data, fingerprint, recordedAt: at };
    await tx.insertBudgetRecords([record]);
    return { result: toBudgetAction(record), audit: [{ action: `budget.${draft.kind}`, subjectId: record.id, payload: fingerprint }], events: [] };
  });
}

/**
 * Sets which accounts of an entity are on budget: cash-like assets (cash,
 * checking, savings, money market) and credit cards, all in the entity's base
 * currency. The latest configuration applies to every month. Each on-budget
 * credit card gets a payment envelope `card-payment:<account id>`.
 *
 * @throws KronosError `NOT_FOUND` (entity, account), `ENTITY_MISMATCH`, `CURRENCY_MISMATCH`,
 *   `INVALID_INPUT` (another subtype, a category account), `IDEMPOTENCY_CONFLICT`
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * const setup = await ledger.budgets.configureBudget({ id: 'budget-setup', entityId: 'ana', onBudgetAccountIds: ['ana:checking', 'ana:credit-card'] });
 * setup.kind; //=> 'settings'
 * await ledger.budgets.configureBudget({ id: 'bad-setup', entityId: 'ana', onBudgetAccountIds: ['ana:brokerage'] }); // throws INVALID_INPUT
 * ```
 */
export async function configureBudget(context: LedgerContext, input: ConfigureBudgetInput, options?: WriteOptions): Promise<BudgetAction> {
  const parsed = parseInput(ConfigureBudgetInputSchema, input, 'budget configuration');
  const ids = [...new Set(parsed.onBudgetAccountIds)];
  return writeBudgetRecord(context, options, {
    id: parsed.id,
    entityId: parsed.entityId,
    kind: 'settings',
    month: null,
    amount: null,
    data: { onBudgetAccountIds: ids },
    accountIds: ids,
    check: (plan, _amount, accounts) => {
      for (const accountId of ids) {
        const account = requireBudgetAccount(plan, accountId, accounts);
        const fits = account.type === 'asset' ? onBudgetAssetSubtypes.includes(account.subtype) : account.type === 'liability' && account.subtype === 'credit_card';
        if (!fits) {
          throw new KronosError('INVALID_INPUT', `Account '${accountId}' (${account.type}, ${account.subtype}) cannot be on budget: use cash-like assets (${onBudgetAssetSubtypes.join(', ')}) and credit cards; map others to an envelope as categories.`, { accountId });
        }
        if (plan.envelopeOfAccount.has(accountId)) {
          throw new KronosError('INVALID_INPUT', `Account '${accountId}' is a category of envelope '${plan.envelopeOfAccount.get(accountId)}': an account is either on budget or a category, not both.`, { accountId });
        }
      }
    },
  });
}

/**
 * Defines a spending envelope and the category accounts it covers: postings
 * on them in entries that touch on-budget accounts are the envelope's
 * activity. A transfer to an off-budget account (a brokerage, a loan) is an
 * outflow: name that account as a category of an envelope (e.g. "Investing")
 * or it counts as uncategorised and is taken from to-be-budgeted.
 *
 * @throws KronosError `NOT_FOUND` (entity, account), `ENTITY_MISMATCH`, `CURRENCY_MISMATCH`,
 *   `INVALID_INPUT` (income, equity or on-budget account, account in another envelope), `IDEMPOTENCY_CONFLICT`
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * const food = await ledger.budgets.defineEnvelope({ id: 'food', entityId: 'ana', name: 'Food', categoryAccountIds: ['ana:groceries'] });
 * food.data.rollover; //=> 'carry'
 * await ledger.budgets.defineEnvelope({ id: 'wages', entityId: 'ana', name: 'Wages', categoryAccountIds: ['ana:salary'] }); // throws INVALID_INPUT
 * ```
 */
export async function defineEnvelope(context: LedgerContext, input: EnvelopeInput, options?: WriteOptions): Promise<BudgetAction> {
  const parsed = parseInput(EnvelopeInputSchema, input, 'envelope');
  const categoryAccountIds = [...new Set(parsed.categoryAccountIds)];
  return writeBudgetRecord(context, options, {
    id: parsed.id,
    entityId: parsed.entityId,
    kind: 'envelope',
    month: null,
    amount: null,
    data: { name: parsed.name, categoryAccountIds, rollover: parsed.rollover, overspending: parsed.overspending },
    accountIds: categoryAccountIds,
    check: (plan, _amount, accounts) => {
      if (parsed.id.startsWith(cardPaymentPrefix)) {
        throw new KronosError('INVALID_INPUT', `Envelope ids starting with '${cardPaymentPrefix}' are kept for credit card payment envelopes: choose another id.`, { envelopeId: parsed.id });
      }
      const onBudget = new Set((plan.onBudget ?? []).map((account) => account.id));
      for (const accountId of categoryAccountIds) {
        const account = requireBudgetAccount(plan, accountId, accounts);
        if (account.type === 'income' || account.type === 'equity' || onBudget.has(accountId)) {
          throw new KronosError('INVALID_INPUT', `Account '${accountId}' cannot be a category: use expense accounts, or off-budget asset and liability accounts that money leaves to (income and equity flow into to-be-budgeted).`, { accountId });
        }
        const owner = plan.envelopeOfAccount.get(accountId);
        if (owner !== undefined) {
          throw new KronosError('INVALID_INPUT', `Account '${accountId}' is already a category of envelope '${owner}': an account belongs to one envelope.`, { accountId, envelopeId: owner });
        }
      }
    },
  });
}

/**
 * Changes a spending envelope's rollover or overspending policy from a month
 * on. Where several changes apply to a month, the latest written wins.
 *
 * @throws KronosError `NOT_FOUND` (entity, envelope), `INVALID_INPUT` (a card payment envelope), `IDEMPOTENCY_CONFLICT`
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * await ledger.budgets.defineEnvelope({ id: 'fun', entityId: 'ana', name: 'Fun money', categoryAccountIds: ['ana:other-expenses'] });
 * const change = await ledger.budgets.setEnvelopePolicy({ id: 'fun-reset', entityId: 'ana', envelopeId: 'fun', from: '2026-03', rollover: 'reset' });
 * change.month; //=> '2026-03'
 * ```
 */
export async function setEnvelopePolicy(context: LedgerContext, input: EnvelopePolicyInput, options?: WriteOptions): Promise<BudgetAction> {
  const parsed = parseInput(EnvelopePolicyInputSchema, input, 'envelope policy');
  return writeBudgetRecord(context, options, {
    id: parsed.id,
    entityId: parsed.entityId,
    kind: 'policy',
    month: parsed.from,
    amount: null,
    data: { envelopeId: parsed.envelopeId, ...(parsed.rollover === undefined ? {} : { rollover: parsed.rollover }), ...(parsed.overspending === undefined ? {} : { overspending: parsed.overspending }) },
    check: (plan) => {
      if (requireEnvelope(plan, parsed.envelopeId).kind !== 'spending') {
        throw new KronosError('INVALID_INPUT', `'${parsed.envelopeId}' is a card payment envelope: its balance always carries over, so it takes no policy.`, { envelopeId: parsed.envelopeId });
      }
    },
  });
}

/**
 * Assigns money from to-be-budgeted to an envelope in a month (a negative
 * amount takes it back). Assigning more than to-be-budgeted holds is allowed,
 * as in zero-based budgeting apps: to-be-budgeted goes negative and
 * `budgetMonth` reports it, for the person to fix by taking money back.
 *
 * @throws KronosError `NOT_FOUND` (entity, envelope), `INVALID_STATE` (budget not configured),
 *   `INVALID_INPUT` (bad month, zero amount), `SCALE_EXCEEDED`, `IDEMPOTENCY_CONFLICT`
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * await ledger.budgets.configureBudget({ id: 'setup', entityId: 'ana', onBudgetAccountIds: ['ana:checking'] });
 * await ledger.budgets.defineEnvelope({ id: 'food', entityId: 'ana', name: 'Food', categoryAccountIds: ['ana:groceries'] });
 * (await ledger.budgets.assignMoney({ id: 'a1', entityId: 'ana', month: '2026-01', envelopeId: 'food', amount: '400.00' })).amount?.toString(); //=> '400.00'
 * await ledger.budgets.assignMoney({ id: 'a2', entityId: 'ana', month: '2026-01', envelopeId: 'food', amount: '0.001' }); // throws SCALE_EXCEEDED
 * await ledger.budgets.assignMoney({ id: 'a3', entityId: 'ana', month: '2026-13', envelopeId: 'food', amount: '1.00' }); // throws INVALID_INPUT
 * ```
 */
export async function assignMoney(context: LedgerContext, input: AssignInput, options?: WriteOptions): Promise<BudgetAction> {
  const parsed = parseInput(AssignInputSchema, input, 'assignment');
  return writeBudgetRecord(context, options, {
    id: parsed.id,
    entityId: parsed.entityId,
    kind: 'assign',
    month: parsed.month,
    amount: parsed.amount,
    data: { envelopeId: parsed.envelopeId },
    check: (plan, amount) => {
      requireOnBudget(plan);
      requireEnvelope(plan, parsed.envelopeId);
      if (amount === 0n) throw new KronosError('INVALID_INPUT', 'An assignment of zero changes nothing: give a positive amount to assign or a negative one to take back.', { id: parsed.id });
    },
  });
}

/**
 * Moves money from one envelope to another in a month. Moving more than the
 * source holds is allowed (it goes negative and shows as overspent).
 *
 * @throws KronosError `NOT_FOUND` (entity, envelope), `INVALID_STATE` (budget not configured),
 *   `INVALID_INPUT` (same envelope, amount not positive), `SCALE_EXCEEDED`, `IDEMPOTENCY_CONFLICT`
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * await ledger.budgets.configureBudget({ id: 'setup', entityId: 'ana', onBudgetAccountIds: ['ana:checking'] });
 * await ledger.budgets.defineEnvelope({ id: 'food', entityId: 'ana', name: 'Food', categoryAccountIds: ['ana:groceries'] });
 * await ledger.budgets.defineEnvelope({ id: 'fun', entityId: 'ana', name: 'Fun', categoryAccountIds: ['ana:other-expenses'] });
 * (await ledger.budgets.moveMoney({ id: 'm1', entityId: 'ana', month: '2026-01', fromEnvelopeId: 'fun', toEnvelopeId: 'food', amount: '25.00' })).kind; //=> 'move'
 * await ledger.budgets.moveMoney({ id: 'm2', entityId: 'ana', month: '2026-01', fromEnvelopeId: 'fun', toEnvelopeId: 'rent', amount: '25.00' }); // throws NOT_FOUND
 * ```
 */
export async function moveMoney(context: LedgerContext, input: MoveInput, options?: WriteOptions): Promise<BudgetAction> {
  const parsed = parseInput(MoveInputSchema, input, 'move');
  return writeBudgetRecord(context, options, {
    id: parsed.id,
    entityId: parsed.entityId,
    kind: 'move',
    month: parsed.month,
    amount: parsed.amount,
    data: { fromEnvelopeId: parsed.fromEnvelopeId, toEnvelopeId: parsed.toEnvelopeId },
    check: (plan, amount) => {
      requireOnBudget(plan);
      requireEnvelope(plan, parsed.fromEnvelopeId);
      requireEnvelope(plan, parsed.toEnvelopeId);
      if (parsed.fromEnvelopeId === parsed.toEnvelopeId) throw new KronosError('INVALID_INPUT', 'A move needs two different envelopes.', { envelopeId: parsed.fromEnvelopeId });
      if (amount === null || amount <= 0n) throw new KronosError('INVALID_INPUT', 'A move takes a positive amount: swap the envelopes to move the other way.', { id: parsed.id });
    },
  });
}

/**
 * Holds part of a month's to-be-budgeted for the next month (income that
 * arrived early, say). It sets the amount held for that month; a later hold
 * for the same month replaces it, and `'0'` releases it.
 *
 * @throws KronosError `NOT_FOUND` (entity), `INVALID_STATE` (budget not configured),
 *   `INVALID_INPUT` (negative amount), `SCALE_EXCEEDED`, `IDEMPOTENCY_CONFLICT`
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * await ledger.budgets.configureBudget({ id: 'setup', entityId: 'ana', onBudgetAccountIds: ['ana:checking'] });
 * (await ledger.budgets.holdForNextMonth({ id: 'h1', entityId: 'ana', month: '2026-01', amount: '1000.00' })).amount?.toString(); //=> '1000.00'
 * ```
 */
export async function holdForNextMonth(context: LedgerContext, input: HoldInput, options?: WriteOptions): Promise<BudgetAction> {
  const parsed = parseInput(HoldInputSchema, input, 'hold');
  return writeBudgetRecord(context, options, {
    id: parsed.id,
    entityId: parsed.entityId,
    kind: 'hold',
    month: parsed.month,
    amount: parsed.amount,
    data: {},
    check: (plan, amount) => {
      requireOnBudget(plan);
      if (amount === null || amount < 0n) throw new KronosError('INVALID_INPUT', 'A hold is zero or more: it sets how much waits for next month.', { id: parsed.id });
    },
  });
}

import { z } from 'zod';
import { KronosError } from '../errors/index.js';
import { notFound } from '../ledger/context.js';
import { currency, type Currency } from '../money/currency.js';
import type { AccountRecord, BudgetRecord, EntityRecord, LedgerTx } from '../ports/ledger-store.js';

/** A budget month, `YYYY-MM` (years 1000-9999). */
export const MonthSchema = z.string().regex(/^[1-9]\d{3}-(0[1-9]|1[0-2])$/, 'a month written YYYY-MM, e.g. 2026-01');

/** What happens to money left in an envelope at the end of a month: kept (`carry`) or returned to to-be-budgeted (`reset`). */
export const RolloverPolicySchema = z.enum(['carry', 'reset']);
/** What happens to an overspent envelope at the end of a month; see `budgetMonth`. */
export const OverspendingPolicySchema = z.enum(['reduce_next_month', 'carry']);
/** What happens to money left in an envelope at the end of a month. */
export type RolloverPolicy = z.infer<typeof RolloverPolicySchema>;
/** What happens to an overspent envelope at the end of a month. */
export type OverspendingPolicy = z.infer<typeof OverspendingPolicySchema>;

/** Asset subtypes a budget may hold as on-budget accounts (besides credit cards). */
export const onBudgetAssetSubtypes: readonly string[] = ['cash', 'checking', 'savings', 'money_market'];
/** The prefix of the envelope every on-budget credit card gets: `card-payment:<card account id>`. */
export const cardPaymentPrefix = 'card-payment:';
/** The most months one budget view walks (100 years). */
export const budgetMonthsMax = 1200;

/** A policy change from a month on. */
interface PolicyStep {
  readonly from: string | null;
  readonly rollover?: RolloverPolicy;
  readonly overspending?: OverspendingPolicy;
}

/** An envelope as the budget knows it: a spending envelope over category accounts, or a credit card's payment envelope. */
export interface EnvelopeDefinition {
  readonly id: string;
  readonly name: string;
  readonly kind: 'spending' | 'card_payment';
  readonly categoryAccountIds: readonly string[];
  readonly cardAccountId: string | null;
  readonly policies: readonly PolicyStep[];
}

/** An entity's budget as its records and accounts define it. */
export interface BudgetPlan {
  readonly entity: EntityRecord;
  readonly unit: Currency;
  readonly accounts: ReadonlyMap<string, AccountRecord>;
  /** The on-budget accounts, or null before `configureBudget`. */
  readonly onBudget: readonly AccountRecord[] | null;
  /** Spending envelopes in the order they were defined, then one per on-budget card. */
  readonly envelopes: readonly EnvelopeDefinition[];
  readonly envelopeById: ReadonlyMap<string, EnvelopeDefinition>;
  /** Category account id to its envelope id. */
  readonly envelopeOfAccount: ReadonlyMap<string, string>;
  readonly records: readonly BudgetRecord[];
}

const stringList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** Reads an entity, its accounts and its budget records, and derives its plan. NOT_FOUND for an unknown entity. */
export async function loadBudgetPlan(tx: LedgerTx, entityId: string): Promise<BudgetPlan> {
  const [entity] = await tx.getEntities([entityId]);
  if (entity === undefined) throw notFound('entity', entityId, 'check the entity id.');
  const [accountList, records] = [await tx.listAccounts(entityId), await tx.listBudgetRecords(entityId)];
  return derivePlan(entity, new Map(accountList.map((account) => [account.id, account])), records);
}

/** The plan a list of records defines, in the order they were written. */
export function derivePlan(entity: EntityRecord, accounts: ReadonlyMap<string, AccountRecord>, records: readonly BudgetRecord[]): BudgetPlan {
  let onBudgetIds: string[] | null = null;
  const spending: { id: string; name: string; categoryAccountIds: string[]; policies: PolicyStep[] }[] = [];
  const byId = new Map<string, (typeof spending)[number]>();
  for (const record of records) {
    if (record.kind === 'settings') onBudgetIds = stringList(record.data['onBudgetAccountIds']);
    else if (record.kind === 'envelope') {
      const envelope = {
        id: record.id,
        name: String(record.data['name']),
        categoryAccountIds: stringList(record.data['categoryAccountIds']),
        policies: [{ from: null, rollover: record.data['rollover'] as RolloverPolicy, overspending: record.data['overspending'] as OverspendingPolicy }],
      };
      spending.push(envelope);
      byId.set(envelope.id, envelope);
    } else if (record.kind === 'policy') {
      const step: PolicyStep = {
        from: record.month,
        ...(typeof record.data['rollover'] === 'string' ? { rollover: record.data['rollover'] as RolloverPolicy } : {}),
        ...(typeof record.data['overspending'] === 'string' ? { overspending: record.data['overspending'] as OverspendingPolicy } : {}),
      };
      byId.get(String(record.data['envelopeId']))?.policies.push(step);
    }
  }
  const onBudget = onBudgetIds === null ? null : onBudgetIds.map((id) => accounts.get(id)).filter((account): account is AccountRecord => account !== undefined);
  const envelopes: EnvelopeDefinition[] = spending.map((envelope) => ({ ...envelope, kind: 'spending', cardAccountId: null }));
  for (const account of onBudget ?? []) {
    if (account.subtype !== 'credit_card') continue;
    envelopes.push({ id: `${cardPaymentPrefix}${account.id}`, name: `Payment: ${account.name.slice(account.name.lastIndexOf(':') + 1)}`, kind: 'card_payment', categoryAccountIds: [], cardAccountId: account.id, policies: [] });
  }
  const envelopeOfAccount = new Map<string, string>();
  for (const envelope of envelopes) for (const accountId of envelope.categoryAccountIds) envelopeOfAccount.set(accountId, envelope.id);
  return { entity, unit: currency(entity.baseCurrency), accounts, onBudget, envelopes, envelopeById: new Map(envelopes.map((envelope) => [envelope.id, envelope])), envelopeOfAccount, records };
}

/** The rollover and overspending policies of a spending envelope in a month: the latest-written step in effect wins, field by field. */
export function policyAt(envelope: EnvelopeDefinition, month: string): { rollover: RolloverPolicy; overspending: OverspendingPolicy } {
  let rollover: RolloverPolicy = 'carry';
  let overspending: OverspendingPolicy = 'reduce_next_month';
  for (const step of envelope.policies) {
    if (step.from !== null && step.from > month) continue;
    if (step.rollover !== undefined) rollover = step.rollover;
    if (step.overspending !== undefined) overspending = step.overspending;
  }
  return { rollover, overspending };
}

/** The on-budget accounts, or INVALID_STATE saying how to configure the budget. */
export function requireOnBudget(plan: BudgetPlan): readonly AccountRecord[] {
  if (plan.onBudget !== null) return plan.onBudget;
  throw new KronosError('INVALID_STATE', `The budget of '${plan.entity.id}' is not configured: call configureBudget({ id, entityId, onBudgetAccountIds }) first.`, { entityId: plan.entity.id });
}

/** An envelope of the plan, or NOT_FOUND naming the envelopes there are. */
export function requireEnvelope(plan: BudgetPlan, envelopeId: string): EnvelopeDefinition {
  const envelope = plan.envelopeById.get(envelopeId);
  if (envelope !== undefined) return envelope;
  throw new KronosError('NOT_FOUND', `No envelope '${envelopeId}' in the budget of '${plan.entity.id}': define it with defineEnvelope first (known: ${[...plan.envelopeById.keys()].join(', ') || 'none'}).`, {
    kind: 'envelope',
    id: envelopeId,
    entityId: plan.entity.id,
  });
}

/** An account of the entity in the budget currency, or NOT_FOUND / ENTITY_MISMATCH / CURRENCY_MISMATCH. */
export function requireBudgetAccount(plan: BudgetPlan, accountId: string, accountsById: ReadonlyMap<string, AccountRecord>): AccountRecord {
  const account = accountsById.get(accountId);
  if (account === undefined) throw notFound('account', accountId, 'check the account id.');
  if (account.entityId !== plan.entity.id) {
    throw new KronosError('ENTITY_MISMATCH', `Account '${accountId}' belongs to '${account.entityId}', not to '${plan.entity.id}': a budget holds only its entity's accounts.`, { accountId, entityId: plan.entity.id });
  }
  if (account.currency !== plan.unit.code || account.scale !== plan.unit.scale) {
    throw new KronosError('CURRENCY_MISMATCH', `Account '${accountId}' keeps ${account.currency}, but the budget of '${plan.entity.id}' counts in ${plan.unit.code}: budget only accounts in the entity's base currency.`, {
      accountId,
      accountCurrency: account.currency,
      budgetCurrency: plan.unit.code,
    });
  }
  return account;
}

/** `YYYY-MM` as a month count, for arithmetic. */
export function monthNumber(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** A month count back to `YYYY-MM`. */
export function monthOfNumber(value: number): string {
  return `${String(Math.floor(value / 12)).padStart(4, '0')}-${String((value % 12) + 1).padStart(2, '0')}`;
}

/** The last day of a month, `YYYY-MM-DD`. */
export function lastDayOf(month: string): string {
  const days = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}

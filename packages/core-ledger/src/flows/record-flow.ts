import { z } from 'zod';
import { KronosError } from '../errors/index.js';
import { canonicalJson } from '../_internal/canonical.js';
import { formatMinorUnits, toMinorUnits } from '../_internal/amount.js';
import { IdSchema, TextSchema, parseInput } from '../_internal/schemas.js';
import { unitOf } from '../accounts/account-view.js';
import { IsoDateSchema } from '../dates/iso-date.js';
import { flowRecordedEvent, transactionPostedEvent } from '../events/ledger-events.js';
import { AmountInputSchema } from '../journal/entry-input.js';
import { loadAccounts, loadEntities, writeEntries } from '../journal/write-entries.js';
import { idempotencyConflict, notFound, runWrite, unchanged, type AuditDraft, type LedgerContext, type WriteOptions, type WriteOutcome } from '../ledger/context.js';
import { Money } from '../money/money.js';
import type { AccountRecord, EntityRecord, FlowKind, FlowRecord, LedgerTx } from '../ports/ledger-store.js';
import { findOrDraftLinkedAccount, flowLegs } from './flow-accounts.js';

/** The kinds of inter-entity flow. */
export const FlowKindSchema = z.enum(['equity_contribution', 'owner_draw', 'distribution', 'loan', 'loan_repayment', 'expense_paid_on_behalf', 'reimbursement']);

const SideSchema = z.object({ entityId: IdSchema, accountId: IdSchema });

/**
 * Input of `recordFlow`. `from` is the entity whose money leaves and the
 * account it leaves from (credited); `to` is the other entity and the account
 * debited in its books: its bank account, or for `expense_paid_on_behalf` the
 * expense that was paid for it.
 */
export const FlowInputSchema = z.object({
  id: IdSchema.max(120),
  kind: FlowKindSchema,
  date: IsoDateSchema,
  from: SideSchema,
  to: SideSchema,
  /** Positive; a Money or a decimal string in the accounts' currency. */
  amount: AmountInputSchema,
  purpose: TextSchema,
  /** What permits it: an operating agreement clause, a loan agreement, a board resolution. */
  legalBasis: TextSchema,
  /** Who approved it (a member, a manager, the board). */
  authorizedBy: TextSchema,
});
/** Input of `recordFlow`. */
export type FlowInput = z.input<typeof FlowInputSchema>;
/** A parsed flow input. */
export type ParsedFlow = z.output<typeof FlowInputSchema>;

/** An inter-entity flow and its document, as the ledger shows it. */
export interface Flow {
  readonly id: string;
  readonly kind: FlowKind;
  readonly date: string;
  readonly fromEntityId: string;
  readonly toEntityId: string;
  readonly amount: Money;
  readonly purpose: string;
  readonly legalBasis: string;
  readonly authorizedBy: string;
  /** The entry in the payer's books, then the one in the receiver's books. */
  readonly entryIds: readonly [string, string];
  readonly recordedAt: string;
}

/** The public view of a flow record. */
export function toFlow(record: FlowRecord): Flow {
  const { fingerprint: _fingerprint, amount, currency, scale, ...rest } = record;
  return { ...rest, amount: Money.fromMinorUnits(amount, { code: currency, scale }) };
}

const ownerKinds: ReadonlySet<FlowKind> = new Set(['equity_contribution', 'owner_draw', 'distribution']);

function checkParties(flow: ParsedFlow, from: EntityRecord, to: EntityRecord, fromCash: AccountRecord, toAccount: AccountRecord): void {
  if (from.id === to.id) throw new KronosError('INVALID_INPUT', `Flow '${flow.id}' has the same entity on both sides: use postEntry for movements inside one entity's books.`, { flowId: flow.id });
  for (const [side, entity, account] of [['from', from, fromCash], ['to', to, toAccount]] as const) {
    if (account.entityId !== entity.id) {
      throw new KronosError('ENTITY_MISMATCH', `Flow '${flow.id}': ${side}.accountId '${account.id}' belongs to '${account.entityId}', not '${entity.id}'. Name an account of ${entity.id}.`, { flowId: flow.id, side, accountId: account.id });
    }
  }
  if (fromCash.currency !== toAccount.currency || fromCash.scale !== toAccount.scale) {
    throw new KronosError('CURRENCY_MISMATCH', `Flow '${flow.id}' moves ${fromCash.currency} into a ${toAccount.currency} account: convert first, then record the flow in one currency.`, { flowId: flow.id });
  }
  if (ownerKinds.has(flow.kind)) {
    const [owner, company] = flow.kind === 'equity_contribution' ? [from, to] : [to, from];
    if (!company.owners.some((stake) => stake.entityId === owner.id)) {
      throw new KronosError('INVALID_INPUT', `Flow '${flow.id}' (${flow.kind}) needs '${owner.id}' to be an owner of '${company.id}': list the owner on the entity, or use a loan instead.`, { flowId: flow.id, ownerId: owner.id, companyId: company.id });
    }
  }
}

interface FlowPlan {
  readonly fromEntity: EntityRecord;
  readonly toEntity: EntityRecord;
  readonly amount: bigint;
  readonly fromCash: AccountRecord;
  readonly toAccount: AccountRecord;
}

async function planFlow(tx: LedgerTx, flow: ParsedFlow): Promise<FlowPlan> {
  const entities = await loadEntities(tx, [flow.from.entityId, flow.to.entityId]);
  const accounts = await loadAccounts(tx, [flow.from.accountId, flow.to.accountId]);
  const fromEntity = entities.get(flow.from.entityId) ?? throwNotFound('entity', flow.from.entityId);
  const toEntity = entities.get(flow.to.entityId) ?? throwNotFound('entity', flow.to.entityId);
  const fromCash = accounts.get(flow.from.accountId) ?? throwNotFound('account', flow.from.accountId);
  const toAccount = accounts.get(flow.to.accountId) ?? throwNotFound('account', flow.to.accountId);
  checkParties(flow, fromEntity, toEntity, fromCash, toAccount);
  const amount = toMinorUnits(flow.amount, unitOf(fromCash), 'amount');
  if (amount <= 0n) throw new KronosError('INVALID_INPUT', `Flow '${flow.id}': the amount must be above zero; swap from and to for the other direction.`, { flowId: flow.id });
  return { fromEntity, toEntity, amount, fromCash, toAccount };
}

function throwNotFound(kind: string, id: string): never {
  throw notFound(kind, id, `create the ${kind} first.`);
}

function fingerprintFlow(flow: ParsedFlow, amount: bigint): string {
  const { amount: _amount, id: _id, ...rest } = flow;
  return canonicalJson({ ...rest, amount: amount.toString() });
}

/**
 * Records money moving between two entities: one balanced entry in each
 * entity's books (cash against an equity, investment or due-to/due-from
 * account kept per counterparty, opened on first use) linked by the flow id,
 * and the flow's document. All or nothing; idempotent on `id`.
 *
 * @throws KronosError `INVALID_INPUT` (same entity, not an owner), `ENTITY_MISMATCH`,
 *   `CURRENCY_MISMATCH`, `INSUFFICIENT_FUNDS`, `PERIOD_LOCKED`, `NOT_FOUND`, `IDEMPOTENCY_CONFLICT`
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.createEntity({ id: 'studio', kind: 'single_member_llc', name: 'Ana Studio LLC', baseCurrency: 'USD', owners: [{ entityId: 'ana', share: '1' }] });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * await ledger.applyChartTemplate({ entityId: 'studio', template: 'single_member_llc', openedOn: '2026-01-01' });
 * await ledger.postEntry({ id: 'pay', date: '2026-01-01', description: 'Salary', postings: [{ accountId: 'ana:checking', amount: '20000.00' }, { accountId: 'ana:salary', amount: '-20000.00' }] });
 * const flow = await ledger.recordFlow({
 *   id: 'capital-1', kind: 'equity_contribution', date: '2026-01-02', amount: '5000.00',
 *   from: { entityId: 'ana', accountId: 'ana:checking' }, to: { entityId: 'studio', accountId: 'studio:checking' },
 *   purpose: 'Initial capital', legalBasis: 'Operating agreement s. 4.1', authorizedBy: 'Ana Diaz, sole member',
 * });
 * flow.entryIds; //=> ['capital-1/from', 'capital-1/to']
 * (await ledger.getBalance({ accountId: 'studio:checking' })).toString(); //=> '5000.00'
 * ```
 */
export async function recordFlow(context: LedgerContext, input: FlowInput, options?: WriteOptions): Promise<Flow> {
  const flow = parseInput(FlowInputSchema, input, 'flow');
  return runWrite(context, options, (tx, at) => writeFlow(context, tx, flow, at));
}

/**
 * Writes a parsed flow inside a unit of work (both entries, counter-accounts
 * opened on first use, the document). Returns `unchanged` for an identical
 * repeat; other writes may share the unit of work (see `fixCommingling`).
 */
export async function writeFlow(context: LedgerContext, tx: LedgerTx, flow: ParsedFlow, at: string): Promise<WriteOutcome<Flow>> {
  const plan = await planFlow(tx, flow);
  const fingerprint = fingerprintFlow(flow, plan.amount);
  const [existing] = await tx.getFlows([flow.id]);
  if (existing !== undefined) {
    if (existing.fingerprint !== fingerprint) throw idempotencyConflict('flow', flow.id);
    return unchanged(toFlow(existing));
  }
  const legs = flowLegs[flow.kind];
  const unit = unitOf(plan.fromCash);
  const payerLeg = await findOrDraftLinkedAccount(tx, plan.fromEntity, plan.toEntity, legs.payer, unit, plan.fromCash.openedOn, context.ids, at);
  const receiverLeg = await findOrDraftLinkedAccount(tx, plan.toEntity, plan.fromEntity, legs.receiver, unit, plan.toAccount.openedOn, context.ids, at);
  const opened = [payerLeg, receiverLeg].filter((leg) => leg.opened).map((leg) => leg.account);
  if (opened.length > 0) await tx.putAccounts(opened);
  const amount = formatMinorUnits(plan.amount, unit.scale);
  const common = { date: flow.date, metadata: { flowKind: flow.kind }, flowId: flow.id, reversesId: null };
  const entryIds = [`${flow.id}/from`, `${flow.id}/to`] as const;
  const { created, accounts, auditPayload } = await writeEntries(
    tx,
    [
      { ...common, id: entryIds[0], description: `${flow.kind} to ${plan.toEntity.name}: ${flow.purpose}`.slice(0, 500), postings: [{ accountId: payerLeg.account.id, amount }, { accountId: plan.fromCash.id, amount: `-${amount}` }] },
      { ...common, id: entryIds[1], description: `${flow.kind} from ${plan.fromEntity.name}: ${flow.purpose}`.slice(0, 500), postings: [{ accountId: plan.toAccount.id, amount }, { accountId: receiverLeg.account.id, amount: `-${amount}` }] },
    ],
    'posted',
    at,
  );
  if (created.length !== 2) throw idempotencyConflict('entry', entryIds.join(' or '));
  const record: FlowRecord = {
    id: flow.id, kind: flow.kind, date: flow.date, fromEntityId: plan.fromEntity.id, toEntityId: plan.toEntity.id,
    amount: plan.amount, currency: unit.code, scale: unit.scale, purpose: flow.purpose, legalBasis: flow.legalBasis, authorizedBy: flow.authorizedBy,
    entryIds, fingerprint, recordedAt: at,
  };
  await tx.insertFlows([record]);
  const audit: AuditDraft[] = [
    ...opened.map((account) => ({ action: 'account.opened', subjectId: account.id, payload: account.fingerprint })),
    { action: 'flow.recorded', subjectId: flow.id, payload: `[${fingerprint},${auditPayload}]` },
  ];
  return { result: toFlow(record), audit, events: [...created.map((entry) => transactionPostedEvent(entry, accounts, at)), flowRecordedEvent(record, at)] };
}

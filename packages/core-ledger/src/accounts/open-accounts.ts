import { z } from 'zod';
import { KronosError } from '../errors/index.js';
import { canonicalJson } from '../_internal/canonical.js';
import { toMinorUnits } from '../_internal/amount.js';
import { IdSchema, parseInput } from '../_internal/schemas.js';
import { IsoDateSchema } from '../dates/iso-date.js';
import { idempotencyConflict, notFound, runWrite, unchanged, type LedgerContext, type WriteOptions } from '../ledger/context.js';
import { asset, currency, type Currency } from '../money/currency.js';
import { Money } from '../money/money.js';
import type { AccountRecord, LedgerTx } from '../ports/ledger-store.js';
import { accountSubtypes, rootNames, typeOfName } from './account-types.js';
import { toAccount, type Account } from './account-view.js';

/** How many accounts one call may open. */
export const accountsPerCallMax = 1000;

const segment = /^[^:\s](?:[^:]*[^:\s])?$/;

/** A hierarchical account name: `Assets:Bank:Checking`, top segment one of Assets, Liabilities, Equity, Income, Expenses. */
export const AccountNameSchema = z
  .string()
  .max(300)
  .refine((name) => name.split(':').every((part) => segment.test(part)) && typeOfName(name) !== undefined, {
    message: 'a name like "Assets:Bank:Checking": segments joined by ":", no empty segment, starting with Assets, Liabilities, Equity, Income or Expenses',
  });

const AmountSchema = z.union([z.string(), z.custom<Money>((value) => Money.isMoney(value), 'a Money')]);

/** Input of `openAccount`. */
export const AccountInputSchema = z.object({
  id: IdSchema,
  entityId: IdSchema,
  name: AccountNameSchema,
  subtype: z.string().min(1).max(40).default('other'),
  /** An ISO code (`'USD'`) or an asset `{ code, scale }`. */
  currency: z.union([z.string().min(1).max(32), z.object({ code: z.string().min(1).max(32), scale: z.number().int().min(0).max(18) })]),
  /** Lowest allowed normal balance: `'0'` forbids overdraft. */
  balanceMin: AmountSchema.optional(),
  /** Highest allowed normal balance: a credit card's credit limit. */
  balanceMax: AmountSchema.optional(),
  counterpartyId: IdSchema.optional(),
  openedOn: IsoDateSchema,
});
/** Input of `openAccount`. */
export type AccountInput = z.input<typeof AccountInputSchema>;

function unitOfInput(value: string | { code: string; scale: number }): Currency {
  return typeof value === 'string' ? currency(value) : asset(value.code, value.scale);
}

/** Normalises and checks one account input (everything that needs no store). */
export function draftAccount(input: AccountInput, createdAt: string): AccountRecord {
  const parsed = parseInput(AccountInputSchema, input, 'account');
  const type = typeOfName(parsed.name)!;
  const subtypes: readonly string[] = accountSubtypes[type];
  if (!subtypes.includes(parsed.subtype)) {
    throw new KronosError('INVALID_INPUT', `Subtype '${parsed.subtype}' does not fit a ${type} account (${rootNames[type]}:...): use one of ${subtypes.join(', ')}.`, { subtype: parsed.subtype, type });
  }
  const unit = unitOfInput(parsed.currency);
  const balanceMin = parsed.balanceMin === undefined ? null : toMinorUnits(parsed.balanceMin, unit, 'balanceMin');
  const balanceMax = parsed.balanceMax === undefined ? null : toMinorUnits(parsed.balanceMax, unit, 'balanceMax');
  if (balanceMin !== null && balanceMax !== null && balanceMin > balanceMax) {
    throw new KronosError('INVALID_INPUT', `Account '${parsed.id}': balanceMin is above balanceMax; swap or fix them.`, { accountId: parsed.id });
  }
  if (parsed.counterpartyId === parsed.entityId) {
    throw new KronosError('INVALID_INPUT', `Account '${parsed.id}': the counterparty must be another entity.`, { accountId: parsed.id });
  }
  const base = {
    entityId: parsed.entityId,
    name: parsed.name,
    type,
    subtype: parsed.subtype,
    currency: unit.code,
    scale: unit.scale,
    balanceMin,
    balanceMax,
    counterpartyId: parsed.counterpartyId ?? null,
    openedOn: parsed.openedOn,
  };
  const fingerprint = canonicalJson({ ...base, balanceMin: balanceMin?.toString() ?? null, balanceMax: balanceMax?.toString() ?? null });
  return { id: parsed.id, ...base, closedOn: null, fingerprint, createdAt };
}

/** Opens drafted accounts inside a unit of work; returns those that are new. */
export async function insertAccounts(tx: LedgerTx, drafts: readonly AccountRecord[]): Promise<{ accounts: AccountRecord[]; created: AccountRecord[] }> {
  const existing = await tx.getAccounts(drafts.map((draft) => draft.id));
  const entityIds = [...new Set(drafts.flatMap((draft) => (draft.counterpartyId === null ? [draft.entityId] : [draft.entityId, draft.counterpartyId])))];
  const entities = new Map((await tx.getEntities(entityIds)).flatMap((entity) => (entity === undefined ? [] : [[entity.id, entity] as const])));
  const namesTaken = new Map<string, Set<string>>();
  const accounts: AccountRecord[] = [];
  const created: AccountRecord[] = [];
  for (const [index, draft] of drafts.entries()) {
    const found = existing[index] ?? created.find((account) => account.id === draft.id);
    if (found !== undefined) {
      if (found.fingerprint !== draft.fingerprint) throw idempotencyConflict('account', draft.id);
      accounts.push(found);
      continue;
    }
    if (!entities.has(draft.entityId)) throw notFound('entity', draft.entityId, 'create the entity before opening its accounts.');
    if (draft.counterpartyId !== null && !entities.has(draft.counterpartyId)) throw notFound('counterparty entity', draft.counterpartyId, 'create it first.');
    let names = namesTaken.get(draft.entityId);
    if (names === undefined) namesTaken.set(draft.entityId, (names = new Set((await tx.listAccounts(draft.entityId)).map((account) => account.name))));
    if (names.has(draft.name)) {
      throw new KronosError('ALREADY_EXISTS', `Entity '${draft.entityId}' already has an account named '${draft.name}': pick another name or use that account.`, { entityId: draft.entityId, name: draft.name });
    }
    names.add(draft.name);
    created.push(draft);
    accounts.push(draft);
  }
  if (created.length > 0) await tx.putAccounts(created);
  return { accounts, created };
}

/**
 * Opens accounts in one unit of work (all or none). Idempotent per account id.
 *
 * @throws KronosError `INVALID_INPUT`, `NOT_FOUND` (entity), `ALREADY_EXISTS` (name taken), `IDEMPOTENCY_CONFLICT`
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * const [checking] = await ledger.openAccounts([{ id: 'ana-checking', entityId: 'ana', name: 'Assets:Bank:Checking', subtype: 'checking', currency: 'USD', balanceMin: '0', openedOn: '2026-01-01' }]);
 * checking?.balanceMin?.toString(); //=> '0.00'
 * checking?.type; //=> 'asset'
 * ```
 */
export async function openAccounts(context: LedgerContext, inputs: readonly AccountInput[], options?: WriteOptions): Promise<Account[]> {
  if (inputs.length > accountsPerCallMax) {
    throw new KronosError('INVALID_INPUT', `At most ${accountsPerCallMax} accounts per call: split the list.`, { count: inputs.length });
  }
  return runWrite(context, options, async (tx, at) => {
    const drafts = inputs.map((input) => draftAccount(input, at));
    const { accounts, created } = await insertAccounts(tx, drafts);
    const views = accounts.map(toAccount);
    if (created.length === 0) return unchanged(views);
    return { result: views, audit: created.map((account) => ({ action: 'account.opened', subjectId: account.id, payload: account.fingerprint })), events: [] };
  });
}

import type { AccountRecord, EntityRecord, FlowKind, LedgerTx } from '../ports/ledger-store.js';
import type { IdGenerator } from '../ports/runtime.js';
import type { Currency } from '../money/currency.js';
import { canonicalJson } from '../_internal/canonical.js';

/** The subtypes whose accounts are kept per counterparty entity. */
export type LinkedSubtype = 'investment_in_entity' | 'due_from' | 'due_to' | 'owner_contribution' | 'owner_draw' | 'distribution' | 'distribution_income';

const linkedNames: Readonly<Record<LinkedSubtype, string>> = {
  investment_in_entity: 'Assets:Investments',
  due_from: 'Assets:Due From',
  due_to: 'Liabilities:Due To',
  owner_contribution: 'Equity:Owner Contributions',
  owner_draw: 'Equity:Owner Draws',
  distribution: 'Equity:Distributions',
  distribution_income: 'Income:Distributions',
};

/**
 * Per kind, the account each side's entry uses besides the cash account the
 * caller names: `payer` is debited in the payer's books, `receiver` credited
 * in the receiver's books (see the README's flow table).
 */
export const flowLegs: Readonly<Record<FlowKind, { readonly payer: LinkedSubtype; readonly receiver: LinkedSubtype }>> = {
  equity_contribution: { payer: 'investment_in_entity', receiver: 'owner_contribution' },
  owner_draw: { payer: 'owner_draw', receiver: 'investment_in_entity' },
  distribution: { payer: 'distribution', receiver: 'distribution_income' },
  loan: { payer: 'due_from', receiver: 'due_to' },
  loan_repayment: { payer: 'due_to', receiver: 'due_from' },
  expense_paid_on_behalf: { payer: 'due_from', receiver: 'due_to' },
  reimbursement: { payer: 'due_to', receiver: 'due_from' },
};

/** The linked account an entity keeps for a counterparty, as a template or a flow opens it. */
export function linkedAccountDraft(
  entity: EntityRecord,
  counterparty: EntityRecord,
  subtype: LinkedSubtype,
  unit: Currency,
  openedOn: string,
  takenNames: ReadonlySet<string>,
  ids: IdGenerator,
  createdAt: string,
): AccountRecord {
  const base = `${linkedNames[subtype]}:${counterparty.name.replace(/:/g, ' ').trim()}${unit.code === entity.baseCurrency ? '' : ` ${unit.code}`}`;
  const name = takenNames.has(base) ? `${base} (${counterparty.id.replace(/:/g, ' ')})` : base;
  const preferredId = `${entity.id}:${subtype}:${counterparty.id}:${unit.code}`;
  const type = name.startsWith('Assets') ? 'asset' : name.startsWith('Liabilities') ? 'liability' : name.startsWith('Equity') ? 'equity' : 'income';
  const fields = { entityId: entity.id, name, type, subtype, currency: unit.code, scale: unit.scale, balanceMin: null, balanceMax: null, counterpartyId: counterparty.id, openedOn } as const;
  return {
    id: preferredId.length <= 128 ? preferredId : ids.next('acc'),
    ...fields,
    closedOn: null,
    fingerprint: canonicalJson({ ...fields, balanceMin: null, balanceMax: null }),
    createdAt,
  };
}

/**
 * Finds the entity's open account of `subtype` for `counterparty` in `unit`,
 * or drafts one to open (returned in `opened`).
 */
export async function findOrDraftLinkedAccount(
  tx: LedgerTx,
  entity: EntityRecord,
  counterparty: EntityRecord,
  subtype: LinkedSubtype,
  unit: Currency,
  date: string,
  ids: IdGenerator,
  createdAt: string,
): Promise<{ account: AccountRecord; opened: boolean }> {
  const accounts = await tx.listAccounts(entity.id);
  const found = accounts.find(
    (account) => account.subtype === subtype && account.counterpartyId === counterparty.id && account.currency === unit.code && account.scale === unit.scale && account.closedOn === null,
  );
  if (found !== undefined) return { account: found, opened: false };
  const names = new Set(accounts.map((account) => account.name));
  return { account: linkedAccountDraft(entity, counterparty, subtype, unit, date, names, ids, createdAt), opened: true };
}

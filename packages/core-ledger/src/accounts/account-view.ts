import { Money } from '../money/money.js';
import type { Currency } from '../money/currency.js';
import type { AccountRecord, AccountType } from '../ports/ledger-store.js';

/** An account as the ledger shows it; bounds are on the normal balance. */
export interface Account {
  readonly id: string;
  readonly entityId: string;
  readonly name: string;
  readonly type: AccountType;
  readonly subtype: string;
  readonly currency: Currency;
  readonly balanceMin: Money | null;
  readonly balanceMax: Money | null;
  readonly counterpartyId: string | null;
  readonly openedOn: string;
  readonly closedOn: string | null;
  readonly createdAt: string;
}

/** The unit an account counts in. */
export function unitOf(account: AccountRecord): Currency {
  return { code: account.currency, scale: account.scale };
}

/** The public view of an account record. */
export function toAccount(record: AccountRecord): Account {
  const unit = unitOf(record);
  return {
    id: record.id,
    entityId: record.entityId,
    name: record.name,
    type: record.type,
    subtype: record.subtype,
    currency: unit,
    balanceMin: record.balanceMin === null ? null : Money.fromMinorUnits(record.balanceMin, unit),
    balanceMax: record.balanceMax === null ? null : Money.fromMinorUnits(record.balanceMax, unit),
    counterpartyId: record.counterpartyId,
    openedOn: record.openedOn,
    closedOn: record.closedOn,
    createdAt: record.createdAt,
  };
}

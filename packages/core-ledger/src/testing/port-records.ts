import type { AccountRecord, EntityRecord } from '../ports/ledger-store.js';

/** Fixtures for tests that talk to the store port directly: one individual and a USD cash account of theirs. */
export const portCreatedAt = '2026-01-01T00:00:00.000Z';
export const portEntity: EntityRecord = { id: 'e', kind: 'individual', name: 'E', baseCurrency: 'USD', owners: [], closedThrough: null, fingerprint: '{}', createdAt: portCreatedAt };
export const portCash: AccountRecord = {
  id: 'cash', entityId: 'e', name: 'Assets:Cash', type: 'asset', subtype: 'cash', currency: 'USD', scale: 2,
  balanceMin: null, balanceMax: null, counterpartyId: null, openedOn: '2026-01-01', closedOn: null, fingerprint: '{}', createdAt: portCreatedAt,
};

import type { Ledger } from '../ledger/create-ledger.js';
import type { AccountOwner } from './apply-rules.js';

/**
 * Reads which entity (and entity kind) owns every account of the ledger, for
 * `applyRules`' `accountOwner` option: `(id) => owners.get(id)`. Read it once
 * per import, not per transaction.
 *
 * @example
 * ```ts
 * const ledger = createLedger({ store: createMemoryStore() });
 * await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana Diaz', baseCurrency: 'USD' });
 * await ledger.applyChartTemplate({ entityId: 'ana', template: 'individual', openedOn: '2026-01-01' });
 * const owners = await loadAccountOwners(ledger);
 * owners.get('ana:checking'); //=> { entityId: 'ana', entityKind: 'individual' }
 * ```
 */
export async function loadAccountOwners(ledger: Ledger): Promise<ReadonlyMap<string, AccountOwner>> {
  const owners = new Map<string, AccountOwner>();
  for (const entity of await ledger.listEntities()) {
    for (const account of await ledger.listAccounts(entity.id)) owners.set(account.id, { entityId: entity.id, entityKind: entity.kind });
  }
  return owners;
}

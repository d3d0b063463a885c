import { createLedger, createMemoryStore, type Ledger, type LedgerStore } from '@kronos/core-ledger';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Reads a copied fixture (test-data/import-fixtures) as bytes. Test and benchmark helper. */
export function readFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`../../test-data/import-fixtures/${name}`, import.meta.url))));
}

/**
 * A ledger (on a memory store unless given another) with one entity `ana`
 * and the accounts imports go to: `ana:checking`, `ana:uncategorized`,
 * `ana:dining`. Test and benchmark helper.
 */
export async function createImportLedger(currency: string, store: LedgerStore = createMemoryStore()): Promise<Ledger> {
  const ledger = createLedger({ store, actor: 'test' });
  await ledger.createEntity({ id: 'ana', kind: 'individual', name: 'Ana', baseCurrency: currency });
  await ledger.openAccounts([
    { id: 'ana:checking', entityId: 'ana', name: 'Assets:Bank:Checking', subtype: 'checking', currency, openedOn: '2000-01-01' },
    { id: 'ana:uncategorized', entityId: 'ana', name: 'Expenses:Uncategorized', currency, openedOn: '2000-01-01' },
    { id: 'ana:dining', entityId: 'ana', name: 'Expenses:Dining', currency, openedOn: '2000-01-01' },
  ]);
  return ledger;
}

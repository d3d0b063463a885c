/**
 * The small structural port through which a host hands goals the ledger
 * balances of an entity (goals never imports core-ledger). A core-ledger store
 * adapts to it in a few lines: return each account's balance as a decimal string.
 */
export interface BalanceReader {
  /** Balances of the entity's accounts, amounts as decimal strings in the plan's currency. */
  balancesOf(entityId: string): Promise<ReadonlyArray<{ readonly accountId: string; readonly amount: string }>>;
}

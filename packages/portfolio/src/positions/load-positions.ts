import { IsoDateSchema, KronosError, type Money } from '@kronos/core-ledger';
import type { Position } from './check-drift.js';

/** A ledger account that holds one security for a brokerage account. */
export interface SecurityAccount {
  /** The ledger account id (its currency is the symbol's asset). */
  readonly ledgerAccountId: string;
  /** The brokerage account the position belongs to. */
  readonly accountId: string;
  readonly symbol: string;
}

/** The part of core-ledger's Ledger positions need. */
export interface PositionsLedger {
  getBalance(query: { accountId: string; asOf?: string }): Promise<Money>;
}

/** Bound on security accounts read per call. */
export const securityAccountsMax = 10_000;

/**
 * Reads positions from the ledger: each security account's balance as of
 * `date` (share quantities are Money in the asset's code), zero balances
 * left out.
 *
 * @example
 * Not run here: it needs a ledger with security accounts (load-positions.test.ts does it).
 * ```ts no-run
 * const positions = await loadPositions({ ledger }, { date: '2026-01-31', accounts: [{ ledgerAccountId: 'vti', accountId: 'brk', symbol: 'VTI' }] });
 * positions[0]!.quantity.toString(); //=> '5.000000'
 * ```
 */
export async function loadPositions(deps: { ledger: PositionsLedger }, input: { date: string; accounts: readonly SecurityAccount[] }): Promise<Position[]> {
  IsoDateSchema.parse(input.date);
  if (input.accounts.length > securityAccountsMax) throw new KronosError('INVALID_INPUT', `Read at most ${securityAccountsMax} security accounts per call.`, {});
  const positions: Position[] = [];
  for (const account of input.accounts) {
    const quantity = await deps.ledger.getBalance({ accountId: account.ledgerAccountId, asOf: input.date });
    if (quantity.currency.code !== account.symbol) {
      throw new KronosError('INVALID_INPUT', `Ledger account ${account.ledgerAccountId} holds ${quantity.currency.code}, not ${account.symbol}.`, { ledgerAccountId: account.ledgerAccountId });
    }
    if (!quantity.isZero()) positions.push({ accountId: account.accountId, symbol: account.symbol, quantity });
  }
  return positions;
}

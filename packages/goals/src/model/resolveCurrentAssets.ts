import Decimal from 'decimal.js';
import { KronosError } from '../_internal/errors.js';
import type { BalanceReader } from '../ports/balances.js';
import type { CurrentAssets } from './schemas.js';

/**
 * The money already saved for a goal, as an exact decimal string: the given
 * amount, or the sum of the named ledger balances (every account of each
 * entity unless `accountIds` narrows it), added with decimal.js.
 *
 * @throws KronosError `BALANCES_UNAVAILABLE` when the assets come from the ledger and no reader is given,
 *   `ACCOUNT_NOT_FOUND` when a named account has no balance.
 * @example
 * ```ts
 * await resolveCurrentAssets({ kind: 'given', amount: '1500.25' }) //=> '1500.25'
 * ```
 */
export async function resolveCurrentAssets(assets: CurrentAssets, options: { balances?: BalanceReader } = {}): Promise<string> {
  if (assets.kind === 'given') return new Decimal(assets.amount).toFixed();
  const reader = options.balances;
  if (!reader) {
    throw new KronosError('BALANCES_UNAVAILABLE', 'The goal takes its assets from the ledger; pass a BalanceReader in options.balances.', {});
  }
  let total = new Decimal(0);
  for (const holding of assets.holdings) {
    const rows = await reader.balancesOf(holding.entityId);
    const wanted = holding.accountIds ? new Set(holding.accountIds) : null;
    for (const id of wanted ?? []) {
      if (!rows.some((row) => row.accountId === id)) {
        throw new KronosError('ACCOUNT_NOT_FOUND', `Account ${id} has no balance for entity ${holding.entityId}; check the account id or remove it from the goal.`, {
          entityId: holding.entityId,
          accountId: id,
        });
      }
    }
    for (const row of rows) if (!wanted || wanted.has(row.accountId)) total = total.plus(row.amount);
  }
  return total.toFixed();
}

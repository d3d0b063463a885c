import { Money } from '@kronos/core-ledger';
import type { TaxLotLedger } from '../lots/types.js';
import type { Form8949Row } from './buildForm8949.js';

/** The basis identity of a lot ledger, and whether Form 8949 agrees with it (USD). */
export interface LedgerReconciliation {
  /** Basis carried out by every disposal (taxable or not). */
  readonly basisSold: Money;
  /** Basis of the lots still open. */
  readonly basisRemaining: Money;
  /** Purchases, reinvestments and transfers in. */
  readonly acquiredBasis: Money;
  readonly disallowedCarried: Money;
  readonly disallowedPermanent: Money;
  /** basisSold + basisRemaining - (acquiredBasis + disallowedCarried): zero when the ledger balances. */
  readonly difference: Money;
  readonly balanced: boolean;
  /** Whether the rows' (d), (e), (g), (h) sum to the taxable disposals' proceeds, basis, disallowed loss and reported gain. */
  readonly form8949Matches: boolean;
}

/**
 * Checks that basis is conserved: basis sold + basis remaining = purchases +
 * disallowed losses carried into replacements (losses lost to IRA/Roth
 * replacements add no basis anywhere), and that Form 8949 rows, when given,
 * add up to the taxable disposals they came from.
 *
 * @example
 * ```ts
 * const ledger = computeTaxLots([], { accounts: [{ id: 'brokerage', type: 'taxable' }] });
 * reconcileLedger(ledger).balanced; //=> true
 * ```
 */
export function reconcileLedger(ledger: TaxLotLedger, rows?: readonly Form8949Row[]): LedgerReconciliation {
  const usd = ledger.totals.acquiredBasis.currency;
  const basisSold = Money.sum(ledger.disposals.map((d) => d.basis), usd);
  const basisRemaining = Money.sum(ledger.openLots.map((lot) => lot.basis), usd);
  const difference = basisSold.add(basisRemaining).subtract(ledger.totals.acquiredBasis.add(ledger.totals.disallowedCarried));
  let form8949Matches = true;
  if (rows !== undefined) {
    const years = new Set(rows.map((row) => row.dateSold.slice(0, 4)));
    const reported = ledger.disposals.filter((d) => d.taxable && !d.section1256 && years.has(d.soldOn.slice(0, 4)));
    const sum = (values: readonly Money[]) => Money.sum(values, usd);
    form8949Matches =
      sum(rows.map((r) => r.proceeds)).equals(sum(reported.map((d) => d.proceeds))) &&
      sum(rows.map((r) => r.basis)).equals(sum(reported.map((d) => d.basis))) &&
      sum(rows.map((r) => r.adjustment)).equals(sum(reported.map((d) => d.disallowedLoss))) &&
      sum(rows.map((r) => r.gain)).equals(sum(reported.map((d) => d.recognizedGain)));
  }
  return { basisSold, basisRemaining, acquiredBasis: ledger.totals.acquiredBasis, disallowedCarried: ledger.totals.disallowedCarried, disallowedPermanent: ledger.totals.disallowedPermanent, difference, balanced: difference.isZero(), form8949Matches };
}

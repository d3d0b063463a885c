import { Decimal, type Money } from '@kronos/core-ledger';
import type { HoldingTerm } from '../holding/classifyHoldingPeriod.js';
import type { TaxRates } from '../records/schemas.js';

/** Federal rate for the term plus the state rate, as a Decimal. */
export function combinedRate(rates: TaxRates, term: HoldingTerm): Decimal {
  return new Decimal(term === 'long' ? rates.longTerm : rates.shortTerm).plus(rates.state);
}

/** The fraction of market value a trade gives up to the spread: half the full spread `spreadBps`. */
export function halfSpreadFraction(spreadBps: string): Decimal {
  return new Decimal(spreadBps).div(20_000);
}

/**
 * Cost of trading `marketValue` once: the commission plus half the quoted
 * bid-ask spread (`halfSpread` from `halfSpreadFraction`), rounded up to the
 * cent ('up': a cost estimate should not come out low).
 */
export function tradingCost(marketValue: Money, commission: Money, halfSpread: Decimal): Money {
  return halfSpread.isZero() ? commission : commission.add(marketValue.abs().multiply(halfSpread, 'up'));
}

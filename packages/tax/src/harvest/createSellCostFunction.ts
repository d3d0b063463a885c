import { IsoDateSchema, KronosError, Money } from '@kronos/core-ledger';
import { addDaysIso, yearOf } from '../_internal/dates.js';
import { combinedRate, halfSpreadFraction, tradingCost } from '../_internal/costs.js';
import { createGroupResolver } from '../_internal/groups.js';
import { positionKey } from '../_internal/state.js';
import { classifyHoldingPeriod } from '../holding/classifyHoldingPeriod.js';
import { resolveLotMethod } from '../lots/computeTaxLots.js';
import { parseTaxProfile } from '../lots/parseRecords.js';
import { planRelief } from '../lots/planRelief.js';
import type { Lot, TaxLotLedger } from '../lots/types.js';
import { type TaxProfileInput, type TaxRates, TaxRatesSchema } from '../records/schemas.js';
import { washWindowDays } from '../wash/applyWashSale.js';

/** A sale the rebalancer is considering. `price` is USD per share. */
export interface SellCostInput {
  readonly accountId: string;
  readonly symbol: string;
  readonly quantity: Money;
  readonly price: Money;
  readonly date: string;
}

/** What selling would cost (USD). A negative `costUsd` is a net benefit (a deductible loss). */
export interface SellCost {
  /** taxUsd + tradingCostUsd. */
  readonly costUsd: Money;
  /** Tax on the realised gain at the term rates plus state; negative for a deductible loss; zero outside taxable accounts. */
  readonly taxUsd: Money;
  readonly tradingCostUsd: Money;
  readonly shortTermGainUsd: Money;
  readonly longTermGainUsd: Money;
  /** True when a loss would be washed by a substantially identical purchase in the last 30 days (its tax benefit is then not counted). */
  readonly washSaleRisk: boolean;
  readonly lots: readonly { readonly lotId: string; readonly quantity: Money; readonly basis: Money }[];
}

/**
 * The sell-cost function the portfolio rebalancer takes. A plain function
 * type: portfolio declares a structurally identical one, so neither package
 * imports the other.
 */
export type SellCostFunction = (input: SellCostInput) => SellCost;

/**
 * Makes a sell-cost function over a lot ledger: for a proposed sale it picks
 * lots with the account's method for that year (specific identification is
 * planned as minimum tax, the choice a seller who names lots would make),
 * prices the gain at the short/long-term rate plus state (rounded half-even to
 * the cent), adds commission and half the spread, and flags wash-sale risk.
 * Proceeds are price x quantity rounded half-even to the cent. Pure: the
 * ledger is not changed.
 *
 * @throws KronosError `INSUFFICIENT_SHARES` when the account holds fewer shares, `INVALID_INPUT` for a bad date
 *
 * @example
 * ```ts
 * const usd = (amount: string) => ({ amount, currency: 'USD', scale: 2 });
 * const x = (amount: string) => ({ amount, currency: 'X', scale: 0 });
 * const profile = { accounts: [{ id: 'brokerage', type: 'taxable' as const }] };
 * const ledger = computeTaxLots([
 *   { kind: 'buy', id: 'b1', accountId: 'brokerage', date: '2023-01-03', symbol: 'X', quantity: x('10'), cost: usd('1000.00') },
 * ], profile);
 * const sellCost = createSellCostFunction({ ledger, profile, rates: { shortTerm: '0.35', longTerm: '0.15', state: '0.05' } });
 * const cost = sellCost({ accountId: 'brokerage', symbol: 'X', quantity: Money.of('4', asset('X', 0)), price: Money.of('150.00', 'USD'), date: '2024-06-03' });
 * cost.costUsd.toString(); //=> '40.00'
 * ```
 */
export function createSellCostFunction(deps: {
  readonly ledger: TaxLotLedger;
  readonly profile: TaxProfileInput;
  readonly rates: TaxRates;
  readonly commissionUsd?: Money;
  /** Full bid-ask spread in basis points. */
  readonly spreadBps?: string;
}): SellCostFunction {
  const profile = parseTaxProfile(deps.profile);
  const rates = TaxRatesSchema.parse(deps.rates);
  const accounts = new Map(profile.accounts.map((a) => [a.id, a]));
  const groups = createGroupResolver({ groups: profile.substantiallyIdentical });
  const halfSpread = halfSpreadFraction(deps.spreadBps ?? '0');
  const lotsByPosition = new Map<string, Lot[]>();
  const acquisitionsByGroup = new Map<string, { date: string; originId: string }[]>();
  for (const lot of deps.ledger.openLots) {
    const key = positionKey(lot.accountId, lot.symbol);
    const lots = lotsByPosition.get(key);
    if (lots === undefined) lotsByPosition.set(key, [lot]);
    else lots.push(lot);
    const group = groups.keyOf(lot.symbol);
    const acquisition = { date: lot.acquiredOn, originId: lot.originId };
    const acquisitions = acquisitionsByGroup.get(group);
    if (acquisitions === undefined) acquisitionsByGroup.set(group, [acquisition]);
    else acquisitions.push(acquisition);
  }
  return (input) => {
    const date = IsoDateSchema.safeParse(input.date);
    if (!date.success) throw new KronosError('INVALID_INPUT', `Sale date '${input.date}' is not a calendar date YYYY-MM-DD.`, { date: input.date });
    const usd = input.price.currency;
    const zero = Money.zero(usd);
    const proceeds = input.price.multiply(input.quantity.amount, 'halfEven');
    const configured = resolveLotMethod(profile, input.accountId, yearOf(input.date));
    const method = configured === 'specific' ? 'minimumTax' : configured;
    const lots = lotsByPosition.get(positionKey(input.accountId, input.symbol)) ?? [];
    const plan = planRelief({ lots, quantity: input.quantity, proceeds, method, soldOn: input.date, rates });
    const proceedsParts = plan.pieces.length === 1 ? [proceeds] : proceeds.allocate(plan.pieces.map((p) => p.quantity.amount));
    let shortTerm = zero;
    let longTerm = zero;
    plan.pieces.forEach((piece, i) => {
      const gain = (proceedsParts[i] ?? zero).subtract(piece.basis);
      if (classifyHoldingPeriod(piece.lot.holdingPeriodStart, input.date) === 'long') longTerm = longTerm.add(gain);
      else shortTerm = shortTerm.add(gain);
    });
    const from = addDaysIso(input.date, -washWindowDays);
    const sold = new Set(plan.pieces.map((p) => p.lot.originId));
    const washSaleRisk = shortTerm.add(longTerm).isNegative() &&
      (acquisitionsByGroup.get(groups.keyOf(input.symbol)) ?? []).some((a) => a.date >= from && a.date <= input.date && !sold.has(a.originId));
    const taxable = accounts.get(input.accountId)?.type === 'taxable';
    const taxOf = (gain: Money, term: 'short' | 'long') => (washSaleRisk && gain.isNegative() ? zero : gain.multiply(combinedRate(rates, term), 'halfEven'));
    const taxUsd = taxable ? taxOf(shortTerm, 'short').add(taxOf(longTerm, 'long')) : zero;
    const tradingCostUsd = tradingCost(proceeds, deps.commissionUsd ?? zero, halfSpread);
    return {
      costUsd: taxUsd.add(tradingCostUsd), taxUsd, tradingCostUsd, shortTermGainUsd: shortTerm, longTermGainUsd: longTerm, washSaleRisk,
      lots: plan.pieces.map((p) => ({ lotId: p.lot.id, quantity: p.quantity, basis: p.basis })),
    };
  };
}

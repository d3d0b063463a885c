import { asset, Decimal, KronosError, Money, type Currency } from '@kronos/core-ledger';
import { z } from 'zod';
import { chooseUpgrades, type UpgradeItem } from '../_internal/upgrade-knapsack.js';

export const DiscreteAllocationOptionsSchema = z.object({
  /** 'greedy' (PyPortfolioOpt's greedy_portfolio) or 'exact' (integer optimum of lp_portfolio's objective). */
  method: z.enum(['greedy', 'exact']).default('greedy'),
  /** Value of the shorts as a fraction of the total value (PyPortfolioOpt's short_ratio); default: the weights' own. */
  shortRatio: z.number().nonnegative().optional(),
  /** Add the short proceeds to the long budget. */
  reinvest: z.boolean().default(false),
  /** Decimal places of share quantities: 0 = whole shares (default), e.g. 6 for fractional shares. */
  shareScale: z.number().int().min(0).max(18).default(0),
  /** Bound on single-share purchases in the greedy's second round. */
  roundsMax: z.number().int().positive().default(100_000),
});
export type DiscreteAllocationOptions = z.input<typeof DiscreteAllocationOptionsSchema>;

export interface DiscreteAllocationInput {
  /** Target weights by ticker (negative = short). */
  readonly weights: Readonly<Record<string, number>>;
  /** Latest price per ticker, all in one currency (any scale, e.g. asset('USD', 6)). */
  readonly prices: Readonly<Record<string, Money>>;
  /** Cash to invest, in the prices' currency code. */
  readonly totalValue: Money;
  /** Orders worth less than this are dropped (their cash stays in leftover). */
  readonly minimumTradeValue?: Money;
}

export interface ShareOrder {
  readonly ticker: string;
  /** Signed share quantity, Money in the asset's code (negative = short). */
  readonly shares: Money;
  /** |shares| x price, exact (its scale is the prices' plus the shares' decimals). */
  readonly cost: Money;
}

export interface DiscreteAllocation {
  readonly orders: readonly ShareOrder[];
  /** Cash not invested (long side, plus short side when not reinvested). */
  readonly leftover: Money;
  /** Root-mean-square gap between target weights and the weights bought (PyPortfolioOpt's _allocation_rmse_error). */
  readonly rmse: number;
}

const weightZero = 1e-10;

interface Side {
  readonly tickers: string[];
  readonly weights: number[];
  readonly prices: Decimal[];
  readonly budget: Decimal;
}

/**
 * Turns target weights into share orders given prices and cash. Shorts and
 * longs are allocated apart (shorts worth totalValue x shortRatio), as in
 * PyPortfolioOpt's DiscreteAllocation. 'greedy' buys the floor of each
 * target then one share at a time of the asset furthest below its weight;
 * 'exact' finds the integer optimum of min sum |w_i V - n_i p_i| + leftover
 * (PyPortfolioOpt's lp_portfolio objective) by dynamic programming over the
 * cash in minor units of the cash currency, prices rounded up there.
 *
 * @throws KronosError `INVALID_INPUT` (missing price, mixed currencies), `PROBLEM_TOO_LARGE` (exact method).
 * @example
 * ```ts
 * const usd = currency('USD');
 * const result = allocateDiscrete({
 *   weights: { AAA: 0.5, BBB: 0.5 },
 *   prices: { AAA: Money.of('30', usd), BBB: Money.of('45', usd) },
 *   totalValue: Money.of('100', usd),
 * });
 * result.orders.map((o) => `${o.ticker} ${o.shares.toString()}`); //=> ['AAA 1', 'BBB 1']
 * result.leftover.toString(); //=> '25.00'
 * ```
 */
export function allocateDiscrete(input: DiscreteAllocationInput, options: DiscreteAllocationOptions = {}): DiscreteAllocation {
  const settings = DiscreteAllocationOptionsSchema.parse(options);
  const unit = checkCurrencies(input, settings.shareScale);
  // Weights within solver precision of 0 (|w| <= 1e-10) count as 0, so a
  // long-only optimum's -1e-17 is not taken for a short.
  const entries = Object.entries(input.weights).filter(([, w]) => Math.abs(w) > weightZero);
  const longs = entries.filter(([, w]) => w > 0);
  const shorts = entries.filter(([, w]) => w < 0).map(([t, w]) => [t, -w] as [string, number]);
  const longTotal = longs.reduce((s, [, w]) => s + w, 0);
  const shortTotal = shorts.reduce((s, [, w]) => s + w, 0);
  const total = input.totalValue.amount;
  const shortValue = total.times(settings.shortRatio ?? shortTotal);
  const longValue = settings.reinvest ? total.plus(shortValue) : total;
  const price = (t: string): Decimal => priceOf(input, t);
  const side = (list: [string, number][], sum: number, budget: Decimal): Side => ({
    tickers: list.map(([t]) => t),
    weights: list.map(([, w]) => w / sum),
    prices: list.map(([t]) => price(t)),
    budget,
  });
  const allocate = (s: Side): Decimal[] => (settings.method === 'exact' ? allocateExact(s, unit, settings.shareScale) : allocateGreedy(s, settings.shareScale, settings.roundsMax));
  const longShares = longs.length > 0 ? allocate(side(longs, longTotal, longValue)) : [];
  const shortShares = shorts.length > 0 ? allocate(side(shorts, shortTotal, shortValue)) : [];
  return assemble(input, unit, settings.shareScale, [
    ...longs.map(([t], i) => ({ ticker: t, shares: longShares[i]! })),
    ...shorts.map(([t], i) => ({ ticker: t, shares: shortShares[i]!.negated() })),
  ], longValue.plus(shorts.length > 0 ? shortValue : 0));
}

/** The unit costs are exact in: price decimals plus share decimals (at least the cash's). */
function checkCurrencies(input: DiscreteAllocationInput, shareScale: number): Currency {
  const code = input.totalValue.currency.code;
  let scale = input.totalValue.currency.scale;
  for (const [ticker, price] of Object.entries(input.prices)) {
    if (price.currency.code !== code) throw new KronosError('INVALID_INPUT', `The price of ${ticker} is in ${price.currency.code}; give every price in ${code}, the cash currency.`, { ticker });
    if (!price.isPositive()) throw new KronosError('INVALID_INPUT', `The price of ${ticker} is ${price.toString()}; prices must be positive.`, { ticker });
    scale = Math.max(scale, price.currency.scale + shareScale);
  }
  return asset(code, Math.min(scale, 18));
}

function priceOf(input: DiscreteAllocationInput, ticker: string): Decimal {
  const price = input.prices[ticker];
  if (price === undefined) throw new KronosError('INVALID_INPUT', `There is no price for ${ticker}; add it to prices or drop its weight.`, { ticker });
  return price.amount;
}

function allocateGreedy(side: Side, shareScale: number, roundsMax: number): Decimal[] {
  // Largest weights first, as PyPortfolioOpt sorts them (ties keep input order).
  const order = side.weights.map((_, i) => i).sort((a, b) => side.weights[b]! - side.weights[a]!);
  const step = new Decimal(1).dividedBy(new Decimal(10).pow(shareScale));
  const shares = side.weights.map((w, i) => new Decimal(w).times(side.budget).dividedBy(side.prices[i]!).toDecimalPlaces(shareScale, Decimal.ROUND_DOWN));
  let available = side.budget.minus(shares.reduce((sum, n, i) => sum.plus(n.times(side.prices[i]!)), new Decimal(0)));
  for (let round = 0; round < roundsMax && available.isPositive(); round++) {
    const values = shares.map((n, i) => n.times(side.prices[i]!).toNumber());
    const spent = values.reduce((s, v) => s + v, 0);
    let pick = -1;
    let deficitBest = 0;
    for (const i of order) {
      const deficit = side.weights[i]! - (spent > 0 ? values[i]! / spent : 0);
      const cost = side.prices[i]!.times(step);
      if (deficit > deficitBest && cost.lessThanOrEqualTo(available)) {
        deficitBest = deficit;
        pick = i;
      }
    }
    if (pick < 0) break;
    shares[pick] = shares[pick]!.plus(step);
    available = available.minus(side.prices[pick]!.times(step));
  }
  return shares;
}

function allocateExact(side: Side, unit: Currency, shareScale: number): Decimal[] {
  const step = new Decimal(1).dividedBy(new Decimal(10).pow(shareScale));
  const minor = new Decimal(1).dividedBy(new Decimal(10).pow(Math.min(unit.scale, 2)));
  const floors = side.weights.map((w, i) => new Decimal(w).times(side.budget).dividedBy(side.prices[i]!.times(step)).floor());
  const spent = floors.reduce((sum, n, i) => sum.plus(n.times(step).times(side.prices[i]!)), new Decimal(0));
  const leftover = side.budget.minus(spent).dividedBy(minor).floor().toNumber();
  const items: UpgradeItem[] = side.weights.map((w, i) => {
    const lot = side.prices[i]!.times(step);
    const target = new Decimal(w).times(side.budget);
    return { cost: lot.dividedBy(minor).ceil().toNumber(), gain: target.minus(floors[i]!.times(lot)).toNumber(), lowerable: floors[i]!.toNumber() };
  });
  const choice = chooseUpgrades(items, leftover);
  if (choice === undefined) throw new KronosError('PROBLEM_TOO_LARGE', 'The exact allocation table would be too large for these prices; use method greedy.', {});
  return floors.map((n, i) => n.plus(choice.upgrades[i] ? 1 : 0).minus(choice.lowerings[i]!).times(step));
}

function assemble(input: DiscreteAllocationInput, unit: Currency, shareScale: number, positions: { ticker: string; shares: Decimal }[], budget: Decimal): DiscreteAllocation {
  const minimum = input.minimumTradeValue?.amount ?? new Decimal(0);
  const orders: ShareOrder[] = [];
  let invested = new Decimal(0);
  const values: Record<string, number> = {};
  for (const { ticker, shares } of positions) {
    const cost = shares.abs().times(priceOf(input, ticker));
    if (shares.isZero() || cost.lessThan(minimum)) continue;
    invested = invested.plus(cost);
    values[ticker] = shares.times(priceOf(input, ticker)).toNumber();
    orders.push({ ticker, shares: Money.of(shares, asset(ticker, shareScale)), cost: Money.of(cost, unit) });
  }
  // PyPortfolioOpt's _allocation_rmse_error: signed values over their signed sum, every target counted.
  const targets = Object.entries(input.weights);
  const net = Object.values(values).reduce((s, v) => s + v, 0);
  const squared = targets.reduce((s, [t, w]) => s + (w - (net === 0 ? 0 : (values[t] ?? 0) / net)) ** 2, 0);
  return { orders, leftover: Money.of(budget.minus(invested), unit), rmse: Math.sqrt(squared / Math.max(1, targets.length)) };
}

import { asset, Decimal, IsoDateSchema, KronosError, Money } from '@kronos/core-ledger';
import { z } from 'zod';
import { type DriftBands, DriftBandsSchema } from '../positions/check-drift.js';

export const AccountTypeSchema = z.enum(['taxable', 'tax_deferred', 'tax_exempt']);
export type AccountType = z.infer<typeof AccountTypeSchema>;

/** A lot-free holding in one account; `quantity` is Money in the symbol's code, `price` per unit in the cash currency. */
export interface RebalanceHolding {
  readonly accountId: string;
  readonly accountType: AccountType;
  readonly symbol: string;
  readonly quantity: Money;
  readonly price: Money;
}

export interface AccountCash {
  readonly accountId: string;
  readonly accountType: AccountType;
  /** Cash available to invest (deposits included). */
  readonly amount: Money;
}

/** The tax package supplies one that prices realised gains and wash-sale risk; it receives the sell before it happens. */
export type SellCostFunction = (input: { accountId: string; symbol: string; quantity: Money; price: Money; date: string }) => { costUsd: Money };

export interface RebalanceInput {
  readonly date: string;
  readonly currency: string;
  readonly holdings: readonly RebalanceHolding[];
  readonly cash: readonly AccountCash[];
  /** Target weights by symbol over the invested value, summing to 1. */
  readonly targets: Readonly<Record<string, number>>;
  readonly bands: DriftBands;
  /** Trades worth less are not placed. */
  readonly minimumTrade: Money;
  /** Cash to raise for a withdrawal, taken from overweights first (0 when absent). */
  readonly withdrawal?: Money;
  /** Prices of target symbols not held anywhere yet. */
  readonly prices?: Readonly<Record<string, Money>>;
}

export interface RebalanceOrder {
  readonly symbol: string;
  readonly side: 'buy' | 'sell';
  readonly quantity: Money;
  readonly estimatedValue: Money;
  /** Tax plus trading cost the sell-cost function and tradingCostBps put on it. */
  readonly estimatedCost: Money;
}

export interface RebalancePlan {
  readonly accounts: readonly { readonly accountId: string; readonly orders: readonly RebalanceOrder[] }[];
  readonly estimatedCost: Money;
  /** Weights after the plan, by symbol, over the invested value. */
  readonly weightsAfter: Readonly<Record<string, number>>;
}

export interface PlanRebalanceDeps {
  readonly sellCost?: SellCostFunction;
  /** Commission and spread on every trade, in basis points of its value (default 0). */
  readonly tradingCostBps?: number;
  /** Decimal places of share quantities (default 0: whole shares). */
  readonly shareScale?: number;
}

/** Tax-advantaged accounts trade first: selling there realises no taxable gain. */
const accountPreference: Record<AccountType, number> = { tax_exempt: 0, tax_deferred: 1, taxable: 2 };
/** Bound on sell candidates and buy steps per plan. */
export const rebalanceStepsMax = 10_000;

interface Book {
  readonly deps: PlanRebalanceDeps;
  readonly input: RebalanceInput;
  readonly scale: number;
  /** Value by symbol, numbers for ranking only; Money is kept in the orders. */
  readonly value: Map<string, number>;
  readonly cash: Map<string, Decimal>;
  readonly orders: Map<string, RebalanceOrder[]>;
  cost: Decimal;
}

/**
 * Plans the trades that bring a portfolio back inside its drift bands at the
 * least tax plus trading cost: deposits buy the underweights first and a
 * withdrawal sells the overweights first; then, while an asset is outside its
 * band, overweights are sold down to target from the holdings whose sell cost
 * per dollar is lowest (tax-advantaged accounts first, then the sell-cost
 * function's cheapest), and the cash raised in each account buys that
 * account's way into the underweights. Sells never exceed holdings, buys never
 * exceed an account's cash, trades under the minimum are skipped; orders are
 * aggregated per account.
 *
 * @example
 * ```ts
 * const usd = 'USD';
 * const plan = planRebalance({}, {
 *   date: '2026-01-02', currency: usd, targets: { VTI: 0.6, BND: 0.4 }, bands: { absolute: 0.05 },
 *   minimumTrade: Money.of('10', usd),
 *   holdings: [
 *     { accountId: 'ira', accountType: 'tax_deferred', symbol: 'VTI', quantity: Money.of('8', asset('VTI', 0)), price: Money.of('100', usd) },
 *     { accountId: 'ira', accountType: 'tax_deferred', symbol: 'BND', quantity: Money.of('4', asset('BND', 0)), price: Money.of('50', usd) },
 *   ],
 *   cash: [],
 * });
 * plan.accounts[0]!.orders.map((o) => `${o.side} ${o.quantity.toString()} ${o.symbol}`); //=> ['sell 2 VTI', 'buy 4 BND']
 * ```
 */
export function planRebalance(deps: PlanRebalanceDeps, input: RebalanceInput): RebalancePlan {
  IsoDateSchema.parse(input.date);
  DriftBandsSchema.parse(input.bands);
  const book = openBook(deps, input);
  const withdrawal = input.withdrawal?.amount.toNumber() ?? 0;
  if (withdrawal > 0) raiseCash(book, withdrawal);
  buyUnderweights(book);
  if (outsideBands(book)) {
    sellOverweights(book);
    buyUnderweights(book);
  }
  const invested = totalValue(book);
  const weightsAfter = Object.fromEntries([...book.value].map(([symbol, v]) => [symbol, invested > 0 ? v / invested : 0]));
  const accounts = [...book.orders].filter(([, orders]) => orders.length > 0).map(([accountId, orders]) => ({ accountId, orders }));
  return { accounts, estimatedCost: Money.of(book.cost, input.currency, { rounding: 'halfEven' }), weightsAfter };
}

function openBook(deps: PlanRebalanceDeps, input: RebalanceInput): Book {
  const value = new Map<string, number>(Object.keys(input.targets).map((s) => [s, 0]));
  for (const holding of input.holdings) {
    if (holding.quantity.currency.code !== holding.symbol) throw new KronosError('INVALID_INPUT', `A ${holding.symbol} holding is measured in ${holding.quantity.currency.code}; give quantities in the asset's code.`, { accountId: holding.accountId });
    if (holding.price.currency.code !== input.currency) throw new KronosError('INVALID_INPUT', `The price of ${holding.symbol} is not in ${input.currency}.`, { symbol: holding.symbol });
    value.set(holding.symbol, (value.get(holding.symbol) ?? 0) + holding.quantity.amount.times(holding.price.amount).toNumber());
  }
  const cash = new Map<string, Decimal>();
  for (const entry of input.cash) cash.set(entry.accountId, (cash.get(entry.accountId) ?? new Decimal(0)).plus(entry.amount.amount));
  return { deps, input, scale: deps.shareScale ?? 0, value, cash, orders: new Map(), cost: new Decimal(0) };
}

function totalValue(book: Book): number {
  return [...book.value.values()].reduce((s, v) => s + v, 0);
}

/** Invested value plus cash still to invest, less cash owed to a withdrawal. */
function targetBase(book: Book): number {
  const cash = [...book.cash.values()].reduce((s, c) => s + c.toNumber(), 0);
  return totalValue(book) + Math.max(0, cash - (book.input.withdrawal?.toNumber() ?? 0));
}

function gap(book: Book, symbol: string): number {
  return (book.input.targets[symbol] ?? 0) * targetBase(book) - (book.value.get(symbol) ?? 0);
}

function outsideBands(book: Book): boolean {
  const total = totalValue(book);
  if (total <= 0) return false;
  return [...book.value].some(([symbol, v]) => {
    const target = book.input.targets[symbol] ?? 0;
    const drift = v / total - target;
    const { absolute, relative } = book.input.bands;
    return (absolute !== undefined && Math.abs(drift) > absolute) || (relative !== undefined && target > 0 && Math.abs(drift / target) > relative) || (target === 0 && v > 0);
  });
}

function priceOf(book: Book, symbol: string): Decimal {
  const held = book.input.holdings.find((h) => h.symbol === symbol)?.price ?? book.input.prices?.[symbol];
  if (held === undefined) throw new KronosError('INVALID_INPUT', `No price for ${symbol}; add it to prices.`, { symbol });
  return held.amount;
}

function tradingCost(book: Book, value: Decimal): Decimal {
  return value.times(book.deps.tradingCostBps ?? 0).dividedBy(10_000);
}

/** Adds an order (merged per account, symbol and side); `cost` = tax + trading, only the trading part moves cash now. */
function record(book: Book, accountId: string, symbol: string, side: 'buy' | 'sell', quantity: Decimal, cost: Decimal, trading: Decimal): void {
  const price = priceOf(book, symbol);
  const value = quantity.times(price);
  const currency = book.input.currency;
  const orders = book.orders.get(accountId) ?? [];
  const existing = orders.findIndex((o) => o.symbol === symbol && o.side === side);
  const previous = existing >= 0 ? orders[existing]! : undefined;
  const order: RebalanceOrder = {
    symbol,
    side,
    quantity: Money.of(quantity.plus(previous?.quantity.amount ?? 0), asset(symbol, book.scale)),
    estimatedValue: Money.of(value.plus(previous?.estimatedValue.amount ?? 0), currency, { rounding: 'halfEven' }),
    estimatedCost: Money.of(cost.plus(previous?.estimatedCost.amount ?? 0), currency, { rounding: 'halfEven' }),
  };
  if (previous === undefined) orders.push(order);
  else orders[existing] = order;
  book.orders.set(accountId, orders);
  book.cost = book.cost.plus(cost);
  const signed = side === 'buy' ? value : value.negated();
  book.value.set(symbol, (book.value.get(symbol) ?? 0) + signed.toNumber());
  book.cash.set(accountId, (book.cash.get(accountId) ?? new Decimal(0)).minus(signed).minus(trading));
}

/** Holdings of `symbol` still unsold, cheapest to sell per dollar first. */
function sellCandidates(book: Book, symbol: string) {
  const sold = (accountId: string) => book.orders.get(accountId)?.find((o) => o.symbol === symbol && o.side === 'sell')?.quantity.amount ?? new Decimal(0);
  return book.input.holdings
    .filter((h) => h.symbol === symbol)
    .map((h) => {
      const left = h.quantity.amount.minus(sold(h.accountId));
      const value = left.times(h.price.amount);
      const tax = left.isPositive() && book.deps.sellCost !== undefined ? book.deps.sellCost({ accountId: h.accountId, symbol, quantity: Money.of(left, h.quantity.currency), price: h.price, date: book.input.date }).costUsd.amount : new Decimal(0);
      const perDollar = value.isPositive() ? tax.plus(tradingCost(book, value)).dividedBy(value).toNumber() : Infinity;
      return { holding: h, left, perDollar, tax };
    })
    .filter((c) => c.left.isPositive())
    .sort((a, b) => accountPreference[a.holding.accountType] - accountPreference[b.holding.accountType] || a.perDollar - b.perDollar);
}

/** Sells about `amount` of `symbol` (at least it when `atLeast`), cheapest holdings first; returns the value sold. */
function sellSymbol(book: Book, symbol: string, amount: number, atLeast = false): number {
  let remaining = amount;
  for (const candidate of sellCandidates(book, symbol)) {
    if (remaining <= 0) break;
    const price = candidate.holding.price.amount;
    const rounding = atLeast ? Decimal.ROUND_CEIL : Decimal.ROUND_HALF_UP;
    const quantity = Decimal.min(candidate.left, new Decimal(remaining).dividedBy(price).toDecimalPlaces(book.scale, rounding));
    if (quantity.isZero() || quantity.times(price).lessThan(book.input.minimumTrade.amount)) continue;
    const value = quantity.times(price);
    const share = candidate.left.isZero() ? new Decimal(0) : quantity.dividedBy(candidate.left);
    const trading = tradingCost(book, value);
    record(book, candidate.holding.accountId, symbol, 'sell', quantity, candidate.tax.times(share).plus(trading), trading);
    remaining -= value.toNumber();
  }
  return amount - remaining;
}

/** Raises cash for a withdrawal: overweights first (down to target), then the rest in order of the least underweight. */
function raiseCash(book: Book, amount: number): void {
  const short = () => amount - [...book.cash.values()].reduce((s, c) => s + c.toNumber(), 0);
  const symbols = [...book.value.keys()].sort((a, b) => gap(book, a) - gap(book, b));
  for (const symbol of symbols) {
    const excess = -gap(book, symbol);
    if (short() > 0 && excess > 0) sellSymbol(book, symbol, Math.min(short(), excess), true);
  }
  for (const symbol of symbols) if (short() > 0) sellSymbol(book, symbol, short(), true);
  if (short() > 0) throw new KronosError('INSUFFICIENT_FUNDS', `The holdings cannot raise the withdrawal; ${short().toFixed(2)} is missing.`, { missing: short() });
}

function sellOverweights(book: Book): void {
  for (const symbol of [...book.value.keys()]) {
    const excess = -gap(book, symbol);
    if (excess >= book.input.minimumTrade.toNumber()) sellSymbol(book, symbol, excess);
  }
}

function buyUnderweights(book: Book): void {
  const reserved = book.input.withdrawal?.toNumber() ?? 0;
  const accounts = [...new Map([...book.input.cash, ...book.input.holdings].map((a) => [a.accountId, a.accountType])).entries()]
    .sort((a, b) => accountPreference[a[1]] - accountPreference[b[1]]);
  for (let step = 0; step < rebalanceStepsMax; step++) {
    const spendable = [...book.cash.values()].reduce((s, c) => s + c.toNumber(), 0) - reserved;
    const [symbol, need] = [...book.value.keys()].map((s) => [s, gap(book, s)] as const).sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    if (need < book.input.minimumTrade.toNumber() || spendable < book.input.minimumTrade.toNumber()) return;
    const price = priceOf(book, symbol);
    const account = accounts.find(([id]) => (book.cash.get(id) ?? new Decimal(0)).greaterThanOrEqualTo(price));
    if (account === undefined) return;
    const budget = Decimal.min(book.cash.get(account[0])!, new Decimal(Math.min(need, spendable)));
    const quantity = budget.dividedBy(price.times(new Decimal(1).plus(new Decimal(book.deps.tradingCostBps ?? 0).dividedBy(10_000)))).toDecimalPlaces(book.scale, Decimal.ROUND_DOWN);
    const value = quantity.times(price);
    if (quantity.isZero() || value.lessThan(book.input.minimumTrade.amount)) return;
    const trading = tradingCost(book, value);
    record(book, account[0], symbol, 'buy', quantity, trading, trading);
  }
}

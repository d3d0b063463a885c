import { asset, Decimal, IsoDateSchema, KronosError, Money } from '@kronos/core-ledger';
import type { Broker, Fill, OrderRequest } from '../ports/broker.js';
import type { PriceSource } from '../ports/price-source.js';

export interface PaperBrokerOptions {
  readonly prices: PriceSource;
  /** Cash currency code of the prices and fills. */
  readonly currency: string;
  /** Price moved against the order by this many basis points (default 0). */
  readonly slippageBps?: number;
  /** Commission per order (default zero). */
  readonly commission?: Money;
  /** Share of each order filled, (0, 1] (default 1); a partial fill rounds down to the quantity's scale. */
  readonly fillRatio?: number;
}

/**
 * A broker that fills orders at the PriceSource's price plus slippage, with
 * a commission and optional partial fills. Orders are idempotent on their id:
 * the same id with the same content returns the first fill; with other
 * content it is refused with `IDEMPOTENCY_CONFLICT`.
 *
 * @example
 * ```ts
 * const broker = createPaperBroker({ prices: createStaticPriceSource({ VTI: Money.of('200', 'USD') }), currency: 'USD', slippageBps: 10, commission: Money.of('1', 'USD') });
 * const fill = await broker.placeOrder({ id: 'o1', accountId: 'ira', symbol: 'VTI', side: 'buy', quantity: Money.of('5', asset('VTI', 0)), date: '2026-01-02' });
 * fill.gross.toString(); //=> '1001.00'
 * ```
 */
export function createPaperBroker(options: PaperBrokerOptions): Broker {
  const slippage = new Decimal(options.slippageBps ?? 0).dividedBy(10_000);
  const fillRatio = options.fillRatio ?? 1;
  if (!(fillRatio > 0 && fillRatio <= 1)) throw new KronosError('INVALID_INPUT', `fillRatio is ${fillRatio}; pass a number in (0, 1].`, { fillRatio });
  const commission = options.commission ?? Money.zero(options.currency);
  const placed = new Map<string, { key: string; fill: Fill }>();
  return {
    async placeOrder(order: OrderRequest): Promise<Fill> {
      IsoDateSchema.parse(order.date);
      const key = JSON.stringify([order.accountId, order.symbol, order.side, order.quantity.toJSON(), order.date]);
      const previous = placed.get(order.id);
      if (previous !== undefined) {
        if (previous.key === key) return previous.fill;
        throw new KronosError('IDEMPOTENCY_CONFLICT', `Order ${order.id} was placed with other content; use a new id for a new order.`, { orderId: order.id });
      }
      if (order.quantity.currency.code !== order.symbol || !order.quantity.isPositive()) {
        throw new KronosError('INVALID_INPUT', `Order ${order.id} needs a positive quantity in ${order.symbol}.`, { orderId: order.id });
      }
      const quote = await options.prices.getPrice(order.symbol, order.date);
      const direction = order.side === 'buy' ? 1 : -1;
      const price = quote.amount.times(new Decimal(1).plus(slippage.times(direction)));
      const quantity = order.quantity.amount.times(fillRatio).toDecimalPlaces(order.quantity.currency.scale, Decimal.ROUND_DOWN);
      const fill: Fill = {
        orderId: order.id,
        accountId: order.accountId,
        symbol: order.symbol,
        side: order.side,
        requested: order.quantity,
        quantity: Money.of(quantity, order.quantity.currency),
        price: Money.of(price, asset(options.currency, 6), { rounding: 'halfEven' }),
        gross: Money.of(quantity.times(price), options.currency, { rounding: 'halfEven' }),
        commission,
        date: order.date,
        status: quantity.equals(order.quantity.amount) ? 'filled' : 'partial',
      };
      placed.set(order.id, { key, fill });
      return fill;
    },
  };
}

import type { Money } from '@kronos/core-ledger';

/** An order to a broker; `id` makes it idempotent. `quantity` is Money in the symbol's code. */
export interface OrderRequest {
  readonly id: string;
  readonly accountId: string;
  readonly symbol: string;
  readonly side: 'buy' | 'sell';
  readonly quantity: Money;
  /** Trade date, ISO YYYY-MM-DD. */
  readonly date: string;
}

/** What the broker did with an order. */
export interface Fill {
  readonly orderId: string;
  readonly accountId: string;
  readonly symbol: string;
  readonly side: 'buy' | 'sell';
  readonly requested: Money;
  readonly quantity: Money;
  /** Execution price per unit, slippage included (scale 6 in the cash currency). */
  readonly price: Money;
  /** quantity x price, rounded half-even to the cash currency. */
  readonly gross: Money;
  readonly commission: Money;
  readonly date: string;
  readonly status: 'filled' | 'partial';
}

/** The port a host implements for its real broker; `createPaperBroker` is the default. */
export interface Broker {
  placeOrder(order: OrderRequest): Promise<Fill>;
}

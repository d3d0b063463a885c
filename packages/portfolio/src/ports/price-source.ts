import { KronosError, type Money } from '@kronos/core-ledger';

/** Where prices come from: the host's market data (the port), or static prices for tests and demos. */
export interface PriceSource {
  /** The price of one unit of `symbol` on `date` (ISO YYYY-MM-DD), in the valuation currency. */
  getPrice(symbol: string, date: string): Promise<Money>;
}

/**
 * A PriceSource with fixed prices, the same on every date.
 *
 * @example
 * ```ts
 * const prices = createStaticPriceSource({ VTI: Money.of('250.00', 'USD') });
 * (await prices.getPrice('VTI', '2026-01-02')).toString(); //=> '250.00'
 * ```
 */
export function createStaticPriceSource(prices: Readonly<Record<string, Money>>): PriceSource {
  const table = new Map(Object.entries(prices));
  return {
    getPrice(symbol: string): Promise<Money> {
      const price = table.get(symbol);
      if (price === undefined) return Promise.reject(new KronosError('NOT_FOUND', `No price for ${symbol}; add it to the static price source.`, { symbol }));
      return Promise.resolve(price);
    },
  };
}

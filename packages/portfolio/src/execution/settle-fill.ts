import { KronosError, type Money } from '@kronos/core-ledger';
import type { Fill } from '../ports/broker.js';

/** The ledger accounts a brokerage account settles into (ids of open accounts). */
export interface SettlementAccounts {
  /** Cash of the brokerage account (cash currency). */
  readonly cash: string;
  /** Holdings of the symbol (the symbol's asset currency). */
  readonly securities: string;
  /** Trading (clearing) account in the symbol's currency: keeps each currency balanced. */
  readonly securitiesClearing: string;
  /** Trading (clearing) account in the cash currency. */
  readonly cashClearing: string;
  /** Expense account for commissions. */
  readonly fees: string;
}

/**
 * What the tax package takes from a settled trade, in the shape of its `buy` /
 * `sell` records (`@kronos/tax`'s `TaxRecordSchema` parses it as is): a buy
 * opens a lot at `cost` (gross plus commission), a sell disposes for
 * `proceeds` (gross less commission). `id` is the order id.
 */
export type TradeRecord =
  | (TradeRecordBase & { readonly kind: 'buy'; /** Gross cost plus commission. */ readonly cost: Money })
  | (TradeRecordBase & { readonly kind: 'sell'; /** Gross proceeds less commission. */ readonly proceeds: Money });

interface TradeRecordBase {
  readonly id: string;
  readonly accountId: string;
  readonly symbol: string;
  readonly date: string;
  readonly quantity: Money;
  readonly commission: Money;
}

/** The part of core-ledger's Ledger settlement needs. */
export interface SettlementLedger {
  postEntry(input: { id: string; date: string; description: string; metadata?: Record<string, string>; postings: { accountId: string; amount: Money }[] }): Promise<unknown>;
}

/**
 * Writes a fill into the ledger as one balanced entry (id `settlement:<orderId>`,
 * so settling twice is a no-op): the shares move against a trading account in
 * the symbol's currency, the cash against one in the cash currency, the
 * commission to fees. Returns the buy or sell record for the tax package.
 *
 * @throws KronosError `INVALID_INPUT` for an empty fill; the ledger's own errors (e.g. `IDEMPOTENCY_CONFLICT`).
 * @example
 * Not run here: it needs a ledger with the five accounts open (execution.test.ts does it).
 * ```ts no-run
 * const { record } = await settleFill({ ledger }, { fill, accounts });
 * record.kind === 'buy' && record.cost.toString(); //=> '1002.00'
 * ```
 */
export async function settleFill(deps: { ledger: SettlementLedger }, input: { fill: Fill; accounts: SettlementAccounts }): Promise<{ record: TradeRecord }> {
  const { fill, accounts } = input;
  if (!fill.quantity.isPositive()) throw new KronosError('INVALID_INPUT', `Fill ${fill.orderId} has no quantity to settle.`, { orderId: fill.orderId });
  const buy = fill.side === 'buy';
  const shares = buy ? fill.quantity : fill.quantity.negate();
  const cashLeg = buy ? fill.gross.add(fill.commission).negate() : fill.gross.subtract(fill.commission);
  await deps.ledger.postEntry({
    id: `settlement:${fill.orderId}`,
    date: fill.date,
    description: `${buy ? 'Buy' : 'Sell'} ${fill.quantity.toString()} ${fill.symbol} at ${fill.price.toString()}`,
    metadata: { orderId: fill.orderId, symbol: fill.symbol, side: fill.side },
    postings: [
      { accountId: accounts.securities, amount: shares },
      { accountId: accounts.securitiesClearing, amount: shares.negate() },
      { accountId: accounts.cashClearing, amount: buy ? fill.gross : fill.gross.negate() },
      ...(fill.commission.isZero() ? [] : [{ accountId: accounts.fees, amount: fill.commission }]),
      { accountId: accounts.cash, amount: cashLeg },
    ],
  });
  const base = { id: fill.orderId, accountId: fill.accountId, symbol: fill.symbol, date: fill.date, quantity: fill.quantity, commission: fill.commission };
  const record: TradeRecord = buy ? { ...base, kind: 'buy', cost: cashLeg.negate() } : { ...base, kind: 'sell', proceeds: cashLeg };
  return { record };
}

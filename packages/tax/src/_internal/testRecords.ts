/**
 * Record builders for tests and benchmarks: amounts as decimal strings, whole
 * shares by default (scale 0), so examples read like the worked examples they copy.
 */
import { Money, asset } from '@kronos/core-ledger';
import type { TaxRecordInput } from '../records/schemas.js';

const shares = (symbol: string, quantity: string, scale: number) => Money.of(quantity, asset(symbol, scale));
const usd = (amount: string) => Money.of(amount, 'USD');

interface TradeFields {
  id: string;
  date: string;
  symbol: string;
  quantity: string;
  accountId?: string;
  scale?: number;
}

export function buy(fields: TradeFields & { cost: string; cusip?: string }): TaxRecordInput {
  return {
    kind: 'buy', id: fields.id, accountId: fields.accountId ?? 'brokerage', date: fields.date, symbol: fields.symbol,
    quantity: shares(fields.symbol, fields.quantity, fields.scale ?? 0), cost: usd(fields.cost),
    ...(fields.cusip === undefined ? {} : { cusip: fields.cusip }),
  };
}

export function reinvest(fields: TradeFields & { cost: string }): TaxRecordInput {
  return { ...buy(fields), kind: 'reinvest' } as TaxRecordInput;
}

export function sell(fields: TradeFields & { proceeds: string; lots?: { lotId: string; quantity: string }[] }): TaxRecordInput {
  const scale = fields.scale ?? 0;
  return {
    kind: 'sell', id: fields.id, accountId: fields.accountId ?? 'brokerage', date: fields.date, symbol: fields.symbol,
    quantity: shares(fields.symbol, fields.quantity, scale), proceeds: usd(fields.proceeds),
    ...(fields.lots === undefined ? {} : { lots: fields.lots.map((pick) => ({ lotId: pick.lotId, quantity: shares(fields.symbol, pick.quantity, scale) })) }),
  };
}

export const accounts = {
  brokerage: { id: 'brokerage', type: 'taxable' as const },
  second: { id: 'second', type: 'taxable' as const },
  ira: { id: 'ira', type: 'ira' as const },
  roth: { id: 'roth', type: 'roth' as const },
  spouse: { id: 'spouse', type: 'taxable' as const, owner: 'spouse' as const },
};

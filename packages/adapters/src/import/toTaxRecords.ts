import { Money } from '@kronos/core-ledger';
import type { ImportedInvestmentTransaction, ImportedInvestments } from './types.js';

/** A buy, reinvestment or sale in the shape `@kronos/tax`'s `TaxRecordSchema` takes (structurally; adapters does not import tax). */
export type TaxTradeRecord =
  | { readonly kind: 'buy' | 'reinvest'; readonly id: string; readonly accountId: string; readonly date: string; readonly symbol: string; readonly cusip?: string; readonly quantity: Money; readonly cost: Money }
  | { readonly kind: 'sell'; readonly id: string; readonly accountId: string; readonly date: string; readonly symbol: string; readonly cusip?: string; readonly quantity: Money; readonly proceeds: Money };

/** An investment transaction that has no tax record, and why. */
export interface SkippedInvestmentTransaction {
  readonly transaction: ImportedInvestmentTransaction;
  readonly reason: string;
}

const cusipPattern = /^[0-9A-Za-z]{9}$/;

/**
 * The cash side of a trade. OFX `TOTAL` already nets commission and fees
 * (negative for a buy); when a broker leaves it out it is rebuilt from units,
 * price, commission and fees, rounded half-even to the currency's scale.
 */
function cashOf(t: ImportedInvestmentTransaction): Money {
  if (!t.total.isZero()) return t.total.abs();
  const gross = Money.of(t.quantity.amount.abs().times(t.unitPrice.amount), t.total.currency, { rounding: 'halfEven' });
  const costs = t.commission.add(t.fees);
  return t.kind === 'sell' ? gross.subtract(costs) : gross.add(costs);
}

function recordId(t: ImportedInvestmentTransaction): string {
  // The FITID is the broker's id; without one, the content is the id, so a re-import yields the same id.
  return t.bankTransactionId !== null ? `${t.accountRef}:${t.bankTransactionId}` : `${t.accountRef}:${t.tradeDate}:${t.ofxType}:${t.symbol}:${t.quantity.amount.toString()}`;
}

/**
 * Turns imported buys, reinvestments and sales into the trade records the tax
 * lot engine takes: positive share quantities, `cost` (paid, commissions
 * included) for acquisitions, `proceeds` (received, net of commissions) for
 * sales. Transfers (OFX gives no carried basis or acquisition date), income
 * and other actions are returned in `skipped` with the reason. The tax package
 * expects USD amounts at scale 2; other currencies are passed through for it
 * to refuse.
 *
 * @example
 * ```ts
 * import { parseOfx, toTaxRecords } from '@kronos/adapters/import';
 * const ofx = '<OFX><INVSTMTMSGSRSV1><INVSTMTTRNRS><INVSTMTRS><CURDEF>USD<INVACCTFROM><BROKERID>b.com<ACCTID>9</INVACCTFROM><INVTRANLIST>' +
 *   '<BUYSTOCK><INVBUY><INVTRAN><FITID>T1<DTTRADE>20240102</INVTRAN><SECID><UNIQUEID>037833100<UNIQUEIDTYPE>CUSIP</SECID>' +
 *   '<UNITS>10<UNITPRICE>185.5<COMMISSION>1.00<TOTAL>-1856.00</INVBUY><BUYTYPE>BUY</BUYSTOCK></INVTRANLIST></INVSTMTRS></INVSTMTTRNRS></INVSTMTMSGSRSV1>' +
 *   '<SECLISTMSGSRSV1><SECLIST><STOCKINFO><SECINFO><SECID><UNIQUEID>037833100<UNIQUEIDTYPE>CUSIP</SECID><SECNAME>Apple<TICKER>AAPL</SECINFO></STOCKINFO></SECLIST></SECLISTMSGSRSV1></OFX>';
 * const { records } = toTaxRecords(parseOfx(ofx).investments);
 * records[0]?.kind;                                             //=> 'buy'
 * records[0]?.symbol;                                           //=> 'AAPL'
 * records[0]?.cusip;                                            //=> '037833100'
 * records[0]?.kind === 'buy' ? records[0].cost.toString() : ''; //=> '1856.00'
 * ```
 */
export function toTaxRecords(investments: ImportedInvestments): { records: TaxTradeRecord[]; skipped: SkippedInvestmentTransaction[] } {
  const records: TaxTradeRecord[] = [];
  const skipped: SkippedInvestmentTransaction[] = [];
  const securities = new Map(investments.securities.map((s) => [s.securityId, s]));
  for (const t of investments.transactions) {
    if (t.kind !== 'buy' && t.kind !== 'reinvest' && t.kind !== 'sell') {
      skipped.push({ transaction: t, reason: t.kind.startsWith('transfer') ? 'a transfer carries no cost basis or acquisition date in OFX; record it as a transferIn with its basis' : `a ${t.ofxType} changes no lot` });
      continue;
    }
    const security = securities.get(t.securityId);
    const cusip = security?.securityIdType?.toUpperCase() === 'CUSIP' && cusipPattern.test(t.securityId) ? t.securityId : undefined;
    const base = { id: recordId(t), accountId: t.accountRef, date: t.tradeDate, symbol: t.symbol, ...(cusip === undefined ? {} : { cusip }), quantity: t.quantity.abs() };
    records.push(t.kind === 'sell' ? { kind: 'sell', ...base, proceeds: cashOf(t) } : { kind: t.kind, ...base, cost: cashOf(t) });
  }
  return { records, skipped };
}

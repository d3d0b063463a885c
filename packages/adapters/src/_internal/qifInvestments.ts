import { Money, type Currency } from '@kronos/core-ledger';
import { invalidRecord, type RecordLocation } from './importError.js';
import { qifDate, qifField, type QifRecord } from './qifRecords.js';
import { assetFor, currencyFor, mapRecords, moneyFrom, type RecordContext } from './records.js';
import type { ImportedInvestmentTransaction, ImportedSecurity, ImportedTransaction, InvestmentActionKind } from '../import/types.js';

/** The QIF options the investment reader uses. */
export interface QifInvestmentOptions {
  readonly defaultCurrency?: string | undefined;
  readonly dateFormat?: string | undefined;
  readonly decimalSeparator?: '.' | ',' | undefined;
  readonly securitySymbols?: Readonly<Record<string, string>> | undefined;
  readonly quantityScale?: number | undefined;
  readonly priceScale?: number | undefined;
}

/** Quicken's investment actions (the `N` line) that move shares, by what they do. */
const shareActions: Readonly<Record<string, InvestmentActionKind>> = {
  buy: 'buy', buyx: 'buy', sell: 'sell', sellx: 'sell', shtsell: 'sell', cvrshrt: 'buy',
  reinvdiv: 'reinvest', reinvint: 'reinvest', reinvlg: 'reinvest', reinvmd: 'reinvest', reinvsh: 'reinvest',
  shrsin: 'transfer_in', shrsout: 'transfer_out',
  div: 'income', divx: 'income', intinc: 'income', intincx: 'income', cglong: 'income', cglongx: 'income',
  cgmid: 'income', cgmidx: 'income', cgshort: 'income', cgshortx: 'income', miscinc: 'income', miscincx: 'income', rtrncap: 'income', rtrncapx: 'income',
};

/** Cash-only actions (no security): money into (+1) or out of (-1) the investment account. */
const cashActions: Readonly<Record<string, 1 | -1>> = {
  xin: 1, contribx: 1, miscinc: 1, intinc: 1, div: 1, xout: -1, withdrwx: -1, miscexp: -1, margint: -1,
};

/** Cash paid for acquisitions is negative, like OFX TOTAL; cash received is positive. */
function signedTotal(total: Money, kind: InvestmentActionKind): Money {
  const paid = kind === 'buy' || kind === 'reinvest';
  return paid ? total.abs().negate() : total.abs();
}

interface Scope {
  readonly accountRef: (record: QifRecord) => string;
  readonly options: QifInvestmentOptions;
  readonly symbols: ReadonlyMap<string, string>;
  readonly context: RecordContext;
}

function mapTrade(record: QifRecord, index: number, scope: Scope, kind: InvestmentActionKind, action: string): ImportedInvestmentTransaction {
  const at: RecordLocation = { format: 'qif', record: 'investment record', index, bankTransactionId: null };
  const { options, context } = scope;
  const securityId = qifField(record, 'Y');
  if (securityId === null) throw invalidRecord(at, 'Y', '', `is missing: a ${action} names its security`);
  const symbol = options.securitySymbols?.[securityId] ?? scope.symbols.get(securityId) ?? securityId;
  const cash: Currency = currencyFor(options.defaultCurrency ?? null, at, 'currency');
  const notation = { decimalSeparator: options.decimalSeparator ?? '.', thousandsSeparator: 'auto' } as const;
  const amount = (code: string, unit: Currency): Money => { const text = qifField(record, code); return text === null ? Money.zero(unit) : moneyFrom(text, unit, notation, context, at, code); };
  const shares = assetFor(symbol, options.quantityScale ?? 8, at, 'Y (add it to securitySymbols with a ticker)');
  const units = amount('Q', shares);
  return {
    accountRef: scope.accountRef(record),
    bankTransactionId: null,
    ofxType: action,
    kind,
    securityId,
    symbol,
    tradeDate: qifDate(record, options.dateFormat, at),
    settleDate: null,
    quantity: kind === 'sell' || kind === 'transfer_out' ? units.abs().negate() : units.abs(),
    unitPrice: amount('I', assetFor(cash.code, options.priceScale ?? 8, at, 'I')),
    total: signedTotal(qifField(record, 'T') === null ? amount('U', cash) : amount('T', cash), kind),
    commission: amount('O', cash),
    fees: Money.zero(cash),
    action: qifField(record, 'N'),
    raw: Object.fromEntries(record.fields),
  };
}

function mapCash(record: QifRecord, index: number, scope: Scope, direction: 1 | -1, action: string): ImportedTransaction {
  const at: RecordLocation = { format: 'qif', record: 'investment record', index, bankTransactionId: null };
  const { options, context } = scope;
  const cash = currencyFor(options.defaultCurrency ?? null, at, 'currency');
  const text = qifField(record, 'T') ?? qifField(record, 'U') ?? qifField(record, '$');
  const amount = moneyFrom(text, cash, { decimalSeparator: options.decimalSeparator ?? '.', thousandsSeparator: 'auto' }, context, at, 'T').abs();
  return {
    accountRef: scope.accountRef(record), bankTransactionId: null, postedDate: qifDate(record, options.dateFormat, at),
    amount: direction === 1 ? amount : amount.negate(), payee: qifField(record, 'P'), memo: qifField(record, 'M'),
    pending: false, category: qifField(record, 'L'), checkNumber: null, type: action, raw: Object.fromEntries(record.fields),
  };
}

/**
 * Reads `!Type:Invst` records: share actions become investment transactions
 * (the security's symbol from the `!Type:Security` list or `securitySymbols`),
 * cash-only actions (XIn, XOut, interest without a security...) become bank
 * transactions of the investment account.
 */
export function readQifInvestments(records: readonly QifRecord[], symbols: ReadonlyMap<string, string>, accountRef: (record: QifRecord) => string, options: QifInvestmentOptions, context: RecordContext): { trades: ImportedInvestmentTransaction[]; cash: ImportedTransaction[]; securities: ImportedSecurity[] } {
  const scope: Scope = { accountRef, options, symbols, context };
  type Mapped = { trade: ImportedInvestmentTransaction } | { cash: ImportedTransaction };
  const mapped = mapRecords<QifRecord, Mapped>(context, records, 'investment record', (r, i) => {
    const action = (qifField(r, 'N') ?? '').toLowerCase();
    const direction = cashActions[action];
    if (qifField(r, 'Y') === null && direction !== undefined) return { cash: mapCash(r, i, scope, direction, action) };
    return { trade: mapTrade(r, i, scope, shareActions[action] ?? 'other', action) };
  });
  const trades = mapped.flatMap((m) => ('trade' in m ? [m.trade] : []));
  const cash = mapped.flatMap((m) => ('cash' in m ? [m.cash] : []));
  const named = new Map<string, ImportedSecurity>();
  for (const t of trades) if (!named.has(t.securityId)) named.set(t.securityId, { securityId: t.securityId, securityIdType: 'NAME', ticker: t.symbol === t.securityId ? null : t.symbol, name: t.securityId, symbol: t.symbol });
  return { trades, cash, securities: [...named.values()] };
}

import { Money, type Currency } from '@kronos/core-ledger';
import { parseOfxDate } from './dates.js';
import { invalidRecord, type RecordLocation } from './importError.js';
import { childOf, findAll, flattenLeaves, textAt, type OfxNode } from './ofxTree.js';
import { assetFor, currencyFor, mapRecords, moneyFrom, type RecordContext } from './records.js';
import type { ImportedAccount, ImportedInvestmentTransaction, ImportedInvestments, ImportedPosition, ImportedSecurity, InvestmentActionKind } from '../import/types.js';

/** Scales for investment amounts (see the README: "Investment records"). */
export interface OfxInvestmentOptions {
  readonly quantityScale?: number | undefined;
  readonly priceScale?: number | undefined;
}

const notation = { decimalSeparator: 'auto', thousandsSeparator: 'auto' } as const;
const quantityScaleDefault = 8;
const priceScaleDefault = 8;

/** Reads SECLIST: every `*INFO/SECINFO` with its ids, ticker and name. */
function readSecurities(tree: OfxNode): ImportedSecurity[] {
  const securities: ImportedSecurity[] = [];
  for (const info of findAll(tree, 'SECINFO')) {
    const securityId = textAt(info, 'SECID/UNIQUEID');
    if (securityId === null) continue;
    const ticker = textAt(info, 'TICKER');
    securities.push({ securityId, securityIdType: textAt(info, 'SECID/UNIQUEIDTYPE'), ticker, name: textAt(info, 'SECNAME'), symbol: ticker ?? securityId });
  }
  return securities;
}

function kindOf(ofxType: string, tferAction: string | null): InvestmentActionKind {
  if (ofxType.startsWith('buy')) return 'buy';
  if (ofxType.startsWith('sell')) return 'sell';
  if (ofxType === 'reinvest') return 'reinvest';
  if (ofxType === 'transfer') return tferAction?.toUpperCase() === 'OUT' ? 'transfer_out' : 'transfer_in';
  if (ofxType === 'income') return 'income';
  return 'other';
}

const tradeTypes = new Set(['BUYDEBT', 'BUYMF', 'BUYOPT', 'BUYOTHER', 'BUYSTOCK', 'SELLDEBT', 'SELLMF', 'SELLOPT', 'SELLOTHER', 'SELLSTOCK', 'REINVEST', 'TRANSFER', 'INCOME']);

interface InvestmentScope {
  readonly account: ImportedAccount;
  readonly symbols: ReadonlyMap<string, string>;
  readonly options: OfxInvestmentOptions;
  readonly context: RecordContext;
}

function signedQuantity(units: Money, kind: InvestmentActionKind): Money {
  if (kind === 'sell' || kind === 'transfer_out') return units.isPositive() ? units.negate() : units;
  if (kind === 'buy' || kind === 'reinvest' || kind === 'transfer_in') return units.isNegative() ? units.negate() : units;
  return units;
}

function optionalMoney(text: string | null, unit: Currency, scope: InvestmentScope, at: RecordLocation, field: string): Money {
  return text === null ? Money.zero(unit) : moneyFrom(text, unit, notation, scope.context, at, field);
}

function dateField(text: string | null, at: RecordLocation, field: string, required: boolean): string | null {
  const parsed = parseOfxDate(text);
  if (parsed.kind === 'date') return parsed.date;
  if (parsed.kind === 'invalid' || required) throw invalidRecord(at, field, text ?? '', parsed.kind === 'invalid' ? 'is not an OFX date' : 'is missing');
  return null;
}

function mapTrade(node: OfxNode, index: number, scope: InvestmentScope): ImportedInvestmentTransaction {
  const body = childOf(node, 'INVBUY') ?? childOf(node, 'INVSELL') ?? node;
  const bankTransactionId = textAt(body, 'INVTRAN/FITID');
  const at: RecordLocation = { format: 'ofx', record: node.name, index, bankTransactionId };
  const securityId = textAt(body, 'SECID/UNIQUEID');
  if (securityId === null) throw invalidRecord(at, 'SECID/UNIQUEID', '', 'is missing');
  const symbol = scope.symbols.get(securityId) ?? securityId;
  const cash = currencyFor(textAt(body, 'CURRENCY/CURSYM') ?? scope.account.currency, at, 'CURDEF');
  const ofxType = node.name.toLowerCase();
  const action = textAt(node, 'TFERACTION') ?? textAt(node, 'BUYTYPE') ?? textAt(node, 'SELLTYPE');
  const kind = kindOf(ofxType, action);
  const shares = assetFor(symbol, scope.options.quantityScale ?? quantityScaleDefault, at, 'SECID');
  const price = assetFor(cash.code, scope.options.priceScale ?? priceScaleDefault, at, 'UNITPRICE');
  return {
    accountRef: scope.account.accountRef,
    bankTransactionId,
    ofxType,
    kind,
    securityId,
    symbol,
    tradeDate: dateField(textAt(body, 'INVTRAN/DTTRADE'), at, 'DTTRADE', true) as string,
    settleDate: dateField(textAt(body, 'INVTRAN/DTSETTLE'), at, 'DTSETTLE', false),
    quantity: signedQuantity(optionalMoney(textAt(body, 'UNITS'), shares, scope, at, 'UNITS'), kind),
    unitPrice: optionalMoney(textAt(body, 'UNITPRICE'), price, scope, at, 'UNITPRICE'),
    total: optionalMoney(textAt(body, 'TOTAL'), cash, scope, at, 'TOTAL'),
    commission: optionalMoney(textAt(body, 'COMMISSION'), cash, scope, at, 'COMMISSION'),
    fees: optionalMoney(textAt(body, 'FEES'), cash, scope, at, 'FEES'),
    action,
    raw: flattenLeaves(node),
  };
}

function mapPosition(node: OfxNode, index: number, scope: InvestmentScope): ImportedPosition {
  const pos = childOf(node, 'INVPOS') ?? node;
  const at: RecordLocation = { format: 'ofx', record: node.name, index };
  const securityId = textAt(pos, 'SECID/UNIQUEID');
  if (securityId === null) throw invalidRecord(at, 'SECID/UNIQUEID', '', 'is missing');
  const symbol = scope.symbols.get(securityId) ?? securityId;
  const cash = currencyFor(textAt(pos, 'CURRENCY/CURSYM') ?? scope.account.currency, at, 'CURDEF');
  return {
    accountRef: scope.account.accountRef,
    securityId,
    symbol,
    positionType: node.name.toLowerCase(),
    quantity: optionalMoney(textAt(pos, 'UNITS'), assetFor(symbol, scope.options.quantityScale ?? quantityScaleDefault, at, 'SECID'), scope, at, 'UNITS'),
    unitPrice: optionalMoney(textAt(pos, 'UNITPRICE'), assetFor(cash.code, scope.options.priceScale ?? priceScaleDefault, at, 'UNITPRICE'), scope, at, 'UNITPRICE'),
    marketValue: optionalMoney(textAt(pos, 'MKTVAL'), cash, scope, at, 'MKTVAL'),
    priceAsOf: dateField(textAt(pos, 'DTPRICEASOF'), at, 'DTPRICEASOF', false),
    heldIn: textAt(pos, 'HELDINACCT'),
    side: textAt(pos, 'POSTYPE'),
  };
}

/** Reads the trades, positions and securities of every INVSTMTRS. */
export function readOfxInvestments(tree: OfxNode, statements: readonly OfxNode[], accounts: readonly ImportedAccount[], options: OfxInvestmentOptions, context: RecordContext): ImportedInvestments {
  const securities = readSecurities(tree);
  if (statements.length === 0) return { transactions: [], positions: [], securities };
  const symbols = new Map(securities.map((s) => [s.securityId, s.symbol]));
  const trades: { node: OfxNode; scope: InvestmentScope }[] = [];
  const positions: { node: OfxNode; scope: InvestmentScope }[] = [];
  for (const statement of statements) {
    const account = accounts.find((a) => a.accountNumber === textAt(statement, 'INVACCTFROM/ACCTID'));
    if (account === undefined) continue;
    const scope: InvestmentScope = { account, symbols, options, context };
    for (const node of childOf(statement, 'INVTRANLIST')?.children ?? []) if (tradeTypes.has(node.name)) trades.push({ node, scope });
    for (const node of childOf(statement, 'INVPOSLIST')?.children ?? []) positions.push({ node, scope });
  }
  return {
    transactions: mapRecords(context, trades, 'INVTRAN', (t, i) => mapTrade(t.node, i, t.scope)),
    positions: mapRecords(context, positions, 'INVPOS', (p, i) => mapPosition(p.node, i, p.scope)),
    securities,
  };
}

import type { Currency, Money } from '@kronos/core-ledger';
import { invalidRecord, malformedFile, type RecordLocation } from '../_internal/importError.js';
import { parseOptions } from '../_internal/parseOptions.js';
import { parseOfxDate } from '../_internal/dates.js';
import { readOfxDocument } from '../_internal/ofxHeader.js';
import { childOf, childrenOf, findAll, flattenLeaves, parseOfxTree, textAt, type OfxNode } from '../_internal/ofxTree.js';
import { createRecordContext, currencyFor, mapRecords, moneyFrom, type RecordContext } from '../_internal/records.js';
import { readOfxInvestments, type OfxInvestmentOptions } from '../_internal/ofxInvestments.js';
import { CommonImportOptionsSchema, type BankFileImport, type ImportedAccount, type ImportedBalance, type ImportedTransaction } from './types.js';
import { z } from 'zod';

/** Options of `parseOfx`/`parseQfx`. */
export const OfxImportOptionsSchema = CommonImportOptionsSchema.extend({
  /** Decimals kept for share quantities (asset scale); more in the file is refused. Default 8. */
  quantityScale: z.number().int().min(0).max(18).optional(),
  /** Decimals kept for unit prices; more in the file is refused. Default 8. */
  priceScale: z.number().int().min(0).max(18).optional(),
});
/** Options of `parseOfx`/`parseQfx` (see `OfxImportOptionsSchema`). */
export type OfxImportOptions = z.input<typeof OfxImportOptionsSchema>;

/** OFX writes `1,006.60`, `1.006,60` and `1006,60` (ofxparse's comma tests): the last separator is the decimal one. */
export const ofxNotation = { decimalSeparator: 'auto', thousandsSeparator: 'auto' } as const;

/** ofxparse treats `null`/`-null` amounts as zero (banks use them for rate-change lines). */
function amountText(text: string | null): string | null {
  return text !== null && /^-?null$/i.test(text) ? '0' : text;
}

function dateOrThrow(text: string | null, at: RecordLocation, field: string, required: boolean): string | null {
  const parsed = parseOfxDate(text);
  if (parsed.kind === 'date') return parsed.date;
  if (parsed.kind === 'invalid') throw invalidRecord(at, field, text ?? '', 'is not an OFX date (YYYYMMDD[HHMMSS])');
  if (required) throw invalidRecord(at, field, text ?? '', 'is missing');
  return null;
}

/** Maps one STMTTRN to a transaction. */
function mapStmtTrn(node: OfxNode, index: number, accountRef: string, statementCurrency: string | null, context: RecordContext): ImportedTransaction {
  const bankTransactionId = textAt(node, 'FITID');
  const at: RecordLocation = { format: 'ofx', record: 'STMTTRN', index, bankTransactionId };
  const ownCurrency = textAt(node, 'CURRENCY/CURSYM') ?? textAt(node, 'ORIGCURRENCY/CURSYM');
  const unit = currencyFor(ownCurrency ?? statementCurrency, at, 'CURDEF');
  const amount = moneyFrom(amountText(textAt(node, 'TRNAMT')), unit, ofxNotation, context, at, 'TRNAMT');
  const postedDate = dateOrThrow(textAt(node, 'DTPOSTED'), at, 'DTPOSTED', true) as string;
  return {
    accountRef,
    bankTransactionId,
    postedDate,
    amount,
    payee: textAt(node, 'NAME') ?? textAt(node, 'PAYEE/NAME'),
    memo: textAt(node, 'MEMO'),
    pending: false,
    category: null,
    checkNumber: textAt(node, 'CHECKNUM'),
    type: textAt(node, 'TRNTYPE')?.toLowerCase() ?? null,
    raw: flattenLeaves(node),
  };
}

function balanceOf(node: OfxNode | undefined, kind: string, unit: Currency | null, context: RecordContext): ImportedBalance[] {
  const text = textAt(node, 'BALAMT');
  if (node === undefined || text === null || unit === null) return [];
  const at: RecordLocation = { format: 'ofx', record: node.name, index: 1 };
  const amount: Money = moneyFrom(text, unit, ofxNotation, context, at, 'BALAMT');
  return [{ kind, amount, asOf: dateOrThrow(textAt(node, 'DTASOF'), at, 'DTASOF', false) }];
}

function accountOf(statement: OfxNode, context: RecordContext, defaultCurrency: string | undefined): ImportedAccount {
  const from = childOf(statement, 'BANKACCTFROM') ?? childOf(statement, 'CCACCTFROM') ?? childOf(statement, 'INVACCTFROM');
  const accountNumber = textAt(from, 'ACCTID');
  if (accountNumber === null) throw malformedFile('ofx', `${statement.name} has no ACCTID`, { record: statement.name });
  const institutionId = textAt(from, 'BANKID') ?? textAt(from, 'BROKERID');
  const code = textAt(statement, 'CURDEF') ?? defaultCurrency ?? null;
  const at: RecordLocation = { format: 'ofx', record: statement.name, index: 1 };
  const unit = code === null ? null : currencyFor(code, at, 'CURDEF');
  const list = childOf(statement, 'BANKTRANLIST') ?? childOf(statement, 'INVTRANLIST');
  const accountType = textAt(from, 'ACCTTYPE') ?? (from?.name === 'CCACCTFROM' ? 'CREDITCARD' : from?.name === 'INVACCTFROM' ? 'INVESTMENT' : null);
  return {
    accountRef: `ofx:${institutionId ?? ''}:${accountNumber}`,
    institutionId,
    branchId: textAt(from, 'BRANCHID'),
    accountNumber,
    accountType,
    currency: unit?.code ?? null,
    statementStart: dateOrThrow(textAt(list, 'DTSTART'), at, 'DTSTART', false),
    statementEnd: dateOrThrow(textAt(list, 'DTEND'), at, 'DTEND', false),
    balances: [...balanceOf(childOf(statement, 'LEDGERBAL'), 'ledger', unit, context), ...balanceOf(childOf(statement, 'AVAILBAL'), 'available', unit, context)],
  };
}

/** The error for a file without statements, quoting the server's refusal when it sent one (a failed sign-on, say). */
function noStatement(tree: OfxNode, format: 'ofx' | 'qfx'): Error {
  const refusal = findAll(tree, 'STATUS').find((status) => (textAt(status, 'CODE') ?? '0') !== '0');
  if (refusal === undefined) return malformedFile(format, 'it holds no bank, credit-card or investment statement');
  const code = textAt(refusal, 'CODE');
  const message = textAt(refusal, 'MESSAGE');
  return malformedFile(format, `it holds no statement; the server answered with status ${code} (${textAt(refusal, 'SEVERITY') ?? 'ERROR'})${message === null ? '' : `: ${message}`}`, { statusCode: code, statusMessage: message });
}

function readStatements(tree: OfxNode, options: OfxImportOptions, context: RecordContext, format: 'ofx' | 'qfx'): BankFileImport {
  const bankStatements = [...findAll(tree, 'STMTRS'), ...findAll(tree, 'CCSTMTRS')];
  const investmentStatements = findAll(tree, 'INVSTMTRS');
  if (bankStatements.length + investmentStatements.length === 0) throw noStatement(tree, format);
  const accounts: ImportedAccount[] = [];
  const sources: { node: OfxNode; account: ImportedAccount }[] = [];
  for (const statement of [...bankStatements, ...investmentStatements]) {
    const account = accountOf(statement, context, options.defaultCurrency);
    accounts.push(account);
    const list = childOf(statement, 'BANKTRANLIST') ?? childOf(statement, 'INVTRANLIST');
    const trns = statement.name === 'INVSTMTRS' ? childrenOf(list, 'INVBANKTRAN').flatMap((n) => childrenOf(n, 'STMTTRN')) : childrenOf(list, 'STMTTRN');
    for (const node of trns) sources.push({ node, account });
  }
  const transactions = mapRecords(context, sources, 'STMTTRN', (s, i) => mapStmtTrn(s.node, i, s.account.accountRef, s.account.currency, context));
  const investments = readOfxInvestments(tree, investmentStatements, accounts, options as OfxInvestmentOptions, context);
  return { format, accounts, transactions, investments, discarded: context.discarded };
}

function parseOfxFormat(input: Uint8Array | string, options: OfxImportOptions, format: 'ofx' | 'qfx'): BankFileImport {
  const parsed = parseOptions(OfxImportOptionsSchema, options, format === 'qfx' ? 'parseQfx' : 'parseOfx');
  const context = createRecordContext(parsed);
  const document = readOfxDocument(input, parsed.encoding);
  const onProgress = context.onProgress;
  const tree = parseOfxTree(document.body, onProgress === undefined ? undefined : {
    every: context.progressEveryRecords,
    report: (done, total) => onProgress({ phase: 'read', done, total, unit: 'characters' }),
  });
  return readStatements(tree, parsed, context, format);
}

/**
 * Reads an OFX file: 1.x SGML (unclosed tags, several records a line) or 2.x
 * XML, bank, credit-card and investment statements. Every STMTTRN becomes an
 * `ImportedTransaction`; investment statements fill `investments`.
 *
 * @example
 * ```ts
 * import { parseOfx } from '@kronos/adapters/import';
 * const ofx = `OFXHEADER:100
 * DATA:OFXSGML
 * VERSION:102
 *
 * <OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKACCTFROM><BANKID>1<ACCTID>42</BANKACCTFROM>
 * <BANKTRANLIST><STMTTRN><TRNTYPE>POS<DTPOSTED>20240105<TRNAMT>-6.60<FITID>A1<NAME>CAFE</STMTTRN></BANKTRANLIST>
 * </STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`;
 * const result = parseOfx(ofx);
 * result.transactions[0]?.amount.toString(); //=> '-6.60'
 * result.transactions[0]?.postedDate;        //=> '2024-01-05'
 * ```
 */
export function parseOfx(input: Uint8Array | string, options: OfxImportOptions = {}): BankFileImport {
  return parseOfxFormat(input, options, 'ofx');
}

/**
 * Reads a QFX file (Quicken's OFX 1.x with `INTU.*` tags); same records as `parseOfx`.
 *
 * @example
 * ```ts
 * import { parseQfx } from '@kronos/adapters/import';
 * const qfx = '<OFX><CREDITCARDMSGSRSV1><CCSTMTTRNRS><CCSTMTRS><CURDEF>CAD<CCACCTFROM><ACCTID>9</CCACCTFROM>' +
 *   '<BANKTRANLIST><STMTTRN><DTPOSTED>20230509<TRNAMT>-1.00<FITID>X<NAME>B.C. HYDRO &amp; POWER</STMTTRN></BANKTRANLIST></CCSTMTRS></CCSTMTTRNRS></CREDITCARDMSGSRSV1></OFX>';
 * parseQfx(qfx).transactions[0]?.payee; //=> 'B.C. HYDRO & POWER'
 * ```
 */
export function parseQfx(input: Uint8Array | string, options: OfxImportOptions = {}): BankFileImport {
  return parseOfxFormat(input, options, 'qfx');
}

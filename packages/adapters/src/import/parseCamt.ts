import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Money } from '@kronos/core-ledger';
import { decodeText, sniffAscii } from '../_internal/decodeText.js';
import { invalidRecord, malformedFile, type RecordLocation } from '../_internal/importError.js';
import { parseOptions } from '../_internal/parseOptions.js';
import { createRecordContext, currencyFor, mapRecords, moneyFrom, type RecordContext } from '../_internal/records.js';
import { CommonImportOptionsSchema, type BankFileImport, type CommonImportOptions, type ImportedAccount, type ImportedBalance, type ImportedTransaction } from './types.js';

/** Options of `parseCamt`. */
export const CamtImportOptionsSchema = CommonImportOptionsSchema;
/** Options of `parseCamt` (see `CamtImportOptionsSchema`). */
export type CamtImportOptions = CommonImportOptions;

type XmlValue = string | XmlObject | XmlValue[];
interface XmlObject { [key: string]: XmlValue | undefined }

const repeated = new Set(['Stmt', 'Rpt', 'Ntfctn', 'Ntry', 'TxDtls', 'Bal', 'Ustrd', 'AdrLine', 'Strd']);
const nestingMax = 100;
const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  maxNestedTags: nestingMax,
  isArray: (name) => repeated.has(name),
});

const balanceKinds: Record<string, string> = {
  OPBD: 'opening', CLBD: 'closing', OPAV: 'opening_available', CLAV: 'closing_available', ITBD: 'interim',
  ITAV: 'interim_available', PRCD: 'previously_closed', FWAV: 'forward_available', INFO: 'information', XPCD: 'expected',
};

function node(value: XmlValue | undefined, path: string): XmlValue | undefined {
  let current: XmlValue | undefined = value;
  for (const part of path.split('/')) {
    if (current === undefined || typeof current === 'string') return undefined;
    current = Array.isArray(current) ? (current[0] as XmlObject | undefined)?.[part] : current[part];
  }
  return Array.isArray(current) ? current[0] : current;
}

/** Text at a path: a plain element or the `#text` of one with attributes; null when absent or empty. */
function text(value: XmlValue | undefined, path: string): string | null {
  const found = node(value, path);
  const s = typeof found === 'string' ? found : typeof found === 'object' && !Array.isArray(found) && typeof found['#text'] === 'string' ? found['#text'] : null;
  return s === null || s.trim() === '' ? null : s.trim();
}

function list(value: XmlValue | undefined, path: string): XmlValue[] {
  const parts = path.split('/');
  const last = parts.pop() as string;
  const parent = parts.length === 0 ? value : node(value, parts.join('/'));
  if (parent === undefined || typeof parent === 'string' || Array.isArray(parent)) return [];
  const found = parent[last];
  return found === undefined ? [] : Array.isArray(found) ? found : [found];
}

function flatten(value: XmlValue | undefined, prefix: string, out: Record<string, string>, depth = 0): Record<string, string> {
  if (value === undefined || depth > nestingMax) return out;
  if (typeof value === 'string') { if (!(prefix in out)) out[prefix] = value; return out; }
  if (Array.isArray(value)) { value.forEach((v, i) => flatten(v, i === 0 ? prefix : `${prefix}[${i}]`, out, depth + 1)); return out; }
  for (const [key, child] of Object.entries(value)) flatten(child, prefix === '' ? key : key === '#text' ? prefix : `${prefix}/${key}`, out, depth + 1);
  return out;
}

function signed(amount: Money, indicator: string | null): Money {
  return indicator === 'DBIT' ? amount.negate() : amount;
}

const notation = { decimalSeparator: '.', thousandsSeparator: '' } as const;

function dateAt(value: XmlValue | undefined, path: string): string | null {
  const s = text(value, `${path}/Dt`) ?? text(value, `${path}/DtTm`);
  return s === null ? null : s.slice(0, 10);
}

function mapEntry(entry: XmlValue, index: number, account: ImportedAccount, format: string, context: RecordContext): ImportedTransaction {
  const details = node(entry, 'NtryDtls/TxDtls');
  const bankTransactionId = text(entry, 'AcctSvcrRef') ?? text(details, 'Refs/AcctSvcrRef');
  const at: RecordLocation = { format, record: 'Ntry', index, bankTransactionId };
  const amountCode = text(entry, 'Amt/@Ccy') ?? account.currency;
  const indicator = text(entry, 'CdtDbtInd');
  if (indicator !== 'CRDT' && indicator !== 'DBIT') throw invalidRecord(at, 'CdtDbtInd', indicator ?? '', 'is neither CRDT nor DBIT');
  const amount = signed(moneyFrom(text(entry, 'Amt'), currencyFor(amountCode, at, 'Amt/@Ccy'), notation, context, at, 'Amt'), indicator);
  const status = text(entry, 'Sts/Cd') ?? text(entry, 'Sts');
  const postedDate = dateAt(entry, 'BookgDt') ?? dateAt(entry, 'ValDt');
  if (postedDate === null || !/^\d{4}-\d{2}-\d{2}$/.test(postedDate)) throw invalidRecord(at, 'BookgDt', postedDate ?? '', 'is missing or not a date');
  const party = indicator === 'DBIT' ? 'Cdtr' : 'Dbtr';
  const payee = text(details, `RltdPties/${party}/Pty/Nm`) ?? text(details, `RltdPties/${party}/Nm`) ?? text(details, `RltdPties/Ultmt${party}/Pty/Nm`) ?? text(details, `RltdPties/Ultmt${party}/Nm`);
  const unstructured = list(node(details, 'RmtInf'), 'Ustrd').filter((u): u is string => typeof u === 'string' && u.trim() !== '').map((u) => u.trim());
  const memo = unstructured.length > 0 ? unstructured.join(' ') : text(details, 'RmtInf/Strd/CdtrRefInf/Ref') ?? text(entry, 'AddtlNtryInf');
  const code = text(entry, 'BkTxCd/Prtry/Cd') ?? [text(entry, 'BkTxCd/Domn/Cd'), text(entry, 'BkTxCd/Domn/Fmly/Cd'), text(entry, 'BkTxCd/Domn/Fmly/SubFmlyCd')].filter((c) => c !== null).join('/');
  return {
    accountRef: account.accountRef,
    bankTransactionId,
    postedDate,
    amount,
    payee,
    memo,
    pending: status === 'PDNG',
    category: null,
    checkNumber: text(details, 'Refs/ChqNb'),
    type: code === '' ? null : code,
    raw: flatten(entry, '', {}),
  };
}

function balancesOf(record: XmlValue, format: string, context: RecordContext): ImportedBalance[] {
  return list(record, 'Bal').map((bal, i) => {
    const at: RecordLocation = { format, record: 'Bal', index: i + 1 };
    const code = text(bal, 'Tp/CdOrPrtry/Cd') ?? text(bal, 'Tp/CdOrPrtry/Prtry') ?? 'unknown';
    const amount = moneyFrom(text(bal, 'Amt'), currencyFor(text(bal, 'Amt/@Ccy'), at, 'Amt/@Ccy'), notation, context, at, 'Amt');
    return { kind: balanceKinds[code] ?? code.toLowerCase(), amount: signed(amount, text(bal, 'CdtDbtInd')), asOf: dateAt(bal, 'Dt') };
  });
}

function accountOf(record: XmlValue, format: string, context: RecordContext): ImportedAccount {
  const iban = text(record, 'Acct/Id/IBAN');
  const other = text(record, 'Acct/Id/Othr/Id');
  const accountNumber = iban ?? other;
  if (accountNumber === null) throw malformedFile(format, 'a statement has no Acct/Id (IBAN or Othr/Id)');
  return {
    accountRef: iban !== null ? `iban:${iban}` : `camt:${accountNumber}`,
    institutionId: text(record, 'Acct/Svcr/FinInstnId/BICFI') ?? text(record, 'Acct/Svcr/FinInstnId/BIC'),
    branchId: null,
    accountNumber,
    accountType: text(record, 'Acct/Tp/Cd'),
    currency: text(record, 'Acct/Ccy'),
    statementStart: text(record, 'FrToDt/FrDtTm')?.slice(0, 10) ?? null,
    statementEnd: text(record, 'FrToDt/ToDtTm')?.slice(0, 10) ?? null,
    balances: balancesOf(record, format, context),
  };
}

function readXml(input: Uint8Array | string, encoding: string | undefined): XmlObject {
  const declared = /<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(sniffAscii(input, 256))?.[1];
  const xml = decodeText(input, typeof input === 'string' ? 'utf-8' : declared ?? encoding ?? 'utf-8');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw malformedFile('camt', `it is not well-formed XML (${valid.err.msg} at line ${valid.err.line})`, { line: valid.err.line });
  try {
    return xmlParser.parse(xml) as XmlObject;
  } catch (error) {
    throw malformedFile('camt', `the XML parser refused it (${error instanceof Error ? error.message : String(error)})`);
  }
}

/**
 * Reads an ISO 20022 bank-to-customer statement: CAMT.053 (end of day), CAMT.052
 * (intraday report) or CAMT.054 (notification), any version. One `Ntry` is one
 * transaction: DBIT is negative, `Sts` PDNG is pending, the payee is the
 * counterparty (creditor of a debit, debtor of a credit), the memo the
 * unstructured remittance lines, else the structured creditor reference.
 *
 * @example
 * ```ts
 * import { parseCamt } from '@kronos/adapters/import';
 * const xml = `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>
 *   <Acct><Id><IBAN>NL26VAYB8060476890</IBAN></Id><Ccy>EUR</Ccy></Acct>
 *   <Ntry><Amt Ccy="EUR">8.85</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2014-12-31</Dt></BookgDt></Ntry>
 * </Stmt></BkToCstmrStmt></Document>`;
 * const result = parseCamt(xml);
 * result.format;                              //=> 'camt.053'
 * result.transactions[0]?.amount.toString(); //=> '-8.85'
 * ```
 */
export function parseCamt(input: Uint8Array | string, options: CamtImportOptions = {}): BankFileImport {
  const parsed = parseOptions(CamtImportOptionsSchema, options, 'parseCamt');
  const context = createRecordContext(parsed);
  const document = node(readXml(input, parsed.encoding), 'Document');
  const kinds = [['BkToCstmrStmt', 'Stmt', 'camt.053'], ['BkToCstmrAcctRpt', 'Rpt', 'camt.052'], ['BkToCstmrDbtCdtNtfctn', 'Ntfctn', 'camt.054']] as const;
  const kind = kinds.find(([message]) => node(document, message) !== undefined);
  if (kind === undefined) throw malformedFile('camt', 'the Document holds no BkToCstmrStmt, BkToCstmrAcctRpt or BkToCstmrDbtCdtNtfctn');
  const [message, recordName, format] = kind;
  const records = list(node(document, message), recordName);
  const accounts: ImportedAccount[] = [];
  const entries: { entry: XmlValue; account: ImportedAccount }[] = [];
  for (const record of records) {
    const account = accountOf(record, format, context);
    accounts.push(account);
    for (const entry of list(record, 'Ntry')) entries.push({ entry, account });
  }
  const transactions = mapRecords(context, entries, 'Ntry', (e, i) => mapEntry(e.entry, i, e.account, format, context));
  return { format, accounts, transactions, investments: { transactions: [], positions: [], securities: [] }, discarded: context.discarded };
}

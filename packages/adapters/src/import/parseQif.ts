import { z } from 'zod';
import { KronosError } from '@kronos/core-ledger';
import { decodeText } from '../_internal/decodeText.js';
import { malformedFile, type RecordLocation } from '../_internal/importError.js';
import { parseOptions } from '../_internal/parseOptions.js';
import { createRecordContext, currencyFor, mapRecords, moneyFrom, type RecordContext } from '../_internal/records.js';
import { readQifInvestments } from '../_internal/qifInvestments.js';
import { qifDate, qifField, type QifRecord } from '../_internal/qifRecords.js';
import { CommonImportOptionsSchema, type BankFileImport, type ImportedTransaction } from './types.js';

/** Options of `parseQif`. */
export const QifImportOptionsSchema = CommonImportOptionsSchema.extend({
  /** The account the transactions belong to; default `qif:<!Account name>` or `qif`. */
  accountRef: z.string().min(1).optional(),
  /** Date layout, e.g. `dd/MM/yyyy`; default tries Quicken's US forms (`M/d/yyyy`, `M/d'yy`, `M/d/yy`) then `yyyy-MM-dd`. */
  dateFormat: z.string().min(1).optional(),
  /** `.` (default) or `,` for files written with a decimal comma. */
  decimalSeparator: z.enum(['.', ',']).optional(),
  /** Investment registers: security name -> ticker, for securities the file's `!Type:Security` list does not name. */
  securitySymbols: z.record(z.string(), z.string().min(1)).optional(),
  /** Decimals kept for share quantities (default 8) and unit prices (default 8). */
  quantityScale: z.number().int().min(0).max(18).optional(),
  priceScale: z.number().int().min(0).max(18).optional(),
});
/** Options of `parseQif` (see `QifImportOptionsSchema`). */
export type QifImportOptions = z.input<typeof QifImportOptionsSchema>;

const bankTypes = new Set(['bank', 'cash', 'ccard', 'oth a', 'oth l']);
const linesMax = 50_000_000;

/** The sections of a QIF file, sorted by what the reader does with them. */
interface QifSections {
  readonly bank: QifRecord[];
  readonly investment: QifRecord[];
  /** `!Type:Security` list: security name -> symbol. */
  readonly symbols: Map<string, string>;
  /** The account in force (the last `!Account` block's name). */
  accountName: string | null;
}

type SectionKind = 'bank' | 'invst' | 'security' | 'account' | 'ignored';

function sectionOf(line: string): SectionKind | null {
  const header = line.toLowerCase();
  if (header.startsWith('!option') || header.startsWith('!clear')) return null; // flags, not sections
  if (header === '!account') return 'account';
  const type = header.startsWith('!type:') ? header.slice(6).trim() : header;
  if (bankTypes.has(type)) return 'bank';
  if (type === 'invst') return 'invst';
  if (type === 'security') return 'security';
  if (type.startsWith('cat') || type.startsWith('class') || type.startsWith('memorized') || type === 'prices') return 'ignored';
  throw new KronosError('IMPORT_UNKNOWN_FORMAT', `QIF section ${JSON.stringify(line)} is not supported: the reader takes bank, cash, card, other asset/liability and investment registers and security lists.`, { format: 'qif', section: line });
}

function closeRecord(sections: QifSections, kind: SectionKind, record: QifRecord): void {
  if (record.fields.size === 0) return;
  if (kind === 'account') sections.accountName = record.fields.get('N')?.trim() ?? sections.accountName;
  else if (kind === 'security') {
    const name = record.fields.get('N')?.trim();
    const symbol = record.fields.get('S')?.trim();
    if (name && symbol) sections.symbols.set(name, symbol);
  } else if (kind === 'bank') sections.bank.push(record);
  else if (kind === 'invst') sections.investment.push(record);
}

/** Splits QIF text into `^`-terminated records, by section. */
function readRecords(text: string): QifSections {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > linesMax) throw malformedFile('qif', `more than ${linesMax} lines`);
  const sections: QifSections = { bank: [], investment: [], symbols: new Map(), accountName: null };
  let kind: SectionKind | null = null;
  let fields = new Map<string, string>();
  let start = 1;
  lines.forEach((rawLine, i) => {
    const line = rawLine.trimEnd();
    if (line === '') return;
    if (line.startsWith('!') || line === '^') {
      if (kind !== null) closeRecord(sections, kind, { fields, line: start, account: sections.accountName });
      if (line.startsWith('!')) kind = sectionOf(line) ?? kind;
      fields = new Map();
      start = i + 2;
      return;
    }
    const code = line[0] as string;
    const value = line.slice(1);
    // Split lines (S, E, $) repeat in bank registers; keep them joined so raw shows every split.
    fields.set(code, fields.has(code) && 'SE$'.includes(code) ? `${fields.get(code)}|${value}` : value);
  });
  if (kind === null) throw malformedFile('qif', 'it has no !Type header');
  closeRecord(sections, kind, { fields, line: start, account: sections.accountName }); // a last record without ^
  return sections;
}

function mapQifRecord(record: QifRecord, index: number, accountRef: (record: QifRecord) => string, options: QifImportOptions, context: RecordContext): ImportedTransaction {
  const at: RecordLocation = { format: 'qif', record: 'record', index, bankTransactionId: null };
  const postedDate = qifDate(record, options.dateFormat, at);
  const unit = currencyFor(options.defaultCurrency ?? null, at, 'currency');
  const amount = moneyFrom(qifField(record, 'T') ?? qifField(record, 'U'), unit, { decimalSeparator: options.decimalSeparator ?? '.', thousandsSeparator: 'auto' }, context, at, 'T');
  return {
    accountRef: accountRef(record),
    bankTransactionId: null,
    postedDate,
    amount,
    payee: qifField(record, 'P'),
    memo: qifField(record, 'M'),
    pending: false,
    category: qifField(record, 'L'),
    checkNumber: qifField(record, 'N'),
    type: null,
    raw: Object.fromEntries(record.fields),
  };
}

/**
 * Reads a QIF file's bank, cash, credit-card and other asset/liability
 * registers, and its investment registers (`!Type:Invst`, with the
 * `!Type:Security` list for tickers). Each record belongs to the `!Account`
 * block in force (`qif:<name>`) unless `accountRef` is given. QIF carries no
 * currency and no transaction ids: pass `defaultCurrency`; dedupe falls back
 * to fuzzy matching.
 *
 * @example
 * ```ts
 * import { parseQif } from '@kronos/adapters/import';
 * const qif = '!Type:Bank\nD6/24/2024\nT-100.58\nPOutlet\nLUsual Expenses:Shopping\n^\n';
 * const result = parseQif(qif, { defaultCurrency: 'USD', accountRef: 'checking' });
 * result.transactions[0]?.postedDate;        //=> '2024-06-24'
 * result.transactions[0]?.amount.toString(); //=> '-100.58'
 * result.transactions[0]?.category;          //=> 'Usual Expenses:Shopping'
 * ```
 */
export function parseQif(input: Uint8Array | string, options: QifImportOptions = {}): BankFileImport {
  const parsed = parseOptions(QifImportOptionsSchema, options, 'parseQif');
  const context = createRecordContext(parsed);
  const sections = readRecords(decodeText(input, parsed.encoding ?? 'auto'));
  const accountRef = (record: QifRecord): string => parsed.accountRef ?? (record.account === null ? 'qif' : `qif:${record.account}`);
  const bank = mapRecords(context, sections.bank, 'record', (r, i) => mapQifRecord(r, i, accountRef, parsed, context));
  const investments = readQifInvestments(sections.investment, sections.symbols, accountRef, parsed, context);
  const refs = [...new Set([...sections.bank, ...sections.investment].map(accountRef))];
  const invested = new Set(sections.investment.map(accountRef));
  const accounts = (refs.length === 0 ? [parsed.accountRef ?? 'qif'] : refs).map((ref) => ({
    accountRef: ref, institutionId: null, branchId: null, accountNumber: ref.startsWith('qif:') ? ref.slice(4) : '',
    accountType: invested.has(ref) ? 'INVESTMENT' : null, currency: parsed.defaultCurrency ?? null, statementStart: null, statementEnd: null, balances: [],
  }));
  return {
    format: 'qif',
    accounts,
    transactions: [...bank, ...investments.cash],
    investments: { transactions: investments.trades, positions: [], securities: investments.securities },
    discarded: context.discarded,
  };
}

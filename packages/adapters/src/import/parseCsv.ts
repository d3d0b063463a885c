import { parse as parseCsvText } from 'csv-parse/sync';
import { z } from 'zod';
import { KronosError, Money } from '@kronos/core-ledger';
import { decodeText } from '../_internal/decodeText.js';
import { parseDateByFormat } from '../_internal/dates.js';
import { invalidRecord, malformedFile, type RecordLocation } from '../_internal/importError.js';
import { parseOptions } from '../_internal/parseOptions.js';
import { createRecordContext, currencyFor, mapRecords, moneyFrom, type RecordContext } from '../_internal/records.js';
import { csvPresets, type CsvColumnMap, type CsvPresetName } from './csvPresets.js';
import { CommonImportOptionsSchema, type BankFileImport, type ImportedTransaction } from './types.js';

const ColumnSchema = z.union([z.string().min(1), z.number().int().min(0)]);

/** A custom column map (see `CsvColumnMap`). */
export const CsvColumnMapSchema = z.object({
  date: ColumnSchema,
  amount: ColumnSchema.optional(),
  debit: ColumnSchema.optional(),
  credit: ColumnSchema.optional(),
  payee: ColumnSchema.optional(),
  memo: z.union([ColumnSchema, z.array(ColumnSchema).min(1)]).optional(),
  bankTransactionId: ColumnSchema.optional(),
  category: ColumnSchema.optional(),
  checkNumber: ColumnSchema.optional(),
  currency: ColumnSchema.optional(),
  pending: ColumnSchema.optional(),
  pendingValues: z.array(z.string()).optional(),
  negate: z.boolean().optional(),
}).refine((m) => (m.amount === undefined) !== (m.debit === undefined && m.credit === undefined), {
  message: 'map either one signed `amount` column or `debit`/`credit` columns, not both and not neither',
});

/** Options of `parseCsv`. */
export const CsvImportOptionsSchema = CommonImportOptionsSchema.extend({
  /** The account every row belongs to. */
  accountRef: z.string().min(1),
  /** ISO currency of the amounts (unless the map has a currency column). */
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  /** A built-in layout; `mapping` and the options below override its parts. */
  preset: z.enum(Object.keys(csvPresets) as [CsvPresetName, ...CsvPresetName[]]).optional(),
  mapping: CsvColumnMapSchema.optional(),
  /** Field separator; default: the one of `,` `;` tab `|` most used in the first line. */
  delimiter: z.string().min(1).max(4).optional(),
  hasHeader: z.boolean().optional(),
  /** Lines to drop before the header (bank preambles). */
  skipLines: z.number().int().min(0).optional(),
  /** e.g. `MM/dd/yyyy`, `dd.MM.yyyy`, `yyyy.MM.dd`; default `yyyy-MM-dd`. */
  dateFormat: z.string().min(1).optional(),
  decimalSeparator: z.enum(['.', ',']).optional(),
  /** Grouping characters to drop (`,` `.` space `'`); default: the usual ones for the decimal separator. */
  thousandsSeparator: z.string().max(4).optional(),
});
/** Options of `parseCsv` (see `CsvImportOptionsSchema`). */
export type CsvImportOptions = z.input<typeof CsvImportOptionsSchema>;
type ParsedCsvOptions = z.output<typeof CsvImportOptionsSchema>;

const rowsMax = 10_000_000;

function sniffDelimiter(text: string, skipLines: number): string {
  const lines = text.split(/\r?\n/, skipLines + 8).slice(skipLines);
  const firstLine = lines.find((line) => line.trim() !== '') ?? '';
  const counts = [',', ';', '\t', '|'].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

function readRows(text: string, delimiter: string, skipLines: number, context: RecordContext): string[][] {
  const onProgress = context.onProgress;
  const total = onProgress === undefined ? 0 : new TextEncoder().encode(text).length;
  const every = context.progressEveryRecords;
  const onRecord = onProgress === undefined ? undefined : (record: string[], info: { records: number; bytes: number }): string[] => {
    if (info.records % every === 0) onProgress({ phase: 'read', done: info.bytes, total, unit: 'bytes' });
    return record;
  };
  try {
    const rows: string[][] = parseCsvText(text, { delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true, from_line: skipLines + 1, to_line: rowsMax + skipLines, ...(onRecord === undefined ? {} : { on_record: onRecord }) });
    onProgress?.({ phase: 'read', done: total, total, unit: 'bytes' });
    return rows;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw malformedFile('csv', `${error instanceof Error ? error.message : String(error)}`, line === undefined ? {} : { line });
  }
}

interface ResolvedColumns { readonly [field: string]: number | readonly number[] | undefined }

function resolveColumns(mapping: CsvColumnMap, header: readonly string[] | null, lenient: boolean): ResolvedColumns {
  const names = header?.map((h) => h.trim().toLowerCase());
  const find = (column: string | number, field: string, required: boolean): number | undefined => {
    if (typeof column === 'number') return column;
    const at = names?.indexOf(column.trim().toLowerCase()) ?? -1;
    if (at >= 0) return at;
    if (!required && lenient) return undefined;
    throw malformedFile('csv', `the ${field} column ${JSON.stringify(column)} is not in the header (${(header ?? []).map((h) => JSON.stringify(h)).join(', ') || 'no header row'})`, { field, column });
  };
  const out: Record<string, number | number[] | undefined> = {};
  for (const [field, column] of Object.entries(mapping)) {
    if (column === undefined || field === 'pendingValues' || field === 'negate') continue;
    const required = field === 'date' || field === 'amount' || field === 'debit' || field === 'credit';
    out[field] = Array.isArray(column) ? column.map((c: string | number) => find(c, field, required)).filter((c): c is number => c !== undefined) : find(column as string | number, field, required);
  }
  return out;
}

interface CsvScope {
  readonly options: ParsedCsvOptions;
  readonly mapping: CsvColumnMap;
  readonly columns: ResolvedColumns;
  readonly header: readonly string[] | null;
  readonly dateFormat: string;
  readonly notation: { readonly decimalSeparator: '.' | ','; readonly thousandsSeparator: string | 'auto' };
  readonly lineOffset: number;
  readonly context: RecordContext;
}

function cell(row: readonly string[], column: number | readonly number[] | undefined): string | null {
  if (column === undefined) return null;
  const values = (typeof column === 'number' ? [column] : column).map((c) => row[c]?.trim() ?? '').filter((v) => v !== '');
  return values.length === 0 ? null : values.join(' ');
}

function amountOf(row: readonly string[], scope: CsvScope, at: RecordLocation): Money {
  const code = cell(row, scope.columns['currency']) ?? scope.options.currency ?? scope.options.defaultCurrency ?? null;
  const unit = currencyFor(code, at, 'currency');
  const { columns, notation, context } = scope;
  let amount: Money;
  if (columns['amount'] !== undefined) {
    amount = moneyFrom(cell(row, columns['amount']), unit, notation, context, at, 'amount');
  } else {
    const debit = cell(row, columns['debit']);
    const credit = cell(row, columns['credit']);
    if (debit === null && credit === null) throw invalidRecord(at, 'debit/credit', '', 'are both empty');
    const debitMoney = debit === null ? Money.zero(unit) : moneyFrom(debit, unit, notation, context, at, 'debit').abs();
    const creditMoney = credit === null ? Money.zero(unit) : moneyFrom(credit, unit, notation, context, at, 'credit');
    amount = creditMoney.subtract(debitMoney);
  }
  return scope.mapping.negate === true ? amount.negate() : amount;
}

function mapRow(row: readonly string[], index: number, scope: CsvScope): ImportedTransaction {
  const { columns, mapping } = scope;
  const bankTransactionId = cell(row, columns['bankTransactionId']);
  const at: RecordLocation = { format: 'csv', record: 'line', index: index + scope.lineOffset, bankTransactionId };
  const dateText = cell(row, columns['date']) ?? '';
  const postedDate = parseDateByFormat(dateText, scope.dateFormat);
  if (postedDate === null) throw invalidRecord(at, 'date', dateText, `is not a date in the format ${scope.dateFormat}; pass dateFormat`);
  const pendingText = cell(row, columns['pending'])?.toLowerCase();
  const pendingValues = (mapping.pendingValues ?? ['pending', 'true', 'yes']).map((v) => v.toLowerCase());
  const raw: Record<string, string> = {};
  row.forEach((value, i) => { raw[scope.header?.[i] ?? String(i)] = value; });
  return {
    accountRef: scope.options.accountRef,
    bankTransactionId,
    postedDate,
    amount: amountOf(row, scope, at),
    payee: cell(row, columns['payee']),
    memo: cell(row, columns['memo']),
    pending: pendingText !== undefined && pendingValues.includes(pendingText),
    category: cell(row, columns['category']),
    checkNumber: cell(row, columns['checkNumber']),
    type: null,
    raw,
  };
}

/**
 * Reads a bank's CSV export with a preset layout or a custom column map:
 * signed amounts or debit/credit columns, any date layout, decimal comma and
 * thousands separators, any text encoding (windows-1252 and latin1
 * included). csv-parse does the CSV grammar (quotes, embedded separators).
 *
 * @example
 * ```ts
 * import { parseCsv } from '@kronos/adapters/import';
 * const csv = 'Date;Payee;Amount\n04.12.2025;Café Rémy;1.100,25\n';
 * const result = parseCsv(csv, {
 *   accountRef: 'checking', currency: 'EUR', dateFormat: 'dd.MM.yyyy', decimalSeparator: ',',
 *   mapping: { date: 'Date', payee: 'Payee', amount: 'Amount' },
 * });
 * result.transactions[0]?.amount.toString(); //=> '1100.25'
 * result.transactions[0]?.postedDate;        //=> '2025-12-04'
 * ```
 */
export function parseCsv(input: Uint8Array | string, options: CsvImportOptions): BankFileImport {
  const parsed = parseOptions(CsvImportOptionsSchema, options, 'parseCsv');
  const preset = parsed.preset === undefined ? undefined : csvPresets[parsed.preset];
  const mapping: CsvColumnMap | undefined = parsed.mapping ?? preset?.mapping;
  if (mapping === undefined) throw new KronosError('INVALID_INPUT', 'parseCsv needs a `preset` or a `mapping` saying which columns hold the date and the amount.', { field: 'mapping' });
  const text = decodeText(input, parsed.encoding ?? 'auto');
  const delimiter = parsed.delimiter ?? preset?.delimiter ?? sniffDelimiter(text, parsed.skipLines ?? 0);
  const hasHeader = parsed.hasHeader ?? preset?.hasHeader ?? true;
  const skipLines = parsed.skipLines ?? 0;
  const context = createRecordContext(parsed);
  const rows = readRows(text, delimiter, skipLines, context);
  const header = hasHeader ? (rows.shift() ?? null) : null;
  const decimalSeparator = parsed.decimalSeparator ?? preset?.decimalSeparator ?? '.';
  const scope: CsvScope = {
    options: parsed,
    mapping,
    columns: resolveColumns(mapping, header, parsed.mapping === undefined),
    header,
    dateFormat: parsed.dateFormat ?? preset?.dateFormat ?? 'yyyy-MM-dd',
    notation: { decimalSeparator, thousandsSeparator: parsed.thousandsSeparator ?? 'auto' },
    lineOffset: skipLines + (hasHeader ? 1 : 0),
    context,
  };
  const transactions = mapRecords(scope.context, rows, 'line', (row, i) => mapRow(row, i, scope));
  const account = { accountRef: parsed.accountRef, institutionId: null, branchId: null, accountNumber: parsed.accountRef, accountType: null, currency: parsed.currency ?? null, statementStart: null, statementEnd: null, balances: [] };
  return { format: 'csv', accounts: [account], transactions, investments: { transactions: [], positions: [], securities: [] }, discarded: scope.context.discarded };
}

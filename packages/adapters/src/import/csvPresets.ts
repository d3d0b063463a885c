/** A column by header name (matched ignoring case and surrounding spaces) or by 0-based index. */
export type CsvColumn = string | number;

/** Which CSV columns hold which transaction field. */
export interface CsvColumnMap {
  readonly date: CsvColumn;
  /** One signed amount column; or use `debit` and/or `credit`. */
  readonly amount?: CsvColumn | undefined;
  /** Money out, written positive (a minus sign is ignored). */
  readonly debit?: CsvColumn | undefined;
  /** Money in. */
  readonly credit?: CsvColumn | undefined;
  readonly payee?: CsvColumn | undefined;
  /** One column or several joined with ` `. */
  readonly memo?: CsvColumn | readonly CsvColumn[] | undefined;
  readonly bankTransactionId?: CsvColumn | undefined;
  readonly category?: CsvColumn | undefined;
  readonly checkNumber?: CsvColumn | undefined;
  /** Per-row ISO currency; else the `currency` option. */
  readonly currency?: CsvColumn | undefined;
  /** A column whose value marks a pending row (see `pendingValues`). */
  readonly pending?: CsvColumn | undefined;
  /** Values of the `pending` column that mean pending (case-insensitive); default `pending`, `true`, `yes`. */
  readonly pendingValues?: readonly string[] | undefined;
  /** Flip every amount's sign: for exports that show charges as positive numbers. */
  readonly negate?: boolean | undefined;
}

/** A bank's export layout: its columns and how it writes dates and numbers. */
export interface CsvPreset {
  readonly mapping: CsvColumnMap;
  readonly dateFormat: string;
  readonly delimiter: string;
  readonly hasHeader: boolean;
  readonly decimalSeparator: '.' | ',';
}

/**
 * Column layouts of common bank exports, as those banks' CSV downloads are
 * laid out (check a file of your own against the header names before relying
 * on one; a custom `mapping` handles any other layout).
 */
export const csvPresets = {
  /** Chase checking: `Details,Posting Date,Description,Amount,Type,Balance,Check or Slip #`. */
  'chase-checking': { mapping: { date: 'Posting Date', amount: 'Amount', payee: 'Description', memo: 'Type', checkNumber: 'Check or Slip #' }, dateFormat: 'MM/dd/yyyy', delimiter: ',', hasHeader: true, decimalSeparator: '.' },
  /** Chase credit card: `Transaction Date,Post Date,Description,Category,Type,Amount,Memo` (purchases negative). */
  'chase-credit-card': { mapping: { date: 'Post Date', amount: 'Amount', payee: 'Description', memo: 'Memo', category: 'Category' }, dateFormat: 'MM/dd/yyyy', delimiter: ',', hasHeader: true, decimalSeparator: '.' },
  /** Capital One card: `Transaction Date,Posted Date,Card No.,Description,Category,Debit,Credit`. */
  'capital-one': { mapping: { date: 'Posted Date', debit: 'Debit', credit: 'Credit', payee: 'Description', category: 'Category' }, dateFormat: 'yyyy-MM-dd', delimiter: ',', hasHeader: true, decimalSeparator: '.' },
  /** American Express: `Date,Description,Amount`, charges positive. */
  'american-express': { mapping: { date: 'Date', amount: 'Amount', payee: 'Description', negate: true }, dateFormat: 'MM/dd/yyyy', delimiter: ',', hasHeader: true, decimalSeparator: '.' },
  /** Wells Fargo: no header; date, signed amount, `*`, check number, description. */
  'wells-fargo': { mapping: { date: 0, amount: 1, checkNumber: 3, payee: 4 }, dateFormat: 'MM/dd/yyyy', delimiter: ',', hasHeader: false, decimalSeparator: '.' },
  /** Sparkasse "CSV-CAMT": `;`-separated, `dd.MM.yy`, decimal comma, `Info` says `Umsatz vorgemerkt` while pending. */
  'sparkasse-camt': { mapping: { date: 'Buchungstag', amount: 'Betrag', payee: 'Beguenstigter/Zahlungspflichtiger', memo: 'Verwendungszweck', currency: 'Waehrung', pending: 'Info', pendingValues: ['Umsatz vorgemerkt'] }, dateFormat: 'dd.MM.yy', delimiter: ';', hasHeader: true, decimalSeparator: ',' },
  /** A plain `Date,Payee,Amount` file with ISO dates. */
  generic: { mapping: { date: 'Date', amount: 'Amount', payee: 'Payee', memo: 'Memo' }, dateFormat: 'yyyy-MM-dd', delimiter: ',', hasHeader: true, decimalSeparator: '.' },
} as const satisfies Record<string, CsvPreset>;

/** The name of a built-in CSV layout. */
export type CsvPresetName = keyof typeof csvPresets;

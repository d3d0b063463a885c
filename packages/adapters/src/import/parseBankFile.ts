import { KronosError } from '@kronos/core-ledger';
import { sniffAscii } from '../_internal/decodeText.js';
import { parseCamt, type CamtImportOptions } from './parseCamt.js';
import { parseCsv, type CsvImportOptions } from './parseCsv.js';
import { parseOfx, parseQfx, type OfxImportOptions } from './parseOfx.js';
import { parseQif, type QifImportOptions } from './parseQif.js';
import type { BankFileFormat, BankFileImport } from './types.js';

/** Options of `parseBankFile`: per-format options, used when the file turns out to be that format. */
export interface BankFileOptions {
  /** Skip detection. */
  readonly format?: BankFileFormat;
  /** The file's name: its extension breaks ties (`.qfx` vs `.ofx`, `.csv`). */
  readonly fileName?: string;
  readonly ofx?: OfxImportOptions;
  readonly qif?: QifImportOptions;
  readonly camt?: CamtImportOptions;
  /** Needed for CSV: a CSV has no self-description. */
  readonly csv?: CsvImportOptions;
}

/**
 * Tells the format from the content (header bytes), using the file name's
 * extension only to tell QFX from OFX and to accept a CSV; null when unknown.
 *
 * @example
 * ```ts
 * import { detectBankFileFormat } from '@kronos/adapters/import';
 * detectBankFileFormat('OFXHEADER:100\nDATA:OFXSGML\n\n<OFX>', 'export.qfx'); //=> 'qfx'
 * detectBankFileFormat('!Type:Bank\nD1/2/2024\nT-1.00\n^');                   //=> 'qif'
 * ```
 */
export function detectBankFileFormat(input: Uint8Array | string, fileName?: string): BankFileFormat | null {
  const head = sniffAscii(input, 4096).replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart();
  const extension = /\.([a-z0-9]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
  if (/^OFXHEADER/i.test(head) || /<OFX[\s>]/i.test(head)) return extension === 'qfx' ? 'qfx' : 'ofx';
  const camt = /camt\.05([234])|BkToCstmr(Stmt|AcctRpt|DbtCdtNtfctn)/.exec(head);
  if (camt) return camt[1] === '2' || camt[2] === 'AcctRpt' ? 'camt.052' : camt[1] === '4' || camt[2] === 'DbtCdtNtfctn' ? 'camt.054' : 'camt.053';
  if (/^!(Type|Account|Option)/i.test(head)) return 'qif';
  if (extension === 'csv' || extension === 'tsv' || extension === 'txt') return 'csv';
  return null;
}

/**
 * Reads a bank file of any supported format, detected from its content.
 *
 * @example
 * ```ts
 * import { parseBankFile } from '@kronos/adapters/import';
 * const result = parseBankFile('!Type:Bank\nD6/23/2024\nT-20.15\nPGroceriesYou\n^\n', { qif: { defaultCurrency: 'USD' } });
 * result.format;                   //=> 'qif'
 * result.transactions[0]?.payee;   //=> 'GroceriesYou'
 * ```
 */
export function parseBankFile(input: Uint8Array | string, options: BankFileOptions = {}): BankFileImport {
  const format = options.format ?? detectBankFileFormat(input, options.fileName) ?? (options.csv ? 'csv' : null);
  switch (format) {
    case 'ofx': return parseOfx(input, options.ofx);
    case 'qfx': return parseQfx(input, options.ofx);
    case 'qif': return parseQif(input, options.qif);
    case 'camt.052': case 'camt.053': case 'camt.054': return parseCamt(input, options.camt);
    case 'csv':
      if (options.csv === undefined) throw new KronosError('INVALID_INPUT', 'This looks like a CSV file: pass options.csv with the account, the currency and a preset or column mapping.', { format });
      return parseCsv(input, options.csv);
    default:
      throw new KronosError('IMPORT_UNKNOWN_FORMAT', 'The file is not OFX, QFX, QIF or CAMT, and no CSV options were given: pass options.format, or options.csv for a CSV export.', { fileName: options.fileName ?? null });
  }
}

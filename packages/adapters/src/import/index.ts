/**
 * `@kronos/adapters/import`: bank and broker files (CSV, OFX/QFX, QIF,
 * CAMT.052/.053/.054) read into neutral records, and dedupe against what is
 * already imported.
 */
export { parseOfx, parseQfx, OfxImportOptionsSchema, type OfxImportOptions } from './parseOfx.js';
export { parseQif, QifImportOptionsSchema, type QifImportOptions } from './parseQif.js';
export { parseCamt, CamtImportOptionsSchema, type CamtImportOptions } from './parseCamt.js';
export { parseCsv, CsvImportOptionsSchema, CsvColumnMapSchema, type CsvImportOptions } from './parseCsv.js';
export { csvPresets, type CsvPreset, type CsvPresetName, type CsvColumn, type CsvColumnMap } from './csvPresets.js';
export { parseBankFile, detectBankFileFormat, type BankFileOptions } from './parseBankFile.js';
export { dedupeTransactions, payeeSimilarity, DedupeOptionsSchema, type DedupeOptions, type DedupeMatch, type DedupeResult } from './dedupeTransactions.js';
export { toTaxRecords, type TaxTradeRecord, type SkippedInvestmentTransaction } from './toTaxRecords.js';
export { importIntoLedger, ImportIntoLedgerOptionsSchema, type ImportIntoLedgerOptions, type ImportIntoLedgerResult, type ImportLedger } from './importIntoLedger.js';
export { toRuleTransaction } from './toRuleTransaction.js';
export type { ImportErrorCode } from '../_internal/importError.js';
export * from './types.js';

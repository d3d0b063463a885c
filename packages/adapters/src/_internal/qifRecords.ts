import { parseDateByFormat } from './dates.js';
import { invalidRecord, type RecordLocation } from './importError.js';

/** Quicken's US layouts first, then ISO. */
const defaultDateFormats = ['M/d/yyyy', "M/d'yy", "M/d'yyyy", 'M/d/yy', 'yyyy-MM-dd', 'M-d-yyyy'];

/** One `^`-terminated record with its fields by QIF code letter. */
export interface QifRecord {
  readonly fields: ReadonlyMap<string, string>;
  readonly line: number;
  /** The `!Account` block in force when the record was read, null before any. */
  readonly account: string | null;
}

/** A field's trimmed text, null when absent or blank. */
export function qifField(record: QifRecord, code: string): string | null {
  const value = record.fields.get(code)?.trim();
  return value === undefined || value === '' ? null : value;
}

/** The record's date (`D`) in the given or default layouts. */
export function qifDate(record: QifRecord, dateFormat: string | undefined, at: RecordLocation): string {
  const dateText = qifField(record, 'D') ?? '';
  const formats = dateFormat === undefined ? defaultDateFormats : [dateFormat];
  const date = formats.map((f) => parseDateByFormat(dateText.replace(/\s+/g, ''), f)).find((d) => d !== null);
  if (date === undefined) throw invalidRecord(at, 'D', dateText, `is not a date in ${formats.join(' or ')}; pass dateFormat`);
  return date;
}


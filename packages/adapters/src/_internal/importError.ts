import { KronosError, isKronosError } from '@kronos/core-ledger';

/** The error codes the import subpath throws, beside core-ledger's own. */
export type ImportErrorCode =
  | 'IMPORT_UNKNOWN_FORMAT'
  | 'IMPORT_MALFORMED_FILE'
  | 'IMPORT_INVALID_RECORD'
  | 'IMPORT_ENCODING'
  | 'INVALID_INPUT';

/** Where in a file a bad record sits, so the message can name it. */
export interface RecordLocation {
  /** The file format, e.g. `ofx`, `csv`, `camt.053`. */
  readonly format: string;
  /** The record kind in the format's own words: `STMTTRN`, `Ntry`, `line`. */
  readonly record: string;
  /** 1-based position of the record among records of its kind (or the CSV line). */
  readonly index: number;
  /** The bank's id for the record when it has one (FITID, AcctSvcrRef). */
  readonly bankTransactionId?: string | null;
}

/**
 * Builds the error for one bad record: the message names the record, the
 * field, the offending text and what to do.
 */
export function invalidRecord(at: RecordLocation, field: string, value: string, problem: string, cause?: unknown): KronosError {
  const id = at.bankTransactionId ? ` (id ${at.bankTransactionId})` : '';
  const message =
    `${at.format.toUpperCase()} ${at.record} #${at.index}${id}: ${field} ${JSON.stringify(value)} ${problem}. ` +
    'Fix the record in the file, or import with onInvalidRecord: "skip" to leave it out and list it in `discarded`.';
  return new KronosError('IMPORT_INVALID_RECORD', message, { ...at, field, value, problem }, cause === undefined ? undefined : { cause });
}

/** Builds the error for a file whose structure cannot be read at all. */
export function malformedFile(format: string, problem: string, details: Record<string, unknown> = {}): KronosError {
  return new KronosError('IMPORT_MALFORMED_FILE', `This ${format.toUpperCase()} file cannot be read: ${problem}.`, { format, ...details });
}

/** Rethrows a KronosError as is; wraps anything else as a record error. */
export function asRecordError(error: unknown, at: RecordLocation, field: string, value: string): KronosError {
  if (isKronosError(error) && error.code === 'IMPORT_INVALID_RECORD') return error;
  const reason = isKronosError(error) ? error.message.replace(/\.$/, '') : 'is not valid';
  return invalidRecord(at, field, value, `is refused (${reason})`, error);
}

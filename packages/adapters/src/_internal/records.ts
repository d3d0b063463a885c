import { Money, asset, currency, isKronosError, type Currency, type RoundingMode } from '@kronos/core-ledger';
import { asRecordError, invalidRecord, type RecordLocation } from './importError.js';
import { parseDecimalText, type DecimalNotation } from './parseDecimalText.js';
import type { DiscardedRecord, ImportProgress } from '../import/types.js';

/** Default spacing of progress reports. */
export const progressEveryRecordsDefault = 1000;

/** Settings the record helpers share within one parse. */
export interface RecordContext {
  readonly onInvalidRecord: 'throw' | 'skip';
  readonly rounding: RoundingMode | undefined;
  readonly onProgress: ((progress: ImportProgress) => void) | undefined;
  readonly progressEveryRecords: number;
  readonly discarded: DiscardedRecord[];
}

/** Builds the context from parser options. */
export function createRecordContext(options: {
  onInvalidRecord?: 'throw' | 'skip' | undefined;
  rounding?: RoundingMode | undefined;
  onProgress?: ((progress: ImportProgress) => void) | undefined;
  progressEveryRecords?: number | undefined;
}): RecordContext {
  return {
    onInvalidRecord: options.onInvalidRecord ?? 'throw',
    rounding: options.rounding,
    onProgress: options.onProgress,
    progressEveryRecords: options.progressEveryRecords ?? progressEveryRecordsDefault,
    discarded: [],
  };
}

/**
 * Maps every source record, reporting progress; a record whose mapping throws
 * a KronosError is either fatal (`throw`) or left out and listed (`skip`).
 * Any other exception is a bug and propagates.
 */
export function mapRecords<S, T>(context: RecordContext, sources: readonly S[], recordName: string, map: (source: S, index: number) => T | null): T[] {
  const out: T[] = [];
  const total = sources.length;
  for (let i = 0; i < total; i++) {
    try {
      const mapped = map(sources[i] as S, i + 1);
      if (mapped !== null) out.push(mapped);
    } catch (error) {
      if (!isKronosError(error) || context.onInvalidRecord === 'throw') throw error;
      const index = typeof error.details['index'] === 'number' ? error.details['index'] : i + 1;
      context.discarded.push({ record: recordName, index, code: error.code, message: error.message });
    }
    if (context.onProgress && (i + 1) % context.progressEveryRecords === 0) context.onProgress({ phase: 'records', done: i + 1, total, unit: 'records' });
  }
  context.onProgress?.({ phase: 'records', done: total, total, unit: 'records' });
  return out;
}

/** The Currency for an ISO code, or a record error naming the field. */
export function currencyFor(code: string | null, at: RecordLocation, field: string): Currency {
  if (code === null || code.trim() === '') throw invalidRecord(at, field, '', 'is missing: the file declares no currency; pass defaultCurrency');
  try {
    return currency(code.trim().toUpperCase());
  } catch (error) {
    throw asRecordError(error, at, field, code);
  }
}

/** An asset code with its scale (share quantities), or a record error. */
export function assetFor(code: string, scale: number, at: RecordLocation, field: string): Currency {
  try {
    return asset(code, scale);
  } catch (error) {
    throw asRecordError(error, at, field, code);
  }
}

/** Parses written amount text into Money, refusing what is not a number. */
export function moneyFrom(text: string | null, unit: Currency, notation: DecimalNotation, context: RecordContext, at: RecordLocation, field: string): Money {
  const normalised = text === null ? null : parseDecimalText(text, notation);
  if (normalised === null) throw invalidRecord(at, field, text ?? '', 'is not a decimal amount');
  try {
    return context.rounding === undefined ? Money.of(normalised, unit) : Money.of(normalised, unit, { rounding: context.rounding });
  } catch (error) {
    throw asRecordError(error, at, field, text ?? '');
  }
}

import { z } from 'zod';
import { KronosError } from '../errors/index.js';

/** A business date, `YYYY-MM-DD`, with no time zone. */
export type IsoDate = string;

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether `value` is a real calendar date written `YYYY-MM-DD` (years 1000-9999).
 *
 * @example
 * ```ts
 * isIsoDate('2024-02-29'); //=> true
 * isIsoDate('2023-02-29'); //=> false
 * ```
 */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = isoDatePattern.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/**
 * Checks a business date and returns it, or throws `INVALID_INPUT` naming the field.
 *
 * @example
 * ```ts
 * assertIsoDate('2026-01-31', 'effectiveDate'); //=> '2026-01-31'
 * ```
 */
export function assertIsoDate(value: unknown, field = 'date'): IsoDate {
  if (!isIsoDate(value)) {
    throw new KronosError('INVALID_INPUT', `${field} '${String(value)}' is not a calendar date: write it as YYYY-MM-DD, e.g. '2026-01-31'.`, { field, value: String(value) });
  }
  return value;
}

/** zod schema of a business date `YYYY-MM-DD` that exists on the calendar. */
export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'a calendar date written YYYY-MM-DD' })
  .meta({ id: 'IsoDate', description: 'A business date, YYYY-MM-DD, no time zone.', examples: ['2026-01-31'] });

/** zod schema of an instant: an ISO 8601 timestamp in UTC (`2026-01-31T12:00:00.000Z`). */
export const IsoInstantSchema = z.iso.datetime({ offset: false }).meta({ id: 'IsoInstant', description: 'An instant in UTC.' });

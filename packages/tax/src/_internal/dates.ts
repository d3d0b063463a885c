import { addYears, format, parseISO } from 'date-fns';

/**
 * Calendar arithmetic on ISO business dates (`YYYY-MM-DD`).
 *
 * Day offsets (the 30-day wash-sale window, tacked holding periods) are the
 * lot engine's hot path: hundreds of thousands per run. They work on day
 * numbers (days since 1970-01-01 in UTC, where every day has 24 hours), with
 * both conversions memoised, which is exact and about a hundred times faster
 * than parsing and formatting a Date each time. Year steps (anniversaries,
 * with the 29 February rule) go through date-fns `addYears`.
 */

const cacheSizeMax = 200_000;
const msPerDay = 86_400_000;
const dayNumbers = new Map<string, number>();
const isoDates = new Map<number, string>();
const anniversaries = new Map<string, string>();
const anniversaryDays = new Map<number, number>();

function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= cacheSizeMax) cache.clear();
  cache.set(key, value);
  return value;
}

/** Days since 1970-01-01 of an ISO date. */
export function dayNumberOf(iso: string): number {
  const cached = dayNumbers.get(iso);
  if (cached !== undefined) return cached;
  // A whole number of days well inside 32 bits: `| 0` keeps it a small integer rather than a boxed float.
  const day = (Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / msPerDay) | 0;
  return remember(dayNumbers, iso, day);
}

/** The ISO date of a day number. */
export function isoOfDayNumber(day: number): string {
  const cached = isoDates.get(day);
  if (cached !== undefined) return cached;
  return remember(isoDates, day, new Date(day * msPerDay).toISOString().slice(0, 10));
}

/** `iso` moved by `days` calendar days (negative moves back). */
export function addDaysIso(iso: string, days: number): string {
  return isoOfDayNumber(dayNumberOf(iso) + days);
}

/** The same month and day `years` later; 29 February maps to 28 February in a common year. */
export function addYearsIso(iso: string, years: number): string {
  const key = years === 1 ? iso : `${iso}+${years}`;
  const cached = anniversaries.get(key);
  if (cached !== undefined) return cached;
  return remember(anniversaries, key, format(addYears(parseISO(iso), years), 'yyyy-MM-dd'));
}

/** The day number of the one-year anniversary (`addYearsIso(iso, 1)`) of a day number. */
export function anniversaryDayOf(day: number): number {
  const cached = anniversaryDays.get(day);
  if (cached !== undefined) return cached;
  return remember(anniversaryDays, day, dayNumberOf(addYearsIso(isoOfDayNumber(day), 1)));
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

/** The calendar year of an ISO date. */
export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

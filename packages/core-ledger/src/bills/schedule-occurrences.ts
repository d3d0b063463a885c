import { addDays, differenceInCalendarDays, format, getDaysInMonth, isWeekend, parseISO } from 'date-fns';
import { parseInput } from '../_internal/schemas.js';
import { assertIsoDate } from '../dates/iso-date.js';
import { KronosError } from '../errors/index.js';
import { BillScheduleSchema, type BillSchedule } from './bill-schema.js';

/** The longest range, in days, a schedule is expanded over in one call (about ten years). */
export const occurrenceRangeDaysMax = 3660;

type Parsed = ReturnType<typeof BillScheduleSchema.parse>;

const iso = (date: Date): string => format(date, 'yyyy-MM-dd');
const pad = (value: number): string => String(value).padStart(2, '0');

function monthsBetween(from: string, to: string): { year: number; month: number }[] {
  const months: { year: number; month: number }[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const end = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
  while (year * 12 + month <= end) {
    months.push({ year, month });
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}

function dayIn(year: number, month: number, day: number): string {
  const last = getDaysInMonth(new Date(year, month - 1, 1));
  return `${year}-${pad(month)}-${pad(Math.min(day, last))}`;
}

function lastBusinessDay(year: number, month: number, holidays: ReadonlySet<string>): string | null {
  let date = new Date(year, month - 1, getDaysInMonth(new Date(year, month - 1, 1)));
  for (let step = 0; step < 31; step++, date = addDays(date, -1)) {
    if (!isWeekend(date) && !holidays.has(iso(date))) return iso(date);
  }
  return null;
}

function candidates(schedule: Parsed, from: string, to: string): string[] {
  switch (schedule.kind) {
    case 'monthly':
      return monthsBetween(from, to).map(({ year, month }) => dayIn(year, month, schedule.day));
    case 'yearly': {
      const [month, day] = schedule.date.split('-').map(Number) as [number, number];
      const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4)) + 1;
      return Array.from({ length: years }, (_, index) => dayIn(Number(from.slice(0, 4)) + index, month, day));
    }
    case 'last_business_day': {
      const holidays = new Set(schedule.holidays);
      return monthsBetween(from, to).flatMap(({ year, month }) => lastBusinessDay(year, month, holidays) ?? []);
    }
    case 'weekly': {
      const anchor = parseISO(schedule.anchor);
      const step = schedule.everyWeeks * 7;
      const first = Math.max(0, Math.ceil(differenceInCalendarDays(parseISO(from), anchor) / step));
      const dates: string[] = [];
      for (let date = addDays(anchor, first * step); iso(date) <= to; date = addDays(date, step)) dates.push(iso(date));
      return dates;
    }
  }
}

/**
 * The due dates of a schedule from `from` to `to` (both inclusive), strictly
 * increasing. Monthly days past a month's end fall on its last day; a yearly
 * 02-29 falls on 02-28 outside leap years; the last business day skips
 * weekends and the listed holidays; weekly dates start at the anchor.
 *
 * @throws KronosError `INVALID_INPUT` for a bad schedule or dates, `from` after `to`,
 *   or a range longer than `occurrenceRangeDaysMax` days
 * @example
 * ```ts
 * scheduleOccurrences({ kind: 'monthly', day: 31 }, '2026-01-01', '2026-04-30'); //=> ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']
 * scheduleOccurrences({ kind: 'yearly', date: '02-29' }, '2027-01-01', '2028-12-31'); //=> ['2027-02-28', '2028-02-29']
 * scheduleOccurrences({ kind: 'last_business_day', holidays: ['2026-12-31'] }, '2026-05-01', '2026-05-31'); //=> ['2026-05-29']
 * scheduleOccurrences({ kind: 'weekly', everyWeeks: 2, anchor: '2026-01-02' }, '2026-01-10', '2026-02-10'); //=> ['2026-01-16', '2026-01-30']
 * ```
 */
export function scheduleOccurrences(schedule: BillSchedule, from: string, to: string): string[] {
  const parsed = parseInput(BillScheduleSchema, schedule, 'schedule');
  checkRange(from, to);
  return candidates(parsed, from, to).filter((date) => date >= from && date <= to);
}

/** Throws unless `from` and `to` are dates, in order, at most `occurrenceRangeDaysMax` days apart. */
export function checkRange(from: string, to: string): void {
  assertIsoDate(from, 'from');
  assertIsoDate(to, 'to');
  const days = differenceInCalendarDays(parseISO(to), parseISO(from));
  if (days < 0) throw new KronosError('INVALID_INPUT', `from (${from}) is after to (${to}): swap them.`, { from, to });
  if (days > occurrenceRangeDaysMax) {
    throw new KronosError('INVALID_INPUT', `The range ${from} to ${to} spans ${days} days; ask for at most ${occurrenceRangeDaysMax} at a time.`, { from, to, days });
  }
}

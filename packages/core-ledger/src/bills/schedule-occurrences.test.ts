import { addDays, differenceInCalendarDays, format, getDaysInMonth, isWeekend, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { failureCode } from '../testing/fixtures.js';
import type { BillSchedule } from './bill-schema.js';
import { scheduleOccurrences } from './schedule-occurrences.js';

describe('scheduleOccurrences', () => {
  it('clamps monthly days to the month end and keeps yearly Feb 29 on Feb 28 outside leap years', () => {
    expect(scheduleOccurrences({ kind: 'monthly', day: 30 }, '2028-01-15', '2028-03-30')).toEqual(['2028-01-30', '2028-02-29', '2028-03-30']);
    expect(scheduleOccurrences({ kind: 'yearly', date: '02-29' }, '2026-01-01', '2028-12-31')).toEqual(['2026-02-28', '2027-02-28', '2028-02-29']);
    expect(scheduleOccurrences({ kind: 'yearly', date: '12-31' }, '2026-12-31', '2026-12-31')).toEqual(['2026-12-31']);
  });

  it('finds the last business day before weekends and holidays', () => {
    // 2026-01-31 is a Saturday; 2026-10-31 a Saturday with Friday the 30th a holiday.
    expect(scheduleOccurrences({ kind: 'last_business_day', holidays: ['2026-10-30'] }, '2026-01-01', '2026-03-31')).toEqual(['2026-01-30', '2026-02-27', '2026-03-31']);
    expect(scheduleOccurrences({ kind: 'last_business_day', holidays: ['2026-10-30'] }, '2026-10-01', '2026-10-31')).toEqual(['2026-10-29']);
  });

  it('steps every K weeks from the anchor, never before it', () => {
    expect(scheduleOccurrences({ kind: 'weekly', everyWeeks: 1, anchor: '2026-03-04' }, '2026-03-01', '2026-03-20')).toEqual(['2026-03-04', '2026-03-11', '2026-03-18']);
    expect(scheduleOccurrences({ kind: 'weekly', everyWeeks: 3, anchor: '2026-01-01' }, '2026-02-01', '2026-03-01')).toEqual(['2026-02-12']);
  });

  it('refuses bad schedules and ranges with INVALID_INPUT', async () => {
    expect(await failureCode(async () => scheduleOccurrences({ kind: 'yearly', date: '02-30' }, '2026-01-01', '2026-12-31'))).toBe('INVALID_INPUT');
    expect(await failureCode(async () => scheduleOccurrences({ kind: 'monthly', day: 32 }, '2026-01-01', '2026-12-31'))).toBe('INVALID_INPUT');
    expect(await failureCode(async () => scheduleOccurrences({ kind: 'monthly', day: 1 }, '2026-02-01', '2026-01-01'))).toBe('INVALID_INPUT');
    expect(await failureCode(async () => scheduleOccurrences({ kind: 'monthly', day: 1 }, '2026-01-01', '2036-12-31'))).toBe('INVALID_INPUT');
    expect(await failureCode(async () => scheduleOccurrences({ kind: 'monthly', day: 1 }, '2026-02-30', '2026-03-01'))).toBe('INVALID_INPUT');
  });
});

const dateArb = fc.integer({ min: 0, max: 365 * 30 }).map((offset) => format(addDays(new Date(2000, 0, 1), offset), 'yyyy-MM-dd'));
const rangeArb = fc.tuple(dateArb, fc.integer({ min: 0, max: 800 })).map(([from, length]) => [from, format(addDays(parseISO(from), length), 'yyyy-MM-dd')] as const);
const scheduleArb: fc.Arbitrary<BillSchedule> = fc.oneof(
  fc.integer({ min: 1, max: 31 }).map((day) => ({ kind: 'monthly' as const, day })),
  fc.tuple(fc.integer({ min: 1, max: 52 }), dateArb).map(([everyWeeks, anchor]) => ({ kind: 'weekly' as const, everyWeeks, anchor })),
  dateArb.map((date) => ({ kind: 'yearly' as const, date: date.slice(5) })),
  fc.array(dateArb, { maxLength: 20 }).map((holidays) => ({ kind: 'last_business_day' as const, holidays })),
);

describe('properties', () => {
  it('occurrences are strictly increasing and within the range', () => {
    fc.assert(
      fc.property(scheduleArb, rangeArb, (schedule, [from, to]) => {
        const dates = scheduleOccurrences(schedule, from, to);
        dates.forEach((date, index) => {
          expect(date >= from && date <= to).toBe(true);
          if (index > 0) expect(date > dates[index - 1]!).toBe(true);
        });
      }),
    );
  });

  it('a monthly occurrence falls on day min(N, days in month), once in every month the range covers that day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 31 }), rangeArb, (day, [from, to]) => {
        const dates = scheduleOccurrences({ kind: 'monthly', day }, from, to);
        for (const date of dates) expect(Number(date.slice(8))).toBe(Math.min(day, getDaysInMonth(parseISO(date))));
        const months = new Set(dates.map((date) => date.slice(0, 7)));
        expect(months.size).toBe(dates.length);
        for (let cursor = parseISO(`${from.slice(0, 7)}-01`); format(cursor, 'yyyy-MM') <= to.slice(0, 7); cursor = addDays(cursor, getDaysInMonth(cursor))) {
          const expected = `${format(cursor, 'yyyy-MM')}-${String(Math.min(day, getDaysInMonth(cursor))).padStart(2, '0')}`;
          expect(months.has(format(cursor, 'yyyy-MM'))).toBe(expected >= from && expected <= to);
        }
      }),
    );
  });

  it('weekly occurrences are whole multiples of K weeks after the anchor, with no gap inside the range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), dateArb, rangeArb, (everyWeeks, anchor, [from, to]) => {
        const dates = scheduleOccurrences({ kind: 'weekly', everyWeeks, anchor }, from, to);
        for (const date of dates) {
          const days = differenceInCalendarDays(parseISO(date), parseISO(anchor));
          expect(days >= 0 && days % (everyWeeks * 7) === 0).toBe(true);
        }
        const next = dates.length === 0 ? null : format(addDays(parseISO(dates.at(-1)!), everyWeeks * 7), 'yyyy-MM-dd');
        if (next !== null) expect(next > to).toBe(true);
      }),
    );
  });

  it('the last business day is a weekday off the holiday list with none later in its month', () => {
    fc.assert(
      fc.property(fc.array(dateArb, { maxLength: 40 }), rangeArb, (holidays, [from, to]) => {
        for (const date of scheduleOccurrences({ kind: 'last_business_day', holidays }, from, to)) {
          const day = parseISO(date);
          expect(isWeekend(day) || holidays.includes(date)).toBe(false);
          for (let later = addDays(day, 1); later.getMonth() === day.getMonth(); later = addDays(later, 1)) {
            expect(isWeekend(later) || holidays.includes(format(later, 'yyyy-MM-dd'))).toBe(true);
          }
        }
      }),
    );
  });
});

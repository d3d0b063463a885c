import { addDays, format, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { failureCode } from '../testing/fixtures.js';
import type { BillInput, BillSchedule } from './bill-schema.js';
import { upcomingBills } from './upcoming-bills.js';

const bill = (overrides: Partial<BillInput> = {}): BillInput => ({
  id: 'rent', payee: 'Oak Street Apartments', entityId: 'ana', payFromAccountId: 'ana:checking', schedule: { kind: 'monthly', day: 1 }, amount: '1850.00', currency: 'USD', startDate: '2026-01-01', ...overrides,
});

describe('upcomingBills', () => {
  it('lists occurrences of every bill within its own dates, sorted by date then bill id', () => {
    const bills = [
      bill({ id: 'rent', endDate: '2026-02-28' }),
      bill({ id: 'gym', payee: 'Gym', schedule: { kind: 'weekly', everyWeeks: 2, anchor: '2026-01-01' }, amount: '25', estimated: true, autopay: true }),
      bill({ id: 'insurance', payee: 'Insurer', schedule: { kind: 'yearly', date: '02-01' }, amount: '600.00', startDate: '2026-01-15' }),
    ];
    const due = upcomingBills(bills, { from: '2026-01-20', to: '2026-03-05' });
    expect(due.map((occurrence) => `${occurrence.dueDate} ${occurrence.billId}`)).toEqual(['2026-01-29 gym', '2026-02-01 insurance', '2026-02-01 rent', '2026-02-12 gym', '2026-02-26 gym']);
    expect(due[0]).toMatchObject({ payee: 'Gym', estimated: true, autopay: true, categoryAccountId: null, entityId: 'ana', payFromAccountId: 'ana:checking' });
    expect(due[0]!.amount.toString()).toBe('25.00');
  });

  it('refuses repeated ids, end before start and amounts finer than the currency', async () => {
    expect(await failureCode(async () => upcomingBills([bill(), bill()], { from: '2026-01-01', to: '2026-02-01' }))).toBe('INVALID_INPUT');
    expect(await failureCode(async () => upcomingBills([bill({ endDate: '2025-12-31' })], { from: '2026-01-01', to: '2026-02-01' }))).toBe('INVALID_INPUT');
    expect(await failureCode(async () => upcomingBills([bill({ amount: '1.005' })], { from: '2026-01-01', to: '2026-02-01' }))).toBe('SCALE_EXCEEDED');
    expect(await failureCode(async () => upcomingBills([bill({ amount: '-5' })], { from: '2026-01-01', to: '2026-02-01' }))).toBe('INVALID_INPUT');
  });
});

const dateArb = fc.integer({ min: 0, max: 365 * 30 }).map((offset) => format(addDays(new Date(2000, 0, 1), offset), 'yyyy-MM-dd'));
const rangeArb = fc.tuple(dateArb, fc.integer({ min: 0, max: 800 })).map(([from, length]) => [from, format(addDays(parseISO(from), length), 'yyyy-MM-dd')] as const);
const scheduleArb: fc.Arbitrary<BillSchedule> = fc.oneof(
  fc.integer({ min: 1, max: 31 }).map((day) => ({ kind: 'monthly' as const, day })),
  fc.tuple(fc.integer({ min: 1, max: 8 }), dateArb).map(([everyWeeks, anchor]) => ({ kind: 'weekly' as const, everyWeeks, anchor })),
  fc.constant<BillSchedule>({ kind: 'last_business_day', holidays: [] }),
);

describe('properties', () => {
  it('upcoming bills come sorted by date then id and inside each bill\'s own dates', () => {
    const billArb = fc.tuple(scheduleArb, dateArb, fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }));
    fc.assert(
      fc.property(fc.array(billArb, { maxLength: 5 }), rangeArb, (specs, [from, to]) => {
        const bills = specs.map(([schedule, startDate, length], index) => bill({ id: `b${index}`, schedule, startDate, ...(length === undefined ? {} : { endDate: format(addDays(parseISO(startDate), length), 'yyyy-MM-dd') }) }));
        const due = upcomingBills(bills, { from, to });
        due.forEach((occurrence, index) => {
          const own = bills.find((candidate) => candidate.id === occurrence.billId)!;
          expect(occurrence.dueDate >= own.startDate && (own.endDate === undefined || occurrence.dueDate <= own.endDate)).toBe(true);
          const previous = due[index - 1];
          if (previous !== undefined) expect(previous.dueDate < occurrence.dueDate || (previous.dueDate === occurrence.dueDate && previous.billId < occurrence.billId)).toBe(true);
        });
      }),
    );
  });
});

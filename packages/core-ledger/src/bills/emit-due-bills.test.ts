import { describe, expect, it } from 'vitest';
import { createInProcessEventBus } from '../events/in-process-event-bus.js';
import { BillDueEventSchema, LedgerEventSchema } from '../events/ledger-events.js';
import type { KronosEvent } from '../ports/event-bus.js';
import { createSteppingClock } from '../runtime/clock.js';
import type { BillInput } from './bill-schema.js';
import { emitDueBills } from './emit-due-bills.js';

const bill = (overrides: Partial<BillInput> = {}): BillInput => ({
  id: 'rent', payee: 'Oak Street Apartments', entityId: 'ana', payFromAccountId: 'ana:checking', schedule: { kind: 'monthly', day: 1 }, amount: '1850.00', currency: 'USD', startDate: '2026-01-01', ...overrides,
});

describe('emitDueBills', () => {
  it('publishes typed bill_due events with stable ids and does not announce twice with a seen-set', async () => {
    const bus = createInProcessEventBus();
    const heard: KronosEvent[] = [];
    bus.subscribe('bill_due', (event) => void heard.push(event));
    const bills = [bill({ autopay: true }), bill({ id: 'power', payee: 'City Power', schedule: { kind: 'monthly', day: 3 }, amount: '92.40', estimated: true })];
    const seen = new Set<string>();
    const clock = createSteppingClock('2026-02-27T06:00:00.000Z', 0);
    const first = await emitDueBills(bills, { asOf: '2026-02-27', leadDays: 3 }, bus, { seen, clock });
    expect(first.map((event) => event.payload.eventId)).toEqual(['bill_due:rent:2026-03-01']);
    expect(BillDueEventSchema.parse(heard[0])).toEqual({
      type: 'bill_due',
      occurredAt: '2026-02-27T06:00:00.000Z',
      payload: { eventId: 'bill_due:rent:2026-03-01', billId: 'rent', payee: 'Oak Street Apartments', entityId: 'ana', payFromAccountId: 'ana:checking', dueDate: '2026-03-01', amount: { amount: '1850.00', currency: 'USD', scale: 2 }, estimated: false, autopay: true },
    });
    expect(LedgerEventSchema.safeParse(heard[0]).success).toBe(true);
    const second = await emitDueBills(bills, { asOf: '2026-02-28', leadDays: 3 }, bus, { seen, clock });
    expect(second.map((event) => event.payload.eventId)).toEqual(['bill_due:power:2026-03-03']);
    expect(await emitDueBills(bills, { asOf: '2026-02-28', leadDays: 3 }, bus, { seen, clock })).toEqual([]);
    expect(heard.map((event) => (event.payload as { eventId: string }).eventId)).toEqual(['bill_due:rent:2026-03-01', 'bill_due:power:2026-03-03']);
    const again = await emitDueBills(bills, { asOf: '2026-02-28', leadDays: 3 }, createInProcessEventBus(), { clock });
    expect(again.map((event) => event.payload.eventId)).toEqual(['bill_due:rent:2026-03-01', 'bill_due:power:2026-03-03']);
  });

  it('refuses a bad lead time or date', async () => {
    const bus = createInProcessEventBus();
    await expect(emitDueBills([bill()], { asOf: '2026-02-27', leadDays: -1 }, bus)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(emitDueBills([bill()], { asOf: '2026-02-27', leadDays: 1.5 }, bus)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(emitDueBills([bill()], { asOf: '27/02/2026', leadDays: 1 }, bus)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(emitDueBills([bill()], { asOf: '2026-02-27', leadDays: 1, since: '2026-03-01' }, bus)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(emitDueBills([bill()], { asOf: '2026-02-27', leadDays: 1, since: '2016-01-01' }, bus)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('catches up from since: a run missed for weeks announces the due dates it skipped, each once', async () => {
    const bus = createInProcessEventBus();
    const seen = new Set<string>();
    const bills = [bill(), bill({ id: 'gym', payee: 'Gym', schedule: { kind: 'weekly', everyWeeks: 1, anchor: '2026-03-02' }, amount: '12.00', startDate: '2026-03-02' })];
    const first = await emitDueBills(bills, { asOf: '2026-03-01', leadDays: 2 }, bus, { seen });
    expect(first.map((event) => event.payload.eventId)).toEqual(['bill_due:rent:2026-03-01', 'bill_due:gym:2026-03-02']);
    // Without since, a run on 03-20 would only see 03-20 to 03-22; from the last run it catches up.
    const narrow = await emitDueBills(bills, { asOf: '2026-03-20', leadDays: 2 }, createInProcessEventBus());
    expect(narrow.map((event) => event.payload.dueDate)).toEqual([]);
    const caughtUp = await emitDueBills(bills, { asOf: '2026-03-20', leadDays: 2, since: '2026-03-01' }, bus, { seen });
    expect(caughtUp.map((event) => event.payload.eventId)).toEqual(['bill_due:gym:2026-03-09', 'bill_due:gym:2026-03-16']);
  });
});

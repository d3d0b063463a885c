import { describe, expect, it } from 'vitest';
import { createInProcessEventBus } from '../events/in-process-event-bus.js';
import { TransactionPostedEventSchema } from '../events/ledger-events.js';
import type { KronosEvent } from '../ports/event-bus.js';
import { createMemoryStore } from '../store/memory-store.js';
import { createTestLedger, failureCode, seedPersonAndLlc } from '../testing/fixtures.js';

describe('createLedger', () => {
  it('publishes typed events after a write commits, and none for a refused write', async () => {
    const bus = createInProcessEventBus();
    const events: KronosEvent[] = [];
    bus.subscribe('transaction_posted', (event) => void events.push(event));
    bus.subscribe('period_closed', (event) => void events.push(event));
    const ledger = createTestLedger(createMemoryStore(), { events: bus });
    await seedPersonAndLlc(ledger);
    const posted = TransactionPostedEventSchema.parse(events[0]);
    expect(posted.payload.postings.map((posting) => posting.amount)).toEqual([{ amount: '10000.00', currency: 'USD', scale: 2 }, { amount: '-10000.00', currency: 'USD', scale: 2 }]);
    expect(await failureCode(() => ledger.postEntry({ id: 'x', date: '2026-01-02', description: 'x', postings: [{ accountId: 'ana:housing', amount: '1.00' }, { accountId: 'ana:checking', amount: '-2.00' }] }))).toBe('UNBALANCED_ENTRY');
    await ledger.closePeriod({ id: 'c1', entityId: 'llc', through: '2026-01-31' });
    expect(events.map((event) => event.type)).toEqual(['transaction_posted', 'period_closed']);
  });

  it('refuses a write without a named actor', async () => {
    const ledger = createTestLedger(createMemoryStore(), { actor: '' });
    expect(await failureCode(() => ledger.createEntity({ id: 'a', kind: 'individual', name: 'A', baseCurrency: 'USD' }))).toBe('INVALID_INPUT');
  });

  it('says which entry of a batch failed', async () => {
    const ledger = createTestLedger(createMemoryStore());
    await seedPersonAndLlc(ledger);
    const ok = { id: 'ok', date: '2026-01-02', description: 'ok', postings: [{ accountId: 'ana:housing', amount: '1.00' }, { accountId: 'ana:checking', amount: '-1.00' }] };
    const error = await ledger.postEntries([ok, { ...ok, id: 'bad', postings: [{ accountId: 'ana:housing', amount: '1.00' }, { accountId: 'llc:checking', amount: '-1.00' }] }]).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'ENTITY_MISMATCH', details: { batchIndex: 1 } });
  });
});

import { describe, expect, it } from 'vitest';
import { createInProcessEventBus } from './in-process-event-bus.js';

const event = (type: string) => ({ type, occurredAt: '2026-01-01T00:00:00.000Z', payload: {} });

describe('createInProcessEventBus', () => {
  it('delivers an event to each subscriber of its type, in order, until unsubscribed', async () => {
    const bus = createInProcessEventBus();
    const seen: string[] = [];
    const stop = bus.subscribe('period_closed', () => void seen.push('first'));
    bus.subscribe('period_closed', () => void seen.push('second'));
    bus.subscribe('transaction_posted', () => void seen.push('other'));
    await bus.publish(event('period_closed'));
    stop();
    await bus.publish(event('period_closed'));
    expect(seen).toEqual(['first', 'second', 'second']);
    expect([bus.hasSubscribers?.('period_closed'), bus.hasSubscribers?.('entry_reversed')]).toEqual([true, false]);
  });
  it('keeps delivering when a subscriber throws, and reports the failure', async () => {
    const failures: unknown[] = [];
    const bus = createInProcessEventBus({ onHandlerError: (error) => failures.push(error) });
    const seen: string[] = [];
    bus.subscribe('x', () => {
      throw new Error('boom');
    });
    bus.subscribe('x', () => void seen.push('after'));
    await bus.publish(event('x'));
    expect([seen, failures.length]).toEqual([['after'], 1]);
  });
});

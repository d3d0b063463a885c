import { describe, expect, it } from 'vitest';
import { createSequentialIds, createSteppingClock } from './clock.js';

describe('createSteppingClock', () => {
  it('starts at the given instant and steps on every read', () => {
    const clock = createSteppingClock('2026-01-01T00:00:00.000Z', 250);
    expect([clock.now().toISOString(), clock.now().toISOString()]).toEqual(['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.250Z']);
  });
  it('refuses a start that is not an instant', () => {
    expect(() => createSteppingClock('soon')).toThrow(RangeError);
  });
});

describe('createSequentialIds', () => {
  it('counts per prefix', () => {
    const ids = createSequentialIds();
    expect([ids.next('acc'), ids.next('acc'), ids.next('flow')]).toEqual(['acc_1', 'acc_2', 'flow_1']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asset, isKronosError, Money } from '@kronos/core-ledger';
import { createStaticPriceSource } from '../ports/index.js';
import { checkDrift, DriftExceededPayloadSchema, type CheckDriftInput } from './check-drift.js';

const prices = createStaticPriceSource({ VTI: Money.of('100', 'USD'), BND: Money.of('50', 'USD') });
const clock = () => new Date('2026-01-02T15:00:00Z');
const input = (vti: string, bnd: string): CheckDriftInput => ({
  portfolioId: 'p1',
  date: '2026-01-02',
  currency: 'USD',
  bands: { absolute: 0.05 },
  targets: { VTI: 0.6, BND: 0.4 },
  positions: [
    { accountId: 'ira', symbol: 'VTI', quantity: Money.of(vti, asset('VTI', 6)) },
    { accountId: 'taxable', symbol: 'VTI', quantity: Money.of('1', asset('VTI', 6)) },
    { accountId: 'ira', symbol: 'BND', quantity: Money.of(bnd, asset('BND', 6)) },
  ],
});

describe('checkDrift', () => {
  it('sums positions across accounts and measures absolute and relative drift', async () => {
    const report = await checkDrift({ prices }, input('6', '6'));
    expect(report.total.toString()).toBe('1000.00');
    const vti = report.assets.find((a) => a.symbol === 'VTI')!;
    expect(vti.actual).toBeCloseTo(0.7, 15);
    expect(vti.absoluteDrift).toBeCloseTo(0.1, 15);
    expect(vti.relativeDrift).toBeCloseTo(0.1 / 0.6, 15);
  });

  it('publishes drift_exceeded naming the assets outside their band', async () => {
    const events: { type: string; occurredAt: string; payload: unknown }[] = [];
    const report = await checkDrift({ prices, clock, events: { publish: (e) => events.push(e) } }, input('6', '6'));
    expect(report.breached).toBe(true);
    expect(events).toHaveLength(1);
    expect(events[0]!.type).toBe('drift_exceeded');
    expect(events[0]!.occurredAt).toBe('2026-01-02T15:00:00.000Z');
    const payload = DriftExceededPayloadSchema.parse(events[0]!.payload);
    expect(payload.assets.map((a) => a.symbol)).toEqual(['BND', 'VTI']);
  });

  it('stays quiet inside the bands', async () => {
    const events: unknown[] = [];
    const report = await checkDrift({ prices, events: { publish: (e) => events.push(e) } }, input('5', '8'));
    expect(report.breached).toBe(false);
    expect(events).toHaveLength(0);
  });

  it('refuses a quantity in another code than its symbol', async () => {
    const bad = { ...input('1', '1'), positions: [{ accountId: 'a', symbol: 'VTI', quantity: Money.of('1', 'USD') }] };
    await expect(checkDrift({ prices }, bad)).rejects.toSatisfy((e: unknown) => isKronosError(e, 'INVALID_INPUT'));
  });

  it('reports a missing price as NOT_FOUND', async () => {
    const odd = { ...input('1', '1'), positions: [{ accountId: 'a', symbol: 'XYZ', quantity: Money.of('1', asset('XYZ', 0)) }] };
    await expect(checkDrift({ prices }, odd)).rejects.toSatisfy((e: unknown) => isKronosError(e, 'NOT_FOUND'));
  });
});

describe('properties', () => {
  it('weights of the held assets sum to 1 and drifts sum to 0', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), async (vti, bnd) => {
        const report = await checkDrift({ prices }, input(String(vti), String(bnd)));
        expect(report.assets.reduce((s, a) => s + a.actual, 0)).toBeCloseTo(1, 12);
        expect(report.assets.reduce((s, a) => s + a.absoluteDrift, 0)).toBeCloseTo(0, 12);
      }),
      { numRuns: 50 },
    );
  });
});

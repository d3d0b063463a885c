import { describe, expect, it } from 'vitest';
import {
  createRiskMonitor,
  evaluateRiskLimits,
  historicalVar,
  RiskLimitBreachedPayloadSchema,
  type RiskLimitPolicy,
  type RiskSnapshot,
} from '../index.js';

const policy: RiskLimitPolicy = {
  version: 1,
  valueAtRisk: { confidence: 0.95, lossMax: 0.02 },
  drawdownMax: 0.15,
  positionWeightMax: 0.05,
  sectorWeightMax: 0.25,
  correlationAlert: 0.9,
  volatilityDefensive: { annualVolatilityMax: 0.25, cashWeightSuggested: 0.2 },
  stopLoss: { lossFromCostMax: 0.1 },
};

describe('evaluateRiskLimits', () => {
  it('reports nothing for a portfolio inside every limit', () => {
    const calm: RiskSnapshot = {
      positions: [
        { id: 'A', weight: 0.04, sector: 'tech', price: 100, costBasis: 95, returns: [0.01, -0.01, 0.02, 0.0] },
        { id: 'B', weight: 0.04, sector: 'energy', price: 50, costBasis: 52, returns: [-0.01, 0.01, 0.0, 0.02] },
      ],
      portfolioReturns: [0.001, -0.002, 0.003, -0.001, 0.002],
    };
    expect(evaluateRiskLimits(policy, calm)).toEqual([]);
  });

  it('names each breached limit with its observed value, threshold and subject', () => {
    const crashed = [0.01, -0.05, -0.06, -0.04, 0.02, -0.03];
    const snapshot: RiskSnapshot = {
      positions: [
        { id: 'A', weight: 0.08, sector: 'tech', price: 80, costBasis: 100, returns: [0.01, 0.02, -0.01, 0.03] },
        { id: 'B', weight: 0.05, sector: 'tech', returns: [0.011, 0.019, -0.012, 0.031] },
        { id: 'C', weight: 0.04, sector: 'tech' },
        { id: 'D', weight: 0.04, sector: 'tech' },
        { id: 'E', weight: 0.05, sector: 'tech' },
      ],
      portfolioReturns: crashed,
    };
    const breaches = evaluateRiskLimits(policy, snapshot);
    expect(breaches.map((b) => b.limit)).toEqual([
      'value_at_risk',
      'max_drawdown',
      'position_weight',
      'sector_weight',
      'pairwise_correlation',
      'volatility_defensive',
      'stop_loss',
    ]);
    const byLimit = Object.fromEntries(breaches.map((b) => [b.limit, b]));
    expect(byLimit['value_at_risk']!.observed).toBe(historicalVar(crashed, { confidence: 0.95 }));
    expect(byLimit['max_drawdown']!.observed).toBeCloseTo(1 - 0.95 * 0.94 * 0.96 * 1.02 * 0.97, 12);
    expect(byLimit['position_weight']!.subject).toEqual(['A']);
    expect(byLimit['sector_weight']!.observed).toBeCloseTo(0.26, 12);
    expect(byLimit['pairwise_correlation']!.subject).toEqual(['A', 'B']);
    expect(byLimit['stop_loss']!).toMatchObject({ subject: ['A'], threshold: 0.1, severity: 'alert' });
    expect(byLimit['stop_loss']!.observed).toBeCloseTo(0.2, 12);
    for (const b of breaches) expect(RiskLimitBreachedPayloadSchema.safeParse(b).success).toBe(true);
  });

  it('does not breach at exactly the limit', () => {
    expect(evaluateRiskLimits({ version: 1, positionWeightMax: 0.05 }, { positions: [{ id: 'A', weight: 0.05 }] })).toEqual([]);
    expect(evaluateRiskLimits({ version: 1, stopLoss: { lossFromCostMax: 0.1 } }, { positions: [{ id: 'A', weight: 0.1, price: 90, costBasis: 100 }] })).toEqual([]);
  });

  it('refuses a malformed policy or snapshot', () => {
    expect(() => evaluateRiskLimits({ version: 2 } as unknown as RiskLimitPolicy, { positions: [] })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(() => evaluateRiskLimits({ version: 1, positionWeightMax: 1.5 }, { positions: [] })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() =>
      evaluateRiskLimits({ version: 1, correlationAlert: 0.9 }, { positions: [{ id: 'A', weight: 0, returns: [0.1, 0.2] }, { id: 'B', weight: 0, returns: [0.1] }] }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('createRiskMonitor', () => {
  it('emits one risk_limit_breached event per breach, stamped by the injected clock', async () => {
    const events: { type: string; occurredAt: string; payload: unknown }[] = [];
    const monitor = createRiskMonitor({
      publisher: {
        publish: async (e) => {
          events.push(e);
        },
      },
      clock: () => new Date('2026-03-01T12:00:00Z'),
    });
    const breaches = await monitor.check(
      { version: 1, positionWeightMax: 0.05 },
      { positions: [{ id: 'A', weight: 0.06 }, { id: 'B', weight: 0.07 }, { id: 'C', weight: 0.01 }] },
    );
    expect(breaches).toHaveLength(2);
    expect(events.map((e) => [e.type, e.occurredAt])).toEqual([
      ['risk_limit_breached', '2026-03-01T12:00:00.000Z'],
      ['risk_limit_breached', '2026-03-01T12:00:00.000Z'],
    ]);
    expect(events.map((e) => RiskLimitBreachedPayloadSchema.parse(e.payload).subject)).toEqual([['A'], ['B']]);
  });

  it('publishes nothing when no limit is breached', async () => {
    const events: unknown[] = [];
    const monitor = createRiskMonitor({ publisher: { publish: (e) => events.push(e) }, clock: () => new Date(0) });
    await monitor.check({ version: 1, positionWeightMax: 0.5 }, { positions: [{ id: 'A', weight: 0.1 }] });
    expect(events).toEqual([]);
  });
});

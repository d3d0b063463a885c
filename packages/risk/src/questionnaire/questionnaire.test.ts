import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  riskLimitPolicyJsonSchema,
  riskQuestionnaireJsonSchema,
  RiskQuestionnaireAnswersSchema,
  scoreRiskQuestionnaire,
  type RiskQuestionnaireAnswers,
} from '../index.js';

const base: RiskQuestionnaireAnswers = {
  version: '2026-01',
  age: 30,
  horizonYears: 30,
  incomeStability: 'stable',
  liquidityNeeds: 'none',
  netWorthBand: '50k_250k',
  lossReaction: 'buy_more',
  experience: 'moderate',
  goalType: 'growth',
};

describe('scoreRiskQuestionnaire', () => {
  it('scores a young, long-horizon, loss-tolerant investor as aggressive', () => {
    const p = scoreRiskQuestionnaire(base);
    // tolerance = 1 + 9(0.5·1 + 0.3·0.8 + 0.2·0.67) = 8.866 -> 8.9
    expect(p.tolerance).toBe(8.9);
    // capacity = 1 + 9(0.35·1 + 0.2·0.8 + 0.15·1 + 0.15·0.3 + 0.15·1) = 8.695 -> 8.7; combined = round(8.695) = 9
    expect(p.capacity).toBe(8.7);
    expect(p.combined).toBe(9);
    expect(p.label).toBe('aggressive');
    expect(p.cappedByCapacity).toBe(true);
  });

  it('lets low capacity cap a high tolerance, and says so', () => {
    const p = scoreRiskQuestionnaire({ ...base, age: 78, horizonYears: 2, incomeStability: 'none', liquidityNeeds: 'most', netWorthBand: 'under_50k' });
    expect(p.tolerance).toBe(8.9);
    expect(p.capacity).toBeLessThan(2);
    expect(p.combined).toBe(Math.max(1, Math.round(p.capacity)));
    expect(p.label).toBe('conservative');
    expect(p.cappedByCapacity).toBe(true);
    expect(p.explanation).toContain('caps the combined score');
  });

  it('uses tolerance when it is the lower of the two', () => {
    const p = scoreRiskQuestionnaire({ ...base, lossReaction: 'sell_all', goalType: 'capital_preservation', experience: 'none' });
    expect(p.tolerance).toBe(1);
    expect(p.combined).toBe(1);
    expect(p.cappedByCapacity).toBe(false);
    expect(p.explanation).toContain('sets the combined score');
  });

  it('lists every answer with its points, largest first', () => {
    const p = scoreRiskQuestionnaire(base);
    expect(p.contributions).toHaveLength(8);
    expect(p.contributions[0]).toMatchObject({ question: 'lossReaction', points: 4.5, dimension: 'tolerance' });
    for (let i = 1; i < p.contributions.length; i++) expect(p.contributions[i]!.points).toBeLessThanOrEqual(p.contributions[i - 1]!.points);
  });

  it('refuses missing answers and an unknown version', () => {
    expect(() => scoreRiskQuestionnaire({ ...base, version: '2020-01' })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    const { lossReaction: _omitted, ...partial } = base;
    expect(() => scoreRiskQuestionnaire(partial)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => scoreRiskQuestionnaire({ ...base, age: 12 })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('riskQuestionnaireJsonSchema', () => {
  it('describes every question with its choices for a form builder', () => {
    const schema = riskQuestionnaireJsonSchema() as { properties: Record<string, { enum?: string[] }>; required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['version', 'age', 'horizonYears', 'lossReaction', 'goalType']));
    expect(schema.properties['lossReaction']!.enum).toEqual(['sell_all', 'sell_some', 'hold', 'buy_more']);
    const policy = riskLimitPolicyJsonSchema() as { properties: Record<string, unknown> };
    expect(Object.keys(policy.properties)).toEqual(expect.arrayContaining(['valueAtRisk', 'drawdownMax', 'stopLoss']));
  });
});

const answers = fc.record({
  version: fc.constant('2026-01' as const),
  age: fc.integer({ min: 18, max: 120 }),
  horizonYears: fc.double({ min: 0, max: 80, noNaN: true }),
  incomeStability: fc.constantFrom('none', 'unstable', 'variable', 'stable', 'very_stable'),
  liquidityNeeds: fc.constantFrom('most', 'some', 'little', 'none'),
  netWorthBand: fc.constantFrom('under_50k', '50k_250k', '250k_1m', '1m_5m', 'over_5m'),
  lossReaction: fc.constantFrom('sell_all', 'sell_some', 'hold', 'buy_more'),
  experience: fc.constantFrom('none', 'limited', 'moderate', 'extensive'),
  goalType: fc.constantFrom('capital_preservation', 'income', 'balanced', 'growth', 'aggressive_growth'),
});

describe('properties', () => {
  it('scores lie in 1-10 and the combined score never exceeds capacity or tolerance (rounded)', () => {
    fc.assert(
      fc.property(answers, (a) => {
        expect(RiskQuestionnaireAnswersSchema.safeParse(a).success).toBe(true);
        const p = scoreRiskQuestionnaire(a);
        for (const v of [p.tolerance, p.capacity, p.combined]) {
          expect(v).toBeGreaterThanOrEqual(1);
          expect(v).toBeLessThanOrEqual(10);
        }
        expect(p.combined).toBeLessThanOrEqual(Math.round(Math.min(p.tolerance, p.capacity)) + 0);
      }),
      { numRuns: 300 },
    );
  });

  it('a longer horizon never lowers capacity', () => {
    fc.assert(
      fc.property(answers, fc.double({ min: 0, max: 40, noNaN: true }), (a, extra) => {
        const longer = { ...a, horizonYears: Math.min(80, a.horizonYears + extra) };
        expect(scoreRiskQuestionnaire(longer).capacity).toBeGreaterThanOrEqual(scoreRiskQuestionnaire(a).capacity);
      }),
      { numRuns: 200 },
    );
  });
});

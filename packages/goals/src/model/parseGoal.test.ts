import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GoalSchema } from './schemas.js';
import { parseGoal, safeParseGoal } from './parseGoal.js';

const retirement = {
  type: 'retirement',
  id: 'r1',
  asOf: '2026-01-01',
  currentAssets: { kind: 'given', amount: '250000.00' },
  currentAge: 45,
  retirementAge: 65,
  lifeExpectancy: 92,
  annualSpending: '60000',
  otherIncome: [{ label: 'Social Security', annualAmount: '24000', fromAge: 67 }],
};

describe('parseGoal', () => {
  it('fills the documented defaults', () => {
    const goal = parseGoal(retirement);
    expect(goal.type).toBe('retirement');
    if (goal.type !== 'retirement') return;
    expect(goal.withdrawal).toEqual({ kind: 'constantReal' });
    expect(goal.inflation).toEqual({ kind: 'fixed', ratePerYear: 0.025 });
    expect(goal.legacyTarget).toBe('0');
    expect(goal.otherIncome[0]?.inflationIndexed).toBe(true);
  });
  it('accepts each goal type', () => {
    const common = { id: 'g', asOf: '2026-01-01', currentAssets: { kind: 'given', amount: '1' } };
    expect(parseGoal({ ...common, type: 'majorPurchase', amount: '80000', date: '2030-06-01' }).type).toBe('majorPurchase');
    expect(parseGoal({ ...common, type: 'wealthBuilding', target: '1000000', date: '2046-01-01' }).type).toBe('wealthBuilding');
    expect(parseGoal({ ...common, type: 'incomeGeneration', monthlyIncome: '3000', horizonYears: 25 }).type).toBe('incomeGeneration');
  });
  it('refuses a number where money must be a decimal string, with INVALID_GOAL and the path', () => {
    expect(() => parseGoal({ ...retirement, annualSpending: 60000 })).toThrow(expect.objectContaining({ code: 'INVALID_GOAL' }));
    const result = safeParseGoal({ ...retirement, annualSpending: 60000 });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.details['issues']).toEqual(expect.arrayContaining([expect.objectContaining({ path: ['annualSpending'] })]));
  });
  it('refuses ages out of order', () => {
    expect(() => parseGoal({ ...retirement, retirementAge: 95 })).toThrow(expect.objectContaining({ code: 'INVALID_GOAL' }));
  });
  it('refuses a date that is not on the calendar', () => {
    expect(() => parseGoal({ ...retirement, asOf: '2026-02-30' })).toThrow(expect.objectContaining({ code: 'INVALID_GOAL' }));
  });
  it('refuses an unknown withdrawal strategy', () => {
    expect(safeParseGoal({ ...retirement, withdrawal: { kind: 'yolo' } }).success).toBe(false);
  });
});

describe('GoalSchema', () => {
  it('derives the JSON Schema a form builder renders, one branch per goal type', () => {
    const schema = z.toJSONSchema(GoalSchema, { io: 'input' }) as { oneOf?: Array<{ properties?: { type?: { const?: string } } }> };
    expect(schema.oneOf?.map((branch) => branch.properties?.type?.const)).toEqual(['retirement', 'majorPurchase', 'wealthBuilding', 'incomeGeneration']);
  });
});

import { describe, expect, it } from 'vitest';
import { compilePlan } from '../model/compilePlan.js';
import { parseGoal } from '../model/parseGoal.js';
import { MajorPurchaseGoalSchema, type GoalInput } from '../model/schemas.js';
import { createLognormalModel } from '../returns/createLognormalModel.js';
import { evaluateGoal, type PlanningContext } from './evaluate.js';
import { planGoal } from './planGoal.js';
import { projectTerminalReal, requiredReturn } from './requiredReturn.js';
import { solveContribution, solveDate, solveMaxSpending } from './solveLevers.js';

const noInflation = { kind: 'fixed', ratePerYear: 0 } as const;
const model = createLognormalModel({ driftPerYear: [0.07, 0.03], covariancePerYear: [[0.0324, 0.0018], [0.0018, 0.0036]] });
const context: PlanningContext = { model, currentAssets: '50000', simulation: { seed: 'plan', paths: 1000, allocation: { kind: 'fixed', weights: [0.6, 0.4] } }, targetSuccess: 0.8 };
const house = MajorPurchaseGoalSchema.parse({ type: 'majorPurchase', id: 'house', asOf: '2026-01-01', amount: '120000', date: '2034-01-01', currentAssets: { kind: 'given', amount: '50000' }, contributions: [{ amount: '300' }] });
const retirementInput: GoalInput = {
  type: 'retirement',
  id: 'ret',
  asOf: '2026-01-01',
  currentAssets: { kind: 'given', amount: '50000' },
  currentAge: 50,
  retirementAge: 62,
  lifeExpectancy: 90,
  annualSpending: '40000',
  contributions: [{ amount: '1000' }],
};
const retirement = parseGoal(retirementInput);

describe('requiredReturn', () => {
  it('finds the 10 % that turns 100 into 121 over two years', () => {
    const plan = compilePlan(parseGoal({ type: 'wealthBuilding', id: 'g', asOf: '2026-01-01', target: '121', targetIsNominal: true, date: '2028-01-01', inflation: noInflation, currentAssets: { kind: 'given', amount: '100' } }), '100');
    expect(requiredReturn(plan).nominal).toBeCloseTo(0.1, 9);
  });
  it('ends a retirement exactly at its legacy target at the return it gives', () => {
    const plan = compilePlan(retirement, '50000');
    const { nominal } = requiredReturn(plan);
    expect(projectTerminalReal(plan, nominal)).toBeCloseTo(0, 2);
    expect(projectTerminalReal(plan, nominal - 0.001)).toBeLessThan(0);
  });
  it('refuses a target already met with nothing earned with NO_REQUIRED_RETURN', () => {
    const plan = compilePlan(parseGoal({ type: 'wealthBuilding', id: 'g', asOf: '2026-01-01', target: '10', date: '2028-01-01', currentAssets: { kind: 'given', amount: '100' } }), '100');
    expect(() => requiredReturn(plan)).toThrow(expect.objectContaining({ code: 'NO_REQUIRED_RETURN' }));
  });
});

describe('solveContribution', () => {
  it('finds the exact break-even contribution in one pass: the success rate reaches the target there and not a cent below', () => {
    const found = solveContribution(house, context);
    expect(found.success.probability).toBeGreaterThanOrEqual(0.8);
    const amount = Number(found.value);
    const extra = (x: number) => evaluateGoal({ ...house, contributions: [...house.contributions, { amount: x.toFixed(2), frequency: 'monthly', growthRatePerYear: 0 }] }, context).success.probability;
    expect(extra(amount - 0.02)).toBeLessThan(0.8);
  });
  it('bisects for a retirement and lands on a passing amount', () => {
    const found = solveContribution(retirement, context);
    expect(found.success.probability).toBeGreaterThanOrEqual(0.8);
    expect(found.value).toMatch(/^\d+\.\d{2}$/);
  });
});

describe('solveMaxSpending', () => {
  it('finds the most a retiree can spend at the target success rate, and a little more fails', () => {
    const found = solveMaxSpending(retirement, context);
    expect(found.success.probability).toBeGreaterThanOrEqual(0.8);
    const more = evaluateGoal({ ...retirement, annualSpending: (Number(found.value) + 50).toFixed(2), essentialSpending: (Number(found.value) + 50).toFixed(2) } as typeof retirement, context);
    expect(more.success.probability).toBeLessThan(0.8);
  });
  it('refuses a goal without spending with INVALID_INPUT', () => {
    expect(() => solveMaxSpending(house, context)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('solveDate', () => {
  it('finds the earliest purchase month that reaches the target, the month before does not', () => {
    const found = solveDate(house, context);
    expect(found.success.probability).toBeGreaterThanOrEqual(0.8);
    const date = found.value as string;
    const [year, month] = date.split('-').map(Number) as [number, number];
    const before = month === 1 ? `${year - 1}-12-01` : `${year}-${String(month - 1).padStart(2, '0')}-01`;
    expect(evaluateGoal({ ...house, date: before }, context).success.probability).toBeLessThan(0.8);
  });
  it('finds a later retirement age for a retirement', () => {
    const found = solveDate(retirement, context);
    expect(found.value as number).toBeGreaterThan(62);
  });
});

describe('planGoal', () => {
  it('keeps a plan that already meets the target', () => {
    const plan = planGoal({ ...retirementInput, annualSpending: '5000' }, context);
    expect(plan.recommended.lever).toBe('none');
    expect(plan.tradeOffs).toEqual([]);
  });
  it('weighs every lever and recommends the first that reaches the target in preference order', () => {
    const plan = planGoal(retirementInput, { ...context, preferences: ['contribution', 'date', 'spending', 'strategy'] });
    expect(plan.baseline.meetsTarget).toBe(false);
    expect(plan.tradeOffs.map((t) => t.lever)).toEqual(['contribution', 'date', 'spending', 'strategy', 'strategy', 'strategy']);
    expect(plan.recommended.lever).toBe('contribution');
    expect(plan.recommended.success.probability).toBeGreaterThanOrEqual(0.8);
    expect(evaluateGoal(plan.recommended.goal, context).success.probability).toBeGreaterThanOrEqual(0.8);
  });
});

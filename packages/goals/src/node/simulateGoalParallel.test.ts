import { describe, expect, it } from 'vitest';
import { simulateGoal } from '../engine/simulateGoal.js';
import { compilePlan } from '../model/compilePlan.js';
import { parseGoal } from '../model/parseGoal.js';
import { createReturnModel, type ReturnModelSpec } from '../returns/createReturnModel.js';
import { simulateGoalParallel } from './index.js';

const plan = compilePlan(
  parseGoal({
    type: 'retirement',
    id: 'r',
    asOf: '2026-01-01',
    currentAssets: { kind: 'given', amount: '400000' },
    currentAge: 60,
    retirementAge: 63,
    lifeExpectancy: 80,
    annualSpending: '40000',
    inflation: { kind: 'stochastic', meanPerYear: 0.025, volatilityPerYear: 0.01 },
  }),
  '400000',
);
const spec: ReturnModelSpec = { kind: 'lognormal', parameters: { driftPerYear: [0.07, 0.03], covariancePerYear: [[0.0324, 0.0018], [0.0018, 0.0036]] } };

describe('simulateGoalParallel', () => {
  it('gives exactly the one-thread result for the same seed, whatever the number of workers', async () => {
    const options = { seed: 'threads', paths: 1300, keepPaths: true };
    const single = simulateGoal(plan, createReturnModel(spec), options);
    const progress: number[] = [];
    const two = await simulateGoalParallel(plan, spec, options, { workers: 2, onProgress: (p) => progress.push(p.monthsDone) });
    const three = await simulateGoalParallel(plan, spec, options, { workers: 3 });
    expect(two).toEqual(single);
    expect(three).toEqual(single);
    expect(progress.at(-1)).toBe(plan.horizonMonths);
  }, 120_000);
  it('refuses bad options before starting a thread, with INVALID_INPUT', async () => {
    await expect(simulateGoalParallel(plan, spec, { seed: 1, paths: 300, allocation: { kind: 'fixed', weights: [1] } }, { workers: 2 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

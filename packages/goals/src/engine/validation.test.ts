import { createRng } from '@kronos/risk';
import { describe, expect, it } from 'vitest';
import { annuityPayment, depletionMonths, gbmProbabilityAbove, gbmProbabilityUpperFirst } from '../closed-form/gbm.js';
import { compilePlan } from '../model/compilePlan.js';
import { parseGoal } from '../model/parseGoal.js';
import { createLognormalModel } from '../returns/createLognormalModel.js';
import { simulateGoal } from './simulateGoal.js';

// Validation of the engine against closed forms for geometric Brownian motion
// and level cash flows. A Monte Carlo estimate must lie within 4 of its own
// standard errors of the exact value (a false alarm about once in 16,000 runs).
const noInflation = { kind: 'fixed', ratePerYear: 0 } as const;
const common = { id: 'g', asOf: '2026-01-01', inflation: noInflation };

function wealthPlan(start: number, target: number, years: number) {
  const goal = parseGoal({ ...common, type: 'wealthBuilding', target: String(target), date: `${2026 + years}-01-01`, currentAssets: { kind: 'given', amount: String(start) } });
  return compilePlan(goal, String(start));
}
/** A model with no volatility to speak of: every path is the deterministic one. */
const steady = (driftPerYear: number) => createLognormalModel({ driftPerYear: [driftPerYear], covariancePerYear: [[1e-30]] });

describe('simulateGoal against closed forms', () => {
  it('estimates P(S_T >= target) for GBM within 4 standard errors', () => {
    const exact = gbmProbabilityAbove(100_000, 150_000, 0.06, 0.2, 10);
    const result = simulateGoal(wealthPlan(100_000, 150_000, 10), createLognormalModel({ driftPerYear: [0.06], covariancePerYear: [[0.04]] }), { seed: 'validation', paths: 20_000 });
    expect(Math.abs(result.success.probability - exact)).toBeLessThan(4 * result.success.standardError);
  });

  it('estimates the median terminal wealth of GBM, S0 exp((mu - sigma^2/2) T), within 4 standard errors', () => {
    const result = simulateGoal(wealthPlan(100_000, 1, 10), createLognormalModel({ driftPerYear: [0.06], covariancePerYear: [[0.04]] }), { seed: 'median', paths: 20_000 });
    const exactMedian = 100_000 * Math.exp((0.06 - 0.02) * 10);
    // The fraction of paths above the exact median is 1/2 with standard error sqrt(0.25 / n).
    const above = gbmProbabilityAbove(100_000, result.terminal.percentiles['p50'] as number, 0.06, 0.2, 10);
    expect(Math.abs(above - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / 20_000));
    expect((result.terminal.percentiles['p50'] as number) / exactMedian).toBeGreaterThan(0.97);
  });

  it('depletes a deterministic drawdown in the month the closed form gives', () => {
    const goal = parseGoal({ ...common, type: 'incomeGeneration', monthlyIncome: '1000', horizonYears: 20, currentAssets: { kind: 'given', amount: '100000' } });
    const result = simulateGoal(compilePlan(goal, '100000'), steady(0.03), { seed: 1, paths: 10 });
    const monthlyRate = Math.exp(0.03 / 12) - 1;
    expect(result.depletion.probability).toBe(1);
    expect(result.depletion.medianMonth).toBe(Math.floor(depletionMonths(100_000, 1000, monthlyRate)));
  });

  it('pays the annuity-due payment for exactly its term: 0.1 % less succeeds, 0.1 % more runs out in the last month', () => {
    const monthlyRate = Math.exp(0.04 / 12) - 1;
    const payment = annuityPayment(500_000, monthlyRate, 360, { due: true });
    const run = (scale: number) => {
      const goal = parseGoal({ ...common, type: 'retirement', currentAge: 65, retirementAge: 65, lifeExpectancy: 95, annualSpending: (payment * 12 * scale).toFixed(6), currentAssets: { kind: 'given', amount: '500000' } });
      return simulateGoal(compilePlan(goal, '500000'), steady(0.04), { seed: 2, paths: 4 });
    };
    expect(run(0.999).success.probability).toBe(1);
    const short = run(1.001);
    expect(short.success.probability).toBe(0);
    expect(short.depletion.medianMonth).toBe(359);
    expect(short.depletion.medianAge).toBeCloseTo(65 + 359 / 12, 12);
  });

  it('charges fees as a monthly drag: (1 - feeBps/10^4) a year', () => {
    const goal = parseGoal({ ...common, type: 'wealthBuilding', target: '1', date: '2036-01-01', feeBps: 100, currentAssets: { kind: 'given', amount: '1000' } });
    const result = simulateGoal(compilePlan(goal, '1000'), steady(0.05), { seed: 3, paths: 2 });
    expect(result.terminal.mean).toBeCloseTo(1000 * Math.exp(0.5) * 0.99 ** 10, 6);
  });

  it('grosses withdrawals up for tax: a 25 % rate depletes like a payment a third larger', () => {
    const goal = parseGoal({ ...common, type: 'incomeGeneration', monthlyIncome: '1000', horizonYears: 20, taxRate: 0.25, currentAssets: { kind: 'given', amount: '100000' } });
    const result = simulateGoal(compilePlan(goal, '100000'), steady(0.03), { seed: 4, paths: 2 });
    expect(result.depletion.medianMonth).toBe(Math.floor(depletionMonths(100_000, 1000 / 0.75, Math.exp(0.03 / 12) - 1)));
  });

  it('estimates P(upper barrier before lower) within 4 standard errors, with the Broadie-Glasserman-Kou correction for monthly monitoring', () => {
    const sigma = 0.2;
    const paths = 4000;
    const sampler = createLognormalModel({ driftPerYear: [0.07], covariancePerYear: [[sigma * sigma]] }).createSampler(createRng('barrier'), 0, paths);
    const gross = new Float64Array(paths);
    const level = new Float64Array(paths).fill(1);
    const hit = new Int8Array(paths);
    const monthsMax = 2400;
    for (let m = 0; m < monthsMax; m++) {
      sampler.nextMonth(m, gross);
      for (let p = 0; p < paths; p++) {
        if (hit[p] !== 0) continue;
        level[p] = (level[p] as number) * (gross[p] as number);
        if ((level[p] as number) >= 1.5) hit[p] = 1;
        else if ((level[p] as number) <= 0.7) hit[p] = -1;
      }
    }
    const upper = hit.reduce((n, h) => n + (h === 1 ? 1 : 0), 0) / paths;
    // Discrete monitoring acts like barriers moved out by 0.5826 sigma sqrt(dt) (Broadie, Glasserman & Kou 1997).
    const shift = Math.exp(0.5826 * sigma * Math.sqrt(1 / 12));
    const exact = gbmProbabilityUpperFirst(1, 1.5 * shift, 0.7 / shift, 0.07, sigma);
    expect(Math.abs(upper - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / paths));
  });
});

describe('simulateGoal convergence', () => {
  it('stays within 4 standard errors as N grows, and the standard error halves when N quadruples', () => {
    const exact = gbmProbabilityAbove(100_000, 130_000, 0.05, 0.15, 5);
    const model = createLognormalModel({ driftPerYear: [0.05], covariancePerYear: [[0.0225]] });
    const errors = [1000, 4000, 16_000].map((paths) => {
      const result = simulateGoal(wealthPlan(100_000, 130_000, 5), model, { seed: `n${paths}`, paths });
      expect(Math.abs(result.success.probability - exact)).toBeLessThan(4 * result.success.standardError);
      return result.success.standardError;
    });
    expect((errors[1] as number) / (errors[2] as number)).toBeCloseTo(2, 1);
    expect((errors[0] as number) / (errors[1] as number)).toBeCloseTo(2, 1);
  });
});

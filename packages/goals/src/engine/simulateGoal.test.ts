import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePlan } from '../model/compilePlan.js';
import { parseGoal } from '../model/parseGoal.js';
import type { GoalInput } from '../model/schemas.js';
import { createBootstrapModel, createHistoricalWindowsModel } from '../returns/createHistoricalModels.js';
import { createLognormalModel } from '../returns/createLognormalModel.js';
import { monthlyReturnsFromPrices, parsePriceCsv } from '../returns/monthlyReturns.js';
import type { SimulationOptionsInput, SimulationProgress } from './options.js';
import { simulateGoal } from './simulateGoal.js';

const twoAssets = createLognormalModel({ driftPerYear: [0.07, 0.03], covariancePerYear: [[0.0324, 0.0018], [0.0018, 0.0036]] });
const retirement = (overrides: Partial<Record<string, unknown>> = {}) =>
  compilePlan(
    parseGoal({
      type: 'retirement',
      id: 'r',
      asOf: '2026-01-01',
      currentAssets: { kind: 'given', amount: '600000' },
      currentAge: 60,
      retirementAge: 65,
      lifeExpectancy: 90,
      annualSpending: '45000',
      contributions: [{ amount: '2000' }],
      ...overrides,
    } as GoalInput),
    '600000',
  );

describe('simulateGoal', () => {
  it('reproduces a run exactly from its seed', () => {
    const options: SimulationOptionsInput = { seed: 'same', paths: 700, allocation: { kind: 'fixed', weights: [0.6, 0.4] } };
    expect(simulateGoal(retirement(), twoAssets, options)).toEqual(simulateGoal(retirement(), twoAssets, options));
  });
  it('gives another answer for another seed', () => {
    const a = simulateGoal(retirement(), twoAssets, { seed: 'a', paths: 700 });
    const b = simulateGoal(retirement(), twoAssets, { seed: 'b', paths: 700 });
    expect(a.terminal.mean).not.toBe(b.terminal.mean);
  });
  it('reports a fan chart of yearly percentiles in order, with dates and ages', () => {
    const result = simulateGoal(retirement(), twoAssets, { seed: 1, paths: 500 });
    expect(result.bands.points).toHaveLength(31);
    expect(result.bands.points[0]?.values).toEqual([600000, 600000, 600000, 600000, 600000]);
    const first = result.bands.points[1];
    expect(first).toMatchObject({ month: 12, date: '2027-01-01', age: 61 });
    for (const point of result.bands.points) for (let i = 1; i < point.values.length; i++) expect(point.values[i]).toBeGreaterThanOrEqual(point.values[i - 1] as number);
  });
  it('ends the fan chart at the goal date when the horizon is not whole years', () => {
    const plan = compilePlan(parseGoal({ type: 'majorPurchase', id: 'car', asOf: '2026-01-01', amount: '30000', date: '2028-07-01', currentAssets: { kind: 'given', amount: '20000' }, contributions: [{ amount: '300' }] }), '20000');
    const result = simulateGoal(plan, twoAssets, { seed: 2, paths: 300 });
    expect(result.bands.points.map((point) => point.month)).toEqual([0, 12, 24, 30]);
    expect(result.bands.points.at(-1)?.date).toBe('2028-07-01');
  });
  it('calls back with progress after each year, ending at 1', () => {
    const seen: SimulationProgress[] = [];
    simulateGoal(retirement(), twoAssets, { seed: 1, paths: 100 }, (progress) => seen.push(progress));
    expect(seen).toHaveLength(30);
    expect(seen.at(-1)).toEqual({ monthsDone: 360, horizonMonths: 360, fraction: 1 });
  });
  it('keeps every path when asked, and its columns give the reported bands', () => {
    const result = simulateGoal(retirement(), twoAssets, { seed: 1, paths: 101, keepPaths: true, percentiles: [0.5] });
    const values = result.yearEndValues as Float64Array;
    expect(values).toHaveLength(30 * 101);
    const year10 = Array.from(values.subarray(9 * 101, 10 * 101)).sort((x, y) => x - y);
    expect(result.bands.points[10]?.values[0]).toBe(year10[50]);
  });
  it('counts more failures when the spending need rises', () => {
    const low = simulateGoal(retirement({ annualSpending: '30000' }), twoAssets, { seed: 3, paths: 2000 });
    const high = simulateGoal(retirement({ annualSpending: '60000' }), twoAssets, { seed: 3, paths: 2000 });
    expect(high.success.probability).toBeLessThan(low.success.probability);
    expect(high.shortfall.expected).toBeGreaterThan(low.shortfall.expected);
  });
  it('never depletes when other income covers the spending', () => {
    const result = simulateGoal(retirement({ otherIncome: [{ label: 'pension', annualAmount: '50000', fromAge: 65 }] }), twoAssets, { seed: 4, paths: 500 });
    expect(result.depletion.probability).toBe(0);
    expect(result.depletion.medianAge).toBeNull();
  });
  it('runs every withdrawal strategy; VPW (a percentage of what is left) never runs out before its end age', () => {
    const strategies = [
      { kind: 'percentOfPortfolio', rate: 0.04, floorRatio: 0.5 },
      { kind: 'guytonKlinger', initialRate: 0.05 },
      { kind: 'vpw', realRate: 0.03, endAge: 100 },
      { kind: 'vanguardDynamic', rate: 0.045 },
    ];
    for (const withdrawal of strategies) {
      const result = simulateGoal(retirement({ withdrawal, essentialSpending: '20000' }), twoAssets, { seed: 5, paths: 500 });
      expect(result.success.probability).toBeGreaterThanOrEqual(0);
      expect(result.success.probability).toBeLessThanOrEqual(1);
      if (withdrawal.kind === 'vpw') {
        expect(result.depletion.probability).toBe(0);
      }
    }
  });
  it('rebalances on the schedule asked: never-rebalanced stock drifts above its 60 % target', () => {
    const plan = compilePlan(parseGoal({ type: 'wealthBuilding', id: 'w', asOf: '2026-01-01', target: '1', date: '2046-01-01', currentAssets: { kind: 'given', amount: '100' }, inflation: { kind: 'fixed', ratePerYear: 0 } }), '100');
    const monthly = simulateGoal(plan, twoAssets, { seed: 6, paths: 2000, allocation: { kind: 'fixed', weights: [0.6, 0.4] } });
    const never = simulateGoal(plan, twoAssets, { seed: 6, paths: 2000, allocation: { kind: 'fixed', weights: [0.6, 0.4] }, rebalanceEveryMonths: 0 });
    const yearly = simulateGoal(plan, twoAssets, { seed: 6, paths: 2000, allocation: { kind: 'fixed', weights: [0.6, 0.4] }, rebalanceEveryMonths: 12 });
    // Buy-and-hold lets the higher-drift asset take over: a wider spread of outcomes.
    expect(never.terminal.standardDeviation).toBeGreaterThan(monthly.terminal.standardDeviation);
    expect(yearly.terminal.mean).not.toBe(monthly.terminal.mean);
  });
  it('follows a glide path: gliding to bonds narrows the late spread', () => {
    const plan = retirement({ annualSpending: '0', contributions: [] });
    const stocks = simulateGoal(plan, twoAssets, { seed: 7, paths: 1000, allocation: { kind: 'fixed', weights: [1, 0] } });
    const glide = simulateGoal(plan, twoAssets, { seed: 7, paths: 1000, allocation: { kind: 'linear', startWeights: [1, 0], endWeights: [0, 1], endMonth: 120 } });
    expect(glide.terminal.standardDeviation).toBeLessThan(stocks.terminal.standardDeviation);
  });
  it('spreads real outcomes when inflation is stochastic', () => {
    const plan = compilePlan(
      parseGoal({ type: 'wealthBuilding', id: 'w', asOf: '2026-01-01', target: '1', date: '2036-01-01', currentAssets: { kind: 'given', amount: '100' }, inflation: { kind: 'stochastic', meanPerYear: 0.03, volatilityPerYear: 0.02 } }),
      '100',
    );
    const steady = createLognormalModel({ driftPerYear: [0.05], covariancePerYear: [[1e-30]] });
    const real = simulateGoal(plan, steady, { seed: 8, paths: 2000 });
    const nominal = simulateGoal(plan, steady, { seed: 8, paths: 2000, valuesIn: 'nominal' });
    expect(nominal.terminal.standardDeviation).toBeLessThan(1e-6);
    expect(real.terminal.standardDeviation).toBeGreaterThan(1);
    // E[log price index] = 10 (log 1.03 - v/2) with v = log(1 + (0.02/1.03)^2).
    const v = Math.log(1 + (0.02 / 1.03) ** 2);
    const medianReal = 100 * Math.exp(0.5) * Math.exp(-10 * (Math.log(1.03) - v / 2));
    expect((real.terminal.percentiles['p50'] as number) / medianReal).toBeCloseTo(1, 2);
  });
  it('runs one path per historical window, and bootstraps from history', () => {
    const history = monthlyReturnsFromPrices(parsePriceCsv(readFileSync(new URL('../../test-data/spy_prices.csv', import.meta.url), 'utf8'), ['SPY']));
    const plan = compilePlan(parseGoal({ type: 'wealthBuilding', id: 'w', asOf: '2026-01-01', target: '300', date: '2046-01-01', currentAssets: { kind: 'given', amount: '100' } }), '100');
    expect(simulateGoal(plan, createHistoricalWindowsModel(history, 240), { seed: 0 }).paths).toBe(84);
    const bootstrap = simulateGoal(plan, createBootstrapModel(history, { blockMonths: 12 }), { seed: 0, paths: 1000 });
    expect(bootstrap.success.probability).toBeGreaterThan(0);
  });
  it('refuses bad options with INVALID_INPUT', () => {
    expect(() => simulateGoal(retirement(), twoAssets, { seed: 1, paths: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => simulateGoal(retirement(), twoAssets, { seed: 1, allocation: { kind: 'fixed', weights: [1] } })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('properties', () => {
  it('is monotone under common random numbers: spending more never raises the success probability', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_000, max: 80_000 }), fc.integer({ min: 1, max: 20_000 }), fc.string({ minLength: 1, maxLength: 6 }), (spending, extra, seed) => {
        const options = { seed, paths: 300 };
        const less = simulateGoal(retirement({ annualSpending: String(spending) }), twoAssets, options);
        const more = simulateGoal(retirement({ annualSpending: String(spending + extra) }), twoAssets, options);
        expect(more.success.probability).toBeLessThanOrEqual(less.success.probability);
      }),
      { numRuns: 8 },
    );
  });
  it('keeps every band ordered from the lowest percentile to the highest', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 12 }), (seed, rebalanceEveryMonths) => {
        const result = simulateGoal(retirement(), twoAssets, { seed, paths: 200, rebalanceEveryMonths });
        for (const point of result.bands.points) for (let i = 1; i < point.values.length; i++) expect(point.values[i]).toBeGreaterThanOrEqual(point.values[i - 1] as number);
      }),
      { numRuns: 8 },
    );
  });
});

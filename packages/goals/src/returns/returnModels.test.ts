import { readFileSync } from 'node:fs';
import { createRng } from '@kronos/risk';
import { describe, expect, it } from 'vitest';
import { createBootstrapModel, createHistoricalWindowsModel, countRollingWindows } from './createHistoricalModels.js';
import { createLognormalModel, createStudentTModel } from './createLognormalModel.js';
import { monthlyReturnsFromPrices, parsePriceCsv, type MonthlyReturns } from './monthlyReturns.js';

const spyCsv = readFileSync(new URL('../../test-data/spy_prices.csv', import.meta.url), 'utf8');
const stocksCsv = readFileSync(new URL('../../test-data/stock_prices.csv', import.meta.url), 'utf8');

function drawLogReturns(model: ReturnType<typeof createLognormalModel>, paths: number, months: number): Float64Array[] {
  const sampler = model.createSampler(createRng('moments'), 0, paths);
  const out = new Float64Array(paths * model.assetCount);
  const series = Array.from({ length: model.assetCount }, () => new Float64Array(paths * months));
  for (let m = 0; m < months; m++) {
    sampler.nextMonth(m, out);
    for (let p = 0; p < paths; p++) for (let a = 0; a < model.assetCount; a++) (series[a] as Float64Array)[m * paths + p] = Math.log(out[p * model.assetCount + a] as number);
  }
  return series;
}

function moments(values: Float64Array): { mean: number; variance: number; kurtosis: number } {
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let m2 = 0;
  let m4 = 0;
  for (const v of values) {
    m2 += (v - mean) ** 2;
    m4 += (v - mean) ** 4;
  }
  m2 /= values.length;
  m4 /= values.length;
  return { mean, variance: m2, kurtosis: m4 / (m2 * m2) };
}

describe('createLognormalModel', () => {
  it('draws monthly log returns with mean (mu - sigma^2/2)/12, covariance Sigma/12', () => {
    const cov = [[0.04, 0.006], [0.006, 0.01]];
    const [a, b] = drawLogReturns(createLognormalModel({ driftPerYear: [0.08, 0.03], covariancePerYear: cov }), 1000, 100) as [Float64Array, Float64Array];
    const ma = moments(a);
    // 100,000 draws: the mean's standard error is sqrt(0.04/12/1e5) = 1.8e-4.
    expect(Math.abs(ma.mean - (0.08 - 0.02) / 12)).toBeLessThan(4 * Math.sqrt(0.04 / 12 / 1e5));
    expect(ma.variance).toBeCloseTo(0.04 / 12, 3);
    let cross = 0;
    const mb = moments(b);
    for (let i = 0; i < a.length; i++) cross += ((a[i] as number) - ma.mean) * ((b[i] as number) - mb.mean);
    expect(cross / a.length).toBeCloseTo(0.006 / 12, 4);
  });
  it('refuses a covariance of the wrong size with INVALID_INPUT', () => {
    expect(() => createLognormalModel({ driftPerYear: [0.05, 0.03], covariancePerYear: [[0.04]] })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('createStudentTModel', () => {
  it('keeps the variance and fattens the tails (kurtosis above 3)', () => {
    const [a] = drawLogReturns(createStudentTModel({ driftPerYear: [0.07], covariancePerYear: [[0.0324]] }, 5), 1000, 100) as [Float64Array];
    const m = moments(a);
    expect(m.variance / (0.0324 / 12)).toBeGreaterThan(0.95);
    expect(m.variance / (0.0324 / 12)).toBeLessThan(1.05);
    // A unit-variance t with 5 degrees of freedom has kurtosis 3 + 6 / (5 - 4) = 9.
    expect(m.kurtosis).toBeGreaterThan(5);
  });
  it('refuses 2 or fewer degrees of freedom', () => {
    expect(() => createStudentTModel({ driftPerYear: [0.07], covariancePerYear: [[0.0324]] }, 2)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('monthlyReturnsFromPrices', () => {
  it('takes month-end closes of SPY (1993-01 to 2019-12)', () => {
    const history = monthlyReturnsFromPrices(parsePriceCsv(spyCsv, ['SPY']));
    expect(history.months[0]).toBe('1993-02');
    expect(history.months.at(-1)).toBe('2019-12');
    expect(history.grossReturns.length).toBe(323);
  });
  it('starts where every asset has a price (GOOG lists in 2004)', () => {
    const history = monthlyReturnsFromPrices(parsePriceCsv(stocksCsv, ['AAPL', 'GOOG']));
    expect(history.months[0]).toBe('2004-09');
  });
  it('refuses a column the file does not have with INVALID_PRICES', () => {
    expect(() => parsePriceCsv(spyCsv, ['QQQ'])).toThrow(expect.objectContaining({ code: 'INVALID_PRICES' }));
  });
  it('refuses a history with fewer than two month-ends with INSUFFICIENT_HISTORY', () => {
    expect(() => monthlyReturnsFromPrices(parsePriceCsv('date,A\n2020-01-02,1', ['A']))).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_HISTORY' }));
  });
});

const tiny: MonthlyReturns = { assets: ['A', 'B'], months: ['m0', 'm1', 'm2', 'm3'], grossReturns: new Float64Array([1.1, 2.1, 1.2, 2.2, 1.3, 2.3, 1.4, 2.4]) };

describe('createBootstrapModel', () => {
  it('draws whole historical months, both assets together', () => {
    const sampler = createBootstrapModel(tiny).createSampler(createRng(1), 0, 50);
    const out = new Float64Array(100);
    sampler.nextMonth(0, out);
    for (let p = 0; p < 50; p++) expect((out[2 * p + 1] as number) - (out[2 * p] as number)).toBeCloseTo(1, 12);
  });
  it('walks consecutive months inside a block', () => {
    const sampler = createBootstrapModel(tiny, { blockMonths: 3 }).createSampler(createRng(2), 0, 20);
    const first = new Float64Array(40);
    const second = new Float64Array(40);
    sampler.nextMonth(0, first);
    sampler.nextMonth(1, second);
    for (let p = 0; p < 20; p++) expect((second[2 * p] as number) - (first[2 * p] as number)).toBeCloseTo(0.1, 12);
  });
  it('refuses a block longer than the history', () => {
    expect(() => createBootstrapModel(tiny, { blockMonths: 5 })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('createHistoricalWindowsModel', () => {
  it('reports how many windows a plan length leaves: SPY has 323 months, a 20-year plan 84 windows, a 30-year plan none', () => {
    const history = monthlyReturnsFromPrices(parsePriceCsv(spyCsv, ['SPY']));
    expect(countRollingWindows(323, 240)).toBe(84);
    expect(createHistoricalWindowsModel(history, 240).pathCountFixed).toBe(84);
    expect(() => createHistoricalWindowsModel(history, 360)).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_HISTORY', details: expect.objectContaining({ windows: 0 }) }));
  });
  it('gives path w the months starting at w', () => {
    const sampler = createHistoricalWindowsModel(tiny, 2).createSampler(createRng(0), 1, 2);
    const out = new Float64Array(4);
    sampler.nextMonth(1, out);
    expect(Array.from(out)).toEqual([1.3, 2.3, 1.4, 2.4]);
  });
});

import { describe, expect, it } from 'vitest';
import { alignToDates, computeReturns, createSeriesTable, getColumn, parseSeriesCsv, resamplePrices } from '../index.js';
import { loadStockPrices } from '../__tests__/fixtures.js';

describe('computeReturns', () => {
  const prices = loadStockPrices();

  it('keeps 7,125 dates of 20 stocks, as PyPortfolioOpt test_returns_dataframe expects', () => {
    const r = computeReturns(prices);
    expect(r.columns.length).toBe(20);
    expect(r.dates.length).toBe(7125);
    expect(r.values.every((v) => Number.isNaN(v) || v <= 1)).toBe(true);
  });

  it('gives the published last log return (test_log_returns_from_prices)', () => {
    const r = computeReturns(prices, { kind: 'log' });
    expect(r.values[r.values.length - 1]).toBeCloseTo(0.0001682740081102576, 12);
    // As many missing values as the prices had: each pre-listing gap loses exactly one return.
    const missingPrices = prices.values.filter(Number.isNaN).length;
    expect(r.values.filter(Number.isNaN).length).toBe(missingPrices);
  });

  it('leaves a return missing when either price is missing, without forward filling', () => {
    const p = parseSeriesCsv('date,A,B\n2024-01-02,10,\n2024-01-03,11,\n2024-01-04,,5\n2024-01-05,12,6\n');
    const r = computeReturns(p);
    expect(r.dates).toEqual(['2024-01-03', '2024-01-05']);
    expect(r.values[0]).toBeCloseTo(0.1, 15);
    expect(Number.isNaN(r.values[1])).toBe(true);
    expect(Number.isNaN(r.values[2])).toBe(true);
    expect(r.values[3]).toBeCloseTo(0.2, 15);
  });

  it('computes monthly returns from month-end prices', () => {
    const p = parseSeriesCsv('date,A\n2024-01-30,100\n2024-01-31,110\n2024-02-28,120\n2024-02-29,121\n2024-03-01,99\n');
    const r = computeReturns(p, { frequency: 'monthly' });
    expect(r.dates).toEqual(['2024-02-29', '2024-03-01']);
    expect(r.values[0]).toBeCloseTo(0.1, 15);
  });

  it('resamples weekly on ISO weeks and quarterly on calendar quarters', () => {
    const p = parseSeriesCsv('date,A\n2024-03-28,1\n2024-03-29,2\n2024-04-01,3\n2024-04-05,4\n2024-04-08,5\n');
    expect(resamplePrices(p, 'weekly').dates).toEqual(['2024-03-29', '2024-04-05', '2024-04-08']);
    expect(resamplePrices(p, 'quarterly').dates).toEqual(['2024-03-29', '2024-04-08']);
    expect(resamplePrices(p, 'yearly').values).toEqual(Float64Array.of(5));
  });

  it('refuses a non-positive price', () => {
    expect(() => computeReturns(parseSeriesCsv('date,A\n2024-01-02,0\n2024-01-03,1\n'))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('parseSeriesCsv', () => {
  it('refuses a bad date, a non-number and unordered dates', () => {
    expect(() => parseSeriesCsv('date,A\n02/01/2024,1\n')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => parseSeriesCsv('date,A\n2024-01-02,abc\n')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => parseSeriesCsv('date,A\n2024-01-03,1\n2024-01-02,1\n')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('createSeriesTable', () => {
  it('reads null as missing and refuses ragged rows', () => {
    const t = createSeriesTable({ dates: ['2024-01-02'], columns: ['A', 'B'], rows: [[1, null]] });
    expect(Number.isNaN(t.values[1])).toBe(true);
    expect(() => createSeriesTable({ dates: ['2024-01-02'], columns: ['A', 'B'], rows: [[1]] })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});

describe('alignToDates', () => {
  it('left-joins a series onto other dates and getColumn finds a column by name', () => {
    const t = parseSeriesCsv('date,M\n2024-01-03,5\n2024-01-05,6\n');
    const aligned = alignToDates(t, ['2024-01-02', '2024-01-03', '2024-01-05']);
    expect(Array.from(getColumn(aligned, 'M'))).toEqual([Number.NaN, 5, 6]);
    expect(() => getColumn(aligned, 'X')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

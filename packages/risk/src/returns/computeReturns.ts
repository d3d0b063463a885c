import { format, parseISO, startOfISOWeek } from 'date-fns';
import { KronosError } from '../errors/index.js';
import type { SeriesTable } from './seriesTable.js';

/** Sampling frequencies and their conventional periods per year. */
export const periodsPerYear = { daily: 252, weekly: 52, monthly: 12, quarterly: 4, yearly: 1 } as const;
export type Frequency = keyof typeof periodsPerYear;

/** Options of `computeReturns`. */
export interface ComputeReturnsOptions {
  /** `simple`: p_t / p_{t-1} - 1 (default). `log`: ln(p_t / p_{t-1}). */
  readonly kind?: 'simple' | 'log';
  /** Resample the prices first (last price of each period). Default: as given. */
  readonly frequency?: Frequency;
}

/**
 * Returns from a price table, with PyPortfolioOpt's missing-data convention
 * (`prices.pct_change(fill_method=None).dropna(how="all")`):
 *
 * - the return at date t is p_t / p_{t-1} - 1 (or its log);
 * - it is missing (NaN) when either price is missing: nothing is forward
 *   filled, so a stock not yet listed has no returns before its second price;
 * - the first date, and any date where every return is missing, is dropped.
 *
 * @throws KronosError INVALID_INPUT on a non-positive price (a log or simple
 *   return of it is meaningless).
 * @example
 * ```ts
 * const prices = parseSeriesCsv('date,A,B\n2024-01-02,100,\n2024-01-03,110,50\n2024-01-04,99,55\n');
 * const r = computeReturns(prices);
 * r.dates; //=> ['2024-01-03', '2024-01-04']
 * Array.from(r.values, (v) => Number(v.toFixed(12))); //=> [0.1, NaN, -0.1, 0.1]
 * ```
 */
export function computeReturns(prices: SeriesTable, options: ComputeReturnsOptions = {}): SeriesTable {
  const source = options.frequency === undefined || options.frequency === 'daily' ? prices : resamplePrices(prices, options.frequency);
  const width = source.columns.length;
  const log = options.kind === 'log';
  const dates: string[] = [];
  const rows: Float64Array[] = [];
  for (let r = 1; r < source.dates.length; r++) {
    const row = new Float64Array(width);
    let present = 0;
    for (let c = 0; c < width; c++) {
      const previous = source.values[(r - 1) * width + c]!;
      const current = source.values[r * width + c]!;
      if (previous <= 0 || current <= 0) {
        throw new KronosError('INVALID_INPUT', `Prices must be positive; ${source.columns[c]} has a price of ${Math.min(previous, current)} near ${source.dates[r]}.`, {
          column: source.columns[c],
          date: source.dates[r],
        });
      }
      const simple = current / previous - 1;
      row[c] = log ? Math.log1p(simple) : simple;
      if (!Number.isNaN(row[c]!)) present++;
    }
    if (present > 0) {
      dates.push(source.dates[r]!);
      rows.push(row);
    }
  }
  const values = new Float64Array(rows.length * width);
  rows.forEach((row, i) => values.set(row, i * width));
  return { dates, columns: [...source.columns], values };
}

function periodKey(date: string, frequency: Exclude<Frequency, 'daily'>): string {
  switch (frequency) {
    case 'weekly':
      return format(startOfISOWeek(parseISO(date)), 'yyyy-MM-dd');
    case 'monthly':
      return date.slice(0, 7);
    case 'quarterly':
      return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
    case 'yearly':
      return date.slice(0, 4);
  }
}

/**
 * Resamples daily prices to a lower frequency: the last row of each ISO week,
 * month, quarter or year, dated on its own (last trading) date. A column keeps
 * its last non-missing price within the period.
 *
 * @example
 * ```ts
 * const p = parseSeriesCsv('date,A\n2024-01-30,1\n2024-01-31,2\n2024-02-01,3\n');
 * resamplePrices(p, 'monthly').dates; //=> ['2024-01-31', '2024-02-01']
 * ```
 */
export function resamplePrices(prices: SeriesTable, frequency: Exclude<Frequency, 'daily'>): SeriesTable {
  const width = prices.columns.length;
  const dates: string[] = [];
  const chunks: Float64Array[] = [];
  let key = '';
  for (let r = 0; r < prices.dates.length; r++) {
    const date = prices.dates[r]!;
    const k = periodKey(date, frequency);
    const row = prices.values.subarray(r * width, (r + 1) * width);
    if (k !== key) {
      key = k;
      dates.push(date);
      chunks.push(Float64Array.from(row));
      continue;
    }
    dates[dates.length - 1] = date;
    const last = chunks[chunks.length - 1]!;
    for (let c = 0; c < width; c++) if (!Number.isNaN(row[c]!)) last[c] = row[c]!;
  }
  const values = new Float64Array(chunks.length * width);
  chunks.forEach((row, i) => values.set(row, i * width));
  return { dates, columns: [...prices.columns], values };
}

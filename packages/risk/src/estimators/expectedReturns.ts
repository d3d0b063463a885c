import { KronosError } from '../errors/index.js';
import { ewmLast, nanMean, pairwiseCovariance, toColumns } from '../_internal/columns.js';
import { alignToDates, type SeriesTable } from '../returns/seriesTable.js';

/** One number per asset, in the order of `assets`. */
export interface AssetVector {
  readonly assets: readonly string[];
  readonly values: Float64Array;
}

/** Options shared by the expected-return estimators. */
export interface ExpectedReturnOptions {
  /** Periods per year used to annualise. Default 252 (daily data). */
  readonly frequency?: number;
  /**
   * true (default): geometric, (Π(1 + r))^(frequency / count) - 1, the CAGR.
   * false: arithmetic, mean(r) · frequency.
   */
  readonly compounding?: boolean;
}

function checkFrequency(frequency: number): number {
  if (!(frequency > 0 && Number.isFinite(frequency))) {
    throw new KronosError('INVALID_INPUT', 'frequency is the number of periods per year (252 for daily data) and must be positive.', {
      frequency,
    });
  }
  return frequency;
}

function geometric(x: Float64Array, frequency: number): number {
  let logSum = 0;
  let count = 0;
  for (const v of x) {
    if (v === v) {
      logSum += Math.log1p(v);
      count++;
    }
  }
  return count === 0 ? Number.NaN : Math.expm1((logSum * frequency) / count);
}

/**
 * Annualised mean historical return per asset, over each asset's own
 * non-missing returns (PyPortfolioOpt `mean_historical_return`).
 *
 * @example
 * ```ts
 * const r = computeReturns(parseSeriesCsv('date,A\n2024-01-02,100\n2024-01-03,101\n2024-01-04,102.01\n'));
 * Number(meanHistoricalReturn(r).values[0]!.toFixed(6)); //=> 11.274002
 * ```
 */
export function meanHistoricalReturn(returns: SeriesTable, options: ExpectedReturnOptions = {}): AssetVector {
  const frequency = checkFrequency(options.frequency ?? 252);
  const compounding = options.compounding ?? true;
  const values = Float64Array.from(toColumns(returns), (x) => (compounding ? geometric(x, frequency) : nanMean(x) * frequency));
  return { assets: [...returns.columns], values };
}

/** Options of `emaHistoricalReturn`. */
export interface EmaReturnOptions extends ExpectedReturnOptions {
  /** Span of the exponential weights, α = 2 / (span + 1). Default 500. */
  readonly span?: number;
}

/**
 * Exponentially weighted mean return, annualised: (1 + m)^frequency - 1, or
 * m · frequency without compounding, where m is pandas'
 * `ewm(span).mean()` at the last date (PyPortfolioOpt `ema_historical_return`).
 *
 * @example
 * ```ts
 * const r = computeReturns(parseSeriesCsv('date,A\n2024-01-02,100\n2024-01-03,101\n2024-01-04,102.01\n'));
 * Number(emaHistoricalReturn(r, { compounding: false, frequency: 1 }).values[0]!.toFixed(12)); //=> 0.01
 * ```
 */
export function emaHistoricalReturn(returns: SeriesTable, options: EmaReturnOptions = {}): AssetVector {
  const frequency = checkFrequency(options.frequency ?? 252);
  const span = options.span ?? 500;
  if (!(span >= 1)) throw new KronosError('INVALID_INPUT', 'span must be at least 1.', { span });
  const compounding = options.compounding ?? true;
  const values = Float64Array.from(toColumns(returns), (x) => {
    const m = ewmLast(x, span);
    return compounding ? Math.pow(1 + m, frequency) - 1 : m * frequency;
  });
  return { assets: [...returns.columns], values };
}

/** Options of `capmReturn`. */
export interface CapmReturnOptions extends ExpectedReturnOptions {
  /**
   * Benchmark returns (one column), aligned to the asset returns by date (a
   * left join; dates the benchmark lacks are missing). Default: the
   * equal-weighted mean of the assets' returns on each date.
   */
  readonly market?: SeriesTable;
  /** Risk-free rate per year. Default 0. */
  readonly riskFreeRate?: number;
}

/**
 * CAPM expected returns: R_f + β_i (E[R_m] - R_f), with β_i = cov(r_i, m) /
 * var(m) from pairwise sample moments and E[R_m] the market's annualised mean
 * (geometric by default) (PyPortfolioOpt `capm_return`).
 *
 * @throws KronosError INVALID_INPUT when the market table has more than one column.
 * @example
 * ```ts
 * const r = computeReturns(parseSeriesCsv('date,A,B\n2024-01-02,100,50\n2024-01-03,101,50.5\n2024-01-04,100,51\n'));
 * capmReturn(r, { frequency: 1, compounding: false }).assets; //=> ['A', 'B']
 * ```
 */
export function capmReturn(returns: SeriesTable, options: CapmReturnOptions = {}): AssetVector {
  const frequency = checkFrequency(options.frequency ?? 252);
  const riskFreeRate = options.riskFreeRate ?? 0;
  const columns = toColumns(returns);
  const market = options.market === undefined ? equalWeightedMarket(columns, returns.dates.length) : marketColumn(options.market, returns);
  const marketVariance = pairwiseCovariance(market, market);
  const marketMean = (options.compounding ?? true) ? geometric(market, frequency) : nanMean(market) * frequency;
  const values = Float64Array.from(columns, (x) => riskFreeRate + (pairwiseCovariance(x, market) / marketVariance) * (marketMean - riskFreeRate));
  return { assets: [...returns.columns], values };
}

function equalWeightedMarket(columns: Float64Array[], rows: number): Float64Array {
  const market = new Float64Array(rows);
  for (let t = 0; t < rows; t++) {
    let sum = 0;
    let count = 0;
    for (const x of columns) {
      const v = x[t]!;
      if (v === v) {
        sum += v;
        count++;
      }
    }
    market[t] = count === 0 ? Number.NaN : sum / count;
  }
  return market;
}

function marketColumn(market: SeriesTable, returns: SeriesTable): Float64Array {
  if (market.columns.length !== 1) {
    throw new KronosError('INVALID_INPUT', `The market table must have one column; it has ${market.columns.length}.`, {
      columns: market.columns,
    });
  }
  return alignToDates(market, returns.dates).values;
}

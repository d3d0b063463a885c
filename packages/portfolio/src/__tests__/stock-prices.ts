/**
 * Test fixture: PyPortfolioOpt's estimator settings on stock_prices.csv
 * (mean_historical_return with compounding, sample_cov; 252 periods a year),
 * computed with @kronos/risk's estimators.
 */
import { readFileSync } from 'node:fs';
import { computeReturns, covarianceToCorrelation, meanHistoricalReturn, parseSeriesCsv, sampleCovariance, type SeriesTable } from '@kronos/risk';

const dataDirectory = new URL('../../test-data/', import.meta.url);

export function loadStockPrices() {
  return parseSeriesCsv(readFileSync(new URL('stock_prices.csv', dataDirectory), 'utf8'));
}

export function loadStockProblem(): { tickers: string[]; expectedReturns: Float64Array; covariance: Float64Array } {
  const returns = computeReturns(loadStockPrices());
  const expected = meanHistoricalReturn(returns);
  const covariance = sampleCovariance(returns);
  return { tickers: [...covariance.assets], expectedReturns: Float64Array.from(expected.values), covariance: Float64Array.from(covariance.matrix.data) };
}

/**
 * pandas' DataFrame.corr() (pairwise complete observations, each pair's own
 * means and deviations), built from @kronos/risk's sample covariance applied to
 * each pair's rows where both returns exist. PyPortfolioOpt's HRP clusters on it.
 */
export function pairwiseCorrelation(returns: SeriesTable): Float64Array {
  const n = returns.columns.length;
  const rows = returns.dates.length;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    out[i * n + i] = 1;
    for (let j = 0; j < i; j++) {
      const values: number[] = [];
      const dates: string[] = [];
      for (let r = 0; r < rows; r++) {
        const a = returns.values[r * n + i]!;
        const b = returns.values[r * n + j]!;
        if (Number.isNaN(a) || Number.isNaN(b)) continue;
        values.push(a, b);
        dates.push(returns.dates[r]!);
      }
      const pair = sampleCovariance({ dates, columns: ['a', 'b'], values: Float64Array.from(values) }, { repair: 'none' });
      const rho = covarianceToCorrelation(pair.matrix).data[1]!;
      out[i * n + j] = rho;
      out[j * n + i] = rho;
    }
  }
  return out;
}

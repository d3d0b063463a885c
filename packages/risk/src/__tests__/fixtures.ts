import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSeriesCsv, type SeriesTable } from '../index.js';

const dataDirectory = fileURLToPath(new URL('../../test-data/', import.meta.url));

/** PyPortfolioOpt's tests/resources/stock_prices.csv (20 US stocks, daily, 1989-2018), copied into test-data. */
export function loadStockPrices(): SeriesTable {
  return parseSeriesCsv(readFileSync(`${dataDirectory}stock_prices.csv`, 'utf8'));
}

/** PyPortfolioOpt's tests/resources/spy_prices.csv (SPY daily closes from 1993). */
export function loadSpyPrices(): SeriesTable {
  return parseSeriesCsv(readFileSync(`${dataDirectory}spy_prices.csv`, 'utf8'));
}

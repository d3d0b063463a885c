export {
  createSeriesTable,
  parseSeriesCsv,
  getColumn,
  alignToDates,
  csvRowsMax,
  SeriesTableInputSchema,
  type SeriesTable,
  type SeriesTableInput,
} from './seriesTable.js';
export { computeReturns, resamplePrices, periodsPerYear, type Frequency, type ComputeReturnsOptions } from './computeReturns.js';

import { z } from 'zod';
import { KronosError } from '../errors/index.js';

/**
 * A table of numbers by date and column (prices or returns of several
 * assets): `values[row * columns.length + col]`, `NaN` where a value is
 * missing (a stock not yet listed, say). Dates are ISO `YYYY-MM-DD`, ascending.
 */
export interface SeriesTable {
  readonly dates: readonly string[];
  readonly columns: readonly string[];
  readonly values: Float64Array;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The zod schema of a series table given as JSON-friendly rows (null = missing). */
export const SeriesTableInputSchema = z.object({
  dates: z.array(z.string().regex(isoDate, 'a date is YYYY-MM-DD')),
  columns: z.array(z.string().min(1)).min(1),
  rows: z.array(z.array(z.number().nullable())),
});
export type SeriesTableInput = z.infer<typeof SeriesTableInputSchema>;

/**
 * Creates a series table from dates, column names and rows, checking shapes
 * and that the dates ascend strictly.
 *
 * @throws KronosError INVALID_INPUT on a shape mismatch, a bad or unordered date.
 * @example
 * ```ts
 * const prices = createSeriesTable({ dates: ['2024-01-02', '2024-01-03'], columns: ['AAA'], rows: [[100], [101]] });
 * prices.values; //=> Float64Array.of(100, 101)
 * ```
 */
export function createSeriesTable(input: SeriesTableInput): SeriesTable {
  const parsed = SeriesTableInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new KronosError('INVALID_INPUT', 'A series table needs ISO dates, column names and rows of numbers or null.', {
      issues: parsed.error.issues,
    });
  }
  const { dates, columns, rows } = parsed.data;
  if (rows.length !== dates.length) {
    throw new KronosError('INVALID_INPUT', `There are ${dates.length} dates but ${rows.length} rows: give one row per date.`, {
      dates: dates.length,
      rows: rows.length,
    });
  }
  const width = columns.length;
  const values = new Float64Array(dates.length * width);
  rows.forEach((row, r) => {
    if (row.length !== width) {
      throw new KronosError('INVALID_INPUT', `Row ${r} (${dates[r]}) has ${row.length} values; each row needs ${width}.`, { row: r });
    }
    row.forEach((v, c) => (values[r * width + c] = v ?? Number.NaN));
  });
  assertAscending(dates);
  return { dates: [...dates], columns: [...columns], values };
}

function assertAscending(dates: readonly string[]): void {
  for (let i = 1; i < dates.length; i++) {
    if (!(dates[i]! > dates[i - 1]!)) {
      throw new KronosError('INVALID_INPUT', `Dates must ascend strictly; ${dates[i]} follows ${dates[i - 1]}. Sort and deduplicate them.`, {
        index: i,
      });
    }
  }
}

/** How many data rows `parseSeriesCsv` reads at most (about 400 years of days). */
export const csvRowsMax = 100_000;

/**
 * Parses a CSV whose first column is the date and whose other columns are
 * numbers (an empty cell is missing), the layout of PyPortfolioOpt's
 * `stock_prices.csv`.
 *
 * @throws KronosError INVALID_INPUT on a malformed date or number.
 * @example
 * ```ts
 * const t = parseSeriesCsv('date,AAA,BBB\n2024-01-02,10,\n2024-01-03,11,20\n');
 * t.columns; //=> ['AAA', 'BBB']
 * Number.isNaN(t.values[1]); //=> true
 * ```
 */
export function parseSeriesCsv(text: string): SeriesTable {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length - 1 > csvRowsMax) {
    throw new KronosError('INVALID_INPUT', `The CSV has more than ${csvRowsMax} rows; split it.`, { rows: lines.length - 1 });
  }
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  const columns = header.slice(1);
  const dates: string[] = [];
  const values = new Float64Array((lines.length - 1) * columns.length);
  for (let r = 1; r < lines.length; r++) {
    const cells = lines[r]!.split(',');
    const date = (cells[0] ?? '').trim();
    if (!isoDate.test(date)) {
      throw new KronosError('INVALID_INPUT', `Line ${r + 1} starts with "${date}", not a YYYY-MM-DD date.`, { line: r + 1 });
    }
    dates.push(date);
    for (let c = 0; c < columns.length; c++) {
      const cell = (cells[c + 1] ?? '').trim();
      const v = cell === '' ? Number.NaN : Number(cell);
      if (cell !== '' && !Number.isFinite(v)) {
        throw new KronosError('INVALID_INPUT', `Line ${r + 1}, column ${columns[c]}: "${cell}" is not a number.`, { line: r + 1 });
      }
      values[(r - 1) * columns.length + c] = v;
    }
  }
  assertAscending(dates);
  return { dates, columns, values };
}

/**
 * One column of a table as a Float64Array (NaN where missing).
 *
 * @throws KronosError NOT_FOUND when the column does not exist.
 * @example
 * ```ts
 * getColumn(parseSeriesCsv('date,A\n2024-01-02,1\n'), 'A'); //=> Float64Array.of(1)
 * ```
 */
export function getColumn(table: SeriesTable, column: string): Float64Array {
  const c = table.columns.indexOf(column);
  if (c < 0) {
    throw new KronosError('NOT_FOUND', `No column "${column}"; the table has ${table.columns.join(', ')}.`, { column });
  }
  const width = table.columns.length;
  const out = new Float64Array(table.dates.length);
  for (let r = 0; r < out.length; r++) out[r] = table.values[r * width + c]!;
  return out;
}

/**
 * Aligns a series onto the dates of a table (a left join): dates the series
 * lacks become NaN. Used to line a benchmark up with asset returns.
 *
 * @example
 * ```ts
 * const a = parseSeriesCsv('date,A\n2024-01-02,1\n2024-01-03,2\n');
 * const b = parseSeriesCsv('date,M\n2024-01-03,5\n');
 * alignToDates(b, a.dates).values; //=> Float64Array.of(NaN, 5)
 * ```
 */
export function alignToDates(table: SeriesTable, dates: readonly string[]): SeriesTable {
  const width = table.columns.length;
  const index = new Map(table.dates.map((d, i) => [d, i]));
  const values = new Float64Array(dates.length * width).fill(Number.NaN);
  dates.forEach((d, r) => {
    const source = index.get(d);
    if (source !== undefined) values.set(table.values.subarray(source * width, (source + 1) * width), r * width);
  });
  return { dates: [...dates], columns: [...table.columns], values };
}

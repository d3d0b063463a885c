import { KronosError } from '../_internal/errors.js';

/** A table of prices: one date per row, one column per asset (NaN where a price is missing). */
export interface PriceTable {
  readonly dates: readonly string[];
  readonly assets: readonly string[];
  /** Row-major `dates.length x assets.length`. */
  readonly prices: Float64Array;
}

/** Monthly gross returns (1 + r), row-major `months x assets`, and the month each row ends (`YYYY-MM`). */
export interface MonthlyReturns {
  readonly assets: readonly string[];
  readonly months: readonly string[];
  readonly grossReturns: Float64Array;
}

/**
 * Parses a CSV of prices with a `date` column first and one column per asset
 * (an empty cell is a missing price), keeping the `columns` asked for.
 *
 * @throws KronosError `INVALID_PRICES` on a missing column or a malformed number.
 * @example
 * ```ts
 * Array.from(parsePriceCsv('date,SPY\n2020-01-31,1\n2020-02-28,2', ['SPY']).prices) //=> [1, 2]
 * ```
 */
export function parsePriceCsv(text: string, columns: readonly string[]): PriceTable {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = (lines[0] ?? '').split(',').map((cell) => cell.trim());
  const indexes = columns.map((name) => {
    const index = header.indexOf(name);
    if (index < 1) throw new KronosError('INVALID_PRICES', `Column ${name} is not in the price file; its header is ${header.join(',')}.`, { column: name });
    return index;
  });
  const dates: string[] = [];
  const prices = new Float64Array((lines.length - 1) * columns.length);
  for (let row = 1; row < lines.length; row++) {
    const cells = (lines[row] as string).split(',');
    dates.push((cells[0] ?? '').trim());
    indexes.forEach((index, a) => {
      const cell = (cells[index] ?? '').trim();
      const value = cell === '' ? Number.NaN : Number(cell);
      if (cell !== '' && !(value > 0)) throw new KronosError('INVALID_PRICES', `Row ${row + 1} has price "${cell}" for ${columns[a]}; prices must be positive numbers.`, { row: row + 1, column: columns[a] });
      prices[(row - 1) * columns.length + a] = value;
    });
  }
  return { dates, assets: [...columns], prices };
}

/**
 * Month-end to month-end gross returns from daily (or monthly) prices, over the
 * months where every asset has a price: the last price of each calendar month
 * is that month's close. Rows must be in date order.
 *
 * @throws KronosError `INSUFFICIENT_HISTORY` when fewer than two common month-ends remain.
 * @example
 * ```ts
 * Array.from(monthlyReturnsFromPrices(parsePriceCsv('date,A\n2020-01-30,1\n2020-01-31,2\n2020-02-28,3', ['A'])).grossReturns) //=> [1.5]
 * ```
 */
export function monthlyReturnsFromPrices(table: PriceTable): MonthlyReturns {
  const k = table.assets.length;
  const monthEnds: { month: string; row: number }[] = [];
  table.dates.forEach((date, row) => {
    const month = date.slice(0, 7);
    const last = monthEnds[monthEnds.length - 1];
    if (last && last.month === month) last.row = row;
    else monthEnds.push({ month, row });
  });
  const complete = monthEnds.filter(({ row }) => table.assets.every((_, a) => Number.isFinite(table.prices[row * k + a])));
  if (complete.length < 2) {
    throw new KronosError('INSUFFICIENT_HISTORY', 'The prices cover fewer than two month-ends on which every asset has a price; give a longer history or fewer assets.', {
      monthEnds: complete.length,
    });
  }
  const grossReturns = new Float64Array((complete.length - 1) * k);
  for (let m = 1; m < complete.length; m++) {
    const now = (complete[m] as { row: number }).row;
    const before = (complete[m - 1] as { row: number }).row;
    for (let a = 0; a < k; a++) grossReturns[(m - 1) * k + a] = (table.prices[now * k + a] as number) / (table.prices[before * k + a] as number);
  }
  return { assets: table.assets, months: complete.slice(1).map((entry) => entry.month), grossReturns };
}

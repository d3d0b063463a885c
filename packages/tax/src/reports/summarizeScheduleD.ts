import { type Currency, Money, currency } from '@kronos/core-ledger';
import type { Form8949Row } from './buildForm8949.js';

/** A Schedule D line fed by Form 8949 (or reported directly, lines 1a and 8a). */
export type ScheduleDLineNumber = '1a' | '1b' | '2' | '3' | '8a' | '8b' | '9' | '10';

/** Column totals of one Schedule D line (USD). */
export interface ScheduleDLine {
  readonly line: ScheduleDLineNumber;
  readonly rows: number;
  /** (d) proceeds */
  readonly proceeds: Money;
  /** (e) cost */
  readonly basis: Money;
  /** (g) adjustments */
  readonly adjustment: Money;
  /** (h) gain or loss */
  readonly gain: Money;
}

/** Schedule D lines 1a-3 and 8a-10, with the short- and long-term sums of column (h). */
export interface ScheduleDTotals {
  readonly lines: readonly ScheduleDLine[];
  readonly shortTermGain: Money;
  readonly longTermGain: Money;
}

const lineOrder: readonly ScheduleDLineNumber[] = ['1a', '1b', '2', '3', '8a', '8b', '9', '10'];

function lineOf(row: Form8949Row): ScheduleDLineNumber {
  switch (row.box) {
    case 'A':
      return row.adjustment.isZero() ? '1a' : '1b';
    case 'B':
      return '2';
    case 'C':
      return '3';
    case 'D':
      return row.adjustment.isZero() ? '8a' : '8b';
    case 'E':
      return '9';
    default:
      return '10';
  }
}

/**
 * Totals Form 8949 rows onto Schedule D: box A rows without adjustments go on
 * line 1a (box D: 8a), with adjustments on 1b (8b); box B on 2, C on 3, E on 9,
 * F on 10. Lines 4-6 and 11-14 (other forms, carryovers) are outside this
 * package. Every line is listed, zero when empty.
 *
 * @example
 * ```ts
 * summarizeScheduleD([]).lines.map((line) => line.line); //=> ['1a', '1b', '2', '3', '8a', '8b', '9', '10']
 * ```
 */
export function summarizeScheduleD(rows: readonly Form8949Row[], usd: Currency = currency('USD')): ScheduleDTotals {
  const zero = Money.zero(usd);
  const sums = new Map<ScheduleDLineNumber, { rows: number; proceeds: Money; basis: Money; adjustment: Money; gain: Money }>(
    lineOrder.map((line) => [line, { rows: 0, proceeds: zero, basis: zero, adjustment: zero, gain: zero }]),
  );
  for (const row of rows) {
    const sum = sums.get(lineOf(row));
    if (sum === undefined) continue;
    sum.rows += 1;
    sum.proceeds = sum.proceeds.add(row.proceeds);
    sum.basis = sum.basis.add(row.basis);
    sum.adjustment = sum.adjustment.add(row.adjustment);
    sum.gain = sum.gain.add(row.gain);
  }
  const lines = lineOrder.map((line) => ({ line, ...(sums.get(line) as { rows: number; proceeds: Money; basis: Money; adjustment: Money; gain: Money }) }));
  const total = (numbers: readonly ScheduleDLineNumber[]) => Money.sum(lines.filter((l) => numbers.includes(l.line)).map((l) => l.gain), usd);
  return { lines, shortTermGain: total(['1a', '1b', '2', '3']), longTermGain: total(['8a', '8b', '9', '10']) };
}

import type { Rng } from '@kronos/risk';
import { KronosError, requireInput } from '../_internal/errors.js';
import type { ReturnModel, ReturnSampler } from './model.js';
import type { MonthlyReturns } from './monthlyReturns.js';

/**
 * Bootstrap from history: each path's months are drawn from the historical
 * months, one at a time (`blockMonths` 1, iid) or in runs of `blockMonths`
 * consecutive months (the moving-block bootstrap of Kuensch 1989, which keeps
 * short-range autocorrelation and cross-asset co-movement). All assets of a
 * month are drawn together.
 *
 * @example
 * ```ts
 * const history = { assets: ['A'], months: ['2020-01', '2020-02'], grossReturns: new Float64Array([1.01, 0.99]) };
 * createBootstrapModel(history, { blockMonths: 1 }).kind //=> 'bootstrap'
 * ```
 */
export function createBootstrapModel(history: MonthlyReturns, options: { blockMonths?: number } = {}): ReturnModel {
  const blockMonths = options.blockMonths ?? 1;
  const k = history.assets.length;
  const historyMonths = history.grossReturns.length / k;
  requireInput(Number.isInteger(blockMonths) && blockMonths >= 1 && blockMonths <= historyMonths, 'blockMonths must be an integer from 1 to the number of historical months.', {
    blockMonths,
    historyMonths,
  });
  const starts = historyMonths - blockMonths + 1;
  return {
    kind: 'bootstrap',
    assetCount: k,
    pathCountFixed: null,
    createSampler(rng: Rng, _firstPath: number, pathCount: number): ReturnSampler {
      const position = new Int32Array(pathCount);
      const left = new Int32Array(pathCount);
      return {
        nextMonth(_month, out) {
          for (let p = 0; p < pathCount; p++) {
            if (left[p] === 0) {
              position[p] = rng.nextInt(starts);
              left[p] = blockMonths;
            }
            const row = (position[p] as number) * k;
            for (let a = 0; a < k; a++) out[p * k + a] = history.grossReturns[row + a] as number;
            position[p] = (position[p] as number) + 1;
            left[p] = (left[p] as number) - 1;
          }
        },
      };
    },
  };
}

/**
 * How many rolling windows of `planMonths` consecutive months a history of
 * `historyMonths` holds (each starting one month after the last).
 *
 * @example
 * ```ts
 * countRollingWindows(300, 360) //=> 0
 * countRollingWindows(300, 240) //=> 61
 * ```
 */
export function countRollingWindows(historyMonths: number, planMonths: number): number {
  return Math.max(0, historyMonths - planMonths + 1);
}

/**
 * Historical rolling windows: path w lives through historical months w .. w +
 * horizonMonths - 1, so there are exactly `countRollingWindows` paths and no
 * randomness. A long plan on a short history leaves few windows (and they
 * overlap heavily): `pathCountFixed` says how many.
 *
 * @throws KronosError `INSUFFICIENT_HISTORY` when the history is shorter than the plan.
 * @example
 * ```ts
 * const history = { assets: ['A'], months: ['2020-01', '2020-02', '2020-03'], grossReturns: new Float64Array([1.01, 0.99, 1.02]) };
 * createHistoricalWindowsModel(history, 2).pathCountFixed //=> 2
 * ```
 */
export function createHistoricalWindowsModel(history: MonthlyReturns, horizonMonths: number): ReturnModel {
  const k = history.assets.length;
  const historyMonths = history.grossReturns.length / k;
  const windows = countRollingWindows(historyMonths, horizonMonths);
  if (windows === 0) {
    throw new KronosError('INSUFFICIENT_HISTORY', `A ${horizonMonths}-month plan needs at least that many months of history; this one has ${historyMonths}. Use a bootstrap model or a shorter plan.`, {
      historyMonths,
      horizonMonths,
      windows,
    });
  }
  return {
    kind: 'historicalWindows',
    assetCount: k,
    pathCountFixed: windows,
    createSampler(_rng: Rng, firstPath: number, pathCount: number): ReturnSampler {
      return {
        nextMonth(month, out) {
          for (let p = 0; p < pathCount; p++) {
            const row = (firstPath + p + month) * k;
            for (let a = 0; a < k; a++) out[p * k + a] = history.grossReturns[row + a] as number;
          }
        },
      };
    },
  };
}

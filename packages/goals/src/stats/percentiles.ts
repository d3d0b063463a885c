import { requireInput } from '../_internal/errors.js';

/**
 * Exact percentiles of a sample by linear interpolation between order
 * statistics (Hyndman & Fan type 7, numpy's default): for probability p the
 * value at rank h = (n - 1) p. Uses selection, not a full sort, and reorders
 * `values` in place (pass a copy to keep the original order).
 *
 * @example
 * ```ts
 * Array.from(percentilesInPlace(new Float64Array([4, 1, 3, 2]), [0, 0.5, 1])) //=> [1, 2.5, 4]
 * ```
 */
export function percentilesInPlace(values: Float64Array, probabilities: readonly number[], count = values.length): Float64Array {
  requireInput(count > 0, 'Percentiles need at least one value; simulate one path or more.', { count });
  for (const p of probabilities) requireInput(p >= 0 && p <= 1, 'A percentile probability must lie in [0, 1].', { probability: p });
  const out = new Float64Array(probabilities.length);
  const order = probabilities.map((p, i) => ({ rank: (count - 1) * p, i })).sort((x, y) => x.rank - y.rank);
  selectRanks(values, order, 0, order.length, { left: 0, right: count - 1, scanRight: count - 1 }, out);
  return out;
}

/**
 * Places the order statistics of ranks[from..to) (sorted) within values[left..right]:
 * the middle rank first, then the lower ranks on its left part and the upper
 * ones on its right, so each pass works on a shrinking slice. Every value in
 * (right, scanRight] is at least every value in [left, right].
 */
function selectRanks(values: Float64Array, ranks: ReadonlyArray<{ rank: number; i: number }>, from: number, to: number, bounds: { left: number; right: number; scanRight: number }, out: Float64Array): void {
  if (from >= to) return;
  const { left, right, scanRight } = bounds;
  const middle = (from + to) >>> 1;
  const { rank, i } = ranks[middle] as { rank: number; i: number };
  const below = Math.floor(rank);
  select(values, below, left, right);
  const low = values[below] as number;
  const fraction = rank - below;
  // The next order statistic is the least value after `below`: inside the slice if any remain, else just beyond it.
  const next = fraction === 0 ? low : below + 1 <= right ? minimumOf(values, below + 1, right) : minimumOf(values, right + 1, scanRight);
  out[i] = low + fraction * (next - low);
  // When `below` is the slice's last index, nothing of the slice lies after it: the next order statistic stays beyond `right`.
  selectRanks(values, ranks, from, middle, { left, right: below, scanRight: below < right ? right : scanRight }, out);
  selectRanks(values, ranks, middle + 1, to, { left: below, right, scanRight }, out);
}

function minimumOf(values: Float64Array, from: number, to: number): number {
  let least = values[from] as number;
  for (let j = from + 1; j <= to; j++) {
    const v = values[j] as number;
    if (v < least) least = v;
  }
  return least;
}

/**
 * Quickselect (Hoare partition, median-of-three pivot) so that values[k] is the
 * k-th smallest of values[left..right], smaller ones before it, larger after.
 */
function select(values: Float64Array, k: number, leftStart: number, rightStart: number): void {
  let left = leftStart;
  let right = rightStart;
  const roundsMax = 64 * 64; // far above the expected ~2 log2(n) rounds
  for (let round = 0; round < roundsMax && right > left; round++) {
    const middle = (left + right) >>> 1;
    const pivot = medianOfThree(values[left] as number, values[middle] as number, values[right] as number);
    let i = left;
    let j = right;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function medianOfThree(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : a < c ? c : a;
  return a < c ? a : b < c ? c : b;
}

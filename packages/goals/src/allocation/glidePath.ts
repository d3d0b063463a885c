import { requireInput } from '../_internal/errors.js';
import { AllocationSchema, type AllocationInput } from './schemas.js';

/**
 * The target weights for every month of a plan, as one row-major
 * `horizonMonths x assetCount` array, each row summing to one.
 *
 * @throws KronosError `INVALID_INPUT` when a weight vector has the wrong length or sums to zero.
 * @example
 * ```ts
 * const w = glidePathWeights({ kind: 'linear', startWeights: [1, 0], endWeights: [0, 1], endMonth: 10 }, 2, 11);
 * [w[0], w[1], w[10], w[11], w[20], w[21]] //=> [1, 0, 0.5, 0.5, 0, 1]
 * ```
 */
export function glidePathWeights(input: AllocationInput, assetCount: number, horizonMonths: number): Float64Array {
  const allocation = AllocationSchema.parse(input);
  const out = new Float64Array(horizonMonths * assetCount);
  const row = new Float64Array(assetCount);
  const table = allocation.kind === 'table' ? [...allocation.points].sort((a, b) => a.fromMonth - b.fromMonth) : [];
  for (let month = 0; month < horizonMonths; month++) {
    if (allocation.kind === 'fixed') copyWeights(allocation.weights, row, assetCount);
    else if (allocation.kind === 'linear') {
      const span = Math.max(allocation.endMonth - allocation.startMonth, 1);
      const t = Math.min(Math.max((month - allocation.startMonth) / span, 0), 1);
      copyWeights(allocation.startWeights, row, assetCount);
      const end = new Float64Array(assetCount);
      copyWeights(allocation.endWeights, end, assetCount);
      for (let a = 0; a < assetCount; a++) row[a] = (1 - t) * (row[a] as number) + t * (end[a] as number);
    } else {
      let chosen = table[0];
      for (const point of table) if (point.fromMonth <= month) chosen = point;
      copyWeights(chosen?.weights ?? [], row, assetCount);
    }
    out.set(row, month * assetCount);
  }
  return out;
}

function copyWeights(weights: readonly number[], into: Float64Array, assetCount: number): void {
  requireInput(weights.length === assetCount, `A weight vector has ${weights.length} entries but the return model has ${assetCount} assets; give one weight per asset.`, {
    weights: weights.length,
    assetCount,
  });
  let total = 0;
  for (const w of weights) total += w;
  requireInput(total > 0, 'Weights must not all be zero.', { weights });
  for (let a = 0; a < assetCount; a++) into[a] = (weights[a] as number) / total;
}

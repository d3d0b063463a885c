/** Sample mean of the first `length` values. */
export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

/** Sample variance with `ddof` degrees of freedom removed (1 = unbiased). */
export function variance(values: ArrayLike<number>, ddof = 1): number {
  const m = mean(values);
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i]! - m;
    sum += d * d;
  }
  return sum / (values.length - ddof);
}

/** Standard deviation with `ddof` degrees of freedom removed. */
export function standardDeviation(values: ArrayLike<number>, ddof = 1): number {
  return Math.sqrt(variance(values, ddof));
}

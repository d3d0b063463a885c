/**
 * A Monte Carlo proportion with its standard error sqrt(p (1 - p) / n): the
 * binomial sampling error of an estimate from `trials` independent paths.
 *
 * @example
 * ```ts
 * const estimate = estimateProportion(9000, 10000);
 * estimate.probability //=> 0.9
 * estimate.standardError.toFixed(4) //=> '0.0030'
 * ```
 */
export function estimateProportion(successes: number, trials: number): { probability: number; standardError: number } {
  if (trials <= 0) return { probability: Number.NaN, standardError: Number.NaN };
  const probability = successes / trials;
  return { probability, standardError: Math.sqrt((probability * (1 - probability)) / trials) };
}

import { KronosError } from '../errors/index.js';
import { rejectionAttemptsMax, rejectionExhausted } from '../_internal/rejection.js';
import type { Rng } from './createRng.js';
import { nextNormal } from './normal.js';

/**
 * One Gamma(shape, 1) draw by Marsaglia & Tsang's (2000) squeeze method;
 * shapes below 1 use the boost Gamma(a) = Gamma(a + 1) * U^(1/a).
 *
 * @throws KronosError INVALID_INPUT when shape is not a positive finite number.
 * @example
 * ```ts
 * const g = nextGamma(createRng(1), 2.5); // mean 2.5, variance 2.5
 * ```
 */
export function nextGamma(rng: Rng, shape: number): number {
  if (!(shape > 0 && Number.isFinite(shape))) {
    throw new KronosError('INVALID_INPUT', 'A gamma shape must be a positive finite number.', { shape });
  }
  if (shape < 1) {
    const u = 1 - rng.nextFloat64();
    return nextGamma(rng, shape + 1) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (let attempt = 0; attempt < rejectionAttemptsMax; attempt++) {
    const x = nextNormal(rng);
    let v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const u = 1 - rng.nextFloat64();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
  throw rejectionExhausted('gamma');
}

/**
 * One chi-square draw with `degreesOfFreedom` degrees of freedom (2 Gamma(k/2)).
 *
 * @example
 * ```ts
 * const q = nextChiSquare(createRng(1), 4); // mean 4
 * ```
 */
export function nextChiSquare(rng: Rng, degreesOfFreedom: number): number {
  return 2 * nextGamma(rng, degreesOfFreedom / 2);
}

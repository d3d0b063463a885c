import { KronosError } from '../errors/index.js';
import { choleskyDecompose, type CholeskyOptions } from '../linalg/cholesky.js';
import { assertSquare, type Matrix } from '../linalg/matrix.js';
import type { Rng } from './createRng.js';
import { fillNormal } from './normal.js';

/** A sampler of N(mean, covariance) vectors built once, drawn many times. */
export interface MultivariateNormalSampler {
  /** The dimension of each draw. */
  readonly dimension: number;
  /** Diagonal jitter the Cholesky factorisation needed (0 for a well-conditioned covariance). */
  readonly jitter: number;
  /** Writes one draw into `out` (length `dimension`) and returns it. */
  sample(rng: Rng, out?: Float64Array): Float64Array;
  /** `count` draws, row-major (`count x dimension`), in `out` when given. */
  sampleMany(rng: Rng, count: number, out?: Float64Array): Float64Array;
}

/**
 * Creates a multivariate normal sampler x = μ + L z, with L the Cholesky factor
 * of the covariance (jittered if nearly singular) and z standard normals.
 *
 * @throws KronosError INVALID_INPUT on mismatched sizes; NOT_POSITIVE_DEFINITE
 *   for a covariance with a clearly negative eigenvalue.
 * @example
 * ```ts
 * const mvn = createMultivariateNormal([0.05, 0.03], matrixFromRows([[0.04, 0.01], [0.01, 0.02]]));
 * const x = mvn.sample(createRng('demo')); // Float64Array of length 2
 * ```
 */
export function createMultivariateNormal(
  mean: ArrayLike<number>,
  covariance: Matrix,
  options: CholeskyOptions = {},
): MultivariateNormalSampler {
  const n = assertSquare(covariance, 'covariance');
  if (mean.length !== n) {
    throw new KronosError('INVALID_INPUT', `The mean has ${mean.length} values but the covariance is ${n}x${n}.`, {
      meanLength: mean.length,
      order: n,
    });
  }
  const mu = Float64Array.from(mean);
  const { factor, jitter } = choleskyDecompose(covariance, options);
  const l = factor.data;
  const z = new Float64Array(n);
  const draw = (rng: Rng, out: Float64Array, offset: number): void => {
    fillNormal(rng, z);
    for (let i = 0; i < n; i++) {
      let sum = mu[i]!;
      const row = i * n;
      for (let k = 0; k <= i; k++) sum += l[row + k]! * z[k]!;
      out[offset + i] = sum;
    }
  };
  return {
    dimension: n,
    jitter,
    sample(rng, out = new Float64Array(n)) {
      draw(rng, out, 0);
      return out;
    },
    sampleMany(rng, count, out = new Float64Array(count * n)) {
      if (!Number.isInteger(count) || count < 0 || out.length < count * n) {
        throw new KronosError('INVALID_INPUT', 'sampleMany needs a non-negative integer count and room for count x dimension values.', {
          count,
          length: out.length,
        });
      }
      for (let r = 0; r < count; r++) draw(rng, out, r * n);
      return out;
    },
  };
}

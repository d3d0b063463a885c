import { KronosError } from '../errors/index.js';
import { choleskyDecompose, type CholeskyOptions } from '../linalg/cholesky.js';
import { assertSquare, type Matrix } from '../linalg/matrix.js';
import { Xoshiro128StarStar, type Rng } from './createRng.js';
import { kernelChunk, sampleKernel } from './kernel/kernel.js';
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
  const { n, mu, l, jitter } = prepare(mean, covariance, options);
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
      checkRoom(count, n, out);
      for (let r = 0; r < count; r++) draw(rng, out, r * n);
      return out;
    },
  };
}

/**
 * Creates a multivariate lognormal sampler: each draw is exp(μ + L z)
 * element-wise, with L the Cholesky factor of the covariance of the logs
 * (jittered if nearly singular) and z standard normals, so the logs of a draw
 * are N(μ, covariance). Gross returns of correlated assets under geometric
 * Brownian motion are drawn this way.
 *
 * `sampleMany` is the bulk path: with a generator from `createRng` it runs in
 * a WebAssembly kernel (normals, the triangular product and `exp` two lanes
 * at a time), and gives exactly the numbers the plain loop gives: z drawn row
 * after row, each log summed as μ_i + L_i0 z_0 + L_i1 z_1 + ..., and
 * `Math.exp` of it.
 *
 * @throws KronosError INVALID_INPUT on mismatched sizes; NOT_POSITIVE_DEFINITE
 *   for a covariance with a clearly negative eigenvalue.
 * @example
 * ```ts
 * const monthly = createMultivariateLognormal([0.005, 0.002], matrixFromRows([[0.0027, 0.00015], [0.00015, 0.0003]]));
 * const gross = monthly.sampleMany(createRng('demo'), 1000); // 1,000 rows of two gross returns
 * gross.length //=> 2000
 * gross.every((g) => g > 0) //=> true
 * ```
 */
export function createMultivariateLognormal(
  meanLog: ArrayLike<number>,
  covariance: Matrix,
  options: CholeskyOptions = {},
): MultivariateNormalSampler {
  const { n, mu, l, jitter } = prepare(meanLog, covariance, options);
  const fallback = (rng: Rng, count: number, out: Float64Array): void => {
    fillNormal(rng, out);
    for (let r = count - 1; r >= 0; r--) {
      const base = r * n;
      // In place, last coordinate first: coordinate i reads z_0..z_i only.
      for (let i = n - 1; i >= 0; i--) {
        let sum = mu[i]!;
        const row = i * n;
        for (let k = 0; k <= i; k++) sum += l[row + k]! * out[base + k]!;
        out[base + i] = Math.exp(sum);
      }
    }
  };
  const sampleMany = (rng: Rng, count: number, out: Float64Array): Float64Array => {
    checkRoom(count, n, out);
    const rows = out.length === count * n ? out : out.subarray(0, count * n);
    const kernel = n <= kernelChunk ? sampleKernel() : null;
    if (kernel === null || !(rng instanceof Xoshiro128StarStar)) fallback(rng, count, rows);
    else kernel.fillLognormal(rng, mu, l, rows);
    return out;
  };
  return {
    dimension: n,
    jitter,
    sample: (rng, out = new Float64Array(n)) => sampleMany(rng, 1, out),
    sampleMany: (rng, count, out = new Float64Array(count * n)) => sampleMany(rng, count, out),
  };
}

function prepare(mean: ArrayLike<number>, covariance: Matrix, options: CholeskyOptions): { n: number; mu: Float64Array; l: Float64Array; jitter: number } {
  const n = assertSquare(covariance, 'covariance');
  if (mean.length !== n) {
    throw new KronosError('INVALID_INPUT', `The mean has ${mean.length} values but the covariance is ${n}x${n}.`, {
      meanLength: mean.length,
      order: n,
    });
  }
  const { factor, jitter } = choleskyDecompose(covariance, options);
  return { n, mu: Float64Array.from(mean), l: factor.data, jitter };
}

function checkRoom(count: number, n: number, out: Float64Array): void {
  if (!Number.isInteger(count) || count < 0 || out.length < count * n) {
    throw new KronosError('INVALID_INPUT', 'sampleMany needs a non-negative integer count and room for count x dimension values.', {
      count,
      length: out.length,
    });
  }
}

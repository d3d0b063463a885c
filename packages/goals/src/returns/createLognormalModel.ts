import { choleskyDecompose, createMultivariateLognormal, fillNormal, matrixFromRows, nextChiSquare, type Rng } from '@kronos/risk';
import { requireInput } from '../_internal/errors.js';
import type { ReturnModel, ReturnSampler } from './model.js';

/** Yearly parameters of a multi-asset lognormal (GBM) model. */
export interface LognormalParameters {
  /** Drift mu of each asset per year: E[S_t] = S_0 exp(mu t). */
  readonly driftPerYear: readonly number[];
  /** Covariance of yearly log returns (sigma_i sigma_j rho_ij), a symmetric positive definite matrix. */
  readonly covariancePerYear: readonly (readonly number[])[];
}

/**
 * Multi-asset lognormal returns: monthly log returns are multivariate normal
 * with mean (mu - diag(Sigma)/2) / 12 and covariance Sigma / 12, drawn as
 * m + L z with L the Cholesky factor (from `@kronos/risk`). Monthly sampling of
 * GBM is exact, so closed forms hold at month ends.
 *
 * @example
 * ```ts
 * const model = createLognormalModel({ driftPerYear: [0.07, 0.03], covariancePerYear: [[0.0324, 0.0018], [0.0018, 0.0036]] });
 * model.assetCount //=> 2
 * ```
 */
export function createLognormalModel(parameters: LognormalParameters): ReturnModel {
  return createEllipticalModel('lognormal', parameters, null);
}

/**
 * Fat-tailed returns: as `createLognormalModel` but the standard normal vector z
 * is replaced by a multivariate Student-t with `degreesOfFreedom` scaled to unit
 * variance (z sqrt((nu - 2) / chi2_nu)), so the covariance is unchanged and only
 * the tails grow. The drift correction keeps mu - sigma^2/2 as the mean log return.
 * Note that e^t has no finite mean for a Student-t t, so the expected gross
 * return is not e^mu here: judge this model by percentiles and success rates,
 * not by the simulated mean wealth.
 *
 * @example
 * ```ts
 * createStudentTModel({ driftPerYear: [0.07], covariancePerYear: [[0.0324]] }, 5).kind //=> 'studentT'
 * ```
 */
export function createStudentTModel(parameters: LognormalParameters, degreesOfFreedom: number): ReturnModel {
  requireInput(degreesOfFreedom > 2 && Number.isFinite(degreesOfFreedom), 'Variance scaling needs more than 2 degrees of freedom.', { degreesOfFreedom });
  return createEllipticalModel('studentT', parameters, degreesOfFreedom);
}

function createEllipticalModel(kind: string, parameters: LognormalParameters, degreesOfFreedom: number | null): ReturnModel {
  const assetCount = parameters.driftPerYear.length;
  requireInput(assetCount > 0 && parameters.covariancePerYear.length === assetCount, 'Give one drift per asset and a square covariance of the same size.', {
    drifts: assetCount,
    covarianceRows: parameters.covariancePerYear.length,
  });
  const monthly = matrixFromRows(parameters.covariancePerYear.map((row) => row.map((v) => v / 12)));
  const meanLog = Float64Array.from(parameters.driftPerYear, (mu, a) => (mu - 0.5 * (parameters.covariancePerYear[a]?.[a] ?? 0)) / 12);
  if (degreesOfFreedom === null) {
    const draws = createMultivariateLognormal(meanLog, monthly);
    return {
      kind,
      assetCount,
      pathCountFixed: null,
      createSampler: (rng: Rng, _firstPath: number, pathCount: number): ReturnSampler => ({
        nextMonth: (_month, out) => void draws.sampleMany(rng, pathCount, out),
      }),
    };
  }
  const factor = choleskyDecompose(monthly).factor.data;
  return {
    kind,
    assetCount,
    pathCountFixed: null,
    createSampler: (rng: Rng, _firstPath: number, pathCount: number): ReturnSampler => studentTSampler(rng, new Float64Array(pathCount * assetCount), meanLog, factor, degreesOfFreedom),
  };
}

/**
 * Student-t draws: the block's normals, each path's vector scaled by
 * sqrt((nu - 2) / chi2_nu) drawn after them, then exp(m + L z) summed in the
 * same order as the lognormal kernel.
 */
function studentTSampler(rng: Rng, z: Float64Array, mean: Float64Array, factor: Float64Array, nu: number): ReturnSampler {
  const k = mean.length;
  const pathCount = z.length / k;
  return {
    nextMonth(_month, out) {
      fillNormal(rng, z);
      for (let p = 0; p < pathCount; p++) {
        const scale = Math.sqrt((nu - 2) / nextChiSquare(rng, nu));
        for (let a = 0; a < k; a++) z[p * k + a] = (z[p * k + a] as number) * scale;
      }
      for (let p = 0; p < pathCount; p++) {
        const base = p * k;
        for (let i = 0; i < k; i++) {
          let x = mean[i] as number;
          const row = i * k;
          for (let j = 0; j <= i; j++) x += (factor[row + j] as number) * (z[base + j] as number);
          out[base + i] = Math.exp(x);
        }
      }
    },
  };
}

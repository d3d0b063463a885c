import { KronosError } from '../errors/index.js';
import { normalPdf, normalQuantile } from '../distributions/normal.js';
import { assertSquare, type Matrix } from '../linalg/matrix.js';
import { multiplyMatrixVector } from '../linalg/products.js';

/** Options of `parametricPortfolioRisk`. */
export interface PortfolioRiskOptions {
  /** Annual expected returns per asset (same order as the weights). Default: zero drift. */
  readonly expectedReturns?: ArrayLike<number>;
  /** Confidence level in (0, 1). Default 0.95. */
  readonly confidence?: number;
  /** Horizon in years (1/252 = one trading day, the default). */
  readonly horizonYears?: number;
}

/** Gaussian risk of a weighted portfolio from an annualised covariance matrix. */
export interface PortfolioRisk {
  /** σ_p = √(wᵀ Σ w), annualised. */
  readonly volatility: number;
  /** μ_p = wᵀ μ, annualised. */
  readonly expectedReturn: number;
  /** −(μ_p h + z σ_p √h), a positive loss fraction over the horizon h. */
  readonly valueAtRisk: number;
  /** Gaussian expected shortfall: −μ_p h + σ_p √h φ(z) / (1 − c). */
  readonly conditionalValueAtRisk: number;
  /** Each asset's share of the variance, w_i (Σw)_i / σ_p², summing to 1 (the risk-parity budget). */
  readonly riskContributions: Float64Array;
}

/**
 * Parametric (variance-covariance) VaR, CVaR and risk contributions of a
 * portfolio, with the covariance and expected returns annualised as the
 * estimators of this package return them, scaled to the horizon by h and √h.
 *
 * @throws KronosError INVALID_INPUT on mismatched sizes or a confidence outside (0, 1).
 * @example
 * ```ts
 * const risk = parametricPortfolioRisk([0.5, 0.5], matrixFromRows([[0.04, 0], [0, 0.04]]), { horizonYears: 1 });
 * Number(risk.volatility.toFixed(12)); //=> 0.141421356237
 * Array.from(risk.riskContributions); //=> [0.5, 0.5]
 * ```
 */
export function parametricPortfolioRisk(weights: ArrayLike<number>, covariance: Matrix, options: PortfolioRiskOptions = {}): PortfolioRisk {
  const n = assertSquare(covariance, 'covariance');
  const confidence = options.confidence ?? 0.95;
  const horizon = options.horizonYears ?? 1 / 252;
  if (weights.length !== n || (options.expectedReturns !== undefined && options.expectedReturns.length !== n)) {
    throw new KronosError('INVALID_INPUT', `Weights and expected returns need ${n} values, one per covariance row.`, { order: n, weights: weights.length });
  }
  if (!(confidence > 0 && confidence < 1) || !(horizon > 0)) {
    throw new KronosError('INVALID_INPUT', 'confidence must lie in (0, 1) and horizonYears must be positive.', { confidence, horizonYears: horizon });
  }
  const sigmaW = multiplyMatrixVector(covariance, weights);
  let variance = 0;
  let expectedReturn = 0;
  for (let i = 0; i < n; i++) {
    variance += weights[i]! * sigmaW[i]!;
    expectedReturn += weights[i]! * (options.expectedReturns?.[i] ?? 0);
  }
  const volatility = Math.sqrt(Math.max(variance, 0));
  const z = normalQuantile(1 - confidence);
  const drift = expectedReturn * horizon;
  const spread = volatility * Math.sqrt(horizon);
  return {
    volatility,
    expectedReturn,
    valueAtRisk: -(drift + z * spread),
    conditionalValueAtRisk: -drift + (spread * normalPdf(z)) / (1 - confidence),
    riskContributions: Float64Array.from({ length: n }, (_, i) => (variance > 0 ? (weights[i]! * sigmaW[i]!) / variance : Number.NaN)),
  };
}

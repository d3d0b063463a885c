import { KronosError } from '../errors/index.js';
import { normalQuantile } from '../distributions/normal.js';
import { quantileInPlace, selectInPlace } from '../_internal/select.js';
import type { Rng } from '../random/createRng.js';
import { fillNormal } from '../random/normal.js';
import { fillStudentT } from '../random/studentT.js';

/*
 * Sign convention: VaR and CVaR are reported as LOSSES, positive numbers
 * (a VaR of 0.03 means "lose at most 3% with the given confidence"). empyrical
 * returns the return quantile instead: value_at_risk(r, cutoff) = -historicalVar(r, 1 - cutoff).
 */

/** Options of the VaR and CVaR estimators. */
export interface VarOptions {
  /** Confidence level in (0, 1). Default 0.95. */
  readonly confidence?: number;
}

function confidenceOf(options: VarOptions): number {
  const confidence = options.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) {
    throw new KronosError('INVALID_INPUT', 'confidence must lie strictly between 0 and 1 (0.95 for 95%).', { confidence });
  }
  return confidence;
}

function present(returns: ArrayLike<number>): Float64Array {
  const values = new Float64Array(returns.length);
  let count = 0;
  for (let i = 0; i < returns.length; i++) {
    const v = returns[i]!;
    if (v === v) values[count++] = v;
  }
  if (count === 0) throw new KronosError('INVALID_INPUT', 'VaR needs at least one return.', {});
  return values.subarray(0, count);
}


/**
 * Historical VaR: minus the (1 - confidence) quantile of the returns, linearly
 * interpolated like numpy's percentile (empyrical `value_at_risk`, sign flipped).
 *
 * @example
 * ```ts
 * historicalVar([-0.05, -0.01, 0.0, 0.02, 0.03], { confidence: 0.75 }); //=> 0.01
 * ```
 */
export function historicalVar(returns: ArrayLike<number>, options: VarOptions = {}): number {
  return -quantileInPlace(present(returns), 1 - confidenceOf(options));
}

/**
 * Historical CVaR (expected shortfall): minus the mean of the k + 1 lowest
 * returns, k = floor((n - 1)(1 - confidence)) (empyrical
 * `conditional_value_at_risk`, sign flipped). Always ≥ historical VaR.
 *
 * @example
 * ```ts
 * Number(historicalCvar([-0.05, -0.01, 0.0, 0.02, 0.03], { confidence: 0.75 }).toFixed(12)); //=> 0.03
 * ```
 */
export function historicalCvar(returns: ArrayLike<number>, options: VarOptions = {}): number {
  const values = present(returns);
  const cutoffIndex = Math.floor((values.length - 1) * (1 - confidenceOf(options)));
  // After selection the cutoffIndex + 1 smallest returns sit in front (like numpy's partition).
  selectInPlace(values, cutoffIndex);
  let sum = 0;
  for (let i = 0; i <= cutoffIndex; i++) sum += values[i]!;
  return -sum / (cutoffIndex + 1);
}

function sampleMoments(returns: ArrayLike<number>): { mean: number; std: number; skewness: number; excessKurtosis: number } {
  const x = present(returns);
  const n = x.length;
  if (n < 2) throw new KronosError('INVALID_INPUT', 'A parametric VaR needs at least two returns.', { count: n });
  let mean = 0;
  for (const v of x) mean += v / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (const v of x) {
    const d = v - mean;
    m2 += (d * d) / n;
    m3 += (d * d * d) / n;
    m4 += (d * d * d * d) / n;
  }
  return { mean, std: Math.sqrt((m2 * n) / (n - 1)), skewness: m3 / m2 ** 1.5, excessKurtosis: m4 / (m2 * m2) - 3 };
}

/**
 * Gaussian (parametric) VaR: -(μ + z σ) with z = Φ⁻¹(1 - confidence), μ the
 * mean and σ the sample standard deviation (ddof 1) of the returns.
 *
 * @example
 * ```ts
 * // 1.6449 x 0.01826 (the sample standard deviation):
 * Number(gaussianVar([0.01, -0.01, 0.02, -0.02], { confidence: 0.95 }).toFixed(4)); //=> 0.03
 * ```
 */
export function gaussianVar(returns: ArrayLike<number>, options: VarOptions = {}): number {
  const { mean, std } = sampleMoments(returns);
  return -(mean + normalQuantile(1 - confidenceOf(options)) * std);
}

/**
 * Cornish-Fisher (modified) VaR: the Gaussian VaR with z replaced by
 * z + (z² - 1)S/6 + (z³ - 3z)K/24 - (2z³ - 5z)S²/36, where S is the sample
 * skewness and K the excess kurtosis (population moments), Favre & Galeano (2002).
 *
 * @example
 * ```ts
 * cornishFisherVar([0.01, -0.01, 0.02, -0.02, 0.0]) > 0; //=> true
 * ```
 */
export function cornishFisherVar(returns: ArrayLike<number>, options: VarOptions = {}): number {
  const { mean, std, skewness: s, excessKurtosis: k } = sampleMoments(returns);
  const z = normalQuantile(1 - confidenceOf(options));
  const zcf = z + ((z * z - 1) * s) / 6 + ((z ** 3 - 3 * z) * k) / 24 - ((2 * z ** 3 - 5 * z) * s * s) / 36;
  return -(mean + zcf * std);
}

/** Options of `monteCarloVar`. */
export interface MonteCarloVarOptions extends VarOptions {
  /** The seeded generator (injected so results are reproducible). */
  readonly rng: Rng;
  /** Simulated scenarios. Default 100,000. */
  readonly scenarios?: number;
  /** Draw Student-t shocks with these degrees of freedom (unit variance) instead of normals. */
  readonly degreesOfFreedom?: number;
}

/** The largest number of scenarios `monteCarloVar` simulates. */
export const monteCarloScenariosMax = 10_000_000;

/**
 * Monte Carlo VaR and CVaR: simulates returns μ + σ ε with μ, σ fitted to the
 * history and ε standard normal (or unit-variance Student-t), then takes the
 * historical VaR and CVaR of the simulation.
 *
 * @example
 * ```ts
 * const { valueAtRisk, conditionalValueAtRisk } = monteCarloVar([0.01, -0.01, 0.02, -0.02], { rng: createRng('var') });
 * conditionalValueAtRisk >= valueAtRisk; //=> true
 * ```
 */
export function monteCarloVar(returns: ArrayLike<number>, options: MonteCarloVarOptions): { valueAtRisk: number; conditionalValueAtRisk: number } {
  const { mean, std } = sampleMoments(returns);
  const scenarios = options.scenarios ?? 100_000;
  if (!Number.isInteger(scenarios) || scenarios < 1 || scenarios > monteCarloScenariosMax) {
    throw new KronosError('INVALID_INPUT', `scenarios must be an integer from 1 to ${monteCarloScenariosMax}.`, { scenarios });
  }
  const shocks = new Float64Array(scenarios);
  if (options.degreesOfFreedom === undefined) fillNormal(options.rng, shocks);
  else fillStudentT(options.rng, shocks, options.degreesOfFreedom, { unitVariance: true });
  for (let i = 0; i < scenarios; i++) shocks[i] = mean + std * shocks[i]!;
  return { valueAtRisk: historicalVar(shocks, options), conditionalValueAtRisk: historicalCvar(shocks, options) };
}

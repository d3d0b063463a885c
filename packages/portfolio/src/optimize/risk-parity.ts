import { KronosError } from '@kronos/core-ledger';
import { choleskyDecompose, choleskySolve, createMatrix } from '@kronos/risk';
import { multiplyMatrixVector } from '../_internal/dense.js';
import { measurePortfolio, normaliseProblem, type PortfolioProblem, type PortfolioResult } from './portfolio-problem.js';

export interface RiskParityOptions {
  /** Risk budgets, one per asset, positive (default equal: ERC). Normalised to sum 1. */
  readonly budgets?: ArrayLike<number>;
  /** Bound on Newton steps (default 100). */
  readonly iterationsMax?: number;
}

export interface RiskParityResult extends PortfolioResult {
  /** Each asset's share of the portfolio variance: w_i (Sw)_i / w'Sw. */
  readonly riskContributions: Float64Array;
  readonly iterations: number;
}

/** Backtracking halvings per Newton step. */
const halvingsMax = 60;

/**
 * Risk parity: long-only weights whose risk contributions equal the budgets
 * (equal risk contribution when none are given). Solved exactly through the
 * convex problem of Spinu (2013), min 1/2 y'Sy - sum b_i ln y_i, by Newton's
 * method with backtracking, then w = y / sum(y); contributions match the
 * budgets to about 1e-13. Bounds, groups and penalties of the problem are not
 * used (the budgets are the constraint).
 *
 * @example
 * ```ts
 * const result = riskParity({ covariance: [[0.04, 0], [0, 0.01]] });
 * Array.from(result.weights, (w) => Number(w.toFixed(12))); //=> [0.333333333333, 0.666666666667]
 * Array.from(result.riskContributions, (c) => Number(c.toFixed(12))); //=> [0.5, 0.5]
 * ```
 */
export function riskParity(problem: PortfolioProblem, options: RiskParityOptions = {}): RiskParityResult {
  const normalised = normaliseProblem(problem);
  const { n, covariance } = normalised;
  const budgets = readBudgets(options.budgets, n);
  const iterationsMax = options.iterationsMax ?? 100;
  let y: Float64Array<ArrayBufferLike> = new Float64Array(n);
  // Start on the ray of the inverse volatilities, scaled so that y'Sy = 1.
  for (let i = 0; i < n; i++) y[i] = 1 / Math.sqrt(covariance[i * n + i]!);
  const start = Math.sqrt(quadratic(covariance, y, n));
  y = y.map((v) => v / start);
  let iterations = 0;
  for (; iterations < iterationsMax; iterations++) {
    const product = multiplyMatrixVector(covariance, y, n);
    const gradient = product.map((v, i) => v - budgets[i]! / y[i]!);
    // g_i y_i = (Sy)_i y_i - b_i: the contribution error, on the budgets' scale (they sum to 1).
    if (gradient.every((g, i) => Math.abs(g * y[i]!) <= 1e-14)) break;
    const hessian = createMatrix(n, n, Float64Array.from(covariance));
    for (let i = 0; i < n; i++) hessian.data[i * n + i] = hessian.data[i * n + i]! + budgets[i]! / (y[i]! * y[i]!);
    const step = choleskySolve(choleskyDecompose(hessian).factor, gradient);
    // Inside the region of quadratic convergence (Newton decrement tiny) the
    // objective cannot resolve the decrease, so the full step is taken.
    const decrement = gradient.reduce((sum, g, i) => sum + g * step[i]!, 0);
    const full = y.map((v, i) => v - step[i]!);
    const next = decrement < 1e-12 && full.every((v) => v > 0) ? full : backtrack(covariance, budgets, y, step, n);
    if (next === y) break; // no further decrease at working precision
    y = next;
  }
  if (iterations === iterationsMax) throw new KronosError('ITERATION_LIMIT', `Risk parity did not converge in ${iterationsMax} Newton steps; check the covariance.`, { iterationsMax });
  const total = y.reduce((s, v) => s + v, 0);
  const weights = y.map((v) => v / total);
  const result = measurePortfolio(normalised, weights);
  const product = multiplyMatrixVector(covariance, weights, n);
  const variance = result.volatility * result.volatility;
  return { ...result, riskContributions: weights.map((w, i) => (w * product[i]!) / variance), iterations };
}

function readBudgets(budgets: ArrayLike<number> | undefined, n: number): Float64Array {
  if (budgets === undefined) return new Float64Array(n).fill(1 / n);
  if (budgets.length !== n) throw new KronosError('INVALID_INPUT', `There are ${budgets.length} risk budgets for ${n} assets.`, {});
  const out = Float64Array.from({ length: n }, (_, i) => budgets[i]!);
  if (!out.every((b) => b > 0 && Number.isFinite(b))) throw new KronosError('INVALID_INPUT', 'Risk budgets must be positive and finite.', {});
  const sum = out.reduce((s, v) => s + v, 0);
  return out.map((b) => b / sum);
}

function quadratic(matrix: Float64Array, x: Float64Array<ArrayBufferLike>, n: number): number {
  return multiplyMatrixVector(matrix, x, n).reduce((s, v, i) => s + v * x[i]!, 0);
}

function objective(covariance: Float64Array, budgets: Float64Array, y: Float64Array, n: number): number {
  let logs = 0;
  for (let i = 0; i < n; i++) logs += budgets[i]! * Math.log(y[i]!);
  return 0.5 * quadratic(covariance, y, n) - logs;
}

/** Newton step y - t * step with t halved until y stays positive and the objective falls. */
function backtrack(covariance: Float64Array, budgets: Float64Array, y: Float64Array, step: Float64Array, n: number): Float64Array {
  const current = objective(covariance, budgets, y, n);
  let t = 1;
  for (let k = 0; k < halvingsMax; k++, t /= 2) {
    const next = y.map((v, i) => v - t * step[i]!);
    if (next.every((v) => v > 0) && objective(covariance, budgets, next, n) <= current + 1e-15 * Math.abs(current)) return next;
  }
  return y;
}

import { KronosError } from '@kronos/core-ledger';
import { solveQuadraticProgram, type LinearInequality } from '../solver/solve-quadratic-program.js';
import { measurePortfolio, normaliseProblem, requireReturns, type NormalisedProblem, type PortfolioProblem, type PortfolioResult } from './portfolio-problem.js';

export interface MaximizeSharpeOptions {
  /** Annual risk-free rate (default: the problem's, else 0.02). */
  readonly riskFreeRate?: number;
}

/**
 * Homogenised constraints in y = kappa w (kappa = 1'y > 0): a'w >= b becomes
 * a'y - b 1'y >= 0. Upper bounds of 1 or more are implied when no lower
 * bound is negative and are left out.
 */
function homogenise(problem: NormalisedProblem): { inequalities: LinearInequality[]; lower: Float64Array } {
  const { n, lower: lowers, upper: uppers } = problem;
  const inequalities: LinearInequality[] = [];
  const lower = new Float64Array(n).fill(-Infinity);
  const longOnly = lowers.every((value) => value >= 0);
  const row = (base: Float64Array, offset: number): Float64Array => base.map((value) => value - offset);
  // e_i - offset 1, built only for the bounds that need a row (n of them would be an n*n allocation).
  const unitRow = (i: number, offset: number): Float64Array => {
    const unit = new Float64Array(n);
    unit[i] = 1;
    return row(unit, offset);
  };
  for (let i = 0; i < n; i++) {
    const low = lowers[i]!;
    const high = uppers[i]!;
    if (low === 0) lower[i] = 0;
    else if (low > -Infinity) inequalities.push({ name: `${problem.tickers[i]} >= ${low}`, coefficients: unitRow(i, low), lower: 0 });
    if (high < Infinity && !(longOnly && high >= 1)) inequalities.push({ name: `${problem.tickers[i]} <= ${high}`, coefficients: unitRow(i, high), upper: 0 });
  }
  for (const constraint of problem.rows) {
    if (constraint.lower > -Infinity) inequalities.push({ name: `${constraint.name} >= ${constraint.lower}`, coefficients: row(constraint.row, constraint.lower), lower: 0 });
    if (constraint.upper < Infinity) inequalities.push({ name: `${constraint.name} <= ${constraint.upper}`, coefficients: row(constraint.row, constraint.upper), upper: 0 });
  }
  if (!longOnly) inequalities.push({ name: 'positive scale', coefficients: new Float64Array(n).fill(1), lower: 0 });
  return { inequalities, lower };
}

/**
 * The tangency portfolio: maximum (mu'w - rf) / sqrt(w'Sw), solved exactly
 * as the QP min y'Sy s.t. (mu - rf)'y = 1 with homogenised constraints
 * (Cornuejols and Tutuncu, Optimization Methods in Finance, 8.2), then
 * w = y / 1'y. As in PyPortfolioOpt, an L2 term applies to y.
 *
 * @throws KronosError `INFEASIBLE` when no asset earns more than the risk-free rate.
 * @example
 * ```ts
 * const result = maximizeSharpe({ covariance: [[0.04, 0], [0, 0.01]], expectedReturns: [0.1, 0.05] }, { riskFreeRate: 0 });
 * Array.from(result.weights, (w) => Number(w.toFixed(12))); //=> [0.333333333333, 0.666666666667]
 * ```
 */
export function maximizeSharpe(problem: PortfolioProblem, options: MaximizeSharpeOptions = {}): PortfolioResult {
  const normalised = normaliseProblem(problem);
  const returns = requireReturns(normalised, 'maximizeSharpe');
  if (normalised.turnover !== undefined) throw new KronosError('INVALID_INPUT', 'maximizeSharpe does not take a turnover term (the variable change makes it non-convex); use maximizeQuadraticUtility or efficientRisk.', {});
  const riskFreeRate = options.riskFreeRate ?? normalised.riskFreeRate;
  const { n, covariance, l2Gamma } = normalised;
  const quadratic = new Float64Array(n * n);
  for (let k = 0; k < n * n; k++) quadratic[k] = 2 * covariance[k]!;
  for (let i = 0; i < n; i++) quadratic[i * n + i] = quadratic[i * n + i]! + 2 * l2Gamma;
  const { inequalities, lower } = homogenise(normalised);
  const solution = solveQuadraticProgram({
    quadratic,
    equalities: [{ name: 'excess return above the risk-free rate', coefficients: returns.map((value) => value - riskFreeRate), value: 1 }],
    inequalities,
    lower,
    variableNames: normalised.tickers,
  });
  let scale = 0;
  for (const value of solution.x) scale += value;
  if (!(scale > 0)) throw new KronosError('INFEASIBLE', 'No allowed portfolio earns more than the risk-free rate; lower riskFreeRate or widen the bounds.', { riskFreeRate });
  return measurePortfolio(normalised, solution.x.map((value) => value / scale), riskFreeRate);
}

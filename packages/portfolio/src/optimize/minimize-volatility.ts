import { solveWeightProgram } from '../_internal/weight-program.js';
import { measurePortfolio, normaliseProblem, type PortfolioProblem, type PortfolioResult } from './portfolio-problem.js';

/**
 * The minimum-volatility portfolio: min w'Sw (+ L2 and turnover terms) with
 * weights summing to 1 under the problem's bounds, groups and constraints.
 *
 * @example
 * ```ts
 * const result = minimizeVolatility({ covariance: [[0.04, 0], [0, 0.01]] });
 * Array.from(result.weights, (w) => Number(w.toFixed(12))); //=> [0.2, 0.8]
 * result.volatility.toFixed(6); //=> '0.089443'
 * ```
 */
export function minimizeVolatility(problem: PortfolioProblem): PortfolioResult {
  const normalised = normaliseProblem(problem);
  const { weights } = solveWeightProgram(normalised, { varianceScale: 1, penaltyScale: 1, budget: 1 });
  return measurePortfolio(normalised, weights);
}

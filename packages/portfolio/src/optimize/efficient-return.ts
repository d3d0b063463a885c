import { KronosError } from '@kronos/core-ledger';
import { solveWeightProgram } from '../_internal/weight-program.js';
import { measurePortfolio, normaliseProblem, requireReturns, type PortfolioProblem, type PortfolioResult } from './portfolio-problem.js';

export interface EfficientReturnOptions {
  readonly marketNeutral?: boolean;
}

/**
 * The minimum-volatility portfolio whose expected return is at least
 * `targetReturn` (PyPortfolioOpt's efficient_return).
 *
 * @throws KronosError `INFEASIBLE` when no allowed portfolio reaches the target.
 * @example
 * ```ts
 * const result = efficientReturn({ covariance: [[0.04, 0], [0, 0.01]], expectedReturns: [0.1, 0.05] }, 0.08);
 * result.expectedReturn.toFixed(12); //=> '0.080000000000'
 * Array.from(result.weights, (w) => Number(w.toFixed(12))); //=> [0.6, 0.4]
 * ```
 */
export function efficientReturn(problem: PortfolioProblem, targetReturn: number, options: EfficientReturnOptions = {}): PortfolioResult {
  if (!Number.isFinite(targetReturn)) throw new KronosError('INVALID_INPUT', `targetReturn is ${targetReturn}; pass a finite number.`, { targetReturn });
  const normalised = normaliseProblem(problem);
  const returns = requireReturns(normalised, 'efficientReturn');
  const { weights } = solveWeightProgram(normalised, {
    varianceScale: 1,
    penaltyScale: 1,
    rows: [{ name: 'target return', row: returns, lower: targetReturn, upper: Infinity }],
    budget: options.marketNeutral === true ? 0 : 1,
  });
  return measurePortfolio(normalised, weights);
}

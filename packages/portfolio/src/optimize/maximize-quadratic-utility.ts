import { KronosError } from '@kronos/core-ledger';
import { solveWeightProgram } from '../_internal/weight-program.js';
import { measurePortfolio, normaliseProblem, requireReturns, type PortfolioProblem, type PortfolioResult } from './portfolio-problem.js';

export interface QuadraticUtilityOptions {
  /** delta in mu'w - delta/2 w'Sw (default 1). */
  readonly riskAversion?: number;
  /** Weights sum to 0 instead of 1 (needs negative lower bounds). */
  readonly marketNeutral?: boolean;
}

/**
 * Maximises the quadratic utility mu'w - delta/2 w'Sw (minus the L2 and
 * turnover terms).
 *
 * @example
 * ```ts
 * const result = maximizeQuadraticUtility(
 *   { covariance: [[0.04, 0], [0, 0.01]], expectedReturns: [0.1, 0.05] },
 *   { riskAversion: 4 },
 * );
 * Array.from(result.weights, (w) => Number(w.toFixed(12))); //=> [0.45, 0.55]
 * ```
 */
export function maximizeQuadraticUtility(problem: PortfolioProblem, options: QuadraticUtilityOptions = {}): PortfolioResult {
  const riskAversion = options.riskAversion ?? 1;
  if (!(riskAversion > 0)) throw new KronosError('INVALID_INPUT', `riskAversion is ${riskAversion}; pass a positive number.`, { riskAversion });
  const normalised = normaliseProblem(problem);
  const returns = requireReturns(normalised, 'maximizeQuadraticUtility');
  const linear = returns.map((value) => -value);
  const { weights } = solveWeightProgram(normalised, { varianceScale: riskAversion / 2, penaltyScale: 1, linear, budget: options.marketNeutral === true ? 0 : 1 });
  return measurePortfolio(normalised, weights);
}

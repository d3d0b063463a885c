import { KronosError } from '@kronos/core-ledger';
import { solveWeightProgram } from '../_internal/weight-program.js';
import { measurePortfolio, normaliseProblem, requireReturns, type PortfolioProblem, type PortfolioResult } from './portfolio-problem.js';

export interface EfficientRiskOptions {
  readonly marketNeutral?: boolean;
  /** Bound on root-finding steps over the trade-off parameter (default 200). */
  readonly iterationsMax?: number;
}

/** Doublings of the trade-off parameter before the target counts as out of reach. */
const doublingsMax = 80;

/**
 * The maximum-return portfolio whose volatility is at most `targetVolatility`
 * (PyPortfolioOpt's efficient_risk). The quadratic constraint is met through
 * its Lagrangian: w(s) = argmin w'Sw + s (penalties - mu'w), whose volatility
 * grows with s; an Illinois (regula falsi) search on s finds the point where
 * it equals the target to 1e-12 relative. When even the maximum-return
 * portfolio is below the target, that portfolio is returned.
 *
 * @throws KronosError `INFEASIBLE` when the target is below the minimum volatility.
 * @example
 * ```ts
 * const result = efficientRisk({ covariance: [[0.04, 0], [0, 0.01]], expectedReturns: [0.1, 0.05] }, 0.15);
 * result.volatility.toFixed(12); //=> '0.150000000000'
 * ```
 */
export function efficientRisk(problem: PortfolioProblem, targetVolatility: number, options: EfficientRiskOptions = {}): PortfolioResult {
  if (!(targetVolatility > 0)) throw new KronosError('INVALID_INPUT', `targetVolatility is ${targetVolatility}; pass a positive number.`, { targetVolatility });
  const normalised = normaliseProblem(problem);
  const returns = requireReturns(normalised, 'efficientRisk');
  const budget = options.marketNeutral === true ? 0 : 1;
  // For s > 1 the objective is divided by s so the QP's data stay of order 1.
  const at = (s: number): PortfolioResult => {
    const scaleDown = Math.max(1, s);
    const linear = returns.map((value) => (-s * value) / scaleDown);
    const objective = { varianceScale: 1 / scaleDown, penaltyScale: s / scaleDown, linear, budget };
    return measurePortfolio(normalised, solveWeightProgram(normalised, objective).weights);
  };
  const low = at(0);
  if (low.volatility > targetVolatility * (1 + 1e-12)) {
    throw new KronosError('INFEASIBLE', `No allowed portfolio has a volatility as low as ${targetVolatility}; the minimum is ${low.volatility}.`, { targetVolatility, minimumVolatility: low.volatility });
  }
  // s = infinity: the best return net of penalties, ignoring volatility.
  const linear = returns.map((value) => -value);
  const unconstrained = measurePortfolio(normalised, solveWeightProgram(normalised, { varianceScale: 0, penaltyScale: 1, linear, budget }).weights);
  if (unconstrained.volatility <= targetVolatility) return unconstrained;
  return searchTarget(at, low, targetVolatility, options.iterationsMax ?? 200);
}

function searchTarget(
  at: (s: number) => PortfolioResult,
  low: PortfolioResult,
  target: number,
  iterationsMax: number,
): PortfolioResult {
  let sLow = 0;
  let fLow = low.volatility - target;
  let sHigh = 1;
  let high = at(sHigh);
  for (let k = 0; k < doublingsMax && high.volatility < target; k++) {
    sLow = sHigh;
    fLow = high.volatility - target;
    sHigh *= 2;
    high = at(sHigh);
  }
  if (high.volatility < target) return high;
  let fHigh = high.volatility - target;
  let side = 0;
  let bestResult = high;
  for (let k = 0; k < iterationsMax; k++) {
    const s = (sLow * fHigh - sHigh * fLow) / (fHigh - fLow);
    const result = at(s);
    const f = result.volatility - target;
    if (Math.abs(f) < Math.abs(bestResult.volatility - target)) bestResult = result;
    if (Math.abs(f) <= 1e-12 * target || sHigh - sLow <= 1e-15 * sHigh) return result;
    if (f > 0) {
      sHigh = s;
      fHigh = f;
      if (side === 1) fLow /= 2;
      side = 1;
    } else {
      sLow = s;
      fLow = f;
      if (side === -1) fHigh /= 2;
      side = -1;
    }
  }
  return bestResult;
}

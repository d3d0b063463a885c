import { KronosError } from '@kronos/core-ledger';
import { solveWeightProgram } from '../_internal/weight-program.js';
import { efficientReturn } from './efficient-return.js';
import { maximizeSharpe } from './maximize-sharpe.js';
import { minimizeVolatility } from './minimize-volatility.js';
import { measurePortfolio, normaliseProblem, requireReturns, type PortfolioProblem, type PortfolioResult } from './portfolio-problem.js';

export interface EfficientFrontierOptions {
  /** Number of points, at least 2 (default 20). */
  readonly points?: number;
}

/** The frontier in a shape a chart library takes as is. */
export interface EfficientFrontier {
  /** Frontier portfolios from minimum volatility to maximum return, returns evenly spaced. */
  readonly portfolios: readonly PortfolioResult[];
  /** x = volatility, y = expected return, one per portfolio. */
  readonly series: readonly { readonly x: number; readonly y: number; readonly sharpe: number }[];
  readonly minimumVolatility: PortfolioResult;
  /** The tangency portfolio, marked on the chart. */
  readonly maximumSharpe: PortfolioResult;
  readonly marker: { readonly x: number; readonly y: number; readonly label: 'max Sharpe' };
}

/** Upper bound on frontier points (each is one QP). */
export const frontierPointsMax = 1000;

/**
 * The efficient frontier as N portfolios whose target returns are evenly
 * spaced from the minimum-volatility portfolio's return to the highest
 * return the constraints allow, with the max-Sharpe portfolio marked.
 *
 * @example
 * ```ts
 * const frontier = computeEfficientFrontier({ covariance: [[0.04, 0], [0, 0.01]], expectedReturns: [0.1, 0.05] }, { points: 5 });
 * frontier.series.length; //=> 5
 * frontier.marker.label; //=> 'max Sharpe'
 * ```
 */
export function computeEfficientFrontier(problem: PortfolioProblem, options: EfficientFrontierOptions = {}): EfficientFrontier {
  const count = options.points ?? 20;
  if (!(Number.isInteger(count) && count >= 2 && count <= frontierPointsMax)) {
    throw new KronosError('INVALID_INPUT', `points is ${count}; pass an integer from 2 to ${frontierPointsMax}.`, { points: count });
  }
  const normalised = normaliseProblem(problem);
  const returns = requireReturns(normalised, 'computeEfficientFrontier');
  const minimumVolatility = minimizeVolatility(problem);
  const top = measurePortfolio(normalised, solveWeightProgram(normalised, { varianceScale: 0, penaltyScale: 0, linear: returns.map((v) => -v), budget: 1 }).weights);
  // The highest return comes from an LP solved to KKT residuals of 1e-10, so
  // the last target backs off by 1e-9 relative to stay feasible.
  const topReturn = top.expectedReturn - 1e-9 * Math.max(1, Math.abs(top.expectedReturn));
  const portfolios: PortfolioResult[] = [minimumVolatility];
  for (let k = 1; k < count; k++) {
    const target = minimumVolatility.expectedReturn + ((topReturn - minimumVolatility.expectedReturn) * k) / (count - 1);
    portfolios.push(target <= minimumVolatility.expectedReturn ? minimumVolatility : efficientReturn(problem, target));
  }
  const maximumSharpe = maximizeSharpe(problem);
  return {
    portfolios,
    series: portfolios.map((p) => ({ x: p.volatility, y: p.expectedReturn, sharpe: p.sharpe })),
    minimumVolatility,
    maximumSharpe,
    marker: { x: maximumSharpe.volatility, y: maximumSharpe.expectedReturn, label: 'max Sharpe' },
  };
}

export {
  cumulativeReturns,
  annualReturn,
  annualVolatility,
  sharpeRatio,
  downsideRisk,
  sortinoRatio,
  trackingError,
  informationRatio,
  type PeriodOptions,
  type PeriodRate,
  type DownsideOptions,
} from './ratios.js';
export { drawdownDetails, maxDrawdown, calmarRatio, type DrawdownDetails } from './drawdown.js';
export { beta, alpha, alphaBeta, type BenchmarkOptions } from './benchmarkRelative.js';
export {
  historicalVar,
  historicalCvar,
  gaussianVar,
  cornishFisherVar,
  monteCarloVar,
  monteCarloScenariosMax,
  type VarOptions,
  type MonteCarloVarOptions,
} from './valueAtRisk.js';
export { rollMetric, rollPairMetric, rollingVolatility, rollingSharpeRatio, rollingMaxDrawdown, rollingWindowMax } from './rolling.js';
export { correlationMatrix } from './correlationMatrix.js';
export { parametricPortfolioRisk, type PortfolioRiskOptions, type PortfolioRisk } from './portfolioRisk.js';

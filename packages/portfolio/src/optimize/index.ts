export { computeEfficientFrontier, frontierPointsMax, type EfficientFrontier, type EfficientFrontierOptions } from './efficient-frontier.js';
export { efficientReturn, type EfficientReturnOptions } from './efficient-return.js';
export { efficientRisk, type EfficientRiskOptions } from './efficient-risk.js';
export { maximizeQuadraticUtility, type QuadraticUtilityOptions } from './maximize-quadratic-utility.js';
export { maximizeSharpe, type MaximizeSharpeOptions } from './maximize-sharpe.js';
export { minimizeVolatility } from './minimize-volatility.js';
export { type PortfolioProblem, type PortfolioResult, type WeightConstraint, type WeightGroup } from './portfolio-problem.js';
export { riskParity, type RiskParityOptions, type RiskParityResult } from './risk-parity.js';
export { hierarchicalRiskParity, type HierarchicalRiskParityOptions, type HierarchicalRiskParityResult, type LinkageRow } from './hierarchical-risk-parity.js';

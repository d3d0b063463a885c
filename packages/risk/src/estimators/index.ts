export {
  meanHistoricalReturn,
  emaHistoricalReturn,
  capmReturn,
  type AssetVector,
  type ExpectedReturnOptions,
  type EmaReturnOptions,
  type CapmReturnOptions,
} from './expectedReturns.js';
export {
  sampleCovariance,
  semicovariance,
  exponentialCovariance,
  covarianceToCorrelation,
  correlationToCovariance,
  type CovarianceEstimate,
  type CovarianceOptions,
  type SemicovarianceOptions,
  type ExponentialCovarianceOptions,
} from './covariance.js';
export {
  shrunkCovariance,
  ledoitWolfCovariance,
  oracleApproximatingCovariance,
  type ShrunkCovarianceOptions,
  type LedoitWolfTarget,
  type LedoitWolfOptions,
} from './shrinkage.js';

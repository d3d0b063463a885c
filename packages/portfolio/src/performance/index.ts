export { compareToBenchmark, computeTimeWeightedReturn, valuationsMax, type BenchmarkComparison, type TimeWeightedReturn, type Valuation } from './time-weighted-return.js';
export { computeXirr, xirrIterationsMax, type DatedFlow } from './xirr.js';
export { computeContributionByAsset, contributionPeriodsMax, type AssetPeriod, type ContributionByAsset } from './contribution-by-asset.js';

/**
 * @kronos/risk: numeric kernels, return and covariance estimators, risk
 * metrics, stress tests, limit monitoring and the risk questionnaire.
 */
export { KronosError, isKronosError, type KronosErrorCode } from './errors/index.js';
export * from './linalg/index.js';
export * from './random/index.js';
export { erfc, normalPdf, normalCdf, normalQuantile } from './distributions/normal.js';
export * from './returns/index.js';
export * from './estimators/index.js';
export * from './metrics/index.js';
export * from './stress/index.js';
export * from './limits/index.js';
export * from './questionnaire/index.js';

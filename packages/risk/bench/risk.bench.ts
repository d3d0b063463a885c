/**
 * Risk benchmarks: every metric over 20 years of daily returns for 500 assets,
 * a 500x500 covariance from 5,000 days, normal and lognormal draws per second
 * (the WebAssembly kernel against the JavaScript path), and our
 * Float64Array kernels against ml-matrix. Prints `bench risk <case> <value> <unit>`.
 */
import { CholeskyDecomposition, EigenvalueDecomposition, Matrix as MlMatrix } from 'ml-matrix';
// The kernel comparison switches paths inside the package, so it imports the package's source.
import * as source from '../src/index.js';
import { disableSampleKernel } from '../src/random/kernel/kernel.js';
import {
  alphaBeta,
  annualReturn,
  annualVolatility,
  calmarRatio,
  choleskyDecompose,
  cornishFisherVar,
  createMatrix,
  createRng,
  drawdownDetails,
  eigenSymmetric,
  fillNormal,
  gaussianVar,
  historicalCvar,
  historicalVar,
  informationRatio,
  ledoitWolfCovariance,
  multiplyMatrices,
  oracleApproximatingCovariance,
  rollingMaxDrawdown,
  rollingSharpeRatio,
  rollingVolatility,
  sampleCovariance,
  sharpeRatio,
  sortinoRatio,
  trackingError,
  type SeriesTable,
} from '@kronos/risk';

const report = (name: string, value: number, unit: string) => console.log(`bench risk ${name} ${Number(value.toPrecision(4))} ${unit}`);

function time(run: () => unknown, repeats = 1): number {
  run(); // warm-up
  const start = performance.now();
  for (let i = 0; i < repeats; i++) run();
  return (performance.now() - start) / repeats;
}

/** Synthetic returns from a one-factor model (market + idiosyncratic), reproducible from a seed. */
function syntheticReturns(days: number, assets: number, seed: string): { table: SeriesTable; market: Float64Array; columns: Float64Array[] } {
  const rng = createRng(seed);
  const market = fillNormal(rng, new Float64Array(days)).map((z) => 0.0003 + 0.01 * z);
  const noise = new Float64Array(days);
  const columns: Float64Array[] = [];
  for (let a = 0; a < assets; a++) {
    fillNormal(rng, noise);
    const betaA = 0.5 + a / assets;
    columns.push(market.map((m, t) => betaA * m + 0.015 * noise[t]!));
  }
  const values = new Float64Array(days * assets);
  for (let t = 0; t < days; t++) for (let a = 0; a < assets; a++) values[t * assets + a] = columns[a]![t]!;
  const dates = Array.from({ length: days }, (_, t) => new Date(Date.UTC(2000, 0, 1 + t)).toISOString().slice(0, 10));
  return { table: { dates, columns: columns.map((_, a) => `A${a}`), values }, market, columns };
}

const assets = 500;
const days20y = 252 * 20;
const { columns, market } = syntheticReturns(days20y, assets, 'bench-metrics');

const metrics: [string, (r: Float64Array) => unknown][] = [
  ['annual_return', (r) => annualReturn(r)],
  ['annual_volatility', (r) => annualVolatility(r)],
  ['sharpe', (r) => sharpeRatio(r, { riskFree: 0.0001 })],
  ['sortino', (r) => sortinoRatio(r)],
  ['calmar', (r) => calmarRatio(r)],
  ['max_drawdown_details', (r) => drawdownDetails(r)],
  ['var_historical_95', (r) => historicalVar(r)],
  ['cvar_historical_95', (r) => historicalCvar(r)],
  ['var_gaussian_99', (r) => gaussianVar(r, { confidence: 0.99 })],
  ['var_cornish_fisher_99', (r) => cornishFisherVar(r, { confidence: 0.99 })],
  ['alpha_beta', (r) => alphaBeta(r, market)],
  ['tracking_error', (r) => trackingError(r, market)],
  ['information_ratio', (r) => informationRatio(r, market)],
  ['rolling_sharpe_252d', (r) => rollingSharpeRatio(r, 252)],
  ['rolling_volatility_252d', (r) => rollingVolatility(r, 252)],
  ['rolling_max_drawdown_252d', (r) => rollingMaxDrawdown(r, 252)],
];
let allMetricsMs = 0;
for (const [name, metric] of metrics) {
  const ms = time(() => {
    for (const r of columns) metric(r);
  });
  allMetricsMs += ms;
  report(`${name}_500_assets_20y_daily`, ms, 'ms');
}
report('all_metrics_500_assets_20y_daily', allMetricsMs, 'ms');

const covData = syntheticReturns(5000, assets, 'bench-cov').table;
report('sample_cov_500x500_5000d', time(() => sampleCovariance(covData)), 'ms');
report('ledoit_wolf_cov_500x500_5000d', time(() => ledoitWolfCovariance(covData)), 'ms');
report('ledoit_wolf_single_factor_cov_500x500_5000d', time(() => ledoitWolfCovariance(covData, { target: 'singleFactor' })), 'ms');
report('ledoit_wolf_constant_correlation_cov_500x500_5000d', time(() => ledoitWolfCovariance(covData, { target: 'constantCorrelation' })), 'ms');
report('oas_cov_500x500_5000d', time(() => oracleApproximatingCovariance(covData)), 'ms');

const draws = new Float64Array(10_000_000);
const drawRng = createRng('bench-normals');
const normalMs = time(() => fillNormal(drawRng, draws), 3);
report('normal_draws_per_second', draws.length / (normalMs / 1000) / 1e6, 'M/s');
const uniformMs = time(() => {
  for (let i = 0; i < draws.length; i++) draws[i] = drawRng.nextFloat64();
}, 3);
report('uniform_float64_per_second', draws.length / (uniformMs / 1000) / 1e6, 'M/s');

// The WebAssembly kernel against the package's JavaScript path (the same numbers), in this process.
const kernelRows = 5_000_000;
const gross = new Float64Array(kernelRows * 2);
const twoAssets = source.createMultivariateLognormal([0.0045, 0.0024], source.matrixFromRows([[0.0027, 0.00015], [0.00015, 0.0003]]));
const timed = (javascript: boolean, draw: () => void): number => {
  disableSampleKernel(javascript);
  try {
    return time(draw, 3);
  } finally {
    disableSampleKernel(false);
  }
};
const kernelNormalMs = timed(false, () => source.fillNormal(drawRng, draws));
const javascriptNormalMs = timed(true, () => source.fillNormal(drawRng, draws));
report('normal_draws_kernel_vs_javascript', kernelNormalMs / javascriptNormalMs, 'ratio');
const kernelLognormalMs = timed(false, () => twoAssets.sampleMany(drawRng, kernelRows, gross));
const javascriptLognormalMs = timed(true, () => twoAssets.sampleMany(drawRng, kernelRows, gross));
report('lognormal_2_assets_rows_per_second', kernelRows / (kernelLognormalMs / 1000) / 1e6, 'M/s');
report('lognormal_2_assets_kernel_vs_javascript', kernelLognormalMs / javascriptLognormalMs, 'ratio');

// Our kernels against ml-matrix (the maintained pure-JS alternative), same 500x500 SPD matrix.
const cov = sampleCovariance(covData).matrix;
const rows = Array.from({ length: assets }, (_, i) => Array.from(cov.data.subarray(i * assets, (i + 1) * assets)));
const ml = new MlMatrix(rows);
const ours = { cholesky: time(() => choleskyDecompose(cov), 3), matmul: time(() => multiplyMatrices(cov, cov), 3) };
const theirs = { cholesky: time(() => new CholeskyDecomposition(ml), 3), matmul: time(() => ml.mmul(ml), 3) };
report('cholesky_500_ms', ours.cholesky, 'ms');
report('cholesky_500_vs_ml_matrix', ours.cholesky / theirs.cholesky, 'ratio');
report('matmul_500_ms', ours.matmul, 'ms');
report('matmul_500_vs_ml_matrix', ours.matmul / theirs.matmul, 'ratio');
const small = createMatrix(200, 200, Float64Array.from({ length: 200 * 200 }, (_, k) => cov.data[Math.floor(k / 200) * assets + (k % 200)]!));
const smallMl = new MlMatrix(Array.from({ length: 200 }, (_, i) => Array.from(small.data.subarray(i * 200, (i + 1) * 200))));
const eigenOurs = time(() => eigenSymmetric(small), 3);
const eigenTheirs = time(() => new EigenvalueDecomposition(smallMl, { assumeSymmetric: true }), 3);
report('eigen_symmetric_200_ms', eigenOurs, 'ms');
report('eigen_symmetric_200_vs_ml_matrix', eigenOurs / eigenTheirs, 'ratio');

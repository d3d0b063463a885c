/**
 * Minimum volatility and maximum Sharpe (long only) for 20 assets (real data,
 * stock_prices.csv through @kronos/risk's estimators), then 50, 500 and 2,000
 * assets of a seeded 10-factor model, against scipy's SLSQP solving the same
 * problems in the same run (bench/scipy_reference.py). Prints
 * `bench portfolio <case> <value> <unit>`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeReturns, createRng, meanHistoricalReturn, nextNormal, parseSeriesCsv, sampleCovariance } from '@kronos/risk';
import { maximizeSharpe, minimizeVolatility } from '@kronos/portfolio';

const riskFreeRate = 0.02;
/** scipy's SLSQP is O(n^3) per iteration: past this size it takes minutes, so the ratio is skipped. */
const scipyAssetsMax = 500;

interface Problem {
  readonly covariance: Float64Array;
  readonly expectedReturns: Float64Array;
}

function realProblem(): Problem {
  const text = readFileSync(new URL('../test-data/stock_prices.csv', import.meta.url), 'utf8');
  const returns = computeReturns(parseSeriesCsv(text));
  return { covariance: Float64Array.from(sampleCovariance(returns).matrix.data), expectedReturns: Float64Array.from(meanHistoricalReturn(returns).values) };
}

/** S = B B' / k + diag(d): a 10-factor model, annual volatilities about 15-40%. */
function factorProblem(n: number, seed: string): Problem {
  const rng = createRng(seed);
  const factors = 10;
  const loadings = Float64Array.from({ length: n * factors }, () => 0.08 * nextNormal(rng));
  const covariance = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let f = 0; f < factors; f++) sum += loadings[i * factors + f]! * loadings[j * factors + f]!;
      covariance[i * n + j] = sum;
      covariance[j * n + i] = sum;
    }
    covariance[i * n + i] = covariance[i * n + i]! + 0.02 + 0.04 * rng.nextFloat64();
  }
  const expectedReturns = Float64Array.from({ length: n }, () => 0.03 + 0.12 * rng.nextFloat64());
  return { covariance, expectedReturns };
}

/**
 * Median wall and CPU milliseconds of `run` after a warm-up, over enough
 * repeats to fill about 300 ms (at least `samplesMin`, at most 200). CPU time
 * (process.cpuUsage) is steadier than wall time on a shared, loaded machine.
 */
function time(run: () => unknown, samplesMin: number): { wallMs: number; cpuMs: number } {
  run();
  const wall: number[] = [];
  const cpu: number[] = [];
  const started = performance.now();
  for (let k = 0; k < 200 && (k < samplesMin || performance.now() - started < 300); k++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    run();
    const used = process.cpuUsage(c0);
    cpu.push((used.user + used.system) / 1000);
    wall.push(performance.now() - t0);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1]!;
  return { wallMs: median(wall), cpuMs: median(cpu) };
}

function scipy(problem: Problem): { minVolMs: number; maxSharpeMs: number } | string {
  const n = problem.expectedReturns.length;
  const directory = mkdtempSync(join(tmpdir(), 'kronos-bench-'));
  const file = join(directory, 'problem.json');
  const rows = Array.from({ length: n }, (_, i) => Array.from(problem.covariance.subarray(i * n, i * n + n)));
  writeFileSync(file, JSON.stringify({ covariance: rows, expectedReturns: Array.from(problem.expectedReturns), riskFreeRate }));
  const script = new URL('./scipy_reference.py', import.meta.url).pathname;
  // One BLAS thread: node runs on one core, and threaded BLAS on small
  // matrices only adds contention on a shared machine.
  const env = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  const run = spawnSync('python3', [script, file, n >= 500 ? '1' : '3'], { encoding: 'utf8', timeout: 600_000, env });
  rmSync(directory, { recursive: true, force: true });
  if (run.error !== undefined || run.status !== 0) return `python3 with numpy/scipy not available (${run.error?.message ?? run.stderr.trim().split('\n').at(-1)})`;
  return JSON.parse(run.stdout) as { minVolMs: number; maxSharpeMs: number };
}

const cases: [string, () => Problem][] = [
  ['20_real', realProblem],
  ['50', () => factorProblem(50, 'bench-50')],
  ['500', () => factorProblem(500, 'bench-500')],
  ['2000', () => factorProblem(2000, 'bench-2000')],
];
console.log(`# load average ${loadavg().map((v) => v.toFixed(1)).join(' ')} on ${cpus().length} cores: figures scale with it`);
for (const [name, make] of cases) {
  const problem = make();
  const input = { covariance: problem.covariance, expectedReturns: problem.expectedReturns, riskFreeRate };
  const samplesMin = problem.expectedReturns.length >= 2000 ? 1 : 3;
  const minVol = time(() => minimizeVolatility(input), samplesMin);
  const maxSharpe = time(() => maximizeSharpe(input), samplesMin);
  const minVolMs = minVol.wallMs;
  const maxSharpeMs = maxSharpe.wallMs;
  console.log(`bench portfolio min_volatility_${name} ${minVolMs.toFixed(3)} ms`);
  console.log(`bench portfolio max_sharpe_${name} ${maxSharpeMs.toFixed(3)} ms`);
  console.log(`bench portfolio min_volatility_${name}_cpu ${minVol.cpuMs.toFixed(3)} ms`);
  console.log(`bench portfolio max_sharpe_${name}_cpu ${maxSharpe.cpuMs.toFixed(3)} ms`);
  if (problem.expectedReturns.length > scipyAssetsMax) {
    console.log(`# scipy ratio skipped at ${problem.expectedReturns.length} assets: SLSQP is O(n^3) per iteration and takes minutes there`);
    continue;
  }
  const reference = scipy(problem);
  if (typeof reference === 'string') {
    console.log(`# scipy ratio skipped: ${reference}`);
    continue;
  }
  console.log(`bench portfolio min_volatility_${name}_vs_scipy ${(minVolMs / reference.minVolMs).toFixed(4)} ratio`);
  console.log(`bench portfolio max_sharpe_${name}_vs_scipy ${(maxSharpeMs / reference.maxSharpeMs).toFixed(4)} ratio`);
}

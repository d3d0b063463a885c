import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { KronosError } from '../_internal/errors.js';
import type { SimulationOptionsInput, SimulationProgress } from '../engine/options.js';
import { pathsPerBlock } from '../engine/pathBlocks.js';
import { finishSimulation, prepareSimulation, type SimulationResult } from '../engine/simulateGoal.js';
import { bandPoint, type BandPoint, type PathOutcomes } from '../engine/summarise.js';
import type { CashflowPlan } from '../model/compilePlan.js';
import { createReturnModel, type ReturnModelSpec } from '../returns/createReturnModel.js';
import type { RangeReply, RangeRequest } from './pathWorker.js';

/** Threads are capped here whatever the host asks: more would only queue on the cores. */
const workersMax = 64;

/**
 * `simulateGoal` spread over worker threads started on `entry` (the module
 * that calls `serveRange` in a worker: `@kronos/goals/node` itself). Paths are split by whole blocks,
 * and block b always draws from sub-stream b of the seed, so the result is
 * identical to the one-thread run for the same seed, whatever the number of
 * workers. The model is passed as a `ReturnModelSpec` (plain data).
 *
 * @example
 * const result = await runParallel(entryUrl, plan, { kind: 'lognormal', parameters: { driftPerYear: [0.06], covariancePerYear: [[0.04]] } }, { seed: 1 }, { workers: 2 });
 * result.paths //=> 10000
 */
export async function runParallel(
  entry: URL,
  plan: CashflowPlan,
  spec: ReturnModelSpec,
  options: SimulationOptionsInput,
  threading: { workers?: number; onProgress?: (progress: SimulationProgress) => void } = {},
): Promise<SimulationResult> {
  const model = createReturnModel(spec);
  const run = prepareSimulation(plan, model, options);
  const blockCount = Math.ceil(run.paths / pathsPerBlock);
  const workers = Math.max(1, Math.min(threading.workers ?? availableParallelism(), blockCount, workersMax));
  const ranges = Array.from({ length: workers }, (_, w) => {
    const firstBlock = Math.floor((w * blockCount) / workers);
    return { firstBlock, blockCount: Math.floor(((w + 1) * blockCount) / workers) - firstBlock };
  });
  const done = new Array<number>(workers).fill(0);
  const replies = await Promise.all(
    ranges.map((range, w) =>
      runWorker(entry, { plan, spec, options: run.settings, paths: run.paths, ...range }, (monthsDone) => {
        done[w] = monthsDone;
        const least = Math.min(...done);
        threading.onProgress?.({ monthsDone: least, horizonMonths: plan.horizonMonths, fraction: least / plan.horizonMonths });
      }),
    ),
  );
  return assemble(plan, model, run, replies);
}

function assemble(plan: CashflowPlan, model: ReturnType<typeof createReturnModel>, run: ReturnType<typeof prepareSimulation>, replies: RangeReply[]): SimulationResult {
  const n = run.paths;
  const columns = run.schedule.columnMonths.length;
  const all = new Float64Array(columns * n);
  const outcomes: PathOutcomes = { wealth: new Float64Array(n), priceIndex: new Float64Array(n), depletionMonth: new Int32Array(n), essentialFailed: new Uint8Array(n), unpaidReal: new Float64Array(n) };
  for (const reply of replies) {
    const count = reply.wealth.length;
    for (let c = 0; c < columns; c++) all.set(reply.columns.subarray(c * count, (c + 1) * count), c * n + reply.firstPath);
    outcomes.wealth.set(reply.wealth, reply.firstPath);
    outcomes.priceIndex.set(reply.priceIndex, reply.firstPath);
    outcomes.depletionMonth.set(reply.depletionMonth, reply.firstPath);
    outcomes.essentialFailed.set(reply.essentialFailed, reply.firstPath);
    outcomes.unpaidReal.set(reply.unpaidReal, reply.firstPath);
  }
  const points: BandPoint[] = [bandPoint(plan, 0, new Float64Array(n).fill(plan.initialWealth), run.settings.percentiles)];
  run.schedule.columnMonths.forEach((month, c) => points.push(bandPoint(plan, month, all.slice(c * n, (c + 1) * n), run.settings.percentiles)));
  return finishSimulation(plan, model, run, outcomes, points, run.settings.keepPaths ? all : null);
}

function runWorker(entry: URL, request: RangeRequest, onMonths: (monthsDone: number) => void): Promise<RangeReply> {
  const workerData = { ...request, kronosGoalsRange: true };
  // Run from source (the package's own tests), the entry is TypeScript: load it through the workspace's tsx loader.
  const worker = entry.pathname.endsWith('.ts')
    ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`, { eval: true, workerData })
    : new Worker(entry, { workerData });
  return new Promise((resolve, reject) => {
    worker.on('message', (message: { type: 'progress'; monthsDone: number } | { type: 'done'; reply: RangeReply } | { type: 'error'; code: string; message: string; details: Record<string, unknown> }) => {
      if (message.type === 'progress') onMonths(message.monthsDone);
      else if (message.type === 'done') {
        resolve(message.reply);
        void worker.terminate();
      } else reject(new KronosError(message.code, message.message, message.details));
    });
    worker.on('error', (error) => reject(new KronosError('WORKER_FAILED', `A simulation worker failed: ${error.message}. Run simulateGoal on one thread to see the cause.`, { script: fileURLToPath(entry) })));
  });
}

/**
 * @kronos/goals/node: Node-only helpers (worker-thread parallelism).
 */
import { pathToFileURL } from 'node:url';
import { isMainThread, workerData } from 'node:worker_threads';
import type { SimulationOptionsInput, SimulationProgress } from '../engine/options.js';
import type { SimulationResult } from '../engine/simulateGoal.js';
import type { CashflowPlan } from '../model/compilePlan.js';
import type { ReturnModelSpec } from '../returns/createReturnModel.js';
import { isRangeRequest, serveRange } from './pathWorker.js';
import { runParallel } from './simulateGoalParallel.js';

export type { RangeRequest, RangeReply } from './pathWorker.js';

/** This module's own file: workers start on it (CJS has __filename, ESM import.meta.url). */
function entryUrl(): URL {
  return typeof __filename === 'string' ? pathToFileURL(__filename) : new URL(import.meta.url);
}

/**
 * `simulateGoal` spread over worker threads. Paths are split by whole blocks,
 * and block b always draws from sub-stream b of the seed, so the result is
 * identical to the one-thread run for the same seed, whatever the number of
 * workers. The model is passed as a `ReturnModelSpec` (plain data).
 *
 * @throws KronosError as `simulateGoal` does; `WORKER_FAILED` when a thread dies.
 * @example
 * ```ts no-run
 * // Node only (`@kronos/goals/node`), so the docs harness, which loads the main entries, does not run it.
 * const result = await simulateGoalParallel(plan, { kind: 'lognormal', parameters: { driftPerYear: [0.06], covariancePerYear: [[0.04]] } }, { seed: 1 }, { workers: 2 });
 * result.paths //=> 10000
 * ```
 */
export function simulateGoalParallel(
  plan: CashflowPlan,
  spec: ReturnModelSpec,
  options: SimulationOptionsInput,
  threading: { workers?: number; onProgress?: (progress: SimulationProgress) => void } = {},
): Promise<SimulationResult> {
  return runParallel(entryUrl(), plan, spec, options, threading);
}

if (!isMainThread && isRangeRequest(workerData)) serveRange(workerData);

import { parentPort } from 'node:worker_threads';
import { isKronosError } from '@kronos/risk';
import type { SimulationOptions } from '../engine/options.js';
import { pathsPerBlock } from '../engine/pathBlocks.js';
import { prepareSimulation, runPathRange } from '../engine/simulateGoal.js';
import type { CashflowPlan } from '../model/compilePlan.js';
import { createReturnModel, type ReturnModelSpec } from '../returns/createReturnModel.js';

/** What a worker is asked to run: a contiguous range of blocks. */
export interface RangeRequest {
  readonly plan: CashflowPlan;
  readonly spec: ReturnModelSpec;
  readonly options: SimulationOptions;
  readonly paths: number;
  readonly firstBlock: number;
  readonly blockCount: number;
}

/** What it sends back: the range's year-end columns (columns x range paths) and end states. */
export interface RangeReply {
  readonly firstPath: number;
  readonly columns: Float64Array;
  readonly wealth: Float64Array;
  readonly priceIndex: Float64Array;
  readonly depletionMonth: Int32Array;
  readonly essentialFailed: Uint8Array;
  readonly unpaidReal: Float64Array;
}

function runRange(request: RangeRequest): RangeReply {
  const model = createReturnModel(request.spec);
  const run = prepareSimulation(request.plan, model, { ...request.options, paths: request.paths });
  const count = Math.min(request.paths - request.firstBlock * pathsPerBlock, request.blockCount * pathsPerBlock);
  const columns = new Float64Array(run.schedule.columnMonths.length * count);
  const blocks = runPathRange(request.plan, model, run, request.firstBlock, request.blockCount, (index, month, column) => {
    columns.set(column, index * column.length);
    parentPort?.postMessage({ type: 'progress', monthsDone: month });
  });
  return {
    firstPath: blocks.firstPath,
    columns,
    wealth: blocks.wealth,
    priceIndex: blocks.priceIndex,
    depletionMonth: blocks.depletionMonth,
    essentialFailed: blocks.essentialFailed,
    unpaidReal: blocks.unpaidReal,
  };
}

/** True for the `workerData` of a range request, so the entry module knows it runs as a worker. */
export function isRangeRequest(data: unknown): data is RangeRequest & { kronosGoalsRange: true } {
  return typeof data === 'object' && data !== null && (data as { kronosGoalsRange?: unknown }).kronosGoalsRange === true;
}

/** Runs a range in this worker thread and posts the reply (or the error) to the parent. */
export function serveRange(request: RangeRequest): void {
  try {
    const reply = runRange(request);
    const buffers = [reply.columns, reply.wealth, reply.priceIndex, reply.depletionMonth, reply.essentialFailed, reply.unpaidReal].map((array) => array.buffer as ArrayBuffer);
    parentPort?.postMessage({ type: 'done', reply }, buffers);
  } catch (error) {
    const known = isKronosError(error);
    parentPort?.postMessage({
      type: 'error',
      code: known ? error.code : 'WORKER_FAILED',
      message: error instanceof Error ? error.message : String(error),
      details: known ? { ...error.details } : {},
    });
  }
}

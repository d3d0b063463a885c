import { createRng } from '@kronos/risk';
import { KronosError } from '../_internal/errors.js';
import type { CashflowPlan } from '../model/compilePlan.js';
import type { ReturnModel } from '../returns/model.js';
import { SimulationOptionsSchema, type SimulationOptions, type SimulationOptionsInput, type SimulationProgress } from './options.js';
import { createPathBlocks, pathsPerBlock, type PathBlocks } from './pathBlocks.js';
import { buildSchedule, type Schedule } from './schedule.js';
import { bandPoint, summariseOutcomes, type BandPoint, type PathOutcomes, type SimulationSummary } from './summarise.js';

/** A simulation's summary, plus every path's year-end values when `keepPaths` was set. */
export interface SimulationResult extends SimulationSummary {
  readonly seed: string | number;
  readonly horizonMonths: number;
  readonly model: string;
  /** Row-major `columns x paths` year-end values (the months of `bands.points` after month 0), when kept. */
  readonly yearEndValues: Float64Array | null;
}

/**
 * Runs the Monte Carlo simulation of a plan on one thread: `paths` paths of
 * monthly steps, seeded. Statistics are streamed: only the current year-end
 * column of N values is held to take exact percentiles, unless `keepPaths`.
 * `@kronos/goals/node` spreads the same work over worker threads with
 * identical results.
 *
 * @throws KronosError `INVALID_INPUT` on bad options or weights that do not fit the model.
 * @example
 * ```ts
 * const plan = compilePlan(parseGoal({ type: 'wealthBuilding', id: 'g', asOf: '2026-01-01', target: '150000', date: '2036-01-01', currentAssets: { kind: 'given', amount: '100000' }, inflation: { kind: 'fixed', ratePerYear: 0 } }), '100000');
 * const result = simulateGoal(plan, createLognormalModel({ driftPerYear: [0.06], covariancePerYear: [[0.04]] }), { seed: 'doc', paths: 2000 });
 * result.bands.points.length //=> 11
 * Math.abs(result.success.probability - gbmProbabilityAbove(100000, 150000, 0.06, 0.2, 10)) < 4 * result.success.standardError //=> true
 * ```
 */
export function simulateGoal(plan: CashflowPlan, model: ReturnModel, options: SimulationOptionsInput, onProgress?: (progress: SimulationProgress) => void): SimulationResult {
  const run = prepareSimulation(plan, model, options);
  const { settings, paths } = run;
  const kept = settings.keepPaths ? new Float64Array(run.schedule.columnMonths.length * paths) : null;
  const points: BandPoint[] = [bandPoint(plan, 0, new Float64Array(paths).fill(plan.initialWealth), settings.percentiles)];
  const outcomes = runPathRange(plan, model, run, 0, Math.ceil(paths / pathsPerBlock), (index, month, column) => {
    kept?.set(column, index * paths);
    points.push(bandPoint(plan, month, column, settings.percentiles));
    onProgress?.({ monthsDone: month, horizonMonths: plan.horizonMonths, fraction: month / plan.horizonMonths });
  });
  return finishSimulation(plan, model, run, outcomes, points, kept);
}

/** Validated options, the shared schedule and the number of paths a run uses. */
export interface PreparedSimulation {
  readonly settings: SimulationOptions;
  readonly schedule: Schedule;
  readonly paths: number;
}

/** Validates options and builds the shared schedule. */
export function prepareSimulation(plan: CashflowPlan, model: ReturnModel, options: SimulationOptionsInput): PreparedSimulation {
  const parsed = SimulationOptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new KronosError('INVALID_INPUT', `Simulation options are not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    });
  }
  const settings = parsed.data;
  const allocation = settings.allocation ?? { kind: 'fixed' as const, weights: new Array<number>(model.assetCount).fill(1) };
  const schedule = buildSchedule(plan, model.assetCount, allocation, settings.rebalanceEveryMonths);
  return { settings, schedule, paths: model.pathCountFixed ?? settings.paths };
}

/**
 * Runs blocks `firstBlock .. firstBlock + blockCount - 1` through every month,
 * handing each year-end column of the range's values (real or nominal, as
 * asked) to `onColumn` (the array is reused: copy what you keep).
 */
export function runPathRange(plan: CashflowPlan, model: ReturnModel, run: PreparedSimulation, firstBlock: number, blockCount: number, onColumn: (index: number, month: number, column: Float64Array) => void): PathBlocks {
  const seed = run.settings.seed;
  const roots = { returns: createRng(seed), inflation: createRng(`${String(seed)}/inflation`) };
  const blocks = createPathBlocks(plan, model, run.schedule, roots, firstBlock, blockCount, run.paths);
  const column = new Float64Array(blocks.pathCount);
  const real = run.settings.valuesIn === 'real';
  let next = 0;
  for (let month = 0; month < plan.horizonMonths; month++) {
    blocks.advanceMonth(month);
    if (run.schedule.columnMonths[next] !== month + 1) continue;
    for (let p = 0; p < blocks.pathCount; p++) column[p] = real ? (blocks.wealth[p] as number) / (blocks.priceIndex[p] as number) : (blocks.wealth[p] as number);
    onColumn(next, month + 1, column);
    next++;
  }
  return blocks;
}

/** The result from all paths' outcomes and the fan chart, however the paths were run. */
export function finishSimulation(plan: CashflowPlan, model: ReturnModel, run: PreparedSimulation, outcomes: PathOutcomes, points: BandPoint[], kept: Float64Array | null): SimulationResult {
  const summary = summariseOutcomes(plan, outcomes, run.settings.valuesIn, { percentiles: run.settings.percentiles, points });
  return { ...summary, seed: run.settings.seed, horizonMonths: plan.horizonMonths, model: model.kind, yearEndValues: kept };
}

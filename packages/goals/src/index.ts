/**
 * @kronos/goals: goal plans judged by seeded Monte Carlo simulation.
 */
export * from './model/schemas.js';
export { parseGoal, safeParseGoal } from './model/parseGoal.js';
export { resolveCurrentAssets } from './model/resolveCurrentAssets.js';
export { compilePlan, toSimulationNumber, planMonthDate, type CashflowPlan } from './model/compilePlan.js';
export type { BalanceReader } from './ports/balances.js';
export * from './withdrawal/strategies.js';
export * from './closed-form/gbm.js';
export { percentilesInPlace } from './stats/percentiles.js';
export { estimateProportion } from './stats/proportion.js';
export { AllocationSchema, type Allocation, type AllocationInput } from './allocation/schemas.js';
export { glidePathWeights } from './allocation/glidePath.js';
export type { ReturnModel, ReturnSampler } from './returns/model.js';
export { createLognormalModel, createStudentTModel, type LognormalParameters } from './returns/createLognormalModel.js';
export { createBootstrapModel, createHistoricalWindowsModel, countRollingWindows } from './returns/createHistoricalModels.js';
export { parsePriceCsv, monthlyReturnsFromPrices, type PriceTable, type MonthlyReturns } from './returns/monthlyReturns.js';
export { SimulationOptionsSchema, type SimulationOptions, type SimulationOptionsInput, type SimulationProgress } from './engine/options.js';
export { simulateGoal, type SimulationResult } from './engine/simulateGoal.js';
export { createReturnModel, type ReturnModelSpec } from './returns/createReturnModel.js';
export { pathsPerBlock } from './engine/pathBlocks.js';
export type { SimulationSummary, BandPoint, PathOutcomes } from './engine/summarise.js';
export { requiredReturn, projectTerminalReal } from './planning/requiredReturn.js';
export { evaluateGoal, type PlanningContext } from './planning/evaluate.js';
export { solveContribution, solveMaxSpending, solveDate, type LeverSolution } from './planning/solveLevers.js';
export { planGoal, LeverSchema, type Lever, type TradeOff, type GoalPlan } from './planning/planGoal.js';
export { trackProgress, type ProgressReport } from './progress/trackProgress.js';
export { GoalMilestoneReachedSchema, type GoalMilestoneReached, type EventPublisher } from './ports/events.js';

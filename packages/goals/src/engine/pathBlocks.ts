import { fillNormal, type Rng } from '@kronos/risk';
import type { CashflowPlan } from '../model/compilePlan.js';
import type { ReturnModel, ReturnSampler } from '../returns/model.js';
import { setYearWithdrawals } from './yearWithdrawals.js';
import type { Schedule } from './schedule.js';

/**
 * Paths are simulated in blocks of this many; block b draws from sub-stream
 * b of the seed's generator. Results depend on the seed and this number, not
 * on how blocks are spread over threads.
 */
export const pathsPerBlock = 256;

/** The state of a contiguous range of paths, advanced one month at a time. */
export interface PathBlocks {
  readonly firstPath: number;
  readonly pathCount: number;
  /** Total nominal wealth of each path. */
  readonly wealth: Float64Array;
  /** Price index of each path (today = 1). */
  readonly priceIndex: Float64Array;
  /** First month a payment could not be met in full, or -1. */
  readonly depletionMonth: Int32Array;
  /** 1 when spending fell below the essential level. */
  readonly essentialFailed: Uint8Array;
  /** Spending that could not be paid, in today's money. */
  readonly unpaidReal: Float64Array;
  advanceMonth(month: number): void;
}

/** Per-path withdrawal state, shared with `setYearWithdrawals`. */
export interface WithdrawalState {
  readonly annualWithdrawal: Float64Array;
  readonly yearStartWealth: Float64Array;
  readonly yearStartPrice: Float64Array;
  readonly yearGrowth: Float64Array;
}

/**
 * The paths of blocks `firstBlock .. firstBlock + blockCount - 1` of a run with
 * `pathsTotal` paths. Block b draws returns from `roots.returns.fork(b)` and
 * inflation from `roots.inflation.fork(b)` (two generators seeded apart, so
 * no inflation stream can coincide with a return stream), each reached by
 * chaining `fork(0)` (one jump per block), so any range reproduces the same streams.
 */
export function createPathBlocks(plan: CashflowPlan, model: ReturnModel, schedule: Schedule, roots: { returns: Rng; inflation: Rng }, firstBlock: number, blockCount: number, pathsTotal: number): PathBlocks {
  const firstPath = firstBlock * pathsPerBlock;
  const pathCount = Math.min(pathsTotal - firstPath, blockCount * pathsPerBlock);
  const samplers: ReturnSampler[] = [];
  const inflationRngs: Rng[] = [];
  let stream = roots.returns.fork(firstBlock);
  let inflationStream = roots.inflation.fork(firstBlock);
  for (let b = 0; b < blockCount; b++) {
    const count = Math.min(pathsPerBlock, pathCount - b * pathsPerBlock);
    const next = stream.fork(0);
    samplers.push(model.createSampler(stream, firstPath + b * pathsPerBlock, count));
    stream = next;
    const nextInflation = schedule.priceIndexFixed === null ? inflationStream.fork(0) : inflationStream;
    inflationRngs.push(inflationStream);
    inflationStream = nextInflation;
  }
  const k = model.assetCount;
  const state = {
    wealth: new Float64Array(pathCount).fill(plan.initialWealth),
    holdings: new Float64Array(pathCount * k),
    priceIndex: new Float64Array(pathCount).fill(1),
    depletionMonth: new Int32Array(pathCount).fill(-1),
    essentialFailed: new Uint8Array(pathCount),
    unpaidReal: new Float64Array(pathCount),
  };
  const withdrawals: WithdrawalState = {
    annualWithdrawal: new Float64Array(pathCount),
    yearStartWealth: new Float64Array(pathCount),
    yearStartPrice: new Float64Array(pathCount).fill(1),
    yearGrowth: new Float64Array(pathCount).fill(1),
  };
  for (let p = 0; p < pathCount; p++) for (let a = 0; a < k; a++) state.holdings[p * k + a] = plan.initialWealth * (schedule.weights[a] as number);
  const gross = new Float64Array(pathsPerBlock * k);
  const growth = new Float64Array(pathsPerBlock);
  const inflationNormals = new Float64Array(pathsPerBlock);
  return {
    firstPath,
    pathCount,
    ...state,
    advanceMonth(month) {
      const sinceStart = month - plan.withdrawalStartMonth;
      if (sinceStart >= 0 && sinceStart % 12 === 0) setYearWithdrawals(plan, schedule, state, withdrawals, month);
      for (let b = 0; b < samplers.length; b++) {
        const from = b * pathsPerBlock;
        const to = Math.min(from + pathsPerBlock, pathCount);
        (samplers[b] as ReturnSampler).nextMonth(month, gross);
        stepPaths(plan, schedule, state, withdrawals, month, from, to, gross, growth);
        if (schedule.priceIndexFixed === null) {
          fillNormal(inflationRngs[b] as Rng, inflationNormals);
          for (let p = from; p < to; p++) {
            state.priceIndex[p] = (state.priceIndex[p] as number) * Math.exp(schedule.inflationLogMean + schedule.inflationLogVolatility * (inflationNormals[p - from] as number));
          }
        } else state.priceIndex.fill(schedule.priceIndexFixed[month + 1] as number, from, to);
      }
    },
  };
}

interface PathState {
  wealth: Float64Array;
  holdings: Float64Array;
  priceIndex: Float64Array;
  depletionMonth: Int32Array;
  essentialFailed: Uint8Array;
  unpaidReal: Float64Array;
}

/** One month for paths from..to-1: flows at the start, rebalance, then growth net of fees. */
function stepPaths(plan: CashflowPlan, schedule: Schedule, s: PathState, w: WithdrawalState, month: number, from: number, to: number, gross: Float64Array, growth: Float64Array): void {
  const k = schedule.assetCount;
  const every = schedule.rebalanceEveryMonths;
  const fee = schedule.feeFactor;
  const wealth = s.wealth;
  const drifting = !(every === 1 || (every > 1 && month % every === 0));
  const paying = month >= plan.withdrawalStartMonth;
  const external = plan.externalFlows[month] as number;
  // Flows first: what each path holds at the start of the month once paid.
  if (paying) payMonth(monthlyPayment(plan, schedule, month), s, w, month, from, to);
  if (k === 2 && every === 1 && plan.withdrawal.kind !== 'guytonKlinger') {
    // The hot loop of most plans (two assets rebalanced monthly): flow and growth in one pass,
    // the same arithmetic as below (wealth times the weighted gross return, times the fee).
    const w0 = schedule.weights[month * 2] as number;
    const w1 = schedule.weights[month * 2 + 1] as number;
    if (paying) for (let p = from, i = 0; p < to; p++, i += 2) wealth[p] = (wealth[p] as number) * (w0 * (gross[i] as number) + w1 * (gross[i + 1] as number)) * fee;
    else for (let p = from, i = 0; p < to; p++, i += 2) wealth[p] = Math.max(0, (wealth[p] as number) + external) * (w0 * (gross[i] as number) + w1 * (gross[i + 1] as number)) * fee;
    return;
  }
  if (!drifting) rebalancedGrowth(schedule.weights, month * k, k, gross, growth, to - from);
  if (!paying) for (let p = from; p < to; p++) wealth[p] = Math.max(0, (wealth[p] as number) + external);
  if (drifting) for (let p = from; p < to; p++) growth[p - from] = driftHoldings(s, p, k, schedule.weights.subarray(month * k, month * k + k), gross, (p - from) * k, fee);
  else if (every !== 1) for (let p = from; p < to; p++) for (let a = 0; a < k; a++) s.holdings[p * k + a] = (wealth[p] as number) * (schedule.weights[month * k + a] as number) * (gross[(p - from) * k + a] as number) * fee;
  if (plan.withdrawal.kind === 'guytonKlinger') for (let p = from; p < to; p++) if ((wealth[p] as number) > 0) w.yearGrowth[p] = (w.yearGrowth[p] as number) * (growth[p - from] as number);
  for (let p = from; p < to; p++) wealth[p] = (wealth[p] as number) * (growth[p - from] as number) * fee;
}

/** The portfolio's gross return of each path when it is held at the target weights. */
function rebalancedGrowth(weights: Float64Array, row: number, k: number, gross: Float64Array, out: Float64Array, count: number): void {
  if (k === 1) {
    out.set(gross.subarray(0, count));
    return;
  }
  if (k === 2) {
    const w0 = weights[row] as number;
    const w1 = weights[row + 1] as number;
    for (let i = 0; i < count; i++) out[i] = w0 * (gross[2 * i] as number) + w1 * (gross[2 * i + 1] as number);
    return;
  }
  for (let i = 0; i < count; i++) {
    let sum = 0;
    for (let a = 0; a < k; a++) sum += (weights[row + a] as number) * (gross[i * k + a] as number);
    out[i] = sum;
  }
}

/**
 * Without rebalancing each asset keeps its share (flows go in and out pro
 * rata) and grows on its own; returns the portfolio's gross return.
 */
function driftHoldings(s: PathState, p: number, k: number, weights: Float64Array, gross: Float64Array, base: number, fee: number): number {
  const total = s.wealth[p] as number;
  let before = 0;
  for (let a = 0; a < k; a++) before += s.holdings[p * k + a] as number;
  let grown = 0;
  for (let a = 0; a < k; a++) {
    const share = before > 0 ? (s.holdings[p * k + a] as number) / before : (weights[a] as number);
    const held = total * share * (gross[base + a] as number) * fee;
    s.holdings[p * k + a] = held;
    grown += held;
  }
  return total > 0 ? grown / (total * fee) : 1;
}

/** The month's payment terms, the same for every path. */
interface MonthlyPayment {
  readonly external: number;
  readonly incomeReal: number;
  readonly incomeNominal: number;
  readonly keepTax: number;
  readonly constantReal: boolean;
  /** Essential spending per month in today's money, less a hair for rounding. */
  readonly essential: number;
}

function monthlyPayment(plan: CashflowPlan, schedule: Schedule, month: number): MonthlyPayment {
  return {
    external: plan.externalFlows[month] as number,
    incomeReal: schedule.incomeReal[month] as number,
    incomeNominal: schedule.incomeNominal[month] as number,
    keepTax: 1 - plan.taxRate,
    constantReal: plan.withdrawal.kind === 'constantReal',
    essential: (plan.essentialSpendingReal / 12) * (1 - 1e-12),
  };
}

/**
 * Pays one month of a withdrawal year on paths from..to-1, leaving each path's
 * wealth after the payment, and records a depletion (the first month a payment
 * cannot be met in full), spending below the essential level, and what went
 * unpaid in today's money.
 */
function payMonth(pay: MonthlyPayment, s: PathState, w: WithdrawalState, month: number, from: number, to: number): void {
  const { wealth, priceIndex, unpaidReal, depletionMonth } = s;
  const annual = w.annualWithdrawal;
  const { external, incomeReal, incomeNominal, keepTax, constantReal, essential } = pay;
  for (let p = from; p < to; p++) {
    const price = priceIndex[p] as number;
    const income = incomeReal * price + incomeNominal;
    const planned = (annual[p] as number) / 12;
    let flow = external;
    if (constantReal) flow -= keepTax === 1 ? Math.max(0, planned - income) : Math.max(0, planned - income) / keepTax;
    else {
      flow -= planned;
      if (planned * keepTax + income < essential * price) s.essentialFailed[p] = 1;
    }
    const total = (wealth[p] as number) + flow;
    if (total >= 0) {
      wealth[p] = total;
      continue;
    }
    unpaidReal[p] = (unpaidReal[p] as number) - (total * keepTax) / price;
    if (depletionMonth[p] === -1) depletionMonth[p] = month;
    wealth[p] = 0;
  }
}

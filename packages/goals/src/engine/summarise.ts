import { planMonthDate, type CashflowPlan } from '../model/compilePlan.js';
import { percentilesInPlace } from '../stats/percentiles.js';
import { estimateProportion } from '../stats/proportion.js';

/** The end state of every path, gathered from however many threads ran them. */
export interface PathOutcomes {
  readonly wealth: Float64Array;
  readonly priceIndex: Float64Array;
  readonly depletionMonth: Int32Array;
  readonly essentialFailed: Uint8Array;
  readonly unpaidReal: Float64Array;
}

/** One point of the fan chart: percentiles of wealth at a month-end. */
export interface BandPoint {
  readonly month: number;
  readonly date: string;
  readonly age: number | null;
  /** One value per entry of `SimulationResult.bands.percentiles`. */
  readonly values: readonly number[];
}

/** What a simulation reports. Amounts are float64 in today's money unless `valuesIn` is 'nominal'. */
export interface SimulationSummary {
  readonly paths: number;
  readonly valuesIn: 'real' | 'nominal';
  /**
   * Success: the path never met a month whose withdrawal it could not pay in full,
   * never spent below the essential level, and ended at or above the target.
   */
  readonly success: { readonly probability: number; readonly standardError: number };
  readonly bands: { readonly percentiles: readonly number[]; readonly points: readonly BandPoint[] };
  readonly terminal: { readonly mean: number; readonly standardDeviation: number; readonly percentiles: Readonly<Record<string, number>> };
  /** Shortfall in today's money: spending left unpaid plus any gap below the target. */
  readonly shortfall: { readonly probability: number; readonly meanWhenShort: number; readonly expected: number };
  /** Paths that ran out; the median month (and age) among them, null when none did. */
  readonly depletion: { readonly probability: number; readonly medianMonth: number | null; readonly medianAge: number | null };
}

const terminalProbabilities = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99];

/** A fan-chart point from one column of year-end values (reordered in place). */
export function bandPoint(plan: CashflowPlan, month: number, column: Float64Array, probabilities: readonly number[]): BandPoint {
  return {
    month,
    date: planMonthDate(plan.asOf, month),
    age: plan.startAge === null ? null : plan.startAge + month / 12,
    values: Array.from(percentilesInPlace(column, probabilities)),
  };
}

/** Success, terminal distribution, shortfall and depletion from the paths' end states. */
export function summariseOutcomes(plan: CashflowPlan, outcomes: PathOutcomes, valuesIn: 'real' | 'nominal', bands: SimulationSummary['bands']): SimulationSummary {
  const n = outcomes.wealth.length;
  const terminal = new Float64Array(n);
  const depleted: number[] = [];
  let successes = 0;
  let short = 0;
  let shortTotal = 0;
  let sum = 0;
  for (let p = 0; p < n; p++) {
    const nominal = outcomes.wealth[p] as number;
    const price = outcomes.priceIndex[p] as number;
    const real = nominal / price;
    const gap = plan.targetIsNominal ? Math.max(0, plan.target - nominal) / price : Math.max(0, plan.target - real);
    const shortfall = (outcomes.unpaidReal[p] as number) + gap;
    const depletion = outcomes.depletionMonth[p] as number;
    if (depletion >= 0) depleted.push(depletion);
    if (depletion < 0 && outcomes.essentialFailed[p] === 0 && gap === 0) successes++;
    if (shortfall > 0) {
      short++;
      shortTotal += shortfall;
    }
    terminal[p] = valuesIn === 'real' ? real : nominal;
    sum += terminal[p] as number;
  }
  const mean = sum / n;
  let squares = 0;
  for (let p = 0; p < n; p++) squares += ((terminal[p] as number) - mean) ** 2;
  const quantiles = percentilesInPlace(terminal, terminalProbabilities);
  const medianMonth = depleted.length === 0 ? null : (percentilesInPlace(Float64Array.from(depleted), [0.5])[0] as number);
  return {
    paths: n,
    valuesIn,
    success: estimateProportion(successes, n),
    bands,
    terminal: {
      mean,
      standardDeviation: n > 1 ? Math.sqrt(squares / (n - 1)) : 0,
      percentiles: Object.fromEntries(terminalProbabilities.map((q, i) => [`p${Math.round(q * 100)}`, quantiles[i] as number])),
    },
    shortfall: { probability: short / n, meanWhenShort: short === 0 ? 0 : shortTotal / short, expected: shortTotal / n },
    depletion: {
      probability: depleted.length / n,
      medianMonth,
      medianAge: medianMonth === null || plan.startAge === null ? null : plan.startAge + medianMonth / 12,
    },
  };
}

import { IsoDateSchema, KronosError, type Money } from '@kronos/core-ledger';
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { z } from 'zod';

/** One end-of-day valuation; `flow` is the external flow that day (deposit > 0, withdrawal < 0), already in `value`. */
export interface Valuation {
  readonly date: string;
  readonly value: Money;
  readonly flow?: Money;
}

export interface TimeWeightedReturn {
  /** Chain-linked return over the whole span. */
  readonly cumulative: number;
  /** (1 + cumulative)^(365 / calendar days) - 1. */
  readonly annualised: number;
  /** Return of each day after the first, in order. */
  readonly periodReturns: readonly number[];
  readonly days: number;
}

/** Bound on valuations (about 400 years of daily data). */
export const valuationsMax = 150_000;

const DateSchema = IsoDateSchema as z.ZodType<string>;

/**
 * Time-weighted return, chain-linked daily with external flows: each day
 * r_t = (V_t - F_t) / V_(t-1) - 1, where F_t arrived by the end of day t
 * (the GIPS daily method), and TWR = prod(1 + r_t) - 1. Flows do not move it;
 * only market moves do.
 *
 * @throws KronosError `INVALID_INPUT` on unordered dates, mixed currencies or a zero starting value.
 * @example
 * ```ts
 * const usd = currency('USD');
 * const twr = computeTimeWeightedReturn([
 *   { date: '2026-01-02', value: Money.of('100', usd) },
 *   { date: '2026-01-03', value: Money.of('160', usd), flow: Money.of('50', usd) },
 *   { date: '2026-01-04', value: Money.of('176', usd) },
 * ]);
 * twr.cumulative.toFixed(4); //=> '0.2100'
 * ```
 */
export function computeTimeWeightedReturn(valuations: readonly Valuation[]): TimeWeightedReturn {
  if (valuations.length < 2 || valuations.length > valuationsMax) {
    throw new KronosError('INVALID_INPUT', `Give between 2 and ${valuationsMax} valuations.`, { count: valuations.length });
  }
  const code = valuations[0]!.value.currency.code;
  const periodReturns: number[] = [];
  let growth = 1;
  for (let t = 0; t < valuations.length; t++) {
    const { date, value, flow } = valuations[t]!;
    DateSchema.parse(date);
    if (value.currency.code !== code || (flow !== undefined && flow.currency.code !== code)) {
      throw new KronosError('INVALID_INPUT', `Valuation ${date} is not in ${code}; give every value and flow in one currency.`, { date });
    }
    if (t === 0) continue;
    const previous = valuations[t - 1]!;
    if (date <= previous.date) throw new KronosError('INVALID_INPUT', `Valuation dates must ascend: ${date} follows ${previous.date}.`, { date });
    const start = previous.value.toNumber();
    if (start === 0) throw new KronosError('INVALID_INPUT', `The value on ${previous.date} is zero, so the next day's return is undefined; start the series after funding.`, { date: previous.date });
    const r = (value.toNumber() - (flow?.toNumber() ?? 0)) / start - 1;
    periodReturns.push(r);
    growth *= 1 + r;
  }
  const days = differenceInCalendarDays(parseISO(valuations.at(-1)!.date), parseISO(valuations[0]!.date));
  return { cumulative: growth - 1, annualised: growth ** (365 / days) - 1, periodReturns, days };
}

export interface BenchmarkComparison {
  readonly portfolio: number;
  readonly benchmark: number;
  /** Portfolio minus benchmark cumulative return. */
  readonly excess: number;
  /** Annualised standard deviation of daily return differences (252 days a year). */
  readonly trackingError: number;
}

/**
 * Compares a portfolio's daily time-weighted returns with a benchmark's over
 * the same days.
 *
 * @example
 * ```ts
 * compareToBenchmark([0.01, -0.01], [0.005, -0.005]).excess.toFixed(6); //=> '-0.000075'
 * ```
 */
export function compareToBenchmark(portfolioReturns: readonly number[], benchmarkReturns: readonly number[]): BenchmarkComparison {
  if (portfolioReturns.length !== benchmarkReturns.length || portfolioReturns.length < 2) {
    throw new KronosError('INVALID_INPUT', 'Give the portfolio and the benchmark the same days, at least two.', {});
  }
  const link = (returns: readonly number[]) => returns.reduce((g, r) => g * (1 + r), 1) - 1;
  const differences = portfolioReturns.map((r, t) => r - benchmarkReturns[t]!);
  const mean = differences.reduce((s, d) => s + d, 0) / differences.length;
  const variance = differences.reduce((s, d) => s + (d - mean) ** 2, 0) / (differences.length - 1);
  const portfolio = link(portfolioReturns);
  const benchmark = link(benchmarkReturns);
  return { portfolio, benchmark, excess: portfolio - benchmark, trackingError: Math.sqrt(variance * 252) };
}

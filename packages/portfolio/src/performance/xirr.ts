import { IsoDateSchema, KronosError, type Money } from '@kronos/core-ledger';
import { differenceInCalendarDays, parseISO } from 'date-fns';

/** A dated cash flow from the investor's side: money put in is negative, money taken out (or the final value) positive. */
export interface DatedFlow {
  readonly date: string;
  readonly amount: Money;
}

/** Bound on Newton and bisection steps. */
export const xirrIterationsMax = 200;

/**
 * Money-weighted return: the annual rate r with sum a_i / (1 + r)^(d_i / 365)
 * = 0, d_i the calendar days from the first flow (the spreadsheet XIRR
 * convention). Newton's method from 10%, safeguarded by bisection on a
 * bracket, to 1e-12.
 *
 * @throws KronosError `INVALID_INPUT` when the flows do not change sign, `NOT_CONVERGED`.
 * @example
 * ```ts
 * const usd = currency('USD');
 * computeXirr([
 *   { date: '2025-01-01', amount: Money.of('-1000', usd) },
 *   { date: '2026-01-01', amount: Money.of('1100', usd) },
 * ]).toFixed(6); //=> '0.100000'
 * ```
 */
export function computeXirr(flows: readonly DatedFlow[]): number {
  if (flows.length < 2) throw new KronosError('INVALID_INPUT', 'XIRR needs at least two flows.', {});
  const first = parseISO(IsoDateSchema.parse(flows[0]!.date));
  const code = flows[0]!.amount.currency.code;
  const points = flows.map((flow) => {
    if (flow.amount.currency.code !== code) throw new KronosError('INVALID_INPUT', `Flow ${flow.date} is not in ${code}.`, { date: flow.date });
    return { years: differenceInCalendarDays(parseISO(IsoDateSchema.parse(flow.date)), first) / 365, amount: flow.amount.toNumber() };
  });
  if (!points.some((p) => p.amount > 0) || !points.some((p) => p.amount < 0)) {
    throw new KronosError('INVALID_INPUT', 'The flows must include money in (negative) and money out (positive).', {});
  }
  const value = (r: number) => points.reduce((s, p) => s + p.amount / (1 + r) ** p.years, 0);
  const slope = (r: number) => points.reduce((s, p) => s - (p.years * p.amount) / (1 + r) ** (p.years + 1), 0);
  let low = -0.999999;
  let high = 1;
  while (value(low) * value(high) > 0 && high < 1e6) high *= 2;
  if (value(low) * value(high) > 0) throw new KronosError('NOT_CONVERGED', 'No rate between -99.9999% and 1e8% sets the flows to zero.', {});
  let r = 0.1;
  for (let k = 0; k < xirrIterationsMax; k++) {
    const f = value(r);
    if (Math.abs(f) <= 1e-12 * points.reduce((s, p) => s + Math.abs(p.amount), 0)) return r;
    if (f * value(low) > 0) low = r;
    else high = r;
    const newton = r - f / slope(r);
    r = newton > low && newton < high ? newton : (low + high) / 2;
    if (high - low < 1e-15) return r;
  }
  throw new KronosError('NOT_CONVERGED', `XIRR did not converge in ${xirrIterationsMax} steps.`, {});
}

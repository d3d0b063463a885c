import { normalCdf } from '@kronos/risk';

/**
 * Closed forms for geometric Brownian motion and level cash flows. They are the
 * yardsticks the Monte Carlo engine is validated against, and the exact answers
 * the planning functions use where no simulation is needed.
 *
 * GBM: S_t = S_0 exp((mu - sigma^2/2) t + sigma W_t), with mu and sigma per year.
 */

/**
 * P(S_T >= target) for GBM started at `start`.
 *
 * @example
 * ```ts
 * // N(-0.1), as scipy.stats.norm.cdf(-0.1) = 0.460172162722971
 * gbmProbabilityAbove(100, 100, 0.0, 0.2, 1).toFixed(6) //=> '0.460172'
 * ```
 */
export function gbmProbabilityAbove(start: number, target: number, driftPerYear: number, volatilityPerYear: number, years: number): number {
  const logDrift = (driftPerYear - 0.5 * volatilityPerYear * volatilityPerYear) * years;
  const spread = volatilityPerYear * Math.sqrt(years);
  if (spread === 0) return Math.log(start / target) + logDrift >= 0 ? 1 : 0;
  return normalCdf((Math.log(start / target) + logDrift) / spread);
}

/**
 * P(GBM reaches `upper` before `lower`), with no time limit (the scale function
 * of Brownian motion with drift nu = mu - sigma^2/2: s(x) = exp(-2 nu x / sigma^2)).
 *
 * @example
 * ```ts
 * // nu = 0, so the answer is ln 2 / (ln 2 + ln 2)
 * gbmProbabilityUpperFirst(100, 200, 50, 0.02, 0.2) //=> 0.5
 * ```
 */
export function gbmProbabilityUpperFirst(start: number, upper: number, lower: number, driftPerYear: number, volatilityPerYear: number): number {
  const up = Math.log(upper / start);
  const down = Math.log(start / lower);
  const nu = driftPerYear - 0.5 * volatilityPerYear * volatilityPerYear;
  const k = (2 * nu) / (volatilityPerYear * volatilityPerYear);
  if (Math.abs(k) < 1e-12) return down / (up + down);
  return -Math.expm1(k * down) / (Math.exp(-k * up) - Math.exp(k * down));
}

/**
 * Months until a balance that pays `paymentPerMonth` at the start of each month
 * and earns `ratePerMonth` runs out: the first month whose payment cannot be met
 * in full. `Infinity` when interest alone covers the payment.
 *
 * From W_n = W_0 (1+r)^n - c (1+r) ((1+r)^n - 1) / r = 0.
 *
 * @example
 * ```ts
 * depletionMonths(1200, 100, 0) //=> 12
 * ```
 */
export function depletionMonths(balance: number, paymentPerMonth: number, ratePerMonth: number): number {
  if (paymentPerMonth <= 0) return Number.POSITIVE_INFINITY;
  if (Math.abs(ratePerMonth) < 1e-12) return balance / paymentPerMonth;
  const perpetuity = (paymentPerMonth * (1 + ratePerMonth)) / ratePerMonth;
  if (ratePerMonth > 0 && balance >= perpetuity) return Number.POSITIVE_INFINITY;
  return -Math.log1p(-balance / perpetuity) / Math.log1p(ratePerMonth);
}

/**
 * Level payment that turns `presentValue` into `futureValue` over `periods` at
 * `ratePerPeriod` (the spreadsheet PMT with the sign of money paid out positive).
 * `due` pays at the start of each period.
 *
 * @example
 * ```ts
 * annuityPayment(100000, 0.05 / 12, 360).toFixed(2) //=> '536.82'
 * ```
 */
export function annuityPayment(presentValue: number, ratePerPeriod: number, periods: number, options: { futureValue?: number; due?: boolean } = {}): number {
  const futureValue = options.futureValue ?? 0;
  if (Math.abs(ratePerPeriod) < 1e-12) return (presentValue - futureValue) / periods;
  // expm1/log1p keep (1+r)^n - 1 accurate for the tiny rates a bisection may try.
  const gain = Math.expm1(periods * Math.log1p(ratePerPeriod));
  const payment = (ratePerPeriod * (presentValue * (gain + 1) - futureValue)) / gain;
  return options.due ? payment / (1 + ratePerPeriod) : payment;
}

/**
 * Value after `periods` of `presentValue` plus a level `payment` each period
 * (at the start when `due`), growing at `ratePerPeriod`.
 *
 * @example
 * ```ts
 * futureValue(0, 100, 0, 12) //=> 1200
 * ```
 */
export function futureValue(presentValue: number, payment: number, ratePerPeriod: number, periods: number, options: { due?: boolean } = {}): number {
  if (Math.abs(ratePerPeriod) < 1e-12) return presentValue + payment * periods;
  const gain = Math.expm1(periods * Math.log1p(ratePerPeriod));
  const annuity = (payment * gain) / ratePerPeriod;
  return presentValue * (gain + 1) + (options.due ? annuity * (1 + ratePerPeriod) : annuity);
}

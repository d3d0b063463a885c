import { addDaysIso, addYearsIso, daysBetween } from '../_internal/dates.js';

/** Short-term (held one year or less) or long-term (held more than one year). */
export type HoldingTerm = 'short' | 'long';

/**
 * The last day on which property whose holding period starts on `start` is
 * still short-term: the same month and day one year later.
 *
 * The holding period counts from the day after acquisition and includes the day
 * of sale (IRS Publication 550 (2024), chapter 4, "Holding Period"), so one full
 * year has run on the anniversary and the property is long-term from the next day.
 * Property acquired on 29 February has its anniversary on 28 February of a common
 * year (one year counted from 1 March ends on the last day of February), and on
 * 29 February when the next year is a leap year would be impossible, so the rule
 * never needs a day count: counting 365 or 366 days gets leap years wrong.
 *
 * @example
 * ```ts
 * holdingPeriodAnniversary('2023-02-05'); //=> '2024-02-05'
 * holdingPeriodAnniversary('2024-02-29'); //=> '2025-02-28'
 * ```
 */
export function holdingPeriodAnniversary(start: string): string {
  return addYearsIso(start, 1);
}

/**
 * Whether a sale on `soldOn` of property whose holding period starts on `start`
 * is short- or long-term: long-term if and only if `soldOn` is after the
 * anniversary of `start`.
 *
 * @example
 * ```ts
 * classifyHoldingPeriod('2023-02-05', '2024-02-05'); //=> 'short'
 * classifyHoldingPeriod('2023-02-05', '2024-02-06'); //=> 'long'
 * ```
 */
export function classifyHoldingPeriod(start: string, soldOn: string): HoldingTerm {
  return soldOn > holdingPeriodAnniversary(start) ? 'long' : 'short';
}

/**
 * The holding-period start of a wash-sale replacement: the replacement's own
 * acquisition date moved back by the number of days the sold shares were held
 * (IRC section 1223(3): the replacement's holding period includes the holding
 * period of the shares whose loss was disallowed). The acquisition date itself
 * is kept unchanged on the lot; only this separate start moves.
 *
 * @example
 * ```ts
 * // sold shares held 2024-01-01 -> 2024-03-01 (60 days), replacement bought 2024-03-10
 * const sold = { soldStart: '2024-01-01', soldOn: '2024-03-01' };
 * tackHoldingPeriod({ ...sold, replacementAcquiredOn: '2024-03-10' }); //=> '2024-01-10'
 * ```
 */
export function tackHoldingPeriod(input: {
  soldStart: string;
  soldOn: string;
  replacementAcquiredOn: string;
}): string {
  const heldDays = daysBetween(input.soldStart, input.soldOn);
  return addDaysIso(input.replacementAcquiredOn, -heldDays);
}

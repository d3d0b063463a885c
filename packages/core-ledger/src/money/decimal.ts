import DecimalJs from 'decimal.js';

/**
 * The decimal.js constructor Kronos computes with: precision high enough that
 * sums and products of amounts are exact (rounding happens only where a
 * caller names a mode), and plain notation (no exponents) in strings.
 *
 * @example
 * ```ts
 * new Decimal('0.1').plus('0.2').toString(); //=> '0.3'
 * ```
 */
export const Decimal = DecimalJs.clone({
  precision: 1000,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

/** A decimal.js value (from any copy of decimal.js). */
export type Decimal = DecimalJs;

/** What a decimal input may be: a canonical decimal string or a decimal.js value. Never a JS number. */
export type DecimalInput = string | DecimalJs;

import Decimal from 'decimal.js';

/**
 * How to round when an amount has more decimals than its scale allows.
 * Always named at the call site: Kronos never rounds silently.
 *
 * - `halfEven`: to nearest, ties to even (banker's rounding)
 * - `halfUp` / `halfDown`: to nearest, ties away from / towards zero
 * - `up` / `down`: away from / towards zero
 * - `ceil` / `floor`: towards +Infinity / -Infinity
 */
export type RoundingMode = 'halfEven' | 'halfUp' | 'halfDown' | 'up' | 'down' | 'ceil' | 'floor';

/** The rounding modes, for validation and schemas. */
export const roundingModes: readonly RoundingMode[] = ['halfEven', 'halfUp', 'halfDown', 'up', 'down', 'ceil', 'floor'];

const decimalModes: Readonly<Record<RoundingMode, Decimal.Rounding>> = {
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
  ceil: Decimal.ROUND_CEIL,
  floor: Decimal.ROUND_FLOOR,
  halfUp: Decimal.ROUND_HALF_UP,
  halfDown: Decimal.ROUND_HALF_DOWN,
  halfEven: Decimal.ROUND_HALF_EVEN,
};

/** The decimal.js rounding constant for a named mode. */
export function toDecimalRounding(mode: RoundingMode): Decimal.Rounding {
  return decimalModes[mode];
}

/** Whether `value` names a rounding mode. */
export function isRoundingMode(value: unknown): value is RoundingMode {
  return typeof value === 'string' && (roundingModes as readonly string[]).includes(value);
}

/**
 * Exact integer division `numerator / denominator` rounded with `mode`
 * (denominator non-zero). Used where a quotient must be rounded exactly once.
 */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator < 0n) return divideRounded(-numerator, -denominator, mode);
  const quotient = numerator / denominator; // truncates towards zero
  const remainder = numerator - quotient * denominator;
  if (remainder === 0n) return quotient;
  const sign = numerator < 0n ? -1n : 1n;
  const twice = 2n * (remainder < 0n ? -remainder : remainder);
  const away = quotient + sign;
  switch (mode) {
    case 'down': return quotient;
    case 'up': return away;
    case 'ceil': return sign > 0n ? away : quotient;
    case 'floor': return sign < 0n ? away : quotient;
    case 'halfUp': return twice >= denominator ? away : quotient;
    case 'halfDown': return twice > denominator ? away : quotient;
    case 'halfEven':
      if (twice !== denominator) return twice > denominator ? away : quotient;
      return quotient % 2n === 0n ? quotient : away;
  }
}

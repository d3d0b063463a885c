import { KronosError } from '../errors/index.js';
import { Money } from '../money/money.js';
import type { Currency } from '../money/currency.js';

/** What a caller may give as an amount: a `Money`, or a decimal string in the account's currency. */
export type AmountInput = Money | string;

const decimalPattern = /^([+-]?)(\d{1,30})(?:\.(\d+))?$/;
const powersOfTen: bigint[] = Array.from({ length: 19 }, (_, power) => 10n ** BigInt(power));

/**
 * Minor units of an amount in `unit`, without going through Decimal for the
 * common string case (the journal's hot path). Refuses more decimals than the
 * scale (`SCALE_EXCEEDED`), another currency (`CURRENCY_MISMATCH`) and
 * anything but a plain decimal (`INVALID_INPUT`).
 */
export function toMinorUnits(amount: AmountInput, unit: Currency, field: string): bigint {
  if (typeof amount !== 'string') {
    if (!Money.isMoney(amount)) throw new KronosError('INVALID_INPUT', `${field} must be a Money or a decimal string such as '12.34'.`, { field });
    if (amount.currency.code !== unit.code || amount.currency.scale !== unit.scale) {
      throw new KronosError('CURRENCY_MISMATCH', `${field} is in ${amount.currency.code} (scale ${amount.currency.scale}) but the account keeps ${unit.code} (scale ${unit.scale}): convert it first.`, {
        field,
        amountCurrency: amount.currency.code,
        accountCurrency: unit.code,
      });
    }
    return amount.toMinorUnits();
  }
  const quick = quickMinorUnits(amount, unit.scale);
  if (quick !== undefined) return quick;
  const match = decimalPattern.exec(amount);
  if (match === null) {
    throw new KronosError('INVALID_INPUT', `${field} '${amount}' is not a plain decimal: write it like '1234.56' (no exponent, no thousands separators).`, { field, amount });
  }
  const fraction = match[3] ?? '';
  if (fraction.length > unit.scale) {
    // Trailing zeros beyond the scale change nothing; anything else needs an explicit rounding first.
    if (!/^0*$/.test(fraction.slice(unit.scale))) {
      throw new KronosError('SCALE_EXCEEDED', `${field} '${amount}' has more than ${unit.scale} decimals for ${unit.code}: round it with Money.of(amount, currency, { rounding }) first.`, {
        field,
        amount,
        scale: unit.scale,
      });
    }
  }
  const digits = match[2]! + fraction.slice(0, unit.scale).padEnd(unit.scale, '0');
  const units = BigInt(digits);
  return match[1] === '-' ? -units : units;
}

/**
 * Hot path: a plain decimal with exactly `scale` decimals and at most 15
 * digits ('-12.34' for USD), read digit by digit into an exact integer
 * (15 digits stay below 2^53) and turned into one bigint. Anything else
 * (including an amount `toMinorUnits` would refuse): undefined.
 */
export function quickMinorUnits(amount: string, scale: number): bigint | undefined {
  const length = amount.length;
  const start = amount.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  const dot = scale === 0 ? length : length - scale - 1;
  if (dot <= start || length - start > 16 || (scale > 0 && amount.charCodeAt(dot) !== 46 /* . */)) return undefined;
  let units = 0;
  for (let index = start; index < length; index++) {
    if (index === dot) continue;
    const digit = amount.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return undefined;
    units = units * 10 + digit;
  }
  return BigInt(start === 1 ? -units : units);
}

/**
 * The decimal string of minor units at a scale, e.g. `(-1234n, 2)` -> `'-12.34'`.
 */
export function formatMinorUnits(units: bigint, scale: number): string {
  if (scale === 0) return units.toString();
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const cut = digits.length - scale;
  return `${negative ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut)}`;
}

/** `10^scale` as a bigint, for scales 0..18. */
export function powerOfTen(scale: number): bigint {
  return powersOfTen[scale] ?? 10n ** BigInt(scale);
}

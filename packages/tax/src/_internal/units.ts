import { type Currency, type Decimal, KronosError, Money } from '@kronos/core-ledger';

/**
 * Exact integer arithmetic for the lot engine's hot path. Inside the engine a
 * USD amount is an integer of cents and a share quantity an integer of the
 * smallest unit at one common scale; `Money` is made only at the boundary (and
 * lazily, see views.ts). Splitting follows `Money.allocate` exactly: each part
 * gets its share rounded toward zero, then the leftover units go one each to
 * the parts with a non-zero weight, first to last.
 *
 * The integers are plain numbers, not bigints: a bigint is a heap object, so
 * every bigint sum made garbage and a 100,000-trade run spent about a third of
 * its time collecting it. Numbers are exact up to `Number.MAX_SAFE_INTEGER`
 * (2^53 - 1, about 90 trillion dollars in cents). Inputs are checked on the way
 * in (`toSafeUnits`, `checkedUnits`), so sums of them stay exact; products
 * (share of a basis, cross-multiplied comparisons) fall back to bigint when
 * they would leave that range, so nothing is ever rounded.
 */

const maxSafe = Number.MAX_SAFE_INTEGER;

/** 10^0 to 10^22, every one exact as a double: a table look-up is cheaper than `**` on the hot path. */
const powersOf10 = Array.from({ length: 23 }, (_, exponent) => 10 ** exponent);

export function pow10(exponent: number): number {
  return exponent >= 0 && exponent <= 22 ? (powersOf10[exponent] as number) : 10 ** exponent;
}

/**
 * `value` unchanged when it is a safe integer; otherwise a KronosError
 * `AMOUNT_TOO_LARGE`, since going on would lose exactness.
 */
export function checkedUnits(value: number, what: string): number {
  if (Number.isSafeInteger(value)) return value;
  throw new KronosError(
    'AMOUNT_TOO_LARGE',
    `${what} is beyond the exact integer range of the lot engine (${maxSafe} smallest units): split the records into smaller ones or use a smaller quantity scale.`,
    { what, limit: String(maxSafe) },
  );
}

/** A bigint as a number when it is exactly representable; `AMOUNT_TOO_LARGE` otherwise. */
export function toSafeUnits(value: bigint, what: string): number {
  if (value > BigInt(maxSafe) || value < -BigInt(maxSafe)) checkedUnits(Number.POSITIVE_INFINITY, what);
  return Number(value);
}

/** floor(a * b / c) for non-negative safe integers a, b and a positive c, exactly. */
export function mulDiv(a: number, b: number, c: number): number {
  const product = a * b;
  // Below 2^53 the product is exact and `%` on doubles is exact, so the division of the multiple is too.
  if (product <= maxSafe) return (product - (product % c)) / c;
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

/** The sign of a * b - c * d for safe integers, exactly. */
export function compareProducts(a: number, b: number, c: number, d: number): number {
  const left = a * b;
  const right = c * d;
  if (Math.abs(left) <= maxSafe && Math.abs(right) <= maxSafe) return Math.sign(left - right);
  const difference = BigInt(a) * BigInt(b) - BigInt(c) * BigInt(d);
  return difference > 0n ? 1 : difference < 0n ? -1 : 0;
}

/** Splits `total` by `weights` (non-negative, at least one positive) the way `Money.allocate` does. */
export function allocateUnits(total: number, weights: readonly number[]): number[] {
  const count = weights.length;
  let weightTotal = 0;
  for (let i = 0; i < count; i++) weightTotal += weights[i] as number;
  checkedUnits(weightTotal, 'A total of share quantities');
  const magnitude = Math.abs(total);
  const parts = new Array<number>(count);
  let remainder = magnitude;
  for (let i = 0; i < count; i++) {
    const part = mulDiv(magnitude, weights[i] as number, weightTotal);
    parts[i] = part;
    remainder -= part;
  }
  for (let i = 0; remainder > 0; i = (i + 1) % count) {
    if (weights[i] === 0) continue;
    parts[i] = (parts[i] as number) + 1;
    remainder -= 1;
  }
  if (total < 0) for (let i = 0; i < count; i++) parts[i] = -(parts[i] as number);
  return parts;
}

/** The two parts of `total` for `take` of `whole` and the rest (allocate with weights [take, whole - take]). */
export function splitUnits(total: number, take: number, whole: number): [number, number] {
  const part = partOf(total, take, whole);
  return [part, total - part];
}

/**
 * The first part of `allocateUnits(total, [take, whole - take])` without the
 * arrays: with two weights at most one unit is left over, and it goes to the
 * first part when that part's weight is not zero.
 */
export function partOf(total: number, take: number, whole: number): number {
  if (take === whole || total === 0) return take === whole ? total : 0;
  if (take === 0) return 0;
  const magnitude = Math.abs(total);
  const first = mulDiv(magnitude, take, whole);
  const second = mulDiv(magnitude, whole - take, whole);
  const part = first + (magnitude - first - second);
  return total < 0 ? -part : part;
}

/** A Money's amount as units at `scale` (at least the Money's own scale); `AMOUNT_TOO_LARGE` beyond the exact range. */
export function toUnits(money: Money, scale: number): number {
  const fast = unitsFromDigits(money.amount, scale);
  if (fast !== undefined) return fast;
  // The amount has at most its currency's decimals, so fixing it at `scale` (not smaller) only pads zeros: exact.
  const digits = money.amount.toFixed(scale).replace('.', '');
  // Up to 15 digits is always below 2^53: read without a bigint, which is most of the cost of this hot conversion.
  if (digits.length <= (digits.startsWith('-') ? 16 : 15)) return Number(digits);
  return toSafeUnits(BigInt(digits), `The amount ${money.toString()} ${money.currency.code}`);
}

/** decimal.js keeps a value as base-1e7 limbs `d` (the first with 1 to 7 digits, the others 7), the decimal exponent `e` of the first digit and the sign `s`. */
const limbDigits = 7;
const limbBase = 1e7;

/**
 * The units of `amount` at `scale` read straight from its limbs, which is what
 * `toFixed` would print without building the string: `undefined` when the
 * amount has more decimals than `scale` or more than 15 significant digits, or
 * the units would leave the exact range (the caller takes the slow path).
 */
function unitsFromDigits(amount: Decimal, scale: number): number | undefined {
  const limbs = amount.d;
  const first = limbs[0] ?? 0;
  if (limbs.length > 2 || first >= limbBase) return undefined;
  let coefficient = first;
  let digits = first < 10 ? 1 : first < 100 ? 2 : first < 1_000 ? 3 : first < 10_000 ? 4 : first < 100_000 ? 5 : first < 1_000_000 ? 6 : 7;
  if (limbs.length === 2) {
    coefficient = coefficient * limbBase + (limbs[1] ?? 0);
    digits += limbDigits;
  }
  if (coefficient === 0) return 0;
  // The value is coefficient x 10^(e - digits + 1); at `scale` the exponent grows by `scale`.
  const exponent = amount.e - digits + 1 + scale;
  let units: number;
  if (exponent >= 0) {
    if (exponent > 15) return undefined;
    units = coefficient * pow10(exponent);
    if (units > maxSafe) return undefined;
  } else {
    // The last limb is padded with zeros to 7 digits: they divide out exactly unless the amount has more decimals than `scale`.
    if (exponent < -14) return undefined;
    const divisor = pow10(-exponent);
    if (coefficient % divisor !== 0) return undefined;
    units = coefficient / divisor;
  }
  return amount.s < 0 ? -units : units;
}

/** Units at `scale` as Money in `unit` (rounded toward zero when the unit is coarser). */
export function fromUnits(units: number, scale: number, unit: Currency): Money {
  if (scale === unit.scale) return Money.fromMinorUnits(BigInt(units), unit);
  const step = pow10(scale - unit.scale);
  return Money.fromMinorUnits(BigInt((units - (units % step)) / step), unit);
}

/** Units at `scale` as a plain decimal string, for messages. */
export function formatUnits(units: number, scale: number): string {
  if (scale === 0) return String(units);
  const negative = units < 0;
  const digits = String(Math.abs(units)).padStart(scale + 1, '0');
  const text = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`.replace(/\.?0+$/, '');
  return negative ? `-${text}` : text;
}

/** A decimal string such as '0.37' as an exact fraction [numerator, denominator]. */
export function fractionOf(decimal: string): [bigint, bigint] {
  const [whole = '0', fraction = ''] = decimal.split('.');
  return [BigInt(whole + fraction), 10n ** BigInt(fraction.length)];
}

/**
 * An exact sum of safe integers that may itself pass 2^53 (a chain of wash
 * sales carries one loss through many disposals): summed as a number while
 * that is exact, and moved into a bigint only when it would not be, rather
 * than making a bigint for every term.
 */
export class ExactSum {
  #small = 0;
  #large = 0n;
  add(units: number): void {
    const next = this.#small + units;
    // Both terms are safe integers, so a sum that comes out safe is the exact sum.
    if (Number.isSafeInteger(next)) {
      this.#small = next;
      return;
    }
    this.#large += BigInt(this.#small);
    this.#small = units;
  }
  total(): bigint {
    return this.#large + BigInt(this.#small);
  }
}

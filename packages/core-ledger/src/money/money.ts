import DecimalJs from 'decimal.js';
import { KronosError } from '../errors/index.js';
import { Decimal, type DecimalInput } from './decimal.js';
import { type Currency, sameCurrency, toCurrency } from './currency.js';
import { type RoundingMode, divideRounded, isRoundingMode, toDecimalRounding } from './rounding.js';

/** The JSON form of a `Money`: the amount as a decimal string fixed to the scale. */
export interface MoneyJSON {
  readonly amount: string;
  readonly currency: string;
  readonly scale: number;
}

/** Options for creating a `Money` from a value that may carry more decimals than the scale. */
export interface MoneyOptions {
  /** How to round an amount with more decimals than the currency's scale; without it such an amount is refused. */
  readonly rounding?: RoundingMode;
}

/** Options for {@link Money.parse}. */
export interface MoneyParseOptions extends MoneyOptions {
  /** The decimal separator of the text: `'.'` (default) or `','`. The other one is taken as the thousands separator. */
  readonly decimalSeparator?: '.' | ',';
}

/** The most integer digits an amount may have (far above any real balance; a bound on every value). */
export const integerDigitsMax = 30;
/** The most parts one `allocate` call may split into. */
export const allocatePartsMax = 100_000;

const canonicalPattern = /^[+-]?\d+(\.\d+)?$/;
const zero = new Decimal(0);
const powersOfTen: readonly DecimalJs[] = Array.from({ length: 40 }, (_, i) => Decimal.pow(10, i));
const powerOfTen = (exponent: number): DecimalJs => powersOfTen[exponent] ?? Decimal.pow(10, exponent);

/** `12345n` at scale 2 is `'123.45'`: built as text, since a decimal division costs ten times more. */
function minorUnitsToDecimalString(units: bigint, scale: number): string {
  if (scale === 0) return units.toString();
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

function toDecimal(value: DecimalInput, field: string): DecimalJs {
  if (typeof value === 'string') {
    if (!canonicalPattern.test(value)) {
      throw new KronosError(
        'INVALID_INPUT',
        `${field} '${value}' is not a plain decimal string. Write digits with an optional sign and one '.', e.g. '1234.56' (use Money.parse for text with thousands separators).`,
        { field, value },
      );
    }
    return new Decimal(value);
  }
  if (!DecimalJs.isDecimal(value) || !value.isFinite()) {
    throw new KronosError('INVALID_INPUT', `${field} must be a finite decimal string or Decimal, not ${String(value)}.`, { field, value: String(value) });
  }
  return value instanceof Decimal ? value : new Decimal((value as DecimalJs).toString());
}

function scaled(amount: DecimalJs, currency: Currency, options: MoneyOptions | undefined): DecimalJs {
  if (amount.decimalPlaces() <= currency.scale) return amount;
  const rounding = options?.rounding;
  if (rounding === undefined) {
    throw new KronosError(
      'SCALE_EXCEEDED',
      `${amount.toString()} has more decimals than ${currency.code} allows (${currency.scale}). Round it first or pass { rounding: 'halfEven' } (or another named mode).`,
      { amount: amount.toString(), currency: currency.code, scale: currency.scale },
    );
  }
  if (!isRoundingMode(rounding)) {
    throw new KronosError('INVALID_INPUT', `Unknown rounding mode '${String(rounding)}'.`, { rounding });
  }
  return amount.toDecimalPlaces(currency.scale, toDecimalRounding(rounding));
}

/**
 * An exact amount of one currency or asset. Immutable: every operation
 * returns a new `Money`. Amounts never pass through a JS `number`.
 *
 * @example
 * ```ts
 * const rent = Money.of('1250.00', 'USD');
 * rent.add(Money.of('99.99', 'USD')).toString(); //=> '1349.99'
 * rent.allocate(['1', '1', '1']).map(String); //=> ['416.67', '416.67', '416.66']
 * ```
 */
export class Money<C extends string = string> {
  /** The amount, never with more decimals than `currency.scale`. */
  readonly amount: DecimalJs;
  /** The currency or asset, with its scale. */
  readonly currency: Currency<C>;

  private constructor(amount: DecimalJs, currency: Currency<C>) {
    if (amount.e >= integerDigitsMax) {
      throw new KronosError('INVALID_INPUT', `${amount.toFixed()} is too large: amounts have at most ${integerDigitsMax} integer digits.`, { amount: amount.toFixed() });
    }
    this.amount = amount.isZero() ? zero : amount; // no negative zero
    this.currency = currency;
    Object.freeze(this);
  }

  /**
   * Creates an amount from a plain decimal string or a Decimal.
   *
   * @param amount - e.g. `'1234.56'` (no exponent, no separators)
   * @param currency - an ISO code (`'USD'`) or a `Currency` from `currency()` / `asset()`
   * @param options - `rounding` to accept more decimals than the scale, rounded with that mode
   * @throws KronosError `INVALID_INPUT` for malformed input, `SCALE_EXCEEDED` for too many decimals without a rounding mode
   *
   * @example
   * ```ts
   * Money.of('10.5', 'USD').toString(); //=> '10.50'
   * Money.of('1.005', 'USD', { rounding: 'halfEven' }).toString(); //=> '1.00'
   * Money.of('3.25', asset('VTI', 6)).toString(); //=> '3.250000'
   * ```
   */
  static of<C extends string>(amount: DecimalInput, currency: Currency<C> | C, options?: MoneyOptions): Money<C> {
    const unit = toCurrency(currency);
    return new Money(scaled(toDecimal(amount, 'Amount'), unit, options), unit);
  }

  /**
   * Parses human or bank text: surrounding spaces, a sign and thousands
   * separators are accepted; NaN, Infinity, exponents and stray characters are not.
   *
   * @example
   * ```ts
   * Money.parse(' 1,234.56 ', 'USD').toString(); //=> '1234.56'
   * Money.parse('1.234,56', 'EUR', { decimalSeparator: ',' }).toString(); //=> '1234.56'
   * Money.parse('1e3', 'USD'); // throws KronosError INVALID_INPUT
   * ```
   */
  static parse<C extends string>(text: string, currency: Currency<C> | C, options?: MoneyParseOptions): Money<C> {
    if (typeof text !== 'string') {
      throw new KronosError('INVALID_INPUT', `Money.parse takes a string, not ${typeof text}.`, { value: String(text) });
    }
    const decimalSeparator = options?.decimalSeparator ?? '.';
    const group = decimalSeparator === '.' ? ',' : '.';
    const trimmed = text.trim();
    const escapedGroup = group === '.' ? '\\.' : ',';
    const escapedDecimal = decimalSeparator === '.' ? '\\.' : ',';
    const pattern = new RegExp(`^([+-]?)(\\d{1,3}(?:${escapedGroup}\\d{3})+|\\d+)(?:${escapedDecimal}(\\d+))?$`);
    const match = pattern.exec(trimmed);
    if (!match) {
      throw new KronosError(
        'INVALID_INPUT',
        `'${text}' is not an amount. Write it like '-1${group}234${decimalSeparator}56' (sign, digits, optional thousands separators '${group}', decimal separator '${decimalSeparator}'); NaN, Infinity and exponents are refused.`,
        { value: text, decimalSeparator },
      );
    }
    const [, sign = '', integer = '', fraction] = match;
    const canonical = `${sign}${integer.split(group).join('')}${fraction === undefined ? '' : `.${fraction}`}`;
    return Money.of(canonical, currency, options);
  }

  /**
   * Zero in a currency.
   *
   * @example
   * ```ts
   * Money.zero('USD').toString(); //=> '0.00'
   * ```
   */
  static zero<C extends string>(currency: Currency<C> | C): Money<C> {
    return new Money(zero, toCurrency(currency));
  }

  /**
   * An amount from an integer count of the smallest unit (cents for USD).
   *
   * @example
   * ```ts
   * Money.fromMinorUnits(123456n, 'USD').toString(); //=> '1234.56'
   * ```
   */
  static fromMinorUnits<C extends string>(units: bigint, currency: Currency<C> | C): Money<C> {
    const unit = toCurrency(currency);
    if (typeof units !== 'bigint') {
      throw new KronosError('INVALID_INPUT', 'Minor units must be a bigint (e.g. 1234n), never a number.', { units: String(units) });
    }
    return new Money(new Decimal(minorUnitsToDecimalString(units, unit.scale)), unit);
  }

  /**
   * Reads the JSON form written by {@link Money.toJSON}.
   *
   * @example
   * ```ts
   * Money.fromJSON({ amount: '12.34', currency: 'USD', scale: 2 }).toString(); //=> '12.34'
   * ```
   */
  static fromJSON(json: MoneyJSON): Money {
    if (typeof json !== 'object' || json === null || typeof json.amount !== 'string' || typeof json.currency !== 'string') {
      throw new KronosError('INVALID_INPUT', 'Money JSON must be { amount: string, currency: string, scale: number }.', { value: json });
    }
    return Money.of(json.amount, { code: json.currency, scale: json.scale });
  }

  /**
   * The sum of amounts in one currency (zero for an empty list).
   *
   * @example
   * ```ts
   * Money.sum([Money.of('1.10', 'USD'), Money.of('2.20', 'USD')], 'USD').toString(); //=> '3.30'
   * ```
   */
  static sum<C extends string>(amounts: Iterable<Money<C>>, currency: Currency<C> | C): Money<C> {
    let total = Money.zero(currency);
    for (const amount of amounts) total = total.add(amount);
    return total;
  }

  /** The smaller of two amounts in one currency. @example `Money.min(Money.of('1', 'USD'), Money.of('2', 'USD')).toString() //=> '1.00'` */
  static min<C extends string>(a: Money<C>, b: Money<C>): Money<C> {
    return a.compare(b) <= 0 ? a : b;
  }

  /** The larger of two amounts in one currency. @example `Money.max(Money.of('1', 'USD'), Money.of('2', 'USD')).toString() //=> '2.00'` */
  static max<C extends string>(a: Money<C>, b: Money<C>): Money<C> {
    return a.compare(b) >= 0 ? a : b;
  }

  /** Whether a value is a `Money`. @example `Money.isMoney(Money.zero('USD')) //=> true` */
  static isMoney(value: unknown): value is Money {
    return value instanceof Money;
  }

  private sameUnit(other: Money<C>, operation: string): void {
    if (!(other instanceof Money)) {
      throw new KronosError('INVALID_INPUT', `${operation} takes a Money, not ${String(other)}.`, { operation });
    }
    if (!sameCurrency(this.currency, other.currency)) {
      throw new KronosError(
        'CURRENCY_MISMATCH',
        `Cannot ${operation} ${other.currency.code} (scale ${other.currency.scale}) and ${this.currency.code} (scale ${this.currency.scale}): convert one first at a named rate.`,
        { left: this.currency, right: other.currency, operation },
      );
    }
  }

  /** The sum of this and another amount of the same currency. @example `Money.of('1.50', 'USD').add(Money.of('2.25', 'USD')).toString() //=> '3.75'` */
  add(other: Money<C>): Money<C> {
    this.sameUnit(other, 'add');
    return new Money(this.amount.plus(other.amount), this.currency);
  }

  /** This minus another amount of the same currency. @example `Money.of('1.50', 'USD').subtract(Money.of('2.25', 'USD')).toString() //=> '-0.75'` */
  subtract(other: Money<C>): Money<C> {
    this.sameUnit(other, 'subtract');
    return new Money(this.amount.minus(other.amount), this.currency);
  }

  /**
   * Multiplies by a decimal factor, rounding exactly once with the named mode.
   *
   * @example
   * ```ts
   * Money.of('10.00', 'USD').multiply('0.075', 'halfUp').toString(); //=> '0.75'
   * ```
   */
  multiply(factor: DecimalInput, rounding: RoundingMode): Money<C> {
    const product = this.amount.times(toDecimal(factor, 'Factor'));
    return new Money(scaled(product, this.currency, { rounding }), this.currency);
  }

  /**
   * Divides by a non-zero decimal, rounding the exact quotient once with the named mode.
   *
   * @example
   * ```ts
   * Money.of('10.00', 'USD').divide('3', 'halfEven').toString(); //=> '3.33'
   * ```
   */
  divide(divisor: DecimalInput, rounding: RoundingMode): Money<C> {
    const d = toDecimal(divisor, 'Divisor');
    if (d.isZero()) throw new KronosError('INVALID_INPUT', 'Cannot divide money by zero.', { divisor: d.toString() });
    if (!isRoundingMode(rounding)) throw new KronosError('INVALID_INPUT', `Unknown rounding mode '${String(rounding)}'.`, { rounding });
    const divisorDecimals = d.decimalPlaces();
    const numerator = this.toMinorUnits() * 10n ** BigInt(divisorDecimals);
    const denominator = BigInt(d.times(powerOfTen(divisorDecimals)).toFixed(0));
    return Money.fromMinorUnits(divideRounded(numerator, denominator, rounding), this.currency);
  }

  /**
   * Splits the amount by ratios so the parts always sum to the whole: each
   * part gets its share rounded down to the scale, then the leftover smallest
   * units go one each to the parts with a non-zero ratio, first to last.
   *
   * @param ratios - non-negative decimal strings or Decimals, at least one positive
   *
   * @example
   * ```ts
   * Money.of('100.00', 'USD').allocate(['70', '30']).map(String); //=> ['70.00', '30.00']
   * Money.of('0.05', 'USD').allocate(['1', '1']).map(String); //=> ['0.03', '0.02']
   * ```
   */
  allocate(ratios: readonly DecimalInput[]): Money<C>[] {
    if (!Array.isArray(ratios) || ratios.length === 0 || ratios.length > allocatePartsMax) {
      throw new KronosError('INVALID_INPUT', `allocate takes 1 to ${allocatePartsMax} ratios.`, { count: Array.isArray(ratios) ? ratios.length : null });
    }
    const decimals = ratios.map((r, i) => toDecimal(r, `Ratio ${i}`));
    if (decimals.some((r) => r.isNegative())) {
      throw new KronosError('INVALID_INPUT', 'allocate ratios must not be negative.', { ratios: decimals.map(String) });
    }
    const places = Math.max(...decimals.map((r) => r.decimalPlaces()));
    const weights = decimals.map((r) => BigInt(r.times(powerOfTen(places)).toFixed(0)));
    const weightTotal = weights.reduce((a, b) => a + b, 0n);
    if (weightTotal === 0n) throw new KronosError('INVALID_INPUT', 'allocate needs at least one positive ratio.', { ratios: decimals.map(String) });
    const total = this.toMinorUnits();
    const magnitude = total < 0n ? -total : total;
    const parts = weights.map((w) => (magnitude * w) / weightTotal);
    let remainder = magnitude - parts.reduce((a, b) => a + b, 0n);
    for (let i = 0; remainder > 0n; i = (i + 1) % parts.length) {
      if ((weights[i] ?? 0n) === 0n) continue;
      parts[i] = (parts[i] ?? 0n) + 1n;
      remainder -= 1n;
    }
    return parts.map((units) => Money.fromMinorUnits(total < 0n ? -units : units, this.currency));
  }

  /** The amount with the opposite sign. @example `Money.of('5', 'USD').negate().toString() //=> '-5.00'` */
  negate(): Money<C> {
    return new Money(this.amount.negated(), this.currency);
  }

  /** The absolute amount. @example `Money.of('-5', 'USD').abs().toString() //=> '5.00'` */
  abs(): Money<C> {
    return new Money(this.amount.abs(), this.currency);
  }

  /** Whether the amount is zero. @example `Money.zero('USD').isZero() //=> true` */
  isZero(): boolean {
    return this.amount.isZero();
  }

  /** Whether the amount is above zero. @example `Money.of('0.01', 'USD').isPositive() //=> true` */
  isPositive(): boolean {
    return this.amount.greaterThan(0);
  }

  /** Whether the amount is below zero. @example `Money.of('-0.01', 'USD').isNegative() //=> true` */
  isNegative(): boolean {
    return this.amount.lessThan(0);
  }

  /**
   * -1, 0 or 1 as this is below, equal to or above `other` (same currency only).
   *
   * @example
   * ```ts
   * Money.of('1', 'USD').compare(Money.of('2', 'USD')); //=> -1
   * ```
   */
  compare(other: Money<C>): -1 | 0 | 1 {
    this.sameUnit(other, 'compare');
    return this.amount.comparedTo(other.amount) as -1 | 0 | 1;
  }

  /** Same currency and same amount (a different currency is simply not equal). @example `Money.of('1', 'USD').equals(Money.of('1.00', 'USD')) //=> true` */
  equals(other: Money): boolean {
    return other instanceof Money && sameCurrency(this.currency, other.currency) && this.amount.equals(other.amount);
  }

  /** @example `Money.of('1', 'USD').lessThan(Money.of('2', 'USD')) //=> true` */
  lessThan(other: Money<C>): boolean {
    return this.compare(other) < 0;
  }

  /** @example `Money.of('2', 'USD').lessThanOrEqual(Money.of('2', 'USD')) //=> true` */
  lessThanOrEqual(other: Money<C>): boolean {
    return this.compare(other) <= 0;
  }

  /** @example `Money.of('3', 'USD').greaterThan(Money.of('2', 'USD')) //=> true` */
  greaterThan(other: Money<C>): boolean {
    return this.compare(other) > 0;
  }

  /** @example `Money.of('2', 'USD').greaterThanOrEqual(Money.of('2', 'USD')) //=> true` */
  greaterThanOrEqual(other: Money<C>): boolean {
    return this.compare(other) >= 0;
  }

  /** The amount in the smallest unit, as a bigint. @example `Money.of('12.34', 'USD').toMinorUnits() //=> 1234n` */
  toMinorUnits(): bigint {
    // The amount never has more decimals than the scale, so dropping the point is exact.
    return BigInt(this.amount.toFixed(this.currency.scale).replace('.', ''));
  }

  /**
   * The amount as a float, for statistics and optimisation only: the one
   * explicit door from exact money into numbers.
   *
   * @example
   * ```ts
   * Money.of('12.34', 'USD').toNumber(); //=> 12.34
   * ```
   */
  toNumber(): number {
    return this.amount.toNumber();
  }

  /** The amount fixed to the scale, e.g. `'12.30'`. @example `Money.of('12.3', 'USD').toString() //=> '12.30'` */
  toString(): string {
    return this.amount.toFixed(this.currency.scale);
  }

  /** `{ amount, currency, scale }` with the amount as a decimal string. @example `JSON.stringify(Money.of('1', 'USD')) //=> '{"amount":"1.00","currency":"USD","scale":2}'` */
  toJSON(): MoneyJSON {
    return { amount: this.toString(), currency: this.currency.code, scale: this.currency.scale };
  }
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KronosError } from '../errors/index.js';
import { Decimal } from './decimal.js';
import { asset, currency } from './currency.js';
import { Money } from './money.js';
import { MoneySchema } from './schema.js';
import { divideRounded, roundingModes } from './rounding.js';

const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    if (error instanceof KronosError) return error.code;
    throw error;
  }
  return undefined;
};

describe('currency', () => {
  it('knows ISO scales, including 0 and 3 decimal currencies', () => {
    expect(currency('USD').scale).toBe(2);
    expect(currency('JPY').scale).toBe(0);
    expect(currency('BHD').scale).toBe(3);
    expect(currency('CLF').scale).toBe(4);
  });
  it('refuses an unknown currency code and points at asset()', () => {
    expect(code(() => currency('XYZ'))).toBe('INVALID_INPUT');
    expect(() => currency('usd')).toThrow(/asset\('usd', scale\)/);
  });
  it('takes any asset code with an explicit scale from 0 to 18', () => {
    expect(asset('AAPL', 6)).toEqual({ code: 'AAPL', scale: 6 });
    expect(code(() => asset('AAPL', 19))).toBe('INVALID_INPUT');
    expect(code(() => asset('AAPL', 1.5))).toBe('INVALID_INPUT');
    expect(code(() => asset('', 2))).toBe('INVALID_INPUT');
  });
});

describe('Money.of', () => {
  it('fixes the string form to the scale', () => {
    expect(Money.of('10.5', 'USD').toString()).toBe('10.50');
    expect(Money.of('7', 'JPY').toString()).toBe('7');
    expect(Money.of('1.234', 'BHD').toString()).toBe('1.234');
    expect(Money.of('0.5', asset('VTI', 4)).toString()).toBe('0.5000');
  });
  it('refuses more decimals than the scale unless a rounding mode is named', () => {
    expect(code(() => Money.of('1.005', 'USD'))).toBe('SCALE_EXCEEDED');
    expect(code(() => Money.of('1.5', 'JPY'))).toBe('SCALE_EXCEEDED');
    expect(Money.of('1.005', 'USD', { rounding: 'halfEven' }).toString()).toBe('1.00');
    expect(Money.of('1.005', 'USD', { rounding: 'halfUp' }).toString()).toBe('1.01');
    expect(Money.of('2.5', 'JPY', { rounding: 'halfEven' }).toString()).toBe('2');
  });
  it('refuses NaN, Infinity, exponents, separators and numbers', () => {
    for (const bad of ['NaN', 'Infinity', '-Infinity', '1e3', '1E-2', '0x10', '1,000', '', ' 1', '1.', '.5', '1..2', '--1']) {
      expect(code(() => Money.of(bad, 'USD')), bad).toBe('INVALID_INPUT');
    }
    expect(code(() => Money.of(12 as unknown as string, 'USD'))).toBe('INVALID_INPUT');
    expect(code(() => Money.of(new Decimal('NaN'), 'USD'))).toBe('INVALID_INPUT');
  });
  it('refuses amounts beyond the magnitude bound', () => {
    expect(code(() => Money.of('1' + '0'.repeat(30), 'USD'))).toBe('INVALID_INPUT');
    expect(Money.of('9'.repeat(30), 'USD').toString()).toBe('9'.repeat(30) + '.00');
  });
  it('never shows a negative zero', () => {
    expect(Money.of('-0.00', 'USD').toString()).toBe('0.00');
    expect(Money.of('-0.001', 'USD', { rounding: 'halfEven' }).toString()).toBe('0.00');
  });
});

describe('Money.parse', () => {
  it('accepts spaces, signs and strict thousands grouping', () => {
    expect(Money.parse(' 1,234.56 ', 'USD').toString()).toBe('1234.56');
    expect(Money.parse('-1,234,567.8', 'USD').toString()).toBe('-1234567.80');
    expect(Money.parse('+12', 'USD').toString()).toBe('12.00');
    expect(Money.parse('1.234,56', 'EUR', { decimalSeparator: ',' }).toString()).toBe('1234.56');
  });
  it('refuses junk with a message that shows the expected form', () => {
    for (const bad of ['NaN', 'Infinity', '1e5', '12,34.5', '1 234', '$12', '12-', 'abc', '']) {
      expect(code(() => Money.parse(bad, 'USD')), bad).toBe('INVALID_INPUT');
    }
    expect(() => Money.parse('1e5', 'USD')).toThrow(/exponents are refused/);
  });
  it('applies the scale rule after parsing', () => {
    expect(code(() => Money.parse('1.999', 'USD'))).toBe('SCALE_EXCEEDED');
    expect(Money.parse('1.999', 'USD', { rounding: 'down' }).toString()).toBe('1.99');
  });
});

describe('arithmetic', () => {
  it('adds and subtracts exactly', () => {
    expect(Money.of('0.10', 'USD').add(Money.of('0.20', 'USD')).toString()).toBe('0.30');
    expect(Money.of('1.00', 'USD').subtract(Money.of('2.50', 'USD')).toString()).toBe('-1.50');
  });
  it('refuses to mix currencies or scales', () => {
    expect(code(() => Money.of('1', 'USD').add(Money.of('1', 'EUR') as unknown as Money<'USD'>))).toBe('CURRENCY_MISMATCH');
    expect(code(() => Money.of('1', asset('X', 2)).add(Money.of('1', asset('X', 3))))).toBe('CURRENCY_MISMATCH');
  });
  it('multiplies and divides with exactly one named rounding', () => {
    expect(Money.of('10.00', 'USD').multiply('0.075', 'halfUp').toString()).toBe('0.75');
    expect(Money.of('10.00', 'USD').multiply('0.075', 'halfEven').toString()).toBe('0.75');
    expect(Money.of('0.05', 'USD').multiply('0.5', 'halfEven').toString()).toBe('0.02');
    expect(Money.of('0.05', 'USD').multiply('0.5', 'halfUp').toString()).toBe('0.03');
    expect(Money.of('10.00', 'USD').divide('3', 'halfEven').toString()).toBe('3.33');
    expect(Money.of('-10.00', 'USD').divide('3', 'floor').toString()).toBe('-3.34');
    expect(Money.of('1.00', 'USD').divide('0.3', 'ceil').toString()).toBe('3.34');
    expect(code(() => Money.of('1', 'USD').divide('0', 'halfEven'))).toBe('INVALID_INPUT');
  });
  it('compares within one currency', () => {
    const one = Money.of('1', 'USD');
    const two = Money.of('2', 'USD');
    expect(one.compare(two)).toBe(-1);
    expect(two.compare(one)).toBe(1);
    expect(one.compare(Money.of('1.00', 'USD'))).toBe(0);
    expect(one.lessThan(two) && two.greaterThan(one) && one.lessThanOrEqual(one) && one.greaterThanOrEqual(one)).toBe(true);
    expect(one.equals(Money.of('1', 'EUR'))).toBe(false);
    expect(Money.min(one, two)).toBe(one);
    expect(Money.max(one, two)).toBe(two);
  });
  it('converts to and from minor units as bigint', () => {
    expect(Money.of('-12.34', 'USD').toMinorUnits()).toBe(-1234n);
    expect(Money.fromMinorUnits(5n, 'BHD').toString()).toBe('0.005');
  });
  it('is immutable', () => {
    const m = Money.of('1', 'USD');
    expect(Object.isFrozen(m)).toBe(true);
    m.add(Money.of('1', 'USD'));
    expect(m.toString()).toBe('1.00');
  });
});

describe('allocate', () => {
  it('spreads the leftover units first to last, skipping zero ratios', () => {
    expect(Money.of('100.00', 'USD').allocate(['1', '1', '1']).map(String)).toEqual(['33.34', '33.33', '33.33']);
    expect(Money.of('0.05', 'USD').allocate(['0', '1', '1']).map(String)).toEqual(['0.00', '0.03', '0.02']);
    expect(Money.of('-0.05', 'USD').allocate(['1', '1']).map(String)).toEqual(['-0.03', '-0.02']);
    expect(Money.of('10', 'JPY').allocate(['0.5', '0.25', '0.25']).map(String)).toEqual(['6', '2', '2']);
  });
  it('refuses negative, empty or all-zero ratios', () => {
    expect(code(() => Money.of('1', 'USD').allocate([]))).toBe('INVALID_INPUT');
    expect(code(() => Money.of('1', 'USD').allocate(['-1', '2']))).toBe('INVALID_INPUT');
    expect(code(() => Money.of('1', 'USD').allocate(['0', '0']))).toBe('INVALID_INPUT');
  });
});

describe('JSON and schema', () => {
  it('writes the amount as a decimal string', () => {
    expect(JSON.stringify(Money.of('1', 'USD'))).toBe('{"amount":"1.00","currency":"USD","scale":2}');
  });
  it('parses through the zod schema, refusing bad amounts', () => {
    expect(MoneySchema.parse({ amount: '12.34', currency: 'USD', scale: 2 }).equals(Money.of('12.34', 'USD'))).toBe(true);
    expect(MoneySchema.safeParse({ amount: '12.345', currency: 'USD', scale: 2 }).success).toBe(false);
    expect(MoneySchema.safeParse({ amount: 12.34, currency: 'USD', scale: 2 }).success).toBe(false);
  });
});

const scaleArb = fc.integer({ min: 0, max: 8 });
const unitsArb = fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n });
const moneyArb = fc.tuple(unitsArb, scaleArb).map(([units, scale]) => Money.fromMinorUnits(units, asset('T', scale)));
const ratioArb = fc.tuple(fc.nat({ max: 10_000_000 }), fc.integer({ min: 0, max: 4 })).map(([n, places]) => new Decimal(n).dividedBy(10 ** places).toFixed());

describe('properties', () => {
  it('preserves the total: the parts of allocate sum to the original amount', () => {
    fc.assert(
      fc.property(moneyArb, fc.array(ratioArb, { minLength: 1, maxLength: 12 }), (money, ratios) => {
        fc.pre(ratios.some((r) => r !== '0'));
        const parts = money.allocate(ratios);
        expect(parts).toHaveLength(ratios.length);
        expect(Money.sum(parts, money.currency).equals(money)).toBe(true);
        parts.forEach((part, i) => {
          if (ratios[i] === '0') expect(part.isZero()).toBe(true);
        });
      }),
    );
  });
  it('allocates fairly: every part is within one smallest unit of its exact share', () => {
    fc.assert(
      fc.property(moneyArb, fc.array(ratioArb, { minLength: 1, maxLength: 8 }), (money, ratios) => {
        const total = ratios.reduce((s, r) => s.plus(r), new Decimal(0));
        fc.pre(!total.isZero());
        const unit = new Decimal(1).dividedBy(new Decimal(10).pow(money.currency.scale));
        money.allocate(ratios).forEach((part, i) => {
          const exact = money.amount.times(ratios[i] ?? '0').dividedBy(total);
          expect(part.amount.minus(exact).abs().lessThanOrEqualTo(unit)).toBe(true);
        });
      }),
    );
  });
  it('round-trips exactly through JSON', () => {
    fc.assert(
      fc.property(moneyArb, (money) => {
        const back = Money.fromJSON(JSON.parse(JSON.stringify(money)));
        expect(back.equals(money)).toBe(true);
        expect(back.toString()).toBe(money.toString());
      }),
    );
  });
  it('round-trips exactly through text: parse(toString(m)) equals m', () => {
    fc.assert(fc.property(moneyArb, (money) => Money.parse(money.toString(), money.currency).equals(money)));
  });
  it('adds like integers of minor units: addition is exact, commutative and undone by subtraction', () => {
    fc.assert(
      fc.property(unitsArb, unitsArb, scaleArb, (a, b, scale) => {
        const unit = asset('T', scale);
        const x = Money.fromMinorUnits(a, unit);
        const y = Money.fromMinorUnits(b, unit);
        expect(x.add(y).toMinorUnits()).toBe(a + b);
        expect(x.add(y).equals(y.add(x))).toBe(true);
        expect(x.add(y).subtract(y).equals(x)).toBe(true);
      }),
    );
  });
  it('rounds once: multiply agrees with exact rational rounding for every mode', () => {
    fc.assert(
      fc.property(unitsArb, fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), fc.integer({ min: 0, max: 6 }), fc.constantFrom(...roundingModes), (units, factorUnits, places, mode) => {
        const money = Money.fromMinorUnits(units, 'USD');
        const factor = new Decimal(factorUnits.toString()).dividedBy(new Decimal(10).pow(places));
        const expected = divideRounded(units * factorUnits, 10n ** BigInt(places), mode);
        expect(money.multiply(factor, mode).toMinorUnits()).toBe(expected);
      }),
    );
  });
  it('never leaves the scale: every result has at most scale decimals', () => {
    fc.assert(
      fc.property(moneyArb, ratioArb, fc.constantFrom(...roundingModes), (money, factor, mode) => {
        for (const result of [money.multiply(factor, mode), ...(factor === '0' ? [] : [money.divide(factor, mode)])]) {
          expect(result.amount.decimalPlaces()).toBeLessThanOrEqual(money.currency.scale);
        }
      }),
    );
  });
});

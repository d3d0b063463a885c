import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asset, currency } from '../money/currency.js';
import { Money } from '../money/money.js';
import { formatMinorUnits, toMinorUnits } from './amount.js';

/** Asserts that `fn` throws a KronosError with `code`. */
function expectCode(fn: () => unknown, code: string): void {
  expect(fn).toThrow(expect.objectContaining({ name: 'KronosError', code }));
}

describe('toMinorUnits', () => {
  it('reads plain decimals at the account scale', () => {
    expect(toMinorUnits('12.34', currency('USD'), 'amount')).toBe(1234n);
    expect(toMinorUnits('-0.5', currency('USD'), 'amount')).toBe(-50n);
    expect(toMinorUnits('7', currency('JPY'), 'amount')).toBe(7n);
    expect(toMinorUnits('1.2300', currency('USD'), 'amount')).toBe(123n);
    expect(toMinorUnits('0.000001', asset('AAPL', 6), 'amount')).toBe(1n);
  });
  it('refuses more decimals than the scale, exponents and junk', () => {
    expectCode(() => toMinorUnits('1.005', currency('USD'), 'amount'), 'SCALE_EXCEEDED');
    expectCode(() => toMinorUnits('1.5', currency('JPY'), 'amount'), 'SCALE_EXCEEDED');
    for (const junk of ['1e3', 'NaN', 'Infinity', '', ' 1.00', '1,000.00', '--1', '.5']) expectCode(() => toMinorUnits(junk, currency('USD'), 'amount'), 'INVALID_INPUT');
  });
  it('takes a Money of the same unit and refuses another', () => {
    expect(toMinorUnits(Money.of('12.34', 'USD'), currency('USD'), 'amount')).toBe(1234n);
    expectCode(() => toMinorUnits(Money.of('12.34', 'EUR'), currency('USD'), 'amount'), 'CURRENCY_MISMATCH');
  });

  describe('properties', () => {
    it('round-trips: formatting minor units and reading them back gives the same units', () => {
      fc.assert(
        fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 18 }), (units, scale) => {
          const unit = asset('X', scale);
          expect(toMinorUnits(formatMinorUnits(units, scale), unit, 'amount')).toBe(units);
          expect(Money.of(formatMinorUnits(units, scale), unit).toMinorUnits()).toBe(units);
        }),
        { numRuns: 300 },
      );
    });
  });
});
